//! [`DotEnv`]: a `.env` file, read without touching the process environment.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::SourceError;

use super::{Found, Held, Map, Source, names_in};

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

    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        Some(names_in(&self.vars, prefix))
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
