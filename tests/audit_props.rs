//! Property campaign over the audit (fixed budget, runs in `cargo test`): random passwords and
//! tokens embedded in literals of every form, alone and in adversarial surroundings; no
//! output ever holds one, and no input makes the audit panic. Budget: 1,500 + 1,500 + 1,000 +
//! 500 inputs.

use std::path::Path;

use proptest::prelude::*;
use resources::audit::{Audit, Report};

fn scan(text: &str) -> Report {
    let mut report = Report::default();
    Audit::new(".").scan_text(Path::new("x.rs"), text, &mut report);
    report
}

/// Everything the audit lets out for a file: the report as printed, and every field.
fn output(report: &Report) -> String {
    format!("{report}\n{report:?}\n{:?}", report.cargo_directives())
}

/// A password of printable ASCII, raw `, ) ' " space / ? @ :` and `\` included (no `#`, `{`,
/// `}`, `&` or `;`, which end raw strings, format placeholders and parameters).
fn password() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{3}[A-Za-z0-9,)'\" /?@:!$%^*(=+~\\\\-]{5,16}[A-Za-z0-9]"
}

/// A password as the value of a query parameter (no blank, `&`, `;`).
fn param_password() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{3}[A-Za-z0-9,)'\"/?@:!$%^*(=+~-]{5,16}[A-Za-z0-9]"
}

/// A token: a provider's prefix, or a long run of letters and digits.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "ghp_[A-Za-z0-9]{36}",
        "glpat-[A-Za-z0-9]{20}",
        "[a-z]{4}[0-9]{4}[A-Za-z0-9]{16,30}",
    ]
}

/// `text` as the content of a `"…"` literal.
fn escaped(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect()
}

/// `text` as `\u{…}` and `\x…` escapes, alternately.
fn unicode_escaped(text: &str) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                format!("\\x{:02x}", c as u32)
            }
        })
        .collect()
}

/// One literal holding the secret, in form `form` (0..14); the secret as written in source.
fn snippet(form: u8, pw: &str, qpw: &str, tok: &str) -> String {
    let e = escaped(pw);
    let qpw = escaped(qpw);
    match form % 14 {
        0 => format!("\"postgres://app:{e}@db.internal:5432/app\""),
        1 => format!("r##\"redis://:{pw}@cache.internal:6379/0\"##"),
        2 => format!("\"amqp://app:{}@mq.internal/%2F\"", unicode_escaped(pw)),
        3 => {
            let mid = e.len() / 2;
            let mid = (mid..e.len())
                .find(|i| e.is_char_boundary(*i) && !e[..*i].ends_with('\\'))
                .unwrap_or(e.len());
            format!(
                "\"mysql://app:{}\\\n        {}@db.internal/app\"",
                &e[..mid],
                &e[mid..]
            )
        }
        4 => format!("concat!(\"postgres://app:\", \"{e}\", \"@db.internal/app\")"),
        5 => format!("b\"smtp://mailer:{e}@smtp.internal:587\""),
        6 => format!("\"redis://cache.internal/0?password={qpw}&db=1\""),
        7 => format!("\"https://{tok}@api.github.com/repos\""),
        8 => format!("\"https://{tok}:x-oauth-basic@github.com/org/repo.git\""),
        9 => format!("\"jdbc:sqlserver://db.internal;user=app;password={qpw};database=app\""),
        10 => format!("\"https://deploy:{e}@api.example.com/v1\""),
        11 => format!("c\"mongodb://app:{e}@m1.internal,m2.internal/app\""),
        12 => format!("\"mysql://u:x@db.internal/app\", \"{e}\""),
        _ => format!(
            "\"nats://app:{e}@nats.internal:4222\" /* {} */",
            pw.replace('*', "x")
        ),
    }
}

/// Where a snippet stands.
fn placed(place: u8, snippet: &str, pw: &str) -> String {
    match place % 6 {
        0 => format!("const A: &str = {snippet};"),
        1 => format!("fn f() -> &'static str {{ {snippet} }}"),
        2 => format!("#[arg(long, default_value = {snippet})]\nstruct Args;"),
        3 => format!("let v = [{snippet}, {snippet}]; // {pw}"),
        4 => format!("// resources-audit: allow {pw}\nlet v = {snippet};"),
        // (No `*` in the comment: `/*` or `*/` in it would end or nest it.)
        _ => format!(
            "/* resources-audit: allow-item() {}\r\n */ static V: &str = {snippet};",
            pw.replace('*', "x")
        ),
    }
}

