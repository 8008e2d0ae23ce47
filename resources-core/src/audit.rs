//! The audit: refuse string literals that hard-code a resource locator (feature `audit`).
//!
//! Two lines in a package's `build.rs` make `cargo build` fail on a `"postgres://…"` literal:
//!
//! ```text
//! // build.rs, with `resources = { version = "…", default-features = false, features = ["audit"] }`
//! // under [build-dependencies]
//! fn main() {
//!     resources::audit::Audit::from_build_script().run_build_script();
//! }
//! ```
//!
//! The same verdict in a test: `resources::audit::assert_clean(env!("CARGO_MANIFEST_DIR"))`.
//!
//! What is found: string literals of every form (`"…"` with escapes decoded, raw `r#"…"#`,
//! byte `b"…"`, C `c"…"`), wherever they stand (items, `const`/`static`, attributes such as
//! clap's `default_value = "…"`, macro calls such as `format!` and `concat!`), whose content holds
//! a locator: a scheme of a built-in kind (`postgres://`, `redis://`, `amqp://`, … — a bare
//! `"postgres://"` prefix counts), a scheme of the extra list (`jdbc:`, `mssql://`, …), or any
//! URL with a password in its userinfo (`https://user:secret@…`).
//!
//! What is left alone: comments and doc comments, the `example = "…"` of `#[resource(...)]`
//! (documentation the derive checks and redacts), items under `#[cfg(test)]`, the `tests/`,
//! `benches/` and `examples/` directories (examples are configurable), `target/`, nested
//! packages, and URLs that are not backing services (`"https://docs.rs"`, without credentials).
//!
//! Opt out per occurrence, with a reason, on the literal's line or the line above:
//! `// resources-audit: allow(fixture for the migration test)`. An opt-out without a reason is
//! itself a finding.
//!
//! The scanner is a small single-pass lexer: each file is read once, the scan is linear in its
//! size, and no input makes it panic (an unterminated literal or a file that is not UTF-8 is a
//! warning naming the file).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::locator::parse::redact_generic;

/// The extra schemes checked by default; replace them with [`Audit::extra_schemes`].
pub const DEFAULT_EXTRA_SCHEMES: &[&str] = crate::locator::parse::OTHER_SERVICE_SCHEMES;

/// The marker of an opt-out comment.
pub const ALLOW_MARKER: &str = "resources-audit: allow";

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A literal holding a locator of a known or extra scheme.
    HardCodedLocator {
        /// The scheme, lowercase.
        scheme: String,
    },
    /// A literal holding a URL with a password in its userinfo.
    Credentials,
    /// A `// resources-audit: allow` comment without a reason.
    AllowWithoutReason,
}

/// One hard-coded locator (or a bad opt-out), where it is, and the line with it redacted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The file, relative to the audited package.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters) of the literal's start.
    pub column: usize,
    /// What was found.
    pub kind: FindingKind,
    /// The source line, with every credential on it redacted.
    pub source_line: String,
    /// 1-based column of the literal in `source_line` (redaction may shift it).
    pub display_column: usize,
    /// The literal's length in characters in `source_line`, on its first line.
    pub width: usize,
}

impl Finding {
    /// What to do instead.
    pub fn help(&self) -> String {
        match &self.kind {
            FindingKind::HardCodedLocator { scheme } => {
                let (ty, var) = suggestion(scheme);
                format!(
                    "read it from config: declare a field of type `{ty}` in a `#[derive(Resources)]` struct, set per deploy \
                     in {var} (or a .env file in development); to keep this literal, add `// {ALLOW_MARKER}(<reason>)` above it"
                )
            }
            FindingKind::Credentials => format!(
                "credentials belong in config: declare an `ApiUrl`/`HttpUrl` field (or a `Secret<String>`) of a \
                 `#[derive(Resources)]` struct; to keep this literal, add `// {ALLOW_MARKER}(<reason>)` above it"
            ),
            FindingKind::AllowWithoutReason => {
                format!("say why: `// {ALLOW_MARKER}(fixture for the parser tests)`")
            }
        }
    }

    fn title(&self) -> &'static str {
        match self.kind {
            FindingKind::HardCodedLocator { .. } => "hard-coded resource locator",
            FindingKind::Credentials => "hard-coded credentials in a URL",
            FindingKind::AllowWithoutReason => "resources-audit opt-out without a reason",
        }
    }
}

