//! Errors: [`LocatorError`] for one string, [`Problem`] and [`LoadError`] for a whole load.
//!
//! None of them ever holds or prints the text of a locator: a message names the variable, the
//! kind, what is wrong and where (a byte offset), never the value, so a password that ended up
//! in the wrong place of a malformed URL cannot leak through an error. Inside a part that may
//! hold a credential (the user info, a credential parameter, a path holding a token) an error
//! names the [`SecretPart`] instead of an offset or a character.

use std::borrow::Cow;
use std::fmt;

/// What is wrong with one locator string.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The value is empty.
    Empty,
    /// Leading or trailing whitespace (often a stray newline from a secrets file or a copy).
    Whitespace,
    /// A NUL, newline or other control character.
    ControlCharacter,
    /// A space, quote, `<`, `>`, backslash or similar that must be percent-encoded.
    UnencodedCharacter(char),
    /// A character that must be percent-encoded, inside a part that holds a credential (the
    /// character itself is not kept: see [`LocatorError::secret_part`]).
    UnencodedInSecret,
    /// No `scheme:` at the start.
    MissingScheme,
    /// A scheme the kind does not accept; `expected` lists the ones it does.
    WrongScheme {
        /// The scheme found, when it is a well-known locator scheme. An unknown "scheme" is not
        /// echoed: it could be the start of a pasted password.
        found: Option<&'static str>,
        /// The accepted schemes.
        expected: Vec<&'static str>,
    },
    /// `scheme:` without the `//` the kind requires.
    MissingAuthority,
    /// The kind needs a host and none was given.
    MissingHost,
    /// More hosts than the kind allows.
    TooManyHosts {
        /// How many the kind allows.
        max: usize,
    },
    /// A port that is not a number from 1 to 65535.
    BadPort,
    /// The kind forbids a port here (for instance `mongodb+srv`).
    PortNotAllowed,
    /// `%` not followed by two hex digits, or decoding to bytes that are not UTF-8.
    BadPercentEncoding,
    /// A host with a character a host name cannot hold.
    BadHost,
    /// A host that decodes to a `/`, `@`, `?`, `#` or `:`: an attempt to smuggle a path or
    /// credentials through percent-encoding.
    SmuggledHost,
    /// An IPv6 literal that does not parse, or a `[` without its `]`.
    BadIpv6,
    /// An `@` where none can be: a second one in the authority, or one after the host when
    /// there are no credentials before it (a password holding a raw `/` or `?`). A user or
    /// password writes `@`, `/`, `?` as `%40`, `%2F`, `%3F`.
    UnescapedAt,
    /// A `#fragment`, which no locator uses (a password holding `#` must encode it as `%23`).
    Fragment,
    /// A path where the kind takes none, or a path of the wrong shape.
    BadPath(Cow<'static, str>),
    /// A query parameter with a value the kind rejects.
    BadParam {
        /// The parameter name (never secret).
        name: String,
        /// What is wrong with it.
        reason: Cow<'static, str>,
    },
    /// A rule of the kind (written by the kind, never holding the value).
    Invalid(Cow<'static, str>),
    /// A setting's value is not of its type (the message says what is accepted).
    Setting(Cow<'static, str>),
}

/// A part of a locator that may hold a credential, named by an error instead of a byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretPart {
    /// The user name (it may be a token).
    UserName,
    /// The password.
    Password,
    /// The user info as a whole (`user:password@`), for instance an `@` out of place in it.
    UserInfo,
    /// The value of the credential parameter named here, or the rest of the query after it
    /// (a raw `&` in the credential would put part of it there).
    Param(String),
    /// A path that holds a credential segment.
    Path,
}

impl fmt::Display for SecretPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretPart::UserName => f.write_str("in the user name"),
            SecretPart::Password => f.write_str("in the password"),
            SecretPart::UserInfo => f.write_str("in the user info (`user:password@`)"),
            SecretPart::Param(name) => {
                write!(f, "in or after the value of query parameter `{name}`")
            }
            SecretPart::Path => f.write_str("in the path, which holds a credential"),
        }
    }
}

