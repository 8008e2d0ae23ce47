//! [`SecretsDir`]: one file per variable (Docker secrets, Kubernetes secret volumes).

use std::fmt;
use std::path::Path;

use crate::error::SourceError;

use super::{Found, Held, Map, Source, trim_one_newline};

/// A directory holding one file per variable (Docker secrets in `/run/secrets`, a
/// Kubernetes secret volume). One trailing newline of each file is trimmed; hidden entries
/// (Kubernetes' `..data`) and subdirectories are skipped; symlinks are followed.
#[derive(Clone)]
pub struct SecretsDir {
    path: String,
    vars: Map<Held>,
}

impl SecretsDir {
    /// Reads every file of `dir` once.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, SourceError> {
        let dir = dir.as_ref();
        let io = |error| SourceError::Io {
            path: dir.to_owned(),
            error,
        };
        let mut vars = Map::default();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let path = entry.path();
            if name.starts_with('.') || !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|error| SourceError::Io {
                path: path.clone(),
                error,
            })?;
            let held = match String::from_utf8(bytes) {
                Ok(mut s) => {
                    trim_one_newline(&mut s);
                    Held::Text(s, None)
                }
                Err(_) => Held::NotUnicode(None),
            };
            vars.insert(name, held);
        }
        Ok(SecretsDir {
            path: dir.display().to_string(),
            vars,
        })
    }
}

impl Source for SecretsDir {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|h| h.found(&self.path))
    }

    fn may_hold_file_variables(&self) -> bool {
        self.vars.keys().any(|k| k.ends_with("_FILE"))
    }
}

impl fmt::Debug for SecretsDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretsDir")
            .field("path", &self.path)
            .field("vars", &self.vars.len())
            .finish()
    }
}
