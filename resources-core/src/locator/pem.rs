//! [`PemKey`]: a private key (or any PEM text) held as a secret.

use std::fmt;
use std::str::FromStr;

use crate::error::{ErrorKind, LocatorError};
use crate::locator::secret::REDACTED;
use crate::locator::{Locator, LocatorInfo};

/// The kind name of [`PemKey`], in messages and docs.
const NAME: &str = "PEM key";

/// The longest PEM text accepted (a key with a long certificate chain stays far below).
const MAX_LEN: usize = 1 << 20;

/// The longest label accepted (`ENCRYPTED PRIVATE KEY` has 21 characters).
const MAX_LABEL: usize = 64;

/// A PEM private key (or certificate chain) loaded as a secret: one or more
/// `-----BEGIN LABEL-----` … `-----END LABEL-----` blocks of base64 lines, as a key file holds
/// them. Give it through `NAME_FILE`, a secrets directory, or a double-quoted multi-line
/// `.env` value; one trailing newline is trimmed.
///
/// Lines end in `\n` or `\r\n`; blank lines may separate blocks; a block may start with
/// RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`, then a blank line) as legacy encrypted keys do.
/// Labels are uppercase words (`PRIVATE KEY`, `RSA PRIVATE KEY`, `CERTIFICATE`). Anything
/// else is refused with a message that names the block, never a line, a character or an
/// offset of the text.
///
/// `Display` and `Debug` print only the labels and the line count; [`expose`](Self::expose)
/// returns the text.
///
/// ```
/// use resources_core::PemKey;
///
/// let key: PemKey = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n".parse()?;
/// assert_eq!(format!("{key:?}"), "PemKey(*** PRIVATE KEY, 3 lines)");
/// assert_eq!(key.label(), "PRIVATE KEY");
/// assert!(key.expose().ends_with("-----END PRIVATE KEY-----"));
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PemKey {
    text: Box<str>,
    labels: Vec<Box<str>>,
    lines: usize,
}

impl PemKey {
    /// Parses and checks PEM text (one trailing `\n` or `\r\n` is trimmed).
    pub fn parse(input: &str) -> Result<Self, LocatorError> {
        let text = input
            .strip_suffix('\n')
            .map_or(input, |t| t.strip_suffix('\r').unwrap_or(t));
        if text.is_empty() {
            return Err(LocatorError::new(NAME, ErrorKind::Empty, None));
        }
        if text.len() > MAX_LEN {
            return Err(invalid("longer than 1 MiB: not a key".into()));
        }
        if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
            return Err(LocatorError::new(NAME, ErrorKind::Whitespace, None));
        }
        if !text.contains('\n') && text.contains("\\n") {
            return Err(invalid(
                "the lines are joined by `\\n` escapes, not newlines: write real newlines (in a `.env` file, a double-quoted value turns `\\n` into one)".into(),
            ));
        }
        let labels = check_blocks(text)?;
        Ok(PemKey {
            lines: text.split('\n').count(),
            text: text.into(),
            labels,
        })
    }

    /// The PEM text, as configured without its trailing newline: the one way it leaves.
    pub fn expose(&self) -> &str {
        &self.text
    }

    /// The label of the first block (`PRIVATE KEY`, `RSA PRIVATE KEY`…).
    pub fn label(&self) -> &str {
        self.labels.first().map_or("", |l| l)
    }

    /// The label of every block, in order (a key followed by its certificate chain).
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(|l| &**l)
    }

    /// The number of lines of the text.
    pub fn line_count(&self) -> usize {
        self.lines
    }
}

fn invalid(message: String) -> LocatorError {
    LocatorError::new(NAME, ErrorKind::Invalid(message.into()), None)
}

/// Where a block is, for messages: its number, and its label once it is known to be a label.
fn block_error(n: usize, label: Option<&str>, what: &str) -> LocatorError {
    match label {
        Some(label) => invalid(format!("block {n} ({label}): {what}")),
        None => invalid(format!("block {n}: {what}")),
    }
}

/// Uppercase words of letters and digits, joined by one space or `-`: every label in use
/// (a stricter form of RFC 7468's), so a label shown in a message is never mangled content.
fn valid_label(label: &str) -> bool {
    let ok_chars = label
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'-');
    let ok_joins = !label.contains("  ")
        && !label.contains("--")
        && !label.contains(" -")
        && !label.contains("- ");
    let ok_ends = label.starts_with(|c: char| c.is_ascii_alphanumeric())
        && label.ends_with(|c: char| c.is_ascii_alphanumeric());
    label.len() <= MAX_LABEL && ok_chars && ok_joins && ok_ends
}

/// What the checker is reading inside a block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    /// Just after the BEGIN line: headers or base64 may come.
    Start,
    /// RFC 1421 headers, until a blank line.
    Headers,
    /// Base64 lines; `padded` once a line ended in `=`.
    Base64 { chars: usize, padded: bool },
}

