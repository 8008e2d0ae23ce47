//! Looking a variable up under its names, with `NAME_FILE`: the one place that reads a
//! source for a load.
//!
//! A `NAME_FILE` value is opened only when it can be a path, read through the bounded read
//! of [`crate::source::file`], and echoed in a problem only when it looks like a path: an
//! operator who pastes the value itself (`DATABASE_URL_FILE=postgres://app:pw@db/app`) sees
//! what to do, never the value.

use std::borrow::Cow;
use std::path::Path;

use crate::error::ProblemKind;
use crate::source::file::read_bounded;
use crate::source::{Origin, Source, Value, trim_one_newline};

/// The longest `NAME_FILE` value taken for a path (Linux's `PATH_MAX`).
const MAX_PATH: usize = 4096;

/// The longest path shown in a problem.
const MAX_SHOWN_PATH: usize = 255;

/// Where a found value came from, turned into text only when a problem needs it.
pub(crate) enum Provenance<'a> {
    /// The source, as it says.
    Source(Origin<'a>),
    /// The file named by a `NAME_FILE` variable.
    File { path: &'a str, file_var: String },
}

impl std::fmt::Display for Provenance<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Provenance::Source(origin) => write!(f, "{origin}"),
            Provenance::File { path, file_var } if shows_as_path(path) => {
                write!(f, "`{path}` (through {file_var})")
            }
            Provenance::File { file_var, .. } => write!(f, "the file named by {file_var}"),
        }
    }
}

/// Whether a path that was read (so exists) may be shown: short, and only characters a
/// secret-file path uses (no `@`, `:`, `%`, `=`, `+`, spaces: the marks of a credential).
fn shows_as_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= MAX_SHOWN_PATH
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'))
}

/// The path to show for a `NAME_FILE` target that could not be read: one that names something
/// that exists, or whose directory exists (not `/` alone: a base64 token may start with `/`).
fn shown_path(path: &str) -> Option<String> {
    if !shows_as_path(path) {
        return None;
    }
    let p = Path::new(path);
    let exists = std::fs::symlink_metadata(p).is_ok();
    let dir_exists = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && *d != Path::new("/"))
        .is_some_and(Path::is_dir);
    (exists || dir_exists).then(|| path.to_owned())
}

/// `Some(looks like a URL)` when a `NAME_FILE` value cannot be a path, so is never opened.
fn not_a_path(value: &str) -> Option<bool> {
    let url = value.split_once("://").is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    });
    if url {
        Some(true)
    } else if value.len() > MAX_PATH || value.chars().any(char::is_control) {
        Some(false)
    } else {
        None
    }
}

/// The outcome of looking up one variable under its names.
pub(crate) enum Fetch<'a> {
    /// No name is set.
    Unset,
    /// A value, from the `index`-th name (0 is the main name, then the aliases).
    Found {
        index: usize,
        text: Cow<'a, str>,
        from: Provenance<'a>,
    },
    /// Set, but unusable.
    Failed {
        var: String,
        what: ProblemKind,
        origin: Option<String>,
    },
}

/// Looks up `prefix` + each of `names` in order; for each, `NAME` then `NAME_FILE` (both set
/// is a problem). A source made of layers is asked layer by layer: the first layer that has
/// the variable in any form answers for it alone. `scratch` is reused for the names, so a
/// lookup allocates only on a problem.
pub(crate) fn fetch<'a, N>(
    source: &'a dyn Source,
    prefix: &str,
    names: N,
    scratch: &mut Scratch,
) -> Fetch<'a>
where
    N: IntoIterator<Item = &'a str> + Clone,
{
    let Some(layers) = source.layers() else {
        return fetch_in(source, prefix, names, scratch);
    };
    for layer in layers {
        match fetch(&**layer, prefix, names.clone(), scratch) {
            Fetch::Unset => {}
            answer => return answer,
        }
    }
    Fetch::Unset
}

