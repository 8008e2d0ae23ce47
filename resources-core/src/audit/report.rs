//! The outcome of an audit: findings, warnings, and the files and directories scanned.

use std::fmt;
use std::path::PathBuf;

use super::findings::{Finding, shown_path};

/// A file that could not be scanned, and why (never any of its text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file, relative to the audited package.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "resources-audit could not scan {}: {}",
            shown_path(&self.path),
            self.message
        )
    }
}

/// The outcome of an audit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Every finding, by file then position.
    pub findings: Vec<Finding>,
    /// Files that could not be scanned.
    pub warnings: Vec<Warning>,
    /// Every file scanned (absolute paths).
    pub files: Vec<PathBuf>,
    /// Every directory walked (absolute paths), for `rerun-if-changed`.
    pub dirs: Vec<PathBuf>,
}

impl Report {
    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    /// How many files hold at least one finding.
    pub fn files_with_findings(&self) -> usize {
        let files: std::collections::BTreeSet<_> = self.findings.iter().map(|f| &f.path).collect();
        files.len()
    }
}

impl Report {
    /// The `cargo:` lines a build script prints for this report: `rerun-if-changed` for every
    /// directory and file scanned, and a `warning` for each warning. A path cargo could not
    /// read back as written (a line break or other control character in its name, or not
    /// UTF-8) is never written into a directive: a warning names it, escaped, instead.
    pub fn cargo_directives(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for path in self.dirs.iter().chain(&self.files) {
            match path.to_str() {
                Some(text) if !text.chars().any(char::is_control) => {
                    lines.push(format!("cargo:rerun-if-changed={text}"));
                }
                _ => lines.push(format!(
                    "cargo:warning=resources-audit does not watch {} (its name holds a control \
                     character or is not UTF-8): edits to it do not rerun the audit",
                    shown_path(path)
                )),
            }
        }
        for w in &self.warnings {
            let text = w.to_string();
            lines.push(format!(
                "cargo:warning={}",
                text.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
            ));
        }
        lines
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        for finding in &self.findings {
            writeln!(f, "{finding}\n")?;
        }
        let n = self.findings.len();
        let with = self.files_with_findings();
        write!(
            f,
            "resources-audit: {n} finding{} in {with} file{} ({} scanned)",
            if n == 1 { "" } else { "s" },
            if with == 1 { "" } else { "s" },
            self.files.len()
        )
    }
}
