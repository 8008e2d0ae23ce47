//! The audit: fixture crates built with `cargo build`, the lexer on tricky input, and the
//! project's own sources.

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use resources::audit::{Audit, FindingKind, Report, assert_clean};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds a fixture crate with cargo, in a target directory of its own.
fn build(fixture: &str) -> (bool, String) {
    let dir = root().join("tests/audit-fixtures").join(fixture);
    let target = root().join("target/audit-fixtures");
    let out = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    // Cargo indents a build script's output by two spaces.
    let stderr = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| l.strip_prefix("  ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    (out.status.success(), stderr)
}

/// `file:line:col` of every `-->` line of a build's output.
fn locations(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_dirty_fixture_fails_the_build_at_each_literal() {
    let (ok, stderr) = build("dirty");
    assert!(!ok, "the dirty fixture must not build:\n{stderr}");
    assert_eq!(
        locations(&stderr),
        [
            "src/lib.rs:6:23",
            "src/lib.rs:7:22",
            "src/lib.rs:10:5",
            "src/lib.rs:14:5",
            "src/lib.rs:18:6",
            "src/lib.rs:18:36",
            "src/lib.rs:22:5",
            "src/lib.rs:26:13",
            "src/lib.rs:30:13",
            "src/lib.rs:34:18",
            "src/lib.rs:37:45",
            "src/lib.rs:41:5",
            "src/lib.rs:45:6",
            "src/lib.rs:45:43",
            "src/lib.rs:48:4",
            "src/lib.rs:50:5",
            "src/more.rs:4:5",
        ],
        "{stderr}"
    );
    // rustc's shape: the literal alone, redacted (never the source line), a help line.
    assert!(stderr.contains("error: hard-coded resource locator\n --> src/lib.rs:6:23\n  |\n6 | \"postgres://app:***@db.internal:5432/app\"\n  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = help: read it from config: declare a field of type `PostgresUrl`"), "{stderr}");
    assert!(!stderr.contains("const PRIMARY"), "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");
    assert!(!stderr.contains("t0ken"), "{stderr}");
    assert!(
        stderr.contains("error: hard-coded credentials in a URL"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: resources-audit opt-out without a reason"),
        "{stderr}"
    );
    assert!(
        stderr.contains("resources-audit: 17 findings in 2 files (3 scanned)"),
        "{stderr}"
    );
}

#[test]
fn the_clean_fixture_builds() {
    let (ok, stderr) = build("clean");
    assert!(ok, "the clean fixture must build:\n{stderr}");
}

#[test]
fn the_test_helper_gives_the_same_verdict() {
    let dirty = Audit::new(root().join("tests/audit-fixtures/dirty")).scan();
    assert_eq!(dirty.findings.len(), 17);
    let clean = Audit::new(root().join("tests/audit-fixtures/clean")).scan();
    assert!(clean.is_clean(), "{clean}");
    assert_clean(root().join("tests/audit-fixtures/clean"));
    // Examples are skipped by default, and audited on request.
    let with_examples = Audit::new(root().join("tests/audit-fixtures/clean"))
        .include_examples(true)
        .scan();
    assert_eq!(with_examples.findings.len(), 1, "{with_examples}");
    assert!(with_examples.findings[0].path.ends_with("examples/demo.rs"));
}

fn scan(text: &str) -> Report {
    let mut report = Report::default();
    Audit::new(".").scan_text(Path::new("x.rs"), text, &mut report);
    report
}

#[test]
fn lexer_edge_cases() {
    // A quote in a char literal does not open a string.
    assert!(scan("let c = '\"'; let s = \"redis://x\";").findings.len() == 1);
    // Lifetimes are not char literals.
    assert_eq!(
        scan("fn f<'a>(x: &'a str) -> &'a str { \"amqp://mq\" }").findings[0].column,
        35
    );
    // Nested block comments.
    assert!(scan("/* /* \"postgres://x\" */ still comment \"redis://y\" */").is_clean());
    // Raw strings with hashes holding quotes.
    assert_eq!(scan("r##\"a \"# b postgres://x\"##").findings.len(), 1);
    // Escapes that spell a scheme.
    assert_eq!(scan("\"\\u{70}ostgres://x\"").findings.len(), 1);
    // Inner `#![cfg(test)]` makes the rest of the file test code.
    assert!(scan("#![cfg(test)]\nconst A: &str = \"postgres://x\";").is_clean());
    // `#[cfg(test)]` covers exactly one item.
    let r = scan(
        "#[cfg(test)]\nstatic A: [&str; 1] = [\"postgres://x\"];\nconst B: &str = \"redis://y\";",
    );
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].line, 3);
    // Unterminated literals and comments are warnings, never panics.
    assert_eq!(scan("\"postgres://x").warnings.len(), 1);
    assert_eq!(scan("/* unterminated").warnings.len(), 1);
    assert_eq!(scan("r#\"unterminated").warnings.len(), 1);
    // A lone `"postgres://"` prefix names no resource (it used to count: issue 15 changed the
    // rule); a URL without credentials is not a backing service.
    assert!(scan("\"postgres://\"").is_clean());
    assert_eq!(scan("\"postgres://db\"").findings.len(), 1);
    assert!(scan("\"https://crates.io/crates/resources\"").is_clean());
    assert!(matches!(
        scan("\"https://u:p@h\"").findings[0].kind,
        FindingKind::Credentials
    ));
    // Extra schemes are configurable.
    let mut report = Report::default();
    Audit::new(".").extra_schemes(["zk"]).scan_text(
        Path::new("x.rs"),
        "\"zk://a\" \"jdbc:x\"",
        &mut report,
    );
    assert_eq!(report.findings.len(), 1);
}

#[test]
fn never_panics_on_arbitrary_input() {
    let samples = [
        "",
        "\"",
        "'",
        "r",
        "r#",
        "br##\"",
        "b'",
        "'\\",
        "\"\\",
        "\"\\u{",
        "\"\\x",
        "/*",
        "#[",
        "#![cfg(test",
        "}}}}",
        "{{{{",
        "'\\u{110000}'",
        "\"é\\\n  ü\"",
        "c\"\\0\"",
        "#!/usr/bin/env run\n\"redis://x\"",
    ];
    for s in samples {
        let _ = scan(s);
    }
    // Every prefix of a realistic file.
    let text =
        std::fs::read_to_string(root().join("tests/audit-fixtures/dirty/src/lib.rs")).unwrap();
    for end in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
        let _ = scan(&text[..end]);
    }
}

/// The project audits itself: no crate of the workspace hard-codes a locator.
#[test]
fn the_project_is_clean() {
    for krate in [".", "resources-core", "resources-derive", "services"] {
        let report = Audit::new(root().join(krate)).scan();
        assert!(report.is_clean(), "{krate}:\n{report}");
        assert!(report.warnings.is_empty(), "{krate}:\n{report}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text, weighted towards the characters the lexer cares about, scans without a panic.
    #[test]
    fn scanning_any_text_never_panics(text in "([\"'\\\\/*#!\\[\\](){};:rbcuxé€😀 \n\\t]|[a-z0-9_]|postgres://|\\\\u\\{|\\\\x){0,60}") {
        let _ = scan(&text);
    }

    /// Arbitrary Unicode too.
    #[test]
    fn scanning_arbitrary_unicode_never_panics(text in any::<String>()) {
        let _ = scan(&text);
    }
}
