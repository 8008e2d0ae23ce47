//! [`DotEnv`]: a `.env` file, read without touching the process environment.
//!
//! The reading of lines, quotes, escapes and `$VAR`/`${VAR}` expansion is dotenvy's (0.15),
//! step for step, so a file reads the same here as with `dotenvy::dotenv()`; a differential
//! test (`tests/sources_dotenv_diff.rs`) holds the two together. The differences are
//! deliberate: an error names the file and line, never the line's content; expansion reads
//! the source it is given (the process environment for [`DotEnv::from_path`]) instead of
//! always the process environment; a name set twice keeps its last value; the values of
//! one file, expanded, are bounded (8 MiB), as is the file (1 MiB).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::SourceError;

use super::file::{FileError, read_bounded};
use super::{Env, Found, Held, Map, Source, Value, names_in};

/// The largest `.env` file read.
const MAX_DOTENV_FILE: u64 = 1024 * 1024;

/// The most bytes the values of one file may hold once expanded (`B=$A$A`, `C=$B$B`, … would
/// otherwise double with each line).
const MAX_EXPANDED: usize = 8 * 1024 * 1024;

/// A `.env` file, read without ever writing to the process environment.
///
/// The syntax is dotenvy's: lines are `NAME=value` or `export NAME=value`; `#` starts a
/// comment line, and after a space a trailing comment; blank lines are skipped. A value is
/// made of unquoted parts (a space ends the value, `\` escapes the next character),
/// single-quoted parts (taken literally) and double-quoted parts (may span lines); quoted and
/// unquoted parts join (`a"b c"'d'` is `ab cd`). The escapes, outside single quotes, are
/// `\\`, `\'`, `\"`, `\$`, `\ ` (a space) and `\n` (a newline); any other is an error.
/// `$NAME` (letters and digits only: `$A_B` is `$A` then `_B`) and `${NAME}` expand, outside
/// single quotes, to the value in the environment source, else the value set by an earlier
/// line, else nothing; write `\$` or single quotes for a literal `$`. A line that is none of
/// these is an error naming the file and line, never its content.
///
/// ```
/// use resources_core::{DotEnv, Source, Value};
///
/// let text = "# local services\nDB_USER=app\nexport DATABASE_URL=\"postgres://${DB_USER}@localhost/app\"\n";
/// let env = DotEnv::parse(".env", text)?;
/// let found = env.lookup("DATABASE_URL").unwrap();
/// assert_eq!(found.value, Value::Text("postgres://app@localhost/app"));
/// assert_eq!(found.origin.to_string(), ".env line 3");
/// # Ok::<(), resources_core::SourceError>(())
/// ```
#[derive(Clone)]
pub struct DotEnv {
    path: String,
    vars: Map<Held>,
}