/// Why one config string is not a valid locator of a kind.
///
/// `Display` says what is wrong and at which byte, never the string itself. Inside a part
/// that may hold a credential it names the part instead of the byte, and never the character:
///
/// ```
/// use resources_core::{PostgresUrl, SecretPart};
///
/// let err = "postgres://app:pa%zzss@db/app".parse::<PostgresUrl>().unwrap_err();
/// assert_eq!(err.position(), None);
/// assert_eq!(err.secret_part(), Some(&SecretPart::Password));
/// assert_eq!(
///     err.to_string(),
///     "invalid PostgreSQL locator: in the password: malformed percent-encoding (`%` must start `%XX` and decode to UTF-8)"
/// );
/// ```
///
/// ```
/// use resources_core::{ErrorKind, PostgresUrl};
///
/// let err = "mysql://u:hunter2@db/app".parse::<PostgresUrl>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::WrongScheme { .. }));
/// assert_eq!(
///     err.to_string(),
///     "invalid PostgreSQL locator: scheme `mysql` is not accepted (expected postgres, postgresql) at byte 0"
/// );
/// assert!(!format!("{err} {err:?}").contains("hunter2"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct LocatorError {
    kind_name: &'static str,
    kind: ErrorKind,
    position: Option<usize>,
    part: Option<SecretPart>,
}

impl LocatorError {
    /// An error of `kind` for a locator of the kind named `kind_name`, at byte `position`.
    pub fn new(kind_name: &'static str, kind: ErrorKind, position: Option<usize>) -> Self {
        LocatorError {
            kind_name,
            kind,
            position,
            part: None,
        }
    }

    /// The same error located in `part`, which may hold a credential: the byte offset is
    /// dropped, and so is an offending character ([`ErrorKind::UnencodedInSecret`]).
    pub fn in_secret(mut self, part: SecretPart) -> Self {
        self.position = None;
        if let ErrorKind::UnencodedCharacter(_) = self.kind {
            self.kind = ErrorKind::UnencodedInSecret;
        }
        self.part = Some(part);
        self
    }

    /// An error for a rule of a user-defined kind. The message must not quote the value.
    pub fn invalid(kind_name: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        LocatorError::new(kind_name, ErrorKind::Invalid(message.into()), None)
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The name of the locator kind (`"PostgreSQL"`).
    pub fn kind_name(&self) -> &'static str {
        self.kind_name
    }

    /// The byte offset in the input where the problem is, when one place is to blame and it
    /// is not inside a credential.
    pub fn position(&self) -> Option<usize> {
        self.position
    }

    /// The part holding a credential where the problem is, when it is inside one.
    pub fn secret_part(&self) -> Option<&SecretPart> {
        self.part.as_ref()
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Empty => f.write_str("the value is empty"),
            ErrorKind::Whitespace => {
                f.write_str("leading or trailing whitespace (remove it; a secrets file's newline is trimmed only through `_FILE`)")
            }
            ErrorKind::ControlCharacter => f.write_str("a control character (NUL, newline, tab…)"),
            ErrorKind::UnencodedCharacter(c) => {
                write!(f, "character {c:?} must be percent-encoded")
            }
            ErrorKind::UnencodedInSecret => f.write_str(
                "a character that must be percent-encoded (space, quote, `<`, `>`, backslash, backquote, `:` or `@`…)",
            ),
            ErrorKind::MissingScheme => f.write_str("no `scheme://` at the start"),
            ErrorKind::WrongScheme { found, expected } => match found {
                Some(found) => write!(
                    f,
                    "scheme `{found}` is not accepted (expected {})",
                    expected.join(", ")
                ),
                None => write!(
                    f,
                    "the scheme is not accepted (expected {})",
                    expected.join(", ")
                ),
            },
            ErrorKind::MissingAuthority => f.write_str("`//` must follow the scheme"),
            ErrorKind::MissingHost => f.write_str("a host is required"),
            ErrorKind::TooManyHosts { max } => {
                write!(f, "too many hosts (at most {max})")
            }
            ErrorKind::BadPort => f.write_str("the port must be a number from 1 to 65535"),
            ErrorKind::PortNotAllowed => f.write_str("a port is not allowed here"),
            ErrorKind::BadPercentEncoding => f.write_str(
                "malformed percent-encoding (`%` must start `%XX` and decode to UTF-8)",
            ),
            ErrorKind::BadHost => f.write_str("the host holds a character a host name cannot"),
            ErrorKind::SmuggledHost => f.write_str(
                "the host decodes to `/`, `@`, `?`, `#` or `:`, which a host name cannot hold",
            ),
            ErrorKind::BadIpv6 => f.write_str("malformed IPv6 address in `[…]`"),
            ErrorKind::UnescapedAt => f.write_str(
                "an `@` out of place: in a user or password write `@` as %40, `/` as %2F and `?` as %3F",
            ),
            ErrorKind::Fragment => f.write_str(
                "a `#fragment` is not part of a locator: percent-encode a `#` in a password as `%23`",
            ),
            ErrorKind::BadPath(why) => write!(f, "bad path: {why}"),
            ErrorKind::BadParam { name, reason } => {
                write!(f, "query parameter `{name}`: {reason}")
            }
            ErrorKind::Invalid(why) | ErrorKind::Setting(why) => f.write_str(why),
        }
    }
}

