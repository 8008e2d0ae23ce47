//! The audit on a realistic corpus (`tests/audit-fixtures/corpus/`), modelled on a
//! password-manager server's config, database, mail and API modules: scheme dispatch, error
//! texts listing schemes, documentation attributes, a test module in a file of its own, and
//! exactly two genuine hard-coded handles.

use std::path::PathBuf;

use resources::audit::{Audit, FindingKind};

#[test]
fn only_the_genuine_handles_are_found() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/audit-fixtures/corpus");
    let report = Audit::new(root).scan();
    assert!(report.warnings.is_empty(), "{report}");
    let found: Vec<(String, usize, usize, &FindingKind)> = report
        .findings
        .iter()
        .map(|f| (f.path.display().to_string(), f.line, f.column, &f.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                "src/config.rs".to_owned(),
                33,
                33,
                &FindingKind::Credentials
            ),
            (
                "src/ratelimit.rs".to_owned(),
                10,
                22,
                &FindingKind::HardCodedLocator {
                    scheme: "redis".to_owned()
                }
            ),
        ],
        "{report}"
    );
    let text = report.to_string();
    assert!(!text.contains("c0ffee-relay-key"), "{text}");
    assert!(
        text.ends_with("resources-audit: 2 findings in 2 files (8 scanned)"),
        "{text}"
    );
}
