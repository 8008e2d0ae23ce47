//! The audit's rules, one fixture file per form (`tests/audit-fixtures/forms/`): each opt-out
//! form, what names a resource, documentation attributes, tokens as user names, `concat!`;
//! test modules per crate root (`roots/`); and output that never holds source text.

use std::path::{Path, PathBuf};

use resources::audit::{Audit, FindingKind, Report};

fn fixture(name: &str) -> Report {
    Audit::new(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/audit-fixtures")
            .join(name),
    )
    .scan()
}

/// `file:line:col` of every finding.
fn locations(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| format!("{}:{}:{}", f.path.display(), f.line, f.column))
        .collect()
}

fn scan(text: &str) -> Report {
    let mut report = Report::default();
    Audit::new(".").scan_text(Path::new("x.rs"), text, &mut report);
    report
}

#[test]
fn every_form_finds_exactly_its_cases() {
    let report = fixture("forms");
    assert!(report.warnings.is_empty(), "{report}");
    assert_eq!(
        locations(&report),
        [
            // Opt-outs without a reason, in each form (the literals below them stay findings).
            "src/bad_optouts.rs:3:4",
            "src/bad_optouts.rs:4:21",
            "src/bad_optouts.rs:5:4",
            "src/bad_optouts.rs:6:21",
            "src/bad_optouts.rs:7:4",
            "src/bad_optouts.rs:8:21",
            "src/bad_optouts.rs:9:4",
            "src/bad_optouts.rs:10:21",
            // `concat!` pieces joined: the first piece's position.
            "src/concat.rs:3:34",
            // `default_value` is no documentation.
            "src/docs.rs:11:49",
            // Each opt-out covers its literals and no more.
            "src/item_and_block.rs:6:31",
            "src/item_and_block.rs:16:34",
            "src/item_and_block.rs:19:18",
            "src/item_and_block.rs:25:14",
            // A format string that names a port and a database.
            "src/schemes_only.rs:18:13",
            // Tokens as user names.
            "src/tokens.rs:3:30",
            "src/tokens.rs:4:30",
        ],
        "{report}"
    );
    let kinds = |file: &str| -> Vec<&FindingKind> {
        report
            .findings
            .iter()
            .filter(|f| f.path.ends_with(file))
            .map(|f| &f.kind)
            .collect()
    };
    assert!(
        kinds("tokens.rs")
            .iter()
            .all(|k| **k == FindingKind::Credentials)
    );
    assert_eq!(
        kinds("bad_optouts.rs")
            .iter()
            .filter(|k| ***k == FindingKind::AllowWithoutReason)
            .count(),
        4
    );
    // The summary counts the files with findings, and the files scanned.
    assert!(
        report
            .to_string()
            .ends_with("resources-audit: 17 findings in 6 files (8 scanned)"),
        "{report}"
    );
}

#[test]
fn output_never_holds_source_text() {
    let text = fixture("forms").to_string();
    for leak in [
        "hunter2",
        "s3cr3t-piece",
        "ghp_Zq3kT9vXw2LmN8pR4sY6uB1cD5eF7gH0jK2m",
        "TOKEN",
        "pub const",
        "a reason, but no such form",
    ] {
        assert!(!text.contains(leak), "{leak} in:\n{text}");
    }
    // A finding shows the literal, redacted, and the comment of a bad opt-out not at all.
    assert!(
        text.contains("3 | \"postgres://app:***@db.internal/app\"\n"),
        "{text}"
    );
    assert!(
        text.contains("3 | \"https://***@api.github.com/repos\"\n"),
        "{text}"
    );
    assert!(
        text.contains("error: resources-audit opt-out without a reason\n --> src/bad_optouts.rs:3:4\n  = help:"),
        "{text}"
    );
}

#[test]
fn test_modules_are_per_crate_root() {
    // `src/main.rs` declares `config` under `#[cfg(test)]`, `src/lib.rs` as real code: it is
    // audited. `fixtures` only test code reaches.
    let report = fixture("roots");
    assert_eq!(locations(&report), ["src/config.rs:1:28"], "{report}");
}