impl DotEnv {
    /// Reads and parses the file at `path` (at most 1 MiB, a regular file: a directory or a
    /// FIFO is an error, never a blocked read); `${VAR}` expands from the process environment
    /// first, then from earlier lines, as dotenvy does.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, SourceError> {
        DotEnv::read(path.as_ref(), &Env::snapshot())
    }

    /// Reads `path` like [`from_path`](DotEnv::from_path) if something is there; an empty
    /// source if nothing is (any other error, permission denied included, is an error).
    pub fn from_path_if_exists(path: impl AsRef<Path>) -> Result<Self, SourceError> {
        let path = path.as_ref();
        Ok(
            DotEnv::read_if_exists(path, &Env::snapshot())?.unwrap_or_else(|| DotEnv {
                path: path.display().to_string(),
                vars: Map::default(),
            }),
        )
    }

    /// Reads `path` with `${VAR}` expanding from `env`; `None` when nothing is at `path` (a
    /// dangling symlink included, as dotenvy has it). Any other failure is an error naming
    /// the file.
    pub(crate) fn read_if_exists(
        path: &Path,
        env: &dyn Source,
    ) -> Result<Option<Self>, SourceError> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            // Permission denied on a parent directory, a symlink loop, …: the read reports it.
            _ => DotEnv::read(path, env).map(Some),
        }
    }

    /// Reads the regular file at `path` (at most 1 MiB) and parses it, `${VAR}` expanding
    /// from `env` first.
    fn read(path: &Path, env: &dyn Source) -> Result<Self, SourceError> {
        let io = |error| SourceError::Io {
            path: path.to_owned(),
            error,
        };
        let bytes = read_bounded(path, MAX_DOTENV_FILE).map_err(|why| match why {
            FileError::Io(e) => io(e),
            why => io(std::io::Error::other(why.to_string())),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| SourceError::Syntax {
            path: path.to_owned(),
            line: line_of(e.as_bytes(), e.utf8_error().valid_up_to()),
            message: "the file is not valid UTF-8",
        })?;
        DotEnv::parse_with(path.display().to_string(), &text, env)
    }

    /// Parses `.env` text; `path` names it in messages. `${VAR}` expands from earlier lines
    /// only (use [`parse_with`](DotEnv::parse_with) to expand from an environment too).
    pub fn parse(path: impl Into<String>, text: &str) -> Result<Self, SourceError> {
        DotEnv::parse_with(path, text, &NoEnv)
    }

    /// Parses `.env` text; `${VAR}` expands from `env` first, then from earlier lines (dotenvy
    /// reads the process environment there; pass [`Env::snapshot()`] for the same).
    ///
    /// ```
    /// use resources_core::{DotEnv, MapSource, Source, Value};
    ///
    /// let env = MapSource::new([("DB_HOST", "db.internal")]);
    /// let dotenv = DotEnv::parse_with(".env", "DATABASE_URL=postgres://${DB_HOST}/app\n", &env)?;
    /// assert_eq!(dotenv.lookup("DATABASE_URL").unwrap().value, Value::Text("postgres://db.internal/app"));
    /// # Ok::<(), resources_core::SourceError>(())
    /// ```
    pub fn parse_with(
        path: impl Into<String>,
        text: &str,
        env: &dyn Source,
    ) -> Result<Self, SourceError> {
        let path = path.into();
        let vars = parse_dotenv(text, env).map_err(|(line, message)| SourceError::Syntax {
            path: PathBuf::from(&path),
            line,
            message,
        })?;
        Ok(DotEnv { path, vars })
    }
}

/// The source with nothing set: expansion from the file alone.
struct NoEnv;

impl Source for NoEnv {
    fn lookup(&self, _: &str) -> Option<Found<'_>> {
        None
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// A problem of a `.env` file: the 1-based line and what is wrong (never the content).
type Failure = (usize, &'static str);

const UNTERMINATED_SINGLE: &str = "unterminated single quote";
const UNTERMINATED_DOUBLE: &str = "unterminated double quote";

fn parse_dotenv(text: &str, env: &dyn Source) -> Result<Map<Held>, Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut vars = Map::default();
    let mut lines = LogicalLines {
        rest: text,
        number: 0,
    };
    let mut expanded = 0;
    while let Some(line) = lines.next_line() {
        let (number, line) = line?;
        let mut parser = LineParser {
            line: line.trim_end(),
            vars: &vars,
            env,
            expanded,
        };
        if let Some((key, value)) = parser.parse_line().map_err(|m| (number, m))? {
            expanded = parser.expanded;
            vars.insert(key.to_owned(), Held::Text(value, Some(number)));
        }
    }
    Ok(vars)
}

/// Where a logical line stands after some characters: dotenvy's `ParseState`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Complete,
    Escape,
    StrongOpen,
    StrongOpenEscape,
    WeakOpen,
    WeakOpenEscape,
    Comment,
    WhiteSpace,
}

