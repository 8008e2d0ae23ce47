//! Where config is read: [`Env`], [`MapSource`], [`DotEnv`], [`SecretsDir`], [`Layered`].
//!
//! Every source is a snapshot taken when it is built: a load sees one consistent view, and no
//! source ever writes to the process environment.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

use crate::error::SourceError;

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

impl Source for Env {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|h| h.found("the environment"))
    }

    fn may_hold_file_variables(&self) -> bool {
        self.vars.keys().any(|k| k.ends_with("_FILE"))
    }
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Env")
            .field("vars", &self.vars.len())
            .finish()
    }
}

/// A source from any pairs: what tests and embedded defaults use.
///
/// ```
/// use resources_core::{MapSource, Source};
///
/// let source = MapSource::new([("REDIS_URL", "redis://cache:6379")]).named("defaults");
/// assert_eq!(source.lookup("REDIS_URL").unwrap().origin.to_string(), "defaults");
/// ```
#[derive(Clone)]
pub struct MapSource {
    name: String,
    vars: Map<String>,
}

impl MapSource {
    /// A source holding `pairs`; a later pair for the same name replaces an earlier one.
    pub fn new<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        MapSource {
            name: String::from("the map source"),
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// Names the source in messages.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for MapSource {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        MapSource::new(iter)
    }
}

impl Source for MapSource {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|v| Found {
            value: Value::Text(v),
            origin: Origin {
                source: &self.name,
                line: None,
            },
        })
    }

    fn may_hold_file_variables(&self) -> bool {
        self.vars.keys().any(|k| k.ends_with("_FILE"))
    }
}

impl fmt::Debug for MapSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapSource")
            .field("name", &self.name)
            .field("vars", &self.vars.len())
            .finish()
    }
}

/// A `.env` file, read without touching the process environment.
///
/// Lines are `NAME=value` or `export NAME=value`; `#` starts a comment line; blank lines are
/// skipped. Values may be unquoted (a ` #` starts a trailing comment, surrounding spaces are
/// trimmed), single-quoted (taken literally) or double-quoted (`\n`, `\t`, `\"`, `\\` and `\$`
/// escapes; may span lines). `$VAR` is never expanded: a password holding `$` stays intact.
/// A line that is none of these is an error naming the file and line, never its content.
///
/// ```
/// use resources_core::{DotEnv, Source};
///
/// let env = DotEnv::parse(".env", "# local services\nexport DATABASE_URL='postgres://localhost/app'\n")?;
/// let found = env.lookup("DATABASE_URL").unwrap();
/// assert_eq!(found.origin.to_string(), ".env line 2");
/// # Ok::<(), resources_core::SourceError>(())
/// ```
#[derive(Clone)]
pub struct DotEnv {
    path: String,
    vars: Map<Held>,
}

