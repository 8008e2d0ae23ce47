//! Audit speed on real third-party sources: syn, serde, serde_json, proptest and regex-syntax
//! from the local cargo registry (well over 100k lines; all are dependencies of this
//! workspace, so they are there after a build). Baseline, in the same run: tokenizing the same
//! files with `proc_macro2`. Prints lines per second of each and the ratio.
//!
//! Then the linearity check: inputs generated at doubling sizes in the shapes that were
//! quadratic (findings per line, opt-out lines in one block comment, unclosed `#[`, literals
//! per line); criterion times each size, and a summary prints the fastest of 7 plain runs per
//! size and the time ratio of each doubling (about 2 when linear, 4 when quadratic).
//!
//! `cargo bench --bench audit --features audit` (both parts), `… -- corpus` or `… -- scaling`
//! (one of them).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, Throughput};
use resources::audit::{Audit, Report};

const CRATES: &[&str] = &[
    "syn-2",
    "serde-1",
    "serde_json-1",
    "proptest-1",
    "regex-syntax-0",
];

fn registry_sources() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let mut dirs = Vec::new();
    for index in std::fs::read_dir(home.join("registry/src"))
        .expect("a cargo registry")
        .flatten()
    {
        for krate in std::fs::read_dir(index.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = krate.file_name().to_string_lossy().into_owned();
            if CRATES
                .iter()
                .any(|c| name.starts_with(c) && name[c.len()..].starts_with('.'))
            {
                dirs.push(krate.path());
            }
        }
    }
    dirs.sort();
    dirs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The shapes that were quadratic, at size `n`.
/// A named generator of input of size `n`.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    ("findings_per_line", |n| {
        "\"postgres://u:p@db.internal/app\", ".repeat(n)
    }),
    ("optout_lines_in_one_block_comment", |n| {
        format!("/*\n{}*/", "resources-audit: allow(fixture)\n".repeat(n))
    }),
    ("unclosed_attributes", |n| "#[cfg(test) ".repeat(n)),
    ("literals_per_line", |n| "\"a:b\", ".repeat(n)),
];

const SIZES: &[usize] = &[1000, 2000, 4000, 8000];

fn scan_one(text: &str) -> Report {
    let mut report = Report::default();
    Audit::new(".").scan_text(Path::new("x.rs"), text, &mut report);
    report
}

fn scaling() {
    let mut c = Criterion::default().configure_from_args().sample_size(10);
    let mut group = c.benchmark_group("audit_scaling");
    for (name, shape) in SHAPES {
        for &n in SIZES {
            let text = shape(n);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}/{n}"), |b| {
                b.iter(|| black_box(scan_one(&text)))
            });
        }
    }
    group.finish();
    c.final_summary();
    println!(
        "| shape | {} | ratios of each doubling |",
        SIZES
            .iter()
            .map(|n| format!("n={n} (ms)"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("| --- |{} --- |", " ---: |".repeat(SIZES.len()));
    for (name, shape) in SHAPES {
        let times: Vec<f64> = SIZES
            .iter()
            .map(|&n| {
                // The fastest of 7 runs: the least disturbed by other work on the machine.
                let text = shape(n);
                (0..7)
                    .map(|_| {
                        let start = Instant::now();
                        black_box(scan_one(&text));
                        start.elapsed().as_secs_f64()
                    })
                    .fold(f64::INFINITY, f64::min)
            })
            .collect();
        println!(
            "| {name} | {} | {} |",
            times
                .iter()
                .map(|t| format!("{:.3}", t * 1e3))
                .collect::<Vec<_>>()
                .join(" | "),
            times
                .windows(2)
                .map(|p| format!("{:.2}", p[1] / p[0]))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

fn main() {
    let only = |part: &str| std::env::args().any(|a| a == part);
    if !only("scaling") {
        corpus();
    }
    if !only("corpus") {
        scaling();
    }
}

fn corpus() {
    let dirs = registry_sources();
    let mut files = Vec::new();
    for dir in &dirs {
        rust_files(dir, &mut files);
    }
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(&f).ok().map(|t| (f, t)))
        .collect();
    let lines: usize = texts.iter().map(|(_, t)| t.lines().count()).sum();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    println!(
        "corpus: {} files, {lines} lines, {bytes} bytes from {}",
        texts.len(),
        dirs.iter()
            .filter_map(|d| d.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(
        lines >= 100_000,
        "the corpus needs 100k+ lines; build the workspace first"
    );

    let audit = Audit::new(".");
    let scan_all = || {
        let mut report = Report::default();
        for (path, text) in &texts {
            audit.scan_text(path, text, &mut report);
        }
        report
    };
    let tokenize_all = || {
        let mut tokens = 0usize;
        for (_, text) in &texts {
            if let Ok(ts) = text.parse::<proc_macro2::TokenStream>() {
                tokens += ts.into_iter().count();
            }
        }
        tokens
    };
    // A finding count, to show the audit did its work (registry crates hold URLs in tests and docs).
    println!(
        "audit findings in the corpus: {}",
        scan_all().findings.len()
    );

    let mut c = Criterion::default().configure_from_args().sample_size(20);
    let mut group = c.benchmark_group("audit_corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("resources_audit", |b| b.iter(|| black_box(scan_all())));
    group.bench_function("proc_macro2_tokenize", |b| {
        b.iter(|| black_box(tokenize_all()))
    });
    group.finish();
    c.final_summary();

    // One plain timing of each for the lines-per-second summary.
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..5 {
            f();
        }
        start.elapsed().as_secs_f64() / 5.0
    };
    let audit_s = time(&|| {
        black_box(scan_all());
    });
    let tokenize_s = time(&|| {
        black_box(tokenize_all());
    });
    println!(
        "audit: {:.0} lines/s; proc_macro2 tokenize: {:.0} lines/s; audit / tokenize time ratio: {:.2}",
        lines as f64 / audit_s,
        lines as f64 / tokenize_s,
        audit_s / tokenize_s
    );
}