impl fmt::Display for LocatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Setting(_) => "value",
            _ => "locator",
        };
        write!(f, "invalid {} {what}: ", self.kind_name)?;
        if let Some(part) = &self.part {
            write!(f, "{part}: ")?;
        }
        write!(f, "{}", self.kind)?;
        if let Some(at) = self.position {
            write!(f, " at byte {at}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for LocatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocatorError")
            .field("kind_name", &self.kind_name)
            .field("kind", &self.kind)
            .field("position", &self.position)
            .field("secret_part", &self.part)
            .finish()
    }
}

impl std::error::Error for LocatorError {}

/// What is wrong with one variable of a load.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required variable is not set under any of its names.
    Missing {
        /// The aliases that were tried too (with prefixes).
        aliases: Vec<String>,
    },
    /// A required variable given as a URL or as parts: neither is set.
    MissingWithParts {
        /// The aliases that were tried too (with prefixes).
        aliases: Vec<String>,
        /// The part variables (with prefixes).
        parts: Vec<String>,
    },
    /// A required variable of an all-or-none group (`Option` of a flattened struct) that is
    /// unset while another variable of the group is set.
    MissingInGroup {
        /// The set variable that made the group present.
        because: String,
    },
    /// Set under the container prefix, but no field reads it (`#[resources(strict)]`).
    Unknown {
        /// The closest variable the struct reads, if one is close.
        suggestion: Option<String>,
    },
    /// A part, or the parts together, cannot make a locator (the message never quotes a value).
    Parts(String),
    /// Set, but empty.
    Empty,
    /// Set, but not valid UTF-8.
    NotUnicode,
    /// Set, but not a valid locator of its kind.
    Invalid(LocatorError),
    /// `NAME_FILE` names a file that cannot be read: missing, unreadable, not a regular file
    /// (a directory, a FIFO, a device) or larger than the limit.
    FileUnreadable {
        /// The `NAME_FILE` variable.
        file_var: String,
        /// The path it holds, when it is shown: it names something that exists, or it looks
        /// like a path (only `A-Z a-z 0-9 . _ - /`, at most 255 bytes, in a directory that
        /// exists). `None` when it could be a value pasted in place of a path.
        path: Option<String>,
        /// Why it cannot be read (never the file's content).
        reason: String,
    },
    /// `NAME_FILE` holds something that is not a file path (a URL, a control character, more
    /// than 4096 bytes): most likely the value itself, which is then never shown nor opened.
    FileVarNotAPath {
        /// The `NAME_FILE` variable.
        file_var: String,
        /// Whether it looks like a URL (`scheme://…`).
        url: bool,
    },
    /// Set in a source that could not read it (an entry of a secrets directory that is a
    /// directory, a FIFO, a symlink loop, too large, …).
    Unreadable {
        /// Why it cannot be read (never the content).
        reason: String,
    },
    /// Both `NAME` and `NAME_FILE` are set: which one wins would be a guess.
    BothSet {
        /// The `NAME_FILE` variable.
        file_var: String,
    },
    /// A list variable has a gap: `NAME_{found}` is set but `NAME_{missing}` is not.
    ListGap {
        /// The first index that is not set.
        missing: usize,
        /// A later index that is set.
        found: usize,
    },
    /// A hand-written `Resources` impl whose builder does not match its manifest (never
    /// produced by `#[derive(Resources)]`).
    Mismatch,
    /// A list variable has fewer entries than its minimum.
    TooFew {
        /// The minimum.
        min: usize,
        /// How many were set.
        found: usize,
    },
}

/// One problem of a load: the variable, the field it feeds, the kind, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    var: String,
    field: Option<String>,
    kind_name: &'static str,
    example: Option<String>,
    origin: Option<String>,
    what: ProblemKind,
    part: bool,
    optional: bool,
    /// An entry of a list past its minimum: unsetting it (and the entries after it) is a fix.
    entry: bool,
}

