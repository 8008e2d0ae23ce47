//! [`Env`]: one snapshot of the process environment.

use std::ffi::OsString;
use std::fmt;

use super::{Found, Held, Map, Source, names_in};

/// One snapshot of the process environment, read with `vars_os` when it is built.
///
/// A value that is not UTF-8 is reported as a problem of its variable, never a panic.
#[derive(Clone)]
pub struct Env {
    vars: Map<Held>,
}

impl Env {
    /// Takes the snapshot.
    pub fn snapshot() -> Self {
        Env::from_os_pairs(std::env::vars_os())
    }

    /// A snapshot from explicit pairs, as `vars_os` yields them (for tests of non-UTF-8 values).
    pub fn from_os_pairs(pairs: impl IntoIterator<Item = (OsString, OsString)>) -> Self {
        let pairs = pairs.into_iter();
        let mut vars = Map::with_capacity_and_hasher(pairs.size_hint().0, Default::default());
        for (k, v) in pairs {
            let Ok(k) = k.into_string() else { continue };
            let v = match v.into_string() {
                Ok(s) => Held::Text(s, None),
                Err(_) => Held::NotUnicode(None),
            };
            vars.insert(k, v);
        }
        Env { vars }
    }
}

held_map_source!(Env, |_s| "the environment");

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Env")
            .field("vars", &self.vars.len())
            .finish()
    }
}
