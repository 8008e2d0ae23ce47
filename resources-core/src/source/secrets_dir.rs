//! [`SecretsDir`]: one file per variable (Docker secrets, Kubernetes secret volumes).

use std::fmt;
use std::path::Path;

use crate::error::SourceError;

use super::file::read_bounded;
use super::{Found, Held, MAX_FILE_SIZE, Map, Source, names_in, trim_one_newline};

/// A directory holding one file per variable (Docker secrets in `/run/secrets`, a
/// Kubernetes secret volume). One trailing newline of each file is trimmed; hidden entries
/// (Kubernetes' `..data`, `..2024_…`) are skipped; symlinks are followed.
///
/// Each entry is read once, when the source is opened, through the same bounded read as a
/// `NAME_FILE` target: at most [`MAX_FILE_SIZE`] bytes (or the limit given to
/// [`open_with_limit`](SecretsDir::open_with_limit)), and only a regular file. An entry that
/// is a directory, a FIFO, a device, a symlink loop, too large or unreadable is a problem of
/// its variable only, when a load asks for it; the other entries load as usual.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("secrets-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use resources_core::{SecretsDir, Source, Value};
///
/// std::fs::write(dir.join("REDIS_URL"), "redis://:t0ken@cache:6379\n")?;
/// std::fs::create_dir_all(dir.join("DATABASE_URL"))?;
/// let secrets = SecretsDir::open(&dir)?;
/// assert_eq!(secrets.lookup("REDIS_URL").unwrap().value, Value::Text("redis://:t0ken@cache:6379"));
/// assert_eq!(
///     secrets.lookup("DATABASE_URL").unwrap().value,
///     Value::Unreadable("it is a directory, not a regular file")
/// );
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SecretsDir {
    path: String,
    vars: Map<Held>,
}

/// At most this many entries are read from one secrets directory.
const MAX_ENTRIES: usize = 10_000;

impl SecretsDir {
    /// Reads every entry of `dir` once, each at most [`MAX_FILE_SIZE`] bytes.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, SourceError> {
        SecretsDir::open_with_limit(dir, MAX_FILE_SIZE)
    }

    /// Reads every entry of `dir` once, each at most `max_file_size` bytes (a larger one is a
    /// problem of its variable). A directory of more than 10 000 entries is an error.
    pub fn open_with_limit(dir: impl AsRef<Path>, max_file_size: u64) -> Result<Self, SourceError> {
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
            if name.starts_with('.') {
                continue;
            }
            if vars.len() == MAX_ENTRIES {
                return Err(io(std::io::Error::other(format!(
                    "more than {MAX_ENTRIES} entries"
                ))));
            }
            let held = match read_bounded(&entry.path(), max_file_size) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(mut s) => {
                        trim_one_newline(&mut s);
                        Held::Text(s, None)
                    }
                    Err(_) => Held::NotUnicode(None),
                },
                Err(why) => Held::Unreadable(why.to_string()),
            };
            vars.insert(name, held);
        }
        Ok(SecretsDir {
            path: dir.display().to_string(),
            vars,
        })
    }
}

held_map_source!(SecretsDir, |s| &s.path);

impl fmt::Debug for SecretsDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretsDir")
            .field("path", &self.path)
            .field("vars", &self.vars.len())
            .finish()
    }
}
