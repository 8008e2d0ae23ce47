//! Where config is read: [`Env`], [`MapSource`], [`DotEnv`], [`SecretsDir`], [`Layered`],
//! [`ServiceBindings`].
//!
//! Every source is a snapshot taken when it is built: a load sees one consistent view, and no
//! source ever writes to the process environment.

/// `Source` for a source whose variables are a `Map<Held>` field `vars`, its origin named by
/// `$origin` (an expression of `$s`, the source): one body for the environment, `.env` files and
/// secrets directories.
macro_rules! held_map_source {
    ($ty:ty, |$s:ident| $origin:expr) => {
        impl Source for $ty {
            fn lookup(&self, name: &str) -> Option<Found<'_>> {
                let $s = self;
                self.vars.get(name).map(|h| h.found($origin))
            }

            fn may_hold_file_variables(&self) -> bool {
                self.vars.keys().any(|k| k.ends_with("_FILE"))
            }

            fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
                Some(names_in(&self.vars, prefix))
            }
        }
    };
}

mod bindings;
mod dotenv;
mod env;
pub(crate) mod file;
mod layered;
mod map;
mod secrets_dir;

pub use bindings::{BindingMatch, MatchedBy, SERVICE_BINDING_ROOT, ServiceBindings};
pub use dotenv::DotEnv;
pub use env::Env;
pub use layered::Layered;
pub use map::MapSource;
pub use secrets_dir::SecretsDir;

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// The default limit, in bytes, of a file read for a variable: a `NAME_FILE` target or an
/// entry of a [`SecretsDir`] (64 KiB; a locator or token is far smaller). A larger file is a
/// problem of its variable, never read whole.
///
/// A `NAME_FILE` variable holds the path, absolute or relative to the working directory, of a
/// regular file (symlinks are followed). A directory, FIFO, device, socket or symlink loop is
/// a problem that says what it is, found before any read; a value that cannot be a path (a
/// URL, a control character, more than 4096 bytes) is a problem that is never opened. A
/// problem shows the path only when it looks like one (only `A-Z a-z 0-9 . _ - /`, at most
/// 255 bytes, naming something that exists or in a directory that exists), so a secret pasted
/// in place of the path is never echoed.
pub const MAX_FILE_SIZE: u64 = 64 * 1024;

/// A value as a source holds it.
///
/// `Debug` never shows the text: it may be a secret.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// UTF-8 text.
    Text(&'a str),
    /// Set, but not valid UTF-8 (possible in the process environment and in files).
    NotUnicode,
    /// Set, but its file cannot be read (an entry of a [`SecretsDir`] that is a directory, a
    /// FIFO, too large, …): why, never the content.
    Unreadable(&'a str),
}

impl fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(_) => f.write_str("Text(***)"),
            Value::NotUnicode => f.write_str("NotUnicode"),
            Value::Unreadable(why) => f.debug_tuple("Unreadable").field(why).finish(),
        }
    }
}

/// A value found by a source, with where it came from.
///
/// `Debug` shows the origin, never the text of the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where it came from, for messages (`"the environment"`, `".env line 3"`); never the value.
    pub origin: Origin<'a>,
}

/// Where a value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin<'a> {
    /// The source (`"the environment"`, a file or directory path).
    pub source: &'a str,
    /// The 1-based line in a file, when the source has lines.
    pub line: Option<usize>,
}

impl fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {line}", self.source),
            None => f.write_str(self.source),
        }
    }
}

/// The layers of a source made of several (see [`Source::layers`]).
pub type Layers = [Box<dyn Source + Send + Sync>];

/// Something that answers "what is the value of NAME", and says where it came from.
///
/// Only [`lookup`](Source::lookup) is required; the other methods have defaults that are
/// always correct and let a load do better when a source can say more.
///
/// ```
/// use resources_core::{MapSource, Source, Value};
///
/// let source = MapSource::new([("DATABASE_URL", "postgres://db/app")]);
/// let found = source.lookup("DATABASE_URL").unwrap();
/// assert_eq!(found.value, Value::Text("postgres://db/app"));
/// assert!(source.lookup("REDIS_URL").is_none());
/// assert_eq!(source.names_with_prefix("DATABASE"), Some(vec!["DATABASE_URL"]));
/// ```
pub trait Source {
    /// The value of `name`, or `None` when it is not set.
    fn lookup(&self, name: &str) -> Option<Found<'_>>;

    /// Whether some variable name ends in `_FILE`. `false` lets a load skip the `NAME_FILE`
    /// lookup of every variable; the default, `true`, is always correct.
    fn may_hold_file_variables(&self) -> bool {
        true
    }

    /// Every set name that starts with `prefix`, in no particular order; `None` (the default)
    /// when the source cannot list its names. A load uses it to find every entry of a list
    /// (`NAME_0`, `NAME_1`, …), however far past a gap; without it, it looks 64 indexes ahead.
    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        let _ = prefix;
        None
    }

    /// The layers, top first, of a source made of several ([`Layered`]); `None` (the default)
    /// for a source that is one layer. A load looks each variable up in the first layer that
    /// has it in any form (its name, an alias, or the `_FILE` of either), so a lower layer
    /// never mixes with a higher one for one variable.
    fn layers(&self) -> Option<&Layers> {
        None
    }

    /// The largest file, in bytes, a load reads for a `NAME_FILE` variable of this source
    /// ([`MAX_FILE_SIZE`] by default; [`Layered::with_max_file_size`] sets another).
    fn max_file_size(&self) -> u64 {
        MAX_FILE_SIZE
    }
}

macro_rules! forward_source {
    ($($ty:ty),*) => {$(
        impl<S: Source + ?Sized> Source for $ty {
            fn lookup(&self, name: &str) -> Option<Found<'_>> {
                (**self).lookup(name)
            }

            fn may_hold_file_variables(&self) -> bool {
                (**self).may_hold_file_variables()
            }

            fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
                (**self).names_with_prefix(prefix)
            }

            fn layers(&self) -> Option<&Layers> {
                (**self).layers()
            }

            fn max_file_size(&self) -> u64 {
                (**self).max_file_size()
            }
        }
    )*};
}

forward_source!(&S, Box<S>);

/// FNV-1a: variable names are short and not attacker-chosen keys of a long-lived map, so a
/// simple hash beats SipHash for the one lookup per name a load does.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The map every snapshot source keeps.
type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A value a snapshot holds: text, bytes that are not UTF-8, or why a file cannot be read.
#[derive(Clone, PartialEq, Eq)]
enum Held {
    Text(String, Option<usize>),
    NotUnicode(Option<usize>),
    Unreadable(String),
}

impl Held {
    fn found<'a>(&'a self, source: &'a str) -> Found<'a> {
        let (value, line) = match self {
            Held::Text(s, line) => (Value::Text(s), *line),
            Held::NotUnicode(line) => (Value::NotUnicode, *line),
            Held::Unreadable(why) => (Value::Unreadable(why), None),
        };
        Found {
            value,
            origin: Origin { source, line },
        }
    }
}

/// Removes one trailing `\n` (or `\r\n`).
pub(crate) fn trim_one_newline(s: &mut String) {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
}

/// The names of `map` that start with `prefix`.
fn names_in<'a, V>(map: &'a Map<V>, prefix: &str) -> Vec<&'a str> {
    map.keys()
        .filter(|k| k.starts_with(prefix))
        .map(String::as_str)
        .collect()
}
