//! A finding: what, where, the redacted line, and what to do instead.

use std::fmt;
use std::path::PathBuf;

use super::lexer::ALLOW_MARKER;

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