impl DotEnv {
    /// Reads and parses the file at `path`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, SourceError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|error| SourceError::Io {
            path: path.to_owned(),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| SourceError::Syntax {
            path: path.to_owned(),
            line: line_of(e.as_bytes(), e.utf8_error().valid_up_to()),
            message: "the file is not valid UTF-8",
        })?;
        DotEnv::parse(path.display().to_string(), &text)
    }

    /// Reads `path` if it exists; an empty source if it does not (other errors are errors).
    pub fn from_path_if_exists(path: impl AsRef<Path>) -> Result<Self, SourceError> {
        let path = path.as_ref();
        if path.exists() {
            DotEnv::from_path(path)
        } else {
            Ok(DotEnv {
                path: path.display().to_string(),
                vars: Map::default(),
            })
        }
    }

    /// Parses `.env` text; `path` names it in messages.
    pub fn parse(path: impl Into<String>, text: &str) -> Result<Self, SourceError> {
        let path = path.into();
        let vars = parse_dotenv(text).map_err(|(line, message)| SourceError::Syntax {
            path: PathBuf::from(&path),
            line,
            message,
        })?;
        Ok(DotEnv { path, vars })
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

fn parse_dotenv(text: &str) -> Result<Map<Held>, (usize, &'static str)> {
    let mut vars = Map::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i].trim_start_matches('\u{feff}').trim();
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line
            .strip_prefix("export")
            .filter(|rest| rest.starts_with([' ', '\t']))
            .map_or(line, str::trim_start);
        let Some((name, rest)) = line.split_once('=') else {
            return Err((number, "expected NAME=value"));
        };
        let name = name.trim_end();
        let valid_name = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        if !valid_name {
            return Err((
                number,
                "a variable name holds letters, digits and `_`, and does not start with a digit",
            ));
        }
        let rest = rest.trim_start();
        let value = if let Some(body) = rest.strip_prefix('\'') {
            let Some(end) = body.find('\'') else {
                return Err((number, "unterminated single quote"));
            };
            check_trailing(&body[end + 1..], number)?;
            body[..end].to_owned()
        } else if let Some(body) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut current = body;
            loop {
                match unescape_double(current, &mut value) {
                    Ok(after) => {
                        check_trailing(after, number)?;
                        break;
                    }
                    Err(Unterminated::Line) if i < lines.len() => {
                        value.push('\n');
                        current = lines[i];
                        i += 1;
                    }
                    Err(Unterminated::Line) => {
                        return Err((number, "unterminated double quote"));
                    }
                    Err(Unterminated::Escape) => {
                        return Err((
                            number,
                            "unknown escape in a double-quoted value (use \\n, \\t, \\\", \\\\ or \\$)",
                        ));
                    }
                }
            }
            value
        } else {
            let value = match rest.find(" #").or_else(|| rest.find("\t#")) {
                Some(c) => &rest[..c],
                None => rest,
            };
            value.trim_end().to_owned()
        };
        vars.insert(name.to_owned(), Held::Text(value, Some(number)));
    }
    Ok(vars)
}

enum Unterminated {
    Line,
    Escape,
}

/// Unescapes a double-quoted body into `out`; returns what follows the closing quote.
fn unescape_double<'a>(body: &'a str, out: &mut String) -> Result<&'a str, Unterminated> {
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok(&body[i + 1..]),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, c @ ('"' | '\\' | '$' | '\''))) => out.push(c),
                Some(_) => return Err(Unterminated::Escape),
                None => return Err(Unterminated::Line),
            },
            c => out.push(c),
        }
    }
    Err(Unterminated::Line)
}

fn check_trailing(after: &str, line: usize) -> Result<(), (usize, &'static str)> {
    let after = after.trim();
    if after.is_empty() || after.starts_with('#') {
        Ok(())
    } else {
        Err((line, "unexpected text after the closing quote"))
    }
}

impl Source for DotEnv {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|h| h.found(&self.path))
    }

    fn may_hold_file_variables(&self) -> bool {
        self.vars.keys().any(|k| k.ends_with("_FILE"))
    }
}

impl fmt::Debug for DotEnv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DotEnv")
            .field("path", &self.path)
            .field("vars", &self.vars.len())
            .finish()
    }
}

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

/// Removes one trailing `\n` (or `\r\n`).
pub(crate) fn trim_one_newline(s: &mut String) {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
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

/// Several sources in order: the first that has a value wins.
///
/// ```
/// use resources_core::{Layered, MapSource, Source, Value};
///
/// let layered = Layered::new()
///     .with(MapSource::new([("REDIS_URL", "redis://prod-cache")]))
///     .with(MapSource::new([("REDIS_URL", "redis://localhost"), ("DATABASE_URL", "postgres://localhost/app")]));
/// assert_eq!(layered.lookup("REDIS_URL").unwrap().value, Value::Text("redis://prod-cache"));
/// assert!(layered.lookup("DATABASE_URL").is_some());
/// ```
#[derive(Default)]
pub struct Layered {
    layers: Vec<Box<dyn Source + Send + Sync>>,
}

impl Layered {
    /// No layers yet.
    pub fn new() -> Self {
        Layered::default()
    }

    /// Adds a layer below the ones already added.
    pub fn with(mut self, source: impl Source + Send + Sync + 'static) -> Self {
        self.layers.push(Box::new(source));
        self
    }
}

impl Source for Layered {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.layers.iter().find_map(|s| s.lookup(name))
    }

    fn may_hold_file_variables(&self) -> bool {
        self.layers.iter().any(|s| s.may_hold_file_variables())
    }
}

impl fmt::Debug for Layered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Layered")
            .field("layers", &self.layers.len())
            .finish()
    }
}