impl Problem {
    /// A problem with the variable `var`, whose locator kind is `kind_name`.
    pub fn new(var: impl Into<String>, kind_name: &'static str, what: ProblemKind) -> Self {
        Problem {
            var: var.into(),
            field: None,
            kind_name,
            example: None,
            origin: None,
            what,
            part: false,
            optional: false,
            entry: false,
        }
    }

    /// Marks the variable as holding a part of the field's locator (`SMTP_PORT`).
    pub fn with_part(mut self) -> Self {
        self.part = true;
        self
    }

    /// Marks the variable as an entry of a list past the list's minimum (`NAME_1` of a list
    /// that needs one entry): unsetting it, and every later entry, is a fix.
    pub(crate) fn with_list_entry(mut self) -> Self {
        self.entry = true;
        self
    }

    /// Marks the variable as optional: leaving it unset is a fix the message may suggest (a
    /// problem is about a required variable unless marked).
    pub fn with_optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Names the struct field the variable feeds (`replica.db`).
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Adds an example value to show in the fix (must hold no real credential).
    pub fn with_example(mut self, example: impl Into<String>) -> Self {
        self.example = Some(example.into());
        self
    }

    /// Says where the value came from (`environment`, `.env line 3`, a file path).
    pub fn with_origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// The variable (with prefix, as it was or would be read).
    pub fn var(&self) -> &str {
        &self.var
    }

    /// The field the variable feeds, if known.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The name of the locator kind.
    pub fn kind_name(&self) -> &'static str {
        self.kind_name
    }

    /// Where the value came from, if one was found.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// Whether the variable may be left unset ([`with_optional`](Self::with_optional)).
    pub fn is_optional(&self) -> bool {
        self.optional
    }

    /// What is wrong.
    pub fn what(&self) -> &ProblemKind {
        &self.what
    }

    /// Replaces what is wrong (a missing variable of a group becomes one required by it).
    pub(crate) fn set_what(&mut self, what: ProblemKind) {
        self.what = what;
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (", self.var)?;
        match (&self.field, self.part) {
            (Some(field), false) => write!(f, "field `{field}`, ")?,
            (Some(field), true) => write!(f, "part of field `{field}`, ")?,
            (None, _) => {}
        }
        write!(f, "{})", self.kind_name)?;
        if let Some(origin) = &self.origin {
            write!(f, " from {origin}")?;
        }
        f.write_str(": ")?;
        let var = &self.var;
        match &self.what {
            ProblemKind::Missing { aliases } if aliases.is_empty() => {
                write!(f, "not set; set {var} (or {var}_FILE to a file holding it)")?
            }
            ProblemKind::Missing { aliases } => write!(
                f,
                "not set, nor its aliases {}; set {var} (or {var}_FILE to a file holding it)",
                aliases.join(", ")
            )?,
            ProblemKind::MissingWithParts { aliases, parts } => {
                f.write_str("not set")?;
                if !aliases.is_empty() {
                    write!(f, ", nor its aliases {}", aliases.join(", "))?;
                }
                write!(
                    f,
                    ", nor any of its parts; set {var} (or {var}_FILE to a file holding it), or its parts {}",
                    parts.join(", ")
                )?
            }
            ProblemKind::Parts(message) => f.write_str(message)?,
            ProblemKind::MissingInGroup { because } => write!(
                f,
                "not set, but required because {because} is set (the group is all or none): set {var} too, or unset {because}"
            )?,
            ProblemKind::Unknown {
                suggestion: Some(s),
            } => write!(f, "set but nothing reads it; did you mean {s}?")?,
            ProblemKind::Unknown { suggestion: None } => {
                write!(f, "set but nothing reads it; unset it, or declare a field for it")?
            }
            // Unsetting a required variable fails too: only an optional one (or a part, each
            // optional) may be unset, and only a field may read an empty value as unset.
            ProblemKind::Empty if self.part => {
                write!(f, "set but empty; give {var} a value or unset it")?
            }
            ProblemKind::Empty if self.entry => write!(
                f,
                "set but empty; give {var} a value, or unset it and every entry after it"
            )?,
            ProblemKind::Empty if self.optional => write!(
                f,
                "set but empty; give {var} a value or unset it (or mark the field `empty_is_unset` to read an empty value as unset)"
            )?,
            ProblemKind::Empty => write!(f, "set but empty, and it is required; give {var} a value")?,
            ProblemKind::NotUnicode => f.write_str("not valid UTF-8")?,
            ProblemKind::Invalid(err) => write!(f, "{err}")?,
            ProblemKind::FileUnreadable {
                file_var,
                path: Some(path),
                reason,
            } => write!(
                f,
                "{file_var} names `{path}`, which cannot be read: {reason}"
            )?,
            ProblemKind::FileUnreadable {
                file_var,
                path: None,
                reason,
            } => write!(
                f,
                "{file_var} names a file that cannot be read: {reason} (its value is not shown: it does not look like a path; {file_var} holds the path of a file, {var} the value itself)"
            )?,
            ProblemKind::FileVarNotAPath { file_var, url } => write!(
                f,
                "the value of {file_var} is not a file path ({}); set {var} to the value itself, or {file_var} to the path of a file holding it",
                if *url {
                    "it looks like a URL"
                } else {
                    "it holds a control character or is too long"
                }
            )?,
            ProblemKind::Unreadable { reason } => write!(f, "cannot be read: {reason}")?,
            ProblemKind::BothSet { file_var } => {
                write!(f, "both {var} and {file_var} are set; unset one of them")?
            }
            ProblemKind::ListGap { missing, found } => write!(
                f,
                "{var}_{found} is set but {var}_{missing} is not; list entries are numbered from 0 without gaps"
            )?,
            ProblemKind::Mismatch => f.write_str(
                "the type's builder does not match its manifest; derive `Resources` instead of implementing it by hand",
            )?,
            ProblemKind::TooFew { min, found } => write!(
                f,
                "the list has {found} set ({var}_0, {var}_1, …) and needs at least {min}"
            )?,
        }
        let wants_example = matches!(
            self.what,
            ProblemKind::Missing { .. }
                | ProblemKind::MissingWithParts { .. }
                | ProblemKind::Empty
                | ProblemKind::Invalid(_)
                | ProblemKind::TooFew { .. }
        );
        // An example that is nothing but a redacted secret shows nothing useful; an empty one
        // is an example that does not parse as its kind, not shown.
        let example = self
            .example
            .as_deref()
            .filter(|e| !e.is_empty() && *e != crate::REDACTED);
        if let (true, Some(example)) = (wants_example, example) {
            write!(f, " (for example {example})")?;
        }
        Ok(())
    }
}