fn suggestion(scheme: &str) -> (&'static str, &'static str) {
    match scheme {
        "postgres" | "postgresql" => ("PostgresUrl", "DATABASE_URL"),
        "mysql" | "mariadb" => ("MySqlUrl", "DATABASE_URL"),
        "redis" | "rediss" | "redis+unix" | "valkey" | "valkeys" | "valkey+unix" => {
            ("RedisUrl", "REDIS_URL")
        }
        "amqp" | "amqps" => ("AmqpUrl", "AMQP_URL"),
        "smtp" | "smtps" => ("SmtpUrl", "SMTP_URL"),
        "mongodb" | "mongodb+srv" => ("MongoUrl", "MONGODB_URL"),
        "nats" => ("NatsUrl", "NATS_URL"),
        "s3" => ("S3Url", "S3_URL"),
        "sqlite" => ("SqliteUrl", "DATABASE_URL"),
        "beanstalk" | "beanstalkd" => ("BeanstalkdUrl", "BEANSTALK_URL"),
        "kafka" | "kafka+ssl" | "kafka+tls" => ("KafkaBrokers", "KAFKA_URL"),
        "memcache" | "memcached" => ("MemcachedServers", "MEMCACHED_URL"),
        _ => ("ServiceUrl<YourKind>", "a variable of its own"),
    }
}

impl fmt::Display for Finding {
    /// rustc's shape: `error: …`, `--> file:line:col`, the line, a `^^^` underline, `= help:`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let indent: String = self
            .source_line
            .chars()
            .take(self.display_column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "error: {}", self.title())?;
        writeln!(
            f,
            "{pad}--> {}:{}:{}",
            self.path.display(),
            self.line,
            self.column
        )?;
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        writeln!(f, "{pad} | {indent}{}", "^".repeat(self.width.max(1)))?;
        write!(f, "{pad} = help: {}", self.help())
    }
}

/// A file that could not be scanned, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file, relative to the audited package.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "resources-audit could not scan {}: {}",
            self.path.display(),
            self.message
        )
    }
}

/// The outcome of an audit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Every finding, by file then position.
    pub findings: Vec<Finding>,
    /// Files that could not be scanned.
    pub warnings: Vec<Warning>,
    /// Every file scanned (absolute paths).
    pub files: Vec<PathBuf>,
    /// Every directory walked (absolute paths), for `rerun-if-changed`.
    pub dirs: Vec<PathBuf>,
}

impl Report {
    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        for finding in &self.findings {
            writeln!(f, "{finding}\n")?;
        }
        let n = self.findings.len();
        write!(
            f,
            "resources-audit: {n} finding{} in {} files",
            if n == 1 { "" } else { "s" },
            self.files.len()
        )
    }
}

/// An audit of one package's sources.
#[derive(Clone, Debug)]
pub struct Audit {
    root: PathBuf,
    examples: bool,
    extra: Vec<String>,
}