/// [`fetch`] in a source of one layer.
fn fetch_in<'a>(
    source: &'a dyn Source,
    prefix: &str,
    names: impl IntoIterator<Item = &'a str>,
    scratch: &mut Scratch,
) -> Fetch<'a> {
    let files = scratch.files;
    let max_file = scratch.max_file;
    let scratch = &mut scratch.name;
    for (index, name) in names.into_iter().enumerate() {
        scratch.clear();
        scratch.push_str(prefix);
        scratch.push_str(name);
        let direct = source.lookup(scratch);
        let name_len = scratch.len();
        scratch.push_str("_FILE");
        let file = if files { source.lookup(scratch) } else { None };
        let var = |s: &String| s[..name_len].to_owned();
        match (direct, file) {
            (Some(found), Some(_)) => {
                return Fetch::Failed {
                    var: var(scratch),
                    what: ProblemKind::BothSet {
                        file_var: scratch.clone(),
                    },
                    origin: Some(found.origin.to_string()),
                };
            }
            (Some(found), None) => {
                let failed = |what| Fetch::Failed {
                    var: var(scratch),
                    what,
                    origin: Some(found.origin.to_string()),
                };
                return match found.value {
                    Value::NotUnicode => failed(ProblemKind::NotUnicode),
                    Value::Unreadable(why) => failed(ProblemKind::Unreadable {
                        reason: why.to_owned(),
                    }),
                    Value::Text("") => failed(ProblemKind::Empty),
                    Value::Text(text) => Fetch::Found {
                        index,
                        text: Cow::Borrowed(text),
                        from: Provenance::Source(found.origin),
                    },
                };
            }
            (None, Some(found)) => {
                let file = FileVar {
                    index,
                    name: var(scratch),
                    file_var: scratch.clone(),
                    origin: found.origin,
                    max_file,
                };
                return file.fetch(found.value);
            }
            (None, None) => {}
        }
    }
    Fetch::Unset
}

/// A `NAME_FILE` variable that is set, and what its target is read for.
struct FileVar<'a> {
    index: usize,
    name: String,
    file_var: String,
    origin: Origin<'a>,
    max_file: u64,
}

impl<'a> FileVar<'a> {
    fn failed(&self, what: ProblemKind, origin: String) -> Fetch<'a> {
        Fetch::Failed {
            var: self.name.clone(),
            what,
            origin: Some(origin),
        }
    }

    /// Reads the file named by the value; one trailing newline is trimmed. A problem of the
    /// value names the variable's origin; a problem of the content names the file.
    fn fetch(self, value: Value<'a>) -> Fetch<'a> {
        let at_var = self.origin.to_string();
        let path = match value {
            Value::Text("") => return self.failed(ProblemKind::Empty, at_var),
            Value::Text(p) => p,
            Value::NotUnicode => return self.failed(ProblemKind::NotUnicode, at_var),
            Value::Unreadable(why) => {
                let reason = why.to_owned();
                return self.failed(ProblemKind::Unreadable { reason }, at_var);
            }
        };
        if let Some(url) = not_a_path(path) {
            let file_var = self.file_var.clone();
            return self.failed(ProblemKind::FileVarNotAPath { file_var, url }, at_var);
        }
        let bytes = match read_bounded(Path::new(path), self.max_file) {
            Ok(bytes) => bytes,
            Err(why) => {
                let what = ProblemKind::FileUnreadable {
                    file_var: self.file_var.clone(),
                    path: shown_path(path),
                    reason: why.to_string(),
                };
                return self.failed(what, at_var);
            }
        };
        let from = Provenance::File {
            path,
            file_var: self.file_var.clone(),
        };
        let Ok(mut text) = String::from_utf8(bytes) else {
            return self.failed(ProblemKind::NotUnicode, from.to_string());
        };
        trim_one_newline(&mut text);
        if text.is_empty() {
            return self.failed(ProblemKind::Empty, from.to_string());
        }
        Fetch::Found {
            index: self.index,
            text: Cow::Owned(text),
            from,
        }
    }
}

/// Per-load state of the lookups: a reused name buffer, whether `NAME_FILE` variables can
/// exist in the source at all, and the largest `NAME_FILE` target read.
pub(crate) struct Scratch {
    name: String,
    pub(crate) files: bool,
    pub(crate) max_file: u64,
}

impl Scratch {
    pub(crate) fn new(source: &dyn Source) -> Self {
        Scratch {
            name: String::with_capacity(64),
            files: source.may_hold_file_variables(),
            max_file: source.max_file_size(),
        }
    }
}