/// Checks every block of `text`; returns their labels.
fn check_blocks(text: &str) -> Result<Vec<Box<str>>, LocatorError> {
    let mut labels: Vec<Box<str>> = Vec::new();
    // The open block: its label and what is being read.
    let mut open: Option<(&str, Body)> = None;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let n = labels.len() + usize::from(open.is_some());
        let Some((label, body)) = open else {
            if line.is_empty() {
                continue;
            }
            let Some(label) = line
                .strip_prefix("-----BEGIN ")
                .and_then(|l| l.strip_suffix("-----"))
            else {
                return Err(if labels.is_empty() {
                    invalid("expected a `-----BEGIN …-----` line first (text before it, such as `Bag Attributes`, is not accepted: remove it)".into())
                } else {
                    invalid(format!(
                        "after block {}: text outside the BEGIN and END lines (remove it)",
                        labels.len()
                    ))
                });
            };
            if label.contains("-----") {
                return Err(block_error(
                    n + 1,
                    None,
                    "the BEGIN line runs on: the BEGIN line, each base64 line and the END line go on lines of their own (were the newlines turned into spaces?)",
                ));
            }
            if !valid_label(label) {
                return Err(block_error(
                    n + 1,
                    None,
                    "the BEGIN line's label must be uppercase words, such as `PRIVATE KEY`",
                ));
            }
            open = Some((label, Body::Start));
            continue;
        };
        if let Some(end) = line
            .strip_prefix("-----END ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            if end != label {
                return Err(block_error(
                    n,
                    Some(label),
                    "the END line's label is not the BEGIN line's",
                ));
            }
            match body {
                Body::Base64 { chars, .. } if chars % 4 == 0 => {}
                Body::Base64 { .. } => {
                    return Err(block_error(
                        n,
                        Some(label),
                        "the base64 body is cut short (its length is not a multiple of 4)",
                    ));
                }
                _ => return Err(block_error(n, Some(label), "the block has no base64 body")),
            }
            labels.push(label.into());
            open = None;
            continue;
        }
        if line.starts_with("-----") {
            return Err(block_error(
                n,
                Some(label),
                "a BEGIN or END line inside the block (is its END line missing?)",
            ));
        }
        let next = match body {
            Body::Start if line.contains(':') => Body::Headers,
            Body::Headers if line.is_empty() => Body::Base64 {
                chars: 0,
                padded: false,
            },
            Body::Headers => Body::Headers,
            _ if line.is_empty() => {
                return Err(block_error(
                    n,
                    Some(label),
                    "a blank line inside the base64 body",
                ));
            }
            Body::Base64 { padded: true, .. } => {
                return Err(block_error(
                    n,
                    Some(label),
                    "base64 goes on after the `=` padding",
                ));
            }
            Body::Start => base64_line(n, label, line, 0)?,
            Body::Base64 { chars, .. } => base64_line(n, label, line, chars)?,
        };
        open = Some((label, next));
    }
    if let Some((label, _)) = open {
        return Err(block_error(
            labels.len() + 1,
            Some(label),
            "no `-----END …-----` line",
        ));
    }
    if labels.is_empty() {
        return Err(invalid("expected a `-----BEGIN …-----` line".into()));
    }
    Ok(labels)
}

/// Checks one base64 line after `chars` base64 characters of the body.
fn base64_line(n: usize, label: &str, line: &str, chars: usize) -> Result<Body, LocatorError> {
    let data = line.trim_end_matches('=');
    let pad = line.len() - data.len();
    let base64 = data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    if !base64 {
        return Err(block_error(
            n,
            Some(label),
            "a body line holds a character that is not base64 (A-Z, a-z, 0-9, +, /, then = at the end): a stray space, quote or escape?",
        ));
    }
    if pad > 2 {
        return Err(block_error(n, Some(label), "more than two `=` of padding"));
    }
    Ok(Body::Base64 {
        chars: chars + line.len(),
        padded: pad > 0,
    })
}

#[diagnostic::do_not_recommend]
impl Locator for PemKey {
    const FNS: &'static crate::locator::LocatorFns =
        crate::locator::fns::compiled_here!(crate::locator::LocatorFns::of::<PemKey>());
    const URL_SHAPED: bool = false;

    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        Self::parse(input)
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: NAME,
            schemes: &[],
            // resources-audit: allow(a placeholder key body, shown redacted in docs)
            example: "-----BEGIN PRIVATE KEY-----\nKEY=\n-----END PRIVATE KEY-----",
            credentials: true,
            kinds: &[],
        }
    }
}

impl FromStr for PemKey {
    type Err = LocatorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for PemKey {
    /// `*** PRIVATE KEY, 28 lines`; for several blocks their labels, a run of the same one
    /// counted (`*** PRIVATE KEY + CERTIFICATE ×2, 75 lines`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)?;
        let mut i = 0;
        while i < self.labels.len() {
            let label = &self.labels[i];
            let run = self.labels[i..].iter().take_while(|l| *l == label).count();
            f.write_str(if i == 0 { " " } else { " + " })?;
            f.write_str(label)?;
            if run > 1 {
                write!(f, " ×{run}")?;
            }
            i += run;
        }
        let s = if self.lines == 1 { "" } else { "s" };
        write!(f, ", {} line{s}", self.lines)
    }
}

impl fmt::Debug for PemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PemKey({self})")
    }
}