impl Audit {
    /// Audits the package whose root (the directory of its `Cargo.toml`) is `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Audit {
            root: root.into(),
            examples: false,
            extra: DEFAULT_EXTRA_SCHEMES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }

    /// Audits the package being built (from `CARGO_MANIFEST_DIR`, which cargo sets for build
    /// scripts), or the current directory.
    pub fn from_build_script() -> Self {
        let root = std::env::var_os("CARGO_MANIFEST_DIR")
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        Audit::new(root)
    }

    /// Also audits `examples/` (skipped by default).
    pub fn include_examples(mut self, yes: bool) -> Self {
        self.examples = yes;
        self
    }

    /// Replaces the extra schemes (beyond the built-in kinds') that count as locators.
    pub fn extra_schemes<S: AsRef<str>>(mut self, schemes: impl IntoIterator<Item = S>) -> Self {
        self.extra = schemes
            .into_iter()
            .map(|s| s.as_ref().to_ascii_lowercase())
            .collect();
        self
    }

    /// Scans every source file of the package.
    pub fn scan(&self) -> Report {
        let mut report = Report::default();
        let mut files = Vec::new();
        self.walk(&self.root, true, &mut files, &mut report);
        files.sort();
        // Each file is read once; files declared by `#[cfg(test)] mod name;` are test code.
        let mut scanned = Vec::new();
        let mut test_files: Vec<PathBuf> = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&self.root).unwrap_or(file).to_owned();
            let text = match std::fs::read(file).map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    report.warnings.push(Warning {
                        path: relative,
                        message: "the file is not valid UTF-8".to_owned(),
                    });
                    continue;
                }
                Err(e) => {
                    report.warnings.push(Warning {
                        path: relative,
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let mut file_report = Report::default();
            let test_mods = self.scan_text_mods(&relative, &text, &mut file_report);
            let dir = module_dir(file);
            for m in test_mods {
                test_files.push(dir.join(format!("{m}.rs")));
                test_files.push(dir.join(&m));
            }
            scanned.push((file.clone(), file_report));
        }
        for (file, file_report) in scanned {
            report.warnings.extend(file_report.warnings);
            if !test_files.iter().any(|t| file == *t || file.starts_with(t)) {
                report.findings.extend(file_report.findings);
            }
        }
        report.files = files;
        report
    }

    fn walk(&self, dir: &Path, top: bool, files: &mut Vec<PathBuf>, report: &mut Report) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                report.warnings.push(Warning {
                    path: dir.strip_prefix(&self.root).unwrap_or(dir).to_owned(),
                    message: e.to_string(),
                });
                return;
            }
        };
        report.dirs.push(dir.to_owned());
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let skipped = name.starts_with('.')
                    || (top && matches!(name.as_ref(), "target" | "tests" | "benches"))
                    || (top && name == "examples" && !self.examples)
                    || path.join("Cargo.toml").is_file();
                if !skipped {
                    self.walk(&path, false, files, report);
                }
            } else if name.ends_with(".rs") {
                files.push(path);
            }
        }
    }

    /// Scans one file's text; `path` names it in findings.
    pub fn scan_text(&self, path: &Path, text: &str, report: &mut Report) {
        self.scan_text_mods(path, text, report);
    }

    /// Scans one file's text; returns the modules it declares under `#[cfg(test)]`.
    fn scan_text_mods(&self, path: &Path, text: &str, report: &mut Report) -> Vec<String> {
        let mut lexer = Lexer::new(text);
        lexer.run();
        if let Some(message) = lexer.error {
            report.warnings.push(Warning {
                path: path.to_owned(),
                message: message.to_owned(),
            });
        }
        let lines: Vec<&str> = text.lines().collect();
        for allow in &lexer.allows {
            if allow.reason.is_none() {
                report.findings.push(Finding {
                    path: path.to_owned(),
                    line: allow.line,
                    column: allow.column,
                    kind: FindingKind::AllowWithoutReason,
                    source_line: lines
                        .get(allow.line - 1)
                        .map_or(String::new(), |l| (*l).to_owned()),
                    display_column: allow.column,
                    width: ALLOW_MARKER.len(),
                });
            }
        }
        for lit in &lexer.literals {
            let Some(kind) = self.classify(&lit.value) else {
                continue;
            };
            let allowed = lexer
                .allows
                .iter()
                .any(|a| a.reason.is_some() && (a.line == lit.line || a.line + 1 == lit.line));
            if allowed {
                continue;
            }
            let raw_line = lines.get(lit.line - 1).copied().unwrap_or("");
            // Redact the line in three parts, so the underline still fits the literal.
            let start = raw_line
                .char_indices()
                .nth(lit.column - 1)
                .map_or(raw_line.len(), |(i, _)| i);
            let end = raw_line[start..]
                .char_indices()
                .nth(lit.width)
                .map_or(raw_line.len(), |(i, _)| start + i);
            let before = redact_line(&raw_line[..start]);
            let literal = redact_line(&raw_line[start..end]);
            report.findings.push(Finding {
                path: path.to_owned(),
                line: lit.line,
                column: lit.column,
                kind,
                source_line: format!("{before}{literal}{}", redact_line(&raw_line[end..])),
                display_column: before.chars().count() + 1,
                width: literal.chars().count(),
            });
        }
        report
            .findings
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        lexer.test_mods
    }

    /// Whether a literal's decoded content holds a locator.
    fn classify(&self, value: &str) -> Option<FindingKind> {
        if !value.contains(':') {
            return None;
        }
        let bytes = value.as_bytes();
        let mut credentials = false;
        for (i, _) in value.match_indices(':') {
            // The scheme: letters, digits, `+ - .` back from the colon to a boundary.
            let start = scheme_start(&value[..i]);
            let scheme = &value[start..i];
            if scheme.is_empty() || !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let scheme = scheme.to_ascii_lowercase();
            let slashes = bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) == Some(&b'/');
            let known = crate::locator::parse::BACKING_SCHEMES.contains(&scheme.as_str());
            let extra = self.extra.contains(&scheme);
            // `jdbc:postgresql://…` and `sqlite:data.db` have no `//` after their scheme.
            let opaque_ok = matches!(scheme.as_str(), "jdbc" | "sqlite")
                && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
            if (known || extra) && (slashes || opaque_ok) {
                if scheme == "sqlite"
                    && value[i + 1..]
                        .trim_start_matches('/')
                        .starts_with(":memory:")
                {
                    continue;
                }
                return Some(FindingKind::HardCodedLocator { scheme });
            }
            if slashes && has_password(&value[i + 3..]) {
                credentials = true;
            }
        }
        credentials.then_some(FindingKind::Credentials)
    }

    /// For `build.rs`: prints `cargo:rerun-if-changed` for every file and directory scanned,
    /// warnings as `cargo:warning`, and on findings prints them in rustc's shape and exits with
    /// status 1, failing the build.
    pub fn run_build_script(&self) {
        let report = self.scan();
        for dir in &report.dirs {
            println!("cargo:rerun-if-changed={}", dir.display());
        }
        for file in &report.files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        for w in &report.warnings {
            println!("cargo:warning={w}");
        }
        if !report.is_clean() {
            eprintln!("{report}");
            std::process::exit(1);
        }
    }
}

