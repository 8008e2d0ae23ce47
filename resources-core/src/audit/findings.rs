//! A finding: what, where, the literal redacted, and what to do instead.

use std::fmt;
use std::path::{Path, PathBuf};

use super::optout::ALLOW_MARKER;

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A literal naming a resource of a known or extra scheme.
    HardCodedLocator {
        /// The scheme, lowercase.
        scheme: String,
    },
    /// A literal holding a URL with credentials: a password, or a token as user name.
    Credentials,
    /// A `// resources-audit: allow…` comment without a reason (or of an unknown form).
    AllowWithoutReason,
}

/// One hard-coded locator (or a bad opt-out): where it is, and the literal with its
/// credentials redacted. No other text of the source line is ever kept.
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
    /// The literal as shown: its decoded content, credentials redacted, escaped and cut to a
    /// bounded length (`None` for a bad opt-out: a comment is never shown).
    pub literal: Option<String>,
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
                "credentials (a password, or a token as user name) belong in config: declare an `ApiUrl`/`HttpUrl` field \
                 (or a `Secret<String>`) of a `#[derive(Resources)]` struct; to keep this literal, add \
                 `// {ALLOW_MARKER}(<reason>)` above it"
            ),
            FindingKind::AllowWithoutReason => format!(
                "say why, in one of the forms `// {ALLOW_MARKER}(<reason>)` (this line and the next), \
                 `{ALLOW_MARKER}-item(<reason>)`, `{ALLOW_MARKER}-block(<reason>)` or `//! {ALLOW_MARKER}-file(<reason>)`"
            ),
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

/// A path as shown in messages and `cargo:` lines: control characters (a line break in a file
/// name) escaped, so a name can never start a line of its own.
pub(super) fn shown_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    if text.chars().any(char::is_control) {
        text.chars()
            .flat_map(|c| {
                let escaped: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                escaped
            })
            .collect()
    } else {
        text.into_owned()
    }
}

impl fmt::Display for Finding {
    /// rustc's shape: `error: …`, `--> file:line:col`, the literal (redacted) with a `^^^`
    /// underline, `= help: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "error: {}", self.title())?;
        writeln!(
            f,
            "{pad}--> {}:{}:{}",
            shown_path(&self.path),
            self.line,
            self.column
        )?;
        if let Some(literal) = &self.literal {
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {literal}")?;
            writeln!(f, "{pad} | {}", "^".repeat(literal.chars().count().max(1)))?;
        }
        write!(f, "{pad} = help: {}", self.help())
    }
}
