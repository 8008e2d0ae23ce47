//! The outcome of an audit: findings, warnings, and the files and directories scanned.

use std::fmt;
use std::path::PathBuf;

use super::findings::Finding;

/// A file that could not be scanned, and why.
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
            self.path.display(),
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
        write!(
            f,
            "resources-audit: {n} finding{} in {} files",
            if n == 1 { "" } else { "s" },
            self.files.len()
        )
    }
}