/// dotenvy's `eval_end_state`: the state after `buf`, and the position of its last
/// character (of the `#` for a comment).
fn end_state(mut state: State, buf: &str) -> (usize, State) {
    let mut at = 0;
    for (pos, c) in buf.char_indices() {
        at = pos;
        state = match state {
            State::WhiteSpace => match c {
                '#' => return (at, State::Comment),
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::Escape => State::Complete,
            State::Complete => match c {
                c if c.is_whitespace() && c != '\n' && c != '\r' => State::WhiteSpace,
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::WeakOpen => match c {
                '\\' => State::WeakOpenEscape,
                '"' => State::Complete,
                _ => State::WeakOpen,
            },
            State::WeakOpenEscape => State::WeakOpen,
            State::StrongOpen => match c {
                '\\' => State::StrongOpenEscape,
                '\'' => State::Complete,
                _ => State::StrongOpen,
            },
            State::StrongOpenEscape => State::StrongOpen,
            // Never reached: a comment returns at once.
            State::Comment => State::Comment,
        };
    }
    (at, state)
}

/// dotenvy's `QuotedLines`: physical lines joined while a quote or an escape is open.
struct LogicalLines<'t> {
    rest: &'t str,
    /// Physical lines taken so far.
    number: usize,
}

impl LogicalLines<'_> {
    /// The next physical line, with its `\n`.
    fn physical(&mut self) -> Option<&str> {
        if self.rest.is_empty() {
            return None;
        }
        let end = self.rest.find('\n').map_or(self.rest.len(), |i| i + 1);
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        self.number += 1;
        Some(line)
    }

    /// The next logical line and the number of its first physical line; a comment line is an
    /// empty line.
    fn next_line(&mut self) -> Option<Result<(usize, String), Failure>> {
        let mut buf = String::new();
        let mut state = State::Complete;
        let first = self.number + 1;
        loop {
            let start = buf.len();
            let Some(line) = self.physical() else {
                let message = match state {
                    State::Complete => return None,
                    State::StrongOpen | State::StrongOpenEscape => UNTERMINATED_SINGLE,
                    State::WeakOpen | State::WeakOpenEscape => UNTERMINATED_DOUBLE,
                    State::Escape => "a `\\` ends the file",
                    State::WhiteSpace | State::Comment => {
                        "the last line ends in whitespace without a newline"
                    }
                };
                return Some(Err((first, message)));
            };
            buf.push_str(line);
            if buf.trim_start().starts_with('#') {
                return Some(Ok((first, String::new())));
            }
            let (at, next) = end_state(state, &buf[start..]);
            state = next;
            match state {
                State::Complete => {
                    if buf.ends_with('\n') {
                        buf.pop();
                        if buf.ends_with('\r') {
                            buf.pop();
                        }
                    }
                    return Some(Ok((first, buf)));
                }
                State::Comment => {
                    buf.truncate(start + at);
                    return Some(Ok((first, buf)));
                }
                _ => {}
            }
        }
    }
}

/// dotenvy's `LineParser`, over one logical line with its trailing whitespace trimmed.
struct LineParser<'l> {
    line: &'l str,
    vars: &'l Map<Held>,
    env: &'l dyn Source,
    /// Bytes of values so far, for [`MAX_EXPANDED`].
    expanded: usize,
}

const EXPECTED_ASSIGNMENT: &str = "expected NAME=value";

impl<'l> LineParser<'l> {
    fn parse_line(&mut self) -> Result<Option<(&'l str, String)>, &'static str> {
        self.skip_whitespace();
        if self.line.is_empty() || self.line.starts_with('#') {
            return Ok(None);
        }
        let mut key = self.parse_key()?;
        self.skip_whitespace();
        // `export` is an optional prefix, or a name of its own.
        if key == "export" {
            if self.expect_equal().is_err() {
                key = self.parse_key()?;
                self.skip_whitespace();
                self.expect_equal()?;
            }
        } else {
            self.expect_equal()?;
        }
        self.skip_whitespace();
        if self.line.is_empty() || self.line.starts_with('#') {
            return Ok(Some((key, String::new())));
        }
        let value = self.parse_value()?;
        Ok(Some((key, value)))
    }

    fn parse_key(&mut self) -> Result<&'l str, &'static str> {
        if !self
            .line
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        {
            return Err(
                "a variable name holds letters, digits, `_` and `.`, and starts with a letter or `_`",
            );
        }
        let end = self
            .line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(self.line.len());
        let (key, rest) = self.line.split_at(end);
        self.line = rest;
        Ok(key)
    }

    fn expect_equal(&mut self) -> Result<(), &'static str> {
        match self.line.strip_prefix('=') {
            Some(rest) => {
                self.line = rest;
                Ok(())
            }
            None => Err(EXPECTED_ASSIGNMENT),
        }
    }