/// Where the files of the modules a file declares live: beside `lib.rs`, `main.rs` and
/// `mod.rs`, else in the directory named after the file.
fn module_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_owned();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") | None => parent,
        Some(stem) => parent.join(stem),
    }
}

/// Where a scheme ending `text` starts: after the last char that cannot be in a scheme.
fn scheme_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Whether the authority after `scheme://` holds `user:password@` with a non-empty password.
fn has_password(rest: &str) -> bool {
    let authority = rest
        .split(['/', '?', '#', ' ', '"', '\''])
        .next()
        .unwrap_or("");
    match authority.rfind('@') {
        Some(at) => authority[..at]
            .split_once(':')
            .is_some_and(|(_, password)| !password.is_empty()),
        None => false,
    }
}

/// The source line with the credentials of any URL in it replaced by `***`.
fn redact_line(line: &str) -> String {
    // Redact each `scheme://…` run separately, so text around it is kept.
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("://") {
        let start = scheme_start(&rest[..i]);
        let end = rest[i..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | ')' | ','))
            .map_or(rest.len(), |e| i + e);
        out.push_str(&rest[..start]);
        out.push_str(&redact_generic(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// An `allow` comment.
struct Allow {
    line: usize,
    column: usize,
    reason: Option<String>,
}

/// A string literal found in code (not in a comment, not under `#[cfg(test)]`).
struct Literal {
    line: usize,
    column: usize,
    width: usize,
    value: String,
}

/// The single-pass lexer: just enough of Rust's lexical grammar to tell literals from comments
/// and code, and to see `#[cfg(test)]` items.
struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    literals: Vec<Literal>,
    allows: Vec<Allow>,
    error: Option<&'static str>,
    /// Nesting of `{`, `(`, `[`.
    depth: usize,
    /// Whether the lexer is in test-only code, and where that ends.
    test: TestScope,
    /// `#[cfg(test)] mod NAME;`: files that are test code.
    test_mods: Vec<String>,
    /// Inside `#[resource(...)]` (the derive's attribute), opened at this depth.
    resource_attr: Option<usize>,
}

/// Test-only code: literals there are not findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TestScope {
    /// Ordinary code.
    None,
    /// The item after `#[cfg(test)]`, at `depth`: it ends at its `;` or at the `}` closing
    /// its body.
    Item { depth: usize, in_body: bool },
    /// After `#![cfg(test)]` at `depth`: the rest of the enclosing module or file.
    Rest { depth: usize },
}

impl<'t> Lexer<'t> {
    fn new(text: &'t str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            literals: Vec::new(),
            allows: Vec::new(),
            error: None,
            depth: 0,
            test: TestScope::None,
            test_mods: Vec::new(),
            resource_attr: None,
        }
    }

    fn column(&self, at: usize) -> usize {
        self.text[self.line_start..at].chars().count() + 1
    }

    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    /// Advances over `n` bytes, counting lines.
    fn advance(&mut self, n: usize) {
        let end = (self.pos + n).min(self.bytes.len());
        while self.pos < end {
            if self.bytes[self.pos] == b'\n' {
                self.line += 1;
                self.line_start = self.pos + 1;
            }
            self.pos += 1;
        }
    }

    fn in_test_code(&self) -> bool {
        self.test != TestScope::None
    }

    fn run(&mut self) {
        if self.text.starts_with("#!") && !self.text.starts_with("#![") {
            // A shebang line.
            let end = self.text.find('\n').unwrap_or(self.text.len());
            self.advance(end);
        }
        while self.pos < self.bytes.len() && self.error.is_none() {
            let b = self.bytes[self.pos];
            match b {
                b'/' if self.peek(1) == Some(b'/') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                b'"' => self.string(self.pos),
                b'\'' => self.quote(),
                b'#' if self.peek(1) == Some(b'[')
                    || (self.peek(1) == Some(b'!') && self.peek(2) == Some(b'[')) =>
                {
                    self.attribute();
                }
                b'{' | b'(' | b'[' => {
                    if let TestScope::Item {
                        depth,
                        in_body: false,
                    } = self.test
                        && depth == self.depth
                        && b == b'{'
                    {
                        self.test = TestScope::Item {
                            depth,
                            in_body: true,
                        };
                    }
                    self.depth += 1;
                    self.advance(1);
                }
                b'}' | b')' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.advance(1);
                    if self.resource_attr == Some(self.depth) {
                        self.resource_attr = None;
                    }
                    match self.test {
                        TestScope::Item {
                            depth,
                            in_body: true,
                        } if depth == self.depth && b == b'}' => {
                            self.test = TestScope::None;
                        }
                        TestScope::Item { depth, .. } | TestScope::Rest { depth }
                            if self.depth < depth =>
                        {
                            self.test = TestScope::None;
                        }
                        _ => {}
                    }
                }
                b';' => {
                    self.advance(1);
                    if let TestScope::Item {
                        depth,
                        in_body: false,
                    } = self.test
                        && depth == self.depth
                    {
                        // `#[cfg(test)] use x;`: the item was one statement.
                        self.test = TestScope::None;
                    }
                }
                b if b.is_ascii_alphabetic() || b == b'_' => self.ident(),
                b if b.is_ascii_digit() => {
                    let len = self.bytes[self.pos..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'.')
                        .count();
                    self.advance(len.max(1));
                }
                _ => {
                    let len = self.text[self.pos..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    self.advance(len);
                }
            }
        }
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |e| start + e);
        let body = &self.text[start..end];
        // Doc comments (`///`, `//!`) document; only plain comments opt out.
        let doc = (body.starts_with("///") && !body.starts_with("////")) || body.starts_with("//!");
        if !doc {
            self.check_allow(body, start);
        }
        self.advance(end - start);
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        let mut depth = 0usize;
        let mut i = self.pos;
        while i + 1 < self.bytes.len() {
            match (self.bytes[i], self.bytes[i + 1]) {
                (b'/', b'*') => {
                    depth += 1;
                    i += 2;
                }
                (b'*', b'/') => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                }
                _ => i += 1,
            }
        }
        if depth != 0 {
            self.error = Some("unterminated block comment");
            i = self.bytes.len();
        }
        let body = &self.text[start..i];
        let doc = (body.starts_with("/**") && !body.starts_with("/***") && body != "/**/")
            || body.starts_with("/*!");
        for (n, line) in body.lines().enumerate().filter(|_| !doc) {
            if line.contains(ALLOW_MARKER) {
                let offset = body.lines().take(n).map(|l| l.len() + 1).sum::<usize>();
                self.check_allow_at(line, start + offset, self.line + n);
            }
        }
        self.advance(i - start);
    }

    fn check_allow(&mut self, comment: &str, at: usize) {
        if comment.contains(ALLOW_MARKER) {
            self.check_allow_at(comment, at, self.line);
        }
    }

    fn check_allow_at(&mut self, comment: &str, at: usize, line: usize) {
        let Some(i) = comment.find(ALLOW_MARKER) else {
            return;
        };
        let rest = &comment[i + ALLOW_MARKER.len()..];
        let reason = rest
            .strip_prefix('(')
            .and_then(|r| r.rfind(')').map(|e| r[..e].trim()))
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        let column = if line == self.line {
            self.column(at + i)
        } else {
            self.text[..at + i]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1
        };
        self.allows.push(Allow {
            line,
            column,
            reason,
        });
    }

    /// An identifier, or the prefix of a literal (`b"`, `r#"`, `br"`, `c"`, `cr#"`), or a raw
    /// identifier (`r#type`).
    fn ident(&mut self) {
        let start = self.pos;
        let len = self.bytes[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let word = &self.text[start..start + len];
        let next = self.bytes.get(start + len).copied();
        match (word, next) {
            ("b" | "c", Some(b'"')) => {
                self.advance(len);
                self.string(start);
            }
            ("r" | "br" | "cr", Some(b'"' | b'#')) => {
                let hashes = self.bytes[start + len..]
                    .iter()
                    .take_while(|c| **c == b'#')
                    .count();
                if self.bytes.get(start + len + hashes) == Some(&b'"') {
                    self.advance(len + hashes);
                    self.raw_string(start, hashes);
                } else {
                    // `r#ident`
                    self.advance(len + hashes);
                }
            }
            ("b", Some(b'\'')) => {
                self.advance(len);
                self.quote();
            }
            ("mod", _) if matches!(self.test, TestScope::Item { in_body: false, .. }) => {
                self.advance(len);
                let rest = &self.text[self.pos..];
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let after = rest.trim_start()[name.len()..].trim_start();
                if !name.is_empty() && after.starts_with(';') {
                    self.test_mods.push(name);
                }
            }
            _ => self.advance(len),
        }
    }

    /// A `"…"` string whose opening quote is at `self.pos`; `start` is the literal's first byte.
    fn string(&mut self, start: usize) {
        let line = self.line;
        let column = self.column(start);
        let mut value = String::new();
        let mut i = self.pos + 1;
        let mut has_colon = false;
        loop {
            let Some(&b) = self.bytes.get(i) else {
                self.error = Some("unterminated string literal");
                self.advance(self.bytes.len() - self.pos);
                return;
            };
            match b {
                b'"' => break,
                b'\\' => {
                    let (decoded, used) = unescape(&self.text[i..]);
                    if let Some(c) = decoded {
                        value.push(c);
                    }
                    i += used.max(1);
                }
                _ => {
                    let c = self.text[i..].chars().next().unwrap_or('\u{fffd}');
                    has_colon |= c == ':';
                    value.push(c);
                    i += c.len_utf8();
                }
            }
        }
        let end = i + 1;
        let first_line_end = self.text[start..end].find('\n').map_or(end, |e| start + e);
        let width = self.text[start..first_line_end].chars().count();
        self.advance(end - self.pos);
        if (has_colon || value.contains(':'))
            && !self.in_test_code()
            && !self.is_resource_example(start)
        {
            self.literals.push(Literal {
                line,
                column,
                width,
                value,
            });
        }
    }

    /// A raw string `r#"…"#` whose opening quote is at `self.pos`.
    fn raw_string(&mut self, start: usize, hashes: usize) {
        let line = self.line;
        let column = self.column(start);
        let body_start = self.pos + 1;
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let Some(rel) = self.text[body_start..].find(&closing) else {
            self.error = Some("unterminated raw string literal");
            self.advance(self.bytes.len() - self.pos);
            return;
        };
        let value = self.text[body_start..body_start + rel].to_owned();
        let end = body_start + rel + closing.len();
        let first_line_end = self.text[start..end].find('\n').map_or(end, |e| start + e);
        let width = self.text[start..first_line_end].chars().count();
        self.advance(end - self.pos);
        if value.contains(':') && !self.in_test_code() && !self.is_resource_example(start) {
            self.literals.push(Literal {
                line,
                column,
                width,
                value,
            });
        }
    }

    /// Whether the literal at `start` is the value of `example = "…"` in `#[resource(...)]`:
    /// documentation, checked against its kind by the derive and redacted in every rendering.
    fn is_resource_example(&self, start: usize) -> bool {
        self.resource_attr.is_some()
            && self.text[..start]
                .trim_end()
                .strip_suffix('=')
                .is_some_and(|before| before.trim_end().ends_with("example"))
    }

    /// A `'`: a char literal (`'x'`, `'\n'`, `'\u{1F600}'`) or a lifetime/label (`'a`).
    fn quote(&mut self) {
        let rest = &self.text[self.pos + 1..];
        let mut chars = rest.chars();
        match chars.next() {
            Some('\\') => {
                // An escaped char literal: skip to the closing quote.
                let (_, used) = unescape(rest);
                let close = 1 + used;
                let end = if self.bytes.get(self.pos + close) == Some(&b'\'') {
                    close + 1
                } else {
                    close
                };
                self.advance(end);
            }
            Some(c) if chars.next() == Some('\'') => self.advance(1 + c.len_utf8() + 1),
            _ => self.advance(1),
        }
    }

    /// `#[…]` or `#![…]`: scanned like code (its literals count), noting `cfg(test)`.
    fn attribute(&mut self) {
        let inner = self.peek(1) == Some(b'!');
        let open = self.pos + if inner { 2 } else { 1 };
        // Find the matching `]` by brackets, skipping string contents.
        let mut depth = 0usize;
        let mut i = open;
        let mut words = String::new();
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'[' | b'(' => {
                    depth += 1;
                    words.push(b as char);
                }
                b']' | b')' => {
                    depth = depth.saturating_sub(1);
                    words.push(b as char);
                    if depth == 0 {
                        break;
                    }
                }
                b'"' => break, // a literal: the attribute is not a bare `cfg(test)`
                b if b.is_ascii_alphanumeric() || b == b'_' || b == b',' => words.push(b as char),
                _ => {}
            }
            i += 1;
        }
        let is_test = words.starts_with("[cfg(test)") || words.starts_with("[cfg(all(test,");
        if words.contains("resource(") && !inner {
            self.resource_attr = Some(self.depth);
        }
        if is_test && !self.in_test_code() {
            self.test = if inner {
                TestScope::Rest { depth: self.depth }
            } else {
                TestScope::Item {
                    depth: self.depth,
                    in_body: false,
                }
            };
        }
        // Continue lexing inside the attribute normally (its literals are scanned).
        self.advance(if inner { 2 } else { 1 });
    }
}