/// Every problem of one load, reported at once.
///
/// `Display` lists them one a line; no line ever holds a configured value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    /// Wraps the problems of a load; `None` when there are none.
    pub fn from_problems(problems: Vec<Problem>) -> Option<Self> {
        if problems.is_empty() {
            None
        } else {
            Some(LoadError { problems })
        }
    }

    /// The error of a hand-written `Resources` impl whose builder and manifest disagree.
    pub fn mismatch() -> Self {
        LoadError {
            problems: vec![Problem::new("", "resources", ProblemKind::Mismatch)],
        }
    }

    /// The problems, in declaration order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Consumes the error into its problems.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the configuration of backing services:",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A source that cannot be opened: a `.env` file with a bad line, an unreadable secrets
/// directory.
#[derive(Debug)]
#[non_exhaustive]
pub enum SourceError {
    /// The file or directory cannot be read.
    Io {
        /// The path.
        path: std::path::PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// A line of a `.env` file that is not `NAME=value`.
    Syntax {
        /// The file.
        path: std::path::PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong, without the line's value.
        message: &'static str,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Io { path, error } => {
                write!(f, "cannot read `{}`: {error}", path.display())
            }
            SourceError::Syntax {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
        }
    }
}

impl std::error::Error for SourceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SourceError::Io { error, .. } => Some(error),
            SourceError::Syntax { .. } => None,
        }
    }
}

/// Why [`Resources::from_env_and_dotenv`](crate::Resources::from_env_and_dotenv) failed. Neither variant holds a configured value.
#[derive(Debug)]
#[non_exhaustive]
pub enum ConfigError {
    /// The `.env` file cannot be read, or a line of it is not `NAME=value`.
    Source(SourceError),
    /// The config does not load: every problem.
    Load(LoadError),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Source(e) => write!(f, "{e}"),
            ConfigError::Load(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Source(e) => Some(e),
            ConfigError::Load(e) => Some(e),
        }
    }
}

impl From<SourceError> for ConfigError {
    fn from(e: SourceError) -> Self {
        ConfigError::Source(e)
    }
}

impl From<LoadError> for ConfigError {
    fn from(e: LoadError) -> Self {
        ConfigError::Load(e)
    }
}