fn assert_no_leak(out: &str, secrets: &[&str]) -> Result<(), TestCaseError> {
    for secret in secrets {
        prop_assert!(!out.contains(secret), "{secret:?} leaked in:\n{out}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Every form, every placement: found, and never shown.
    #[test]
    fn secrets_in_literals_never_leak(
        pieces in prop::collection::vec((0u8..14, 0u8..6), 1..6),
        pw in password(),
        qpw in param_password(),
        tok in token(),
    ) {
        let text: String = pieces
            .iter()
            .map(|(form, place)| placed(*place, &snippet(*form, &pw, &qpw, &tok), &pw))
            .collect::<Vec<_>>()
            .join("\n");
        let report = scan(&text);
        prop_assert!(!report.is_clean(), "nothing found in:\n{text}");
        prop_assert!(report.warnings.is_empty(), "{report}");
        let (escaped_pw, escaped_qpw) = (escaped(&pw), escaped(&qpw));
        let unicode = unicode_escaped(&pw);
        assert_no_leak(&output(&report), &[&pw, &qpw, &tok, &escaped_pw, &escaped_qpw, &unicode])?;
    }

    /// The same literals after and before adversarial text (unterminated literals, comments,
    /// attributes, escapes, raw-string prefixes, CRLF, multibyte chars): whatever the lexer
    /// makes of it, no password comes out.
    #[test]
    fn secrets_in_adversarial_context_never_leak(
        before in "([\"'\\\\/*#!\\[\\](){};:rbcé€😀 \r\n\\t]|[a-z_]|cfg\\(test\\)|concat!\\(|resources-audit: allow|://|\\\\u\\{){0,30}",
        after in "([\"'\\\\/*#!\\[\\](){};:rbcé€😀 \r\n\\t]|[a-z_]|://|@){0,30}",
        form in 0u8..12,
        pw in password(),
        qpw in param_password(),
        tok in token(),
    ) {
        let text = format!("{before}{}{after}", snippet(form, &pw, &qpw, &tok));
        let report = scan(&text);
        let (escaped_pw, escaped_qpw) = (escaped(&pw), escaped(&qpw));
        assert_no_leak(&output(&report), &[&pw, &qpw, &tok, &escaped_pw, &escaped_qpw])?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Long inputs weighted towards what the lexer cares about never panic, and the report
    /// never holds a line break outside its own layout (a finding's literal is one line).
    #[test]
    fn long_adversarial_input_never_panics(
        text in "([\"'\\\\/*#!\\[\\](){};:=rbcxuéü€😀 \r\n\\t]|[a-z0-9_]|postgres://|redis://u:p@|\\\\u\\{|\\\\x|r#\"|\"#|concat!\\(|mod |#\\[cfg\\(test\\)\\]|resources-audit: allow(-item|-block|-file)?\\(|example = ){0,200}",
    ) {
        let report = scan(&text);
        for finding in &report.findings {
            if let Some(literal) = &finding.literal {
                prop_assert!(!literal.contains('\n') && !literal.contains('\r'), "{literal:?}");
            }
        }
        let _ = output(&report);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Block comments of multibyte text with `\r\n` or `\n` line ends and opt-out markers on any
    /// line (issue 13.3 panicked here): no panic, no warning, every location inside the text.
    #[test]
    fn block_comments_with_multibyte_text_and_markers_never_panic(
        lines in prop::collection::vec(
            "[é€😀a \\t]{0,6}(resources-audit: allow(-item|-block|-file)?(\\(x\\)|\\(\\))?)?[é€😀a ]{0,4}",
            1..8,
        ),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let text = format!("/*{}*/{nl}const A: &str = \"redis://cache/0\";", lines.join(nl));
        let report = scan(&text);
        prop_assert!(report.warnings.is_empty(), "{report}");
        let total_lines = text.lines().count();
        for finding in &report.findings {
            prop_assert!(finding.line >= 1 && finding.line <= total_lines, "{report}");
            let line: &str = text.lines().nth(finding.line - 1).unwrap_or("");
            prop_assert!(finding.column <= line.chars().count() + 1, "{report}");
        }
    }
}
