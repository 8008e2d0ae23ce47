//! The audit of a package: walk its sources, lex each file once, keep the findings.

use std::path::{Path, PathBuf};

use super::classify::{classify, redact_line};
use super::findings::{Finding, FindingKind};
use super::lexer::{ALLOW_MARKER, Lexer};
use super::report::{Report, Warning};

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
            extra: super::DEFAULT_EXTRA_SCHEMES
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
        // Each file is read once; files declared by `#[cfg(test)] mod name;` are test code.
        let mut scanned = Vec::new();
        let mut test_files: Vec<PathBuf> = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&self.root).unwrap_or(file).to_owned();
            let text = match std::fs::read(file).map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    report.warnings.push(Warning {
                        path: relative,
                        message: "the file is not valid UTF-8".to_owned(),
                    });
                    continue;
                }
                Err(e) => {
                    report.warnings.push(Warning {
                        path: relative,
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let mut file_report = Report::default();
            let test_mods = self.scan_text_mods(&relative, &text, &mut file_report);
            let dir = module_dir(file);
            for m in test_mods {
                test_files.push(dir.join(format!("{m}.rs")));
                test_files.push(dir.join(&m));
            }
            scanned.push((file.clone(), file_report));
        }
        for (file, file_report) in scanned {
            report.warnings.extend(file_report.warnings);
            if !test_files.iter().any(|t| file == *t || file.starts_with(t)) {
                report.findings.extend(file_report.findings);
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

    /// Scans one file's text; `path` names it in findings.
    pub fn scan_text(&self, path: &Path, text: &str, report: &mut Report) {
        self.scan_text_mods(path, text, report);
    }

    /// Scans one file's text; returns the modules it declares under `#[cfg(test)]`.
    fn scan_text_mods(&self, path: &Path, text: &str, report: &mut Report) -> Vec<String> {
        let mut lexer = Lexer::new(text);
        lexer.run();
        if let Some(message) = lexer.error {
            report.warnings.push(Warning {
                path: path.to_owned(),
                message: message.to_owned(),
            });
        }
        let lines: Vec<&str> = text.lines().collect();
        for allow in &lexer.allows {
            if allow.reason.is_none() {
                report.findings.push(Finding {
                    path: path.to_owned(),
                    line: allow.line,
                    column: allow.column,
                    kind: FindingKind::AllowWithoutReason,
                    source_line: lines
                        .get(allow.line - 1)
                        .map_or(String::new(), |l| (*l).to_owned()),
                    display_column: allow.column,
                    width: ALLOW_MARKER.len(),
                });
            }
        }
        for lit in &lexer.literals {
            let Some(kind) = classify(&lit.value, &self.extra) else {
                continue;
            };
            let allowed = lexer
                .allows
                .iter()
                .any(|a| a.reason.is_some() && (a.line == lit.line || a.line + 1 == lit.line));
            if allowed {
                continue;
            }
            let raw_line = lines.get(lit.line - 1).copied().unwrap_or("");
            // Redact the line in three parts, so the underline still fits the literal.
            let start = raw_line
                .char_indices()
                .nth(lit.column - 1)
                .map_or(raw_line.len(), |(i, _)| i);
            let end = raw_line[start..]
                .char_indices()
                .nth(lit.width)
                .map_or(raw_line.len(), |(i, _)| start + i);
            let before = redact_line(&raw_line[..start]);
            let literal = redact_line(&raw_line[start..end]);
            report.findings.push(Finding {
                path: path.to_owned(),
                line: lit.line,
                column: lit.column,
                kind,
                source_line: format!("{before}{literal}{}", redact_line(&raw_line[end..])),
                display_column: before.chars().count() + 1,
                width: literal.chars().count(),
            });
        }
        report
            .findings
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        lexer.test_mods
    }

    /// For `build.rs`: prints `cargo:rerun-if-changed` for every file and directory scanned,
    /// warnings as `cargo:warning`, and on findings prints them in rustc's shape and exits with
    /// status 1, failing the build.
    pub fn run_build_script(&self) {
        let report = self.scan();
        for dir in &report.dirs {
            println!("cargo:rerun-if-changed={}", dir.display());
        }
        for file in &report.files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        for w in &report.warnings {
            println!("cargo:warning={w}");
        }
        if !report.is_clean() {
            eprintln!("{report}");
            std::process::exit(1);
        }
    }
}

/// Where the files of the modules a file declares live: beside `lib.rs`, `main.rs` and
/// `mod.rs`, else in the directory named after the file.
fn module_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_owned();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") | None => parent,
        Some(stem) => parent.join(stem),
    }
}

/// Scans `root` and panics with every finding (for a test: `assert_clean(env!("CARGO_MANIFEST_DIR"))`).
///
/// # Panics
/// When the package hard-codes a locator.
pub fn assert_clean(root: impl Into<PathBuf>) {
    let report = Audit::new(root).scan();
    assert!(report.is_clean(), "{report}");
}