#[test]
fn line_redaction_gaps_are_closed() {
    // Passwords with raw `, ) ' " space / ?`, raw strings, escapes, continuations, and other
    // literals on the same line: the output shows only the redacted literal.
    let cases = [
        r#"const A: &str = "postgres://u:pa,ss)w'o\"r d/?x@db/app"; const B: &str = "hunter2";"#,
        r##"const A: &str = r#"redis://:pa"ss w/o?rd@cache/0"#;"##,
        "const A: &str = \"amqp://u:p\\u{61}ssw\\x6frd@mq/\";",
        "const A: &str = \"mysql://u:pass\\\n     word@db/app\";",
        "let a = concat!(\"postgres://u:\", \"password\", \"@db/app\"); let b = \"password\";",
    ];
    for case in cases {
        let report = scan(case);
        assert_eq!(report.findings.len(), 1, "{case}\n{report}");
        let text = report.to_string();
        for leak in [
            "pa,ss", "hunter2", "pa\"ss", "password", "passw", "\\u{61}", "word@",
        ] {
            assert!(!text.contains(leak), "{leak} from {case} in:\n{text}");
        }
        assert!(!text.contains("const A"), "{text}");
    }
}

#[test]
fn a_crlf_block_comment_with_multibyte_text_does_not_panic() {
    // Issue 13.3: a byte offset drifted by one per `\r` and sliced inside `é`.
    for text in [
        "/* é\r\n é\r\n resources-audit: allow() */\r\n\"redis://cache/0\"",
        "/*\r\n\u{20ac}\u{20ac}\r\n\u{1F600} resources-audit: allow-item(x)\r\n*/ fn f() { \"redis://c/0\" }",
    ] {
        let report = scan(text);
        assert!(report.warnings.is_empty());
        let _ = report.to_string();
    }
    let report = scan("/* é\r\n é\r\n resources-audit: allow() */\r\n\"redis://cache/0\"");
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| (f.line, f.column))
            .collect::<Vec<_>>(),
        [(3, 2), (4, 1)]
    );
}

#[test]
fn file_names_cannot_inject_cargo_directives() {
    let dir = std::env::temp_dir().join(format!("resources-audit-names-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let evil = src.join("a\ncargo:rustc-cfg=evil\nb.rs");
    std::fs::write(&evil, "const A: &str = \"redis://cache.internal/0\";\n").unwrap();
    std::fs::write(src.join("lib.rs"), "").unwrap();
    let report = Audit::new(&dir).scan();
    let directives = report.cargo_directives();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(report.findings.len(), 1);
    for line in &directives {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(
            line.starts_with("cargo:rerun-if-changed=") || line.starts_with("cargo:warning="),
            "{line:?}"
        );
    }
    assert!(
        directives
            .iter()
            .any(|l| l.starts_with("cargo:warning=")
                && l.contains("a\\ncargo:rustc-cfg=evil\\nb.rs")),
        "{directives:?}"
    );
    // The report escapes the name too.
    let text = report.to_string();
    assert!(!text.lines().any(|l| l.starts_with("cargo:")), "{text}");
}

#[test]
fn an_unclosed_concat_still_counts() {
    let report = scan("const A: &str = concat!(\"postgres://app@\", \"db.internal/app\"");
    assert_eq!(report.findings.len(), 1, "{report}");
}

/// A setting whose default is a locator is refused by the derive; the audit flags it too,
/// without printing the password, while a plain setting default is not a finding.
#[test]
fn a_locator_default_of_a_setting_is_a_finding() {
    let report = scan(
        "#[derive(Resources)]\nstruct C {\n    #[setting(default = \"postgres://app:hunter2@db.internal/app\")]\n    url: String,\n    #[setting(default = \"noreply@example.com\")]\n    from: String,\n    #[setting(default = 10)]\n    pool: u32,\n}\n",
    );
    assert_eq!(locations(&report), ["x.rs:3:25"], "{report}");
    assert!(!report.to_string().contains("hunter2"), "{report}");
}
