//! Looking a variable up under its names, with `NAME_FILE`: the one place that reads a
//! source for a load.

use std::borrow::Cow;

use crate::error::ProblemKind;
use crate::source::{Origin, Source, Value, trim_one_newline};

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
            Provenance::File { path, file_var } => write!(f, "`{path}` (through {file_var})"),
        }
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
/// is a problem). `scratch` is reused for the names, so a lookup allocates only on a problem.
pub(crate) fn fetch<'a>(
    source: &'a dyn Source,
    prefix: &str,
    names: impl IntoIterator<Item = &'a str>,
    scratch: &mut Scratch,
) -> Fetch<'a> {
    let files = scratch.files;
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
                    Value::Text("") => failed(ProblemKind::Empty),
                    Value::Text(text) => Fetch::Found {
                        index,
                        text: Cow::Borrowed(text),
                        from: Provenance::Source(found.origin),
                    },
                };
            }
            (None, Some(found)) => {
                return fetch_file(
                    index,
                    var(scratch),
                    scratch.clone(),
                    found.value,
                    found.origin,
                );
            }
            (None, None) => {}
        }
    }
    Fetch::Unset
}

/// Reads the file named by `NAME_FILE`; one trailing newline is trimmed.
fn fetch_file<'a>(
    index: usize,
    name: String,
    file_var: String,
    value: Value<'a>,
    origin: Origin<'a>,
) -> Fetch<'a> {
    let failed = |what| Fetch::Failed {
        var: name.clone(),
        what,
        origin: Some(origin.to_string()),
    };
    let path = match value {
        Value::Text(p) if !p.is_empty() => p,
        Value::Text(_) => return failed(ProblemKind::Empty),
        Value::NotUnicode => return failed(ProblemKind::NotUnicode),
    };
    let unreadable = |reason: String| ProblemKind::FileUnreadable {
        file_var: file_var.clone(),
        path: path.to_owned(),
        reason,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(unreadable(e.to_string())),
    };
    let Ok(mut text) = String::from_utf8(bytes) else {
        return failed(ProblemKind::NotUnicode);
    };
    trim_one_newline(&mut text);
    if text.is_empty() {
        return failed(ProblemKind::Empty);
    }
    Fetch::Found {
        index,
        text: Cow::Owned(text),
        from: Provenance::File { path, file_var },
    }
}

/// Per-load state of the lookups: a reused name buffer, and whether `NAME_FILE` variables
/// can exist in the source at all.
pub(crate) struct Scratch {
    name: String,
    pub(crate) files: bool,
}

impl Scratch {
    pub(crate) fn new(source: &dyn Source) -> Self {
        Scratch {
            name: String::with_capacity(64),
            files: source.may_hold_file_variables(),
        }
    }
}
