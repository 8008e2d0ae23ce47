//! Where config is read: [`Env`], [`MapSource`], [`DotEnv`], [`SecretsDir`], [`Layered`].
//!
//! Every source is a snapshot taken when it is built: a load sees one consistent view, and no
//! source ever writes to the process environment.

mod dotenv;
mod env;
mod layered;
mod map;
mod secrets_dir;

pub use dotenv::DotEnv;
pub use env::Env;
pub use layered::Layered;
pub use map::MapSource;
pub use secrets_dir::SecretsDir;

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// A value as a source holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// UTF-8 text.
    Text(&'a str),
    /// Set, but not valid UTF-8 (possible in the process environment and in files).
    NotUnicode,
}

/// A value found by a source, with where it came from.
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

/// Something that answers "what is the value of NAME", and says where it came from.
///
/// ```
/// use resources_core::{MapSource, Source, Value};
///
/// let source = MapSource::new([("DATABASE_URL", "postgres://db/app")]);
/// let found = source.lookup("DATABASE_URL").unwrap();
/// assert_eq!(found.value, Value::Text("postgres://db/app"));
/// assert!(source.lookup("REDIS_URL").is_none());
/// ```
pub trait Source {
    /// The value of `name`, or `None` when it is not set.
    fn lookup(&self, name: &str) -> Option<Found<'_>>;

    /// Whether some variable name ends in `_FILE`. `false` lets a load skip the `NAME_FILE`
    /// lookup of every variable; the default, `true`, is always correct.
    fn may_hold_file_variables(&self) -> bool {
        true
    }
}

impl<S: Source + ?Sized> Source for &S {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        (**self).lookup(name)
    }

    fn may_hold_file_variables(&self) -> bool {
        (**self).may_hold_file_variables()
    }
}

impl<S: Source + ?Sized> Source for Box<S> {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        (**self).lookup(name)
    }

    fn may_hold_file_variables(&self) -> bool {
        (**self).may_hold_file_variables()
    }
}

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

/// A value a snapshot holds: text, or bytes that are not UTF-8.
#[derive(Clone, PartialEq, Eq)]
enum Held {
    Text(String, Option<usize>),
    NotUnicode(Option<usize>),
}

impl Held {
    fn found<'a>(&'a self, source: &'a str) -> Found<'a> {
        let (value, line) = match self {
            Held::Text(s, line) => (Value::Text(s), *line),
            Held::NotUnicode(line) => (Value::NotUnicode, *line),
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
