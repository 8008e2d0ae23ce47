//! The audit is linear: on generated inputs at doubling sizes, the work it counts (bytes
//! examined by every loop, see `work.rs`) doubles too. A quadratic step would quadruple it.

use std::path::Path;

use super::report::Report;
use super::scan::Audit;
use super::work;

/// The shapes that were quadratic, and a few more, each at size `n`.
/// A named generator of input of size `n`.
type Shape = (&'static str, fn(usize) -> String);

fn shapes() -> Vec<Shape> {
    vec![
        ("findings per line", |n| {
            "\"postgres://u:p@db.internal/app\", ".repeat(n)
        }),
        ("literals per line", |n| "\"a:b\", ".repeat(n)),
        ("opt-out lines in one block comment", |n| {
            format!("/*\n{}*/", "é resources-audit: allow(x)\r\n".repeat(n))
        }),
        ("opt-outs without reason", |n| {
            "// resources-audit: allow()\n".repeat(n)
        }),
        ("unclosed attributes", |n| "#[cfg(test ".repeat(n)),
        ("opt-outs and findings", |n| {
            "// resources-audit: allow(x)\n\"redis://cache/0\";\n\"redis://cache/1\";\n".repeat(n)
        }),
        ("concat pieces", |n| {
            format!("concat!({});", "\"postgres://h/\", ".repeat(n))
        }),
        ("schemes in one literal", |n| {
            format!("\"{}\"", "postgres://u:p@h ".repeat(n))
        }),
        ("URLs with credentials in one literal", |n| {
            format!("\"{}\"", "https://u:p@h/ ".repeat(n))
        }),
        ("URLs without credentials in one literal", |n| {
            format!("\"{}\"", "https://h/a ".repeat(n))
        }),
        ("raw string near-closings", |n| {
            format!("r###\"{}\"###", "\"## ".repeat(n))
        }),
        ("raw string of many hashes", |n| {
            format!("r{}\"{}", "#".repeat(n), "\"".repeat(n))
        }),
        ("module declarations", |n| "#[cfg(test)] mod m;\n".repeat(n)),
        ("nesting", |n| {
            format!("{}\"amqp://mq/\"{}", "{".repeat(n), "}".repeat(n))
        }),
        ("item opt-outs", |n| {
            "// resources-audit: allow-item(x)\nfn f() { \"s3://b/k\" }\n".repeat(n)
        }),
    ]
}

fn work_of(text: &str) -> u64 {
    work::take();
    let mut report = Report::default();
    Audit::new(".").scan_text(Path::new("x.rs"), text, &mut report);
    std::hint::black_box(report.to_string());
    work::take()
}

#[test]
fn work_doubles_with_the_input() {
    for (name, shape) in shapes() {
        let sizes = [500, 1000, 2000, 4000];
        let works: Vec<u64> = sizes.iter().map(|&n| work_of(&shape(n))).collect();
        // Shown with `--nocapture`: the figures of the README.
        println!(
            "{name}: work per input byte {:.1}, step ratios {:?}",
            works[3] as f64 / shape(4000).len() as f64,
            works
                .windows(2)
                .map(|p| format!("{:.2}", p[1] as f64 / p[0] as f64))
                .collect::<Vec<_>>()
        );
        for pair in works.windows(2) {
            let ratio = pair[1] as f64 / pair[0] as f64;
            assert!(
                ratio < 2.3,
                "{name}: work {works:?} at sizes {sizes:?} (a step of {ratio:.2})"
            );
        }
        // And bounded per byte of input.
        let bytes = shape(4000).len() as u64;
        assert!(
            works[3] < 64 * bytes,
            "{name}: {} units of work for {bytes} bytes",
            works[3]
        );
    }
}