/// Decodes one escape starting at `\\`; returns the char (if any: a line continuation yields
/// none) and the bytes used, always ending on a char boundary.
fn unescape(s: &str) -> (Option<char>, usize) {
    let mut chars = s.char_indices().skip(1);
    let Some((_, c)) = chars.next() else {
        return (None, s.len());
    };
    let simple = |decoded: char| (Some(decoded), 1 + c.len_utf8());
    match c {
        'n' => simple('\n'),
        't' => simple('\t'),
        'r' => simple('\r'),
        '0' => simple('\0'),
        '\\' | '"' | '\'' => simple(c),
        'x' => {
            // Up to two hex digits (ASCII, so byte counts are char counts).
            let digits = s[2..]
                .bytes()
                .take(2)
                .take_while(u8::is_ascii_hexdigit)
                .count();
            let value = u8::from_str_radix(&s[2..2 + digits], 16).ok();
            (value.map(char::from), 2 + digits)
        }
        'u' => {
            // `\u{…}`: at most a few hex digits (and `_`) before the `}`.
            let body = s[2..].strip_prefix('{').unwrap_or("");
            let len = body
                .bytes()
                .take(8)
                .take_while(|b| b.is_ascii_hexdigit() || *b == b'_')
                .count();
            if body.as_bytes().get(len) == Some(&b'}') {
                let code = u32::from_str_radix(&body[..len].replace('_', ""), 16)
                    .ok()
                    .and_then(char::from_u32);
                (code, 3 + len + 1)
            } else {
                (None, 2)
            }
        }
        '\n' | '\r' => {
            // Line continuation: skip the newline and the next line's leading whitespace.
            let rest = &s[1..];
            (None, 1 + rest.len() - rest.trim_start().len())
        }
        other => (Some(other), 1 + other.len_utf8()),
    }
}

/// Scans `root` and panics with every finding (for a test: `assert_clean(env!("CARGO_MANIFEST_DIR"))`).
///
/// # Panics
/// When the package hard-codes a locator.
pub fn assert_clean(root: impl Into<PathBuf>) {
    let report = Audit::new(root).scan();
    assert!(report.is_clean(), "{report}");
}
