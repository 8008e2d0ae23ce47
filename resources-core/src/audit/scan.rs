//! The audit of a package: walk its sources, lex each file once, keep the findings.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::classify::{DEFAULT_EXTRA_SCHEMES, classify};
use super::findings::{Finding, FindingKind};
use super::lexer::{Lexed, ModDecl, lex};
use super::modules::test_only;
use super::redact::shown_literal;
use super::report::{Report, Warning};
use super::work::tick;

/// Files larger than this are not read (a warning names them).
const MAX_FILE_BYTES: u64 = 16 << 20;

/// An audit of one package's sources.
#[derive(Clone, Debug)]
pub struct Audit {
    root: PathBuf,
    examples: bool,
    extra: Vec<String>,
}

impl Audit {
    /// Audits the package whose root (the directory of its `Cargo.toml`) is `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Audit {
            root: root.into(),
            examples: false,
            extra: DEFAULT_EXTRA_SCHEMES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }

    /// Audits the package being built (from `CARGO_MANIFEST_DIR`, which cargo sets for build
    /// scripts), or the current directory.
    pub fn from_build_script() -> Self {
        let root = std::env::var_os("CARGO_MANIFEST_DIR")
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        Audit::new(root)
    }

    /// Also audits `examples/` (skipped by default).
    pub fn include_examples(mut self, yes: bool) -> Self {
        self.examples = yes;
        self
    }

    /// Replaces the extra schemes (beyond the built-in kinds') that count as locators.
    pub fn extra_schemes<S: AsRef<str>>(mut self, schemes: impl IntoIterator<Item = S>) -> Self {
        self.extra = schemes
            .into_iter()
            .map(|s| s.as_ref().to_ascii_lowercase())
            .collect();
        self
    }

    /// Scans every source file of the package.
    pub fn scan(&self) -> Report {
        let mut report = Report::default();
        let mut files = Vec::new();
        self.walk(&self.root, true, &mut files, &mut report);
        files.sort();
        // Each file is read once; the files only `#[cfg(test)] mod name;` reaches are test code.
        let mut scanned: Vec<(PathBuf, Vec<Finding>)> = Vec::new();
        let mut modules: Vec<(PathBuf, Vec<ModDecl>)> = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&self.root).unwrap_or(file).to_owned();
            let text = match read_bounded(file) {
                Ok(text) => text,
                Err(message) => {
                    report.warnings.push(Warning {
                        path: relative,
                        message,
                    });
                    continue;
                }
            };
            let mut lexed = lex(&text);
            if let Some(message) = lexed.error {
                report.warnings.push(Warning {
                    path: relative.clone(),
                    message: message.to_owned(),
                });
            }
            let findings = self.findings(&relative, &lexed);
            modules.push((file.clone(), std::mem::take(&mut lexed.mods)));
            scanned.push((file.clone(), findings));
        }
        let test_files = test_only(&modules);
        for (file, findings) in scanned {
            if !test_files.contains(&file) {
                report.findings.extend(findings);
            }
        }
        report.files = files;
        report
    }

    fn walk(&self, dir: &Path, top: bool, files: &mut Vec<PathBuf>, report: &mut Report) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                report.warnings.push(Warning {
                    path: dir.strip_prefix(&self.root).unwrap_or(dir).to_owned(),
                    message: e.to_string(),
                });
                return;
            }
        };
        report.dirs.push(dir.to_owned());
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let skipped = name.starts_with('.')
                    || (top && matches!(name.as_ref(), "target" | "tests" | "benches"))
                    || (top && name == "examples" && !self.examples)
                    || path.join("Cargo.toml").is_file();
                if !skipped {
                    self.walk(&path, false, files, report);
                }
            } else if name.ends_with(".rs") {
                files.push(path);
            }
        }
    }

    /// Scans one file's text; `path` names it in findings and joins [`Report::files`].
    pub fn scan_text(&self, path: &Path, text: &str, report: &mut Report) {
        let lexed = lex(text);
        if let Some(message) = lexed.error {
            report.warnings.push(Warning {
                path: path.to_owned(),
                message: message.to_owned(),
            });
        }
        report.findings.extend(self.findings(path, &lexed));
        report.files.push(path.to_owned());
    }

    /// The findings of one lexed file, by position.
    fn findings(&self, path: &Path, lexed: &Lexed) -> Vec<Finding> {
        let mut findings: Vec<Finding> = lexed
            .bad_optouts
            .iter()
            .map(|bad| Finding {
                path: path.to_owned(),
                line: bad.line,
                column: bad.column,
                kind: FindingKind::AllowWithoutReason,
                literal: None,
            })
            .collect();
        if !lexed.allow_file {
            let allowed: HashSet<usize> = lexed
                .line_allows
                .iter()
                .flat_map(|&(line, trailing)| [line, if trailing { line } else { line + 1 }])
                .collect();
            for lit in &lexed.literals {
                tick(1);
                if lit.allowed || allowed.contains(&lit.line) {
                    continue;
                }
                let Some(kind) = classify(&lit.value, &self.extra) else {
                    continue;
                };
                findings.push(Finding {
                    path: path.to_owned(),
                    line: lit.line,
                    column: lit.column,
                    kind,
                    literal: Some(shown_literal(lit.prefix, &lit.value)),
                });
            }
        }
        findings.sort_by_key(|f| (f.line, f.column));
        findings
    }

    /// For `build.rs`: prints [`Report::cargo_directives`] (`rerun-if-changed` for every file
    /// and directory scanned, warnings), and on findings prints them in rustc's shape and
    /// exits with status 1, failing the build.
    pub fn run_build_script(&self) {
        let report = self.scan();
        for line in report.cargo_directives() {
            println!("{line}");
        }
        if !report.is_clean() {
            eprintln!("{report}");
            std::process::exit(1);
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8; the error says why not (never
/// with any of its text).
fn read_bounded(file: &Path) -> Result<String, String> {
    let handle = std::fs::File::open(file).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is larger than {} MiB",
            MAX_FILE_BYTES >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|_| "the file is not valid UTF-8".to_owned())
}

/// Scans `root` and panics with every finding (for a test: `assert_clean(env!("CARGO_MANIFEST_DIR"))`).
///
/// # Panics
/// When the package hard-codes a locator. The message holds the report: locations and
/// redacted literals, never a source line.
pub fn assert_clean(root: impl Into<PathBuf>) {
    let report = Audit::new(root).scan();
    assert!(report.is_clean(), "{report}");
}