    fn skip_whitespace(&mut self) {
        self.line = self.line.trim_start();
    }

    /// dotenvy's `parse_value`: quotes, escapes and substitution in one pass.
    fn parse_value(&mut self) -> Result<String, &'static str> {
        let mut strong_quote = false;
        let mut weak_quote = false;
        let mut quoted = false;
        let mut escaped = false;
        let mut expecting_end = false;
        let mut output = String::new();
        let mut mode = Substitution::None;
        let mut name = String::new();
        for c in self.line.chars() {
            if expecting_end {
                if c == ' ' || c == '\t' {
                    continue;
                } else if c == '#' {
                    break;
                } else if quoted {
                    return Err("unexpected text after the closing quote");
                } else {
                    return Err(
                        "a space inside an unquoted value (quote the value, or write the space as `\\ `)",
                    );
                }
            } else if escaped {
                match c {
                    '\\' | '\'' | '"' | '$' | ' ' => output.push(c),
                    'n' => output.push('\n'),
                    _ => {
                        return Err(
                            "unknown escape (use \\n, \\\", \\', \\\\, \\$ or a `\\` before a space)",
                        );
                    }
                }
                escaped = false;
            } else if strong_quote {
                if c == '\'' {
                    strong_quote = false;
                } else {
                    output.push(c);
                }
            } else if mode != Substitution::None {
                if c.is_alphanumeric() {
                    name.push(c);
                } else if mode == Substitution::Block {
                    if c == '{' && name.is_empty() {
                        mode = Substitution::Braced;
                    } else {
                        self.substitute(&mut name, &mut output)?;
                        if c == '$' {
                            mode = Substitution::Block;
                        } else {
                            mode = Substitution::None;
                            output.push(c);
                        }
                    }
                } else if c == '}' {
                    mode = Substitution::None;
                    self.substitute(&mut name, &mut output)?;
                } else {
                    name.push(c);
                }
            } else if c == '$' {
                mode = Substitution::Block;
            } else if weak_quote {
                if c == '"' {
                    weak_quote = false;
                } else if c == '\\' {
                    escaped = true;
                } else {
                    output.push(c);
                }
            } else if c == '\'' {
                strong_quote = true;
                quoted = true;
            } else if c == '"' {
                weak_quote = true;
                quoted = true;
            } else if c == '\\' {
                escaped = true;
            } else if c == ' ' || c == '\t' {
                expecting_end = true;
            } else {
                output.push(c);
            }
        }
        if mode == Substitution::Braced {
            return Err("unterminated `${`");
        }
        if strong_quote {
            return Err(UNTERMINATED_SINGLE);
        }
        if weak_quote {
            return Err(UNTERMINATED_DOUBLE);
        }
        self.substitute(&mut name, &mut output)?;
        self.expanded += output.len();
        if self.expanded > MAX_EXPANDED {
            return Err("the values of the file, once expanded, exceed 8 MiB");
        }
        Ok(output)
    }

    /// dotenvy's `apply_substitution`: the environment's value, else an earlier line's, else
    /// nothing. Empties `name`.
    fn substitute(&self, name: &mut String, output: &mut String) -> Result<(), &'static str> {
        let from_env = match self.env.lookup(name) {
            Some(Found {
                value: Value::Text(t),
                ..
            }) => Some(t),
            _ => None,
        };
        let value = from_env.or_else(|| match self.vars.get(name.as_str()) {
            Some(Held::Text(t, _)) => Some(t.as_str()),
            _ => None,
        });
        name.clear();
        if let Some(value) = value {
            if self.expanded + output.len() + value.len() > MAX_EXPANDED {
                return Err("the values of the file, once expanded, exceed 8 MiB");
            }
            output.push_str(value);
        }
        Ok(())
    }
}

/// dotenvy's `SubstitutionMode`: after `$` (`Block`) or `${` (`Braced`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Substitution {
    None,
    Block,
    Braced,
}

held_map_source!(DotEnv, |s| &s.path);

impl fmt::Debug for DotEnv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DotEnv")
            .field("path", &self.path)
            .field("vars", &self.vars.len())
            .finish()
    }
}
