//! [`DatabaseUrl`]: one variable naming a PostgreSQL, MySQL or SQLite database.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::kind::{MySql, Postgres, Sqlite};
use super::parse;
use crate::error::{ErrorKind, LocatorError};
use crate::locator::secret::Secret;
use crate::locator::{Endpoint, Host, Kind, Locator, LocatorInfo, Scheme};
use crate::{MySqlUrl, PostgresUrl, SqliteUrl};

/// The kind name of [`DatabaseUrl`], in messages and docs.
const NAME: &str = "PostgreSQL, MySQL or SQLite";

const SCHEME_COUNT: usize = Postgres::SCHEMES.len() + MySql::SCHEMES.len() + Sqlite::SCHEMES.len();

/// Every scheme of the three kinds, PostgreSQL's first.
static SCHEMES: [Scheme; SCHEME_COUNT] = union_of_schemes();

const fn union_of_schemes() -> [Scheme; SCHEME_COUNT] {
    let parts: [&[Scheme]; 3] = [Postgres::SCHEMES, MySql::SCHEMES, Sqlite::SCHEMES];
    let mut out = [Postgres::SCHEMES[0]; SCHEME_COUNT];
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    out
}

/// A database URL that may be PostgreSQL, MySQL (MariaDB) or SQLite: the `DATABASE_URL` of an
/// app that runs on any of them. The scheme decides the kind (`postgres`/`postgresql`,
/// `mysql`/`mariadb`, `sqlite`, any case); each kind then parses and validates the value as
/// its own type does, and reports its own errors.
///
/// `Display` and `Debug` are those of the kind (credentials `***`); the common accessors work
/// on every kind, and [`as_postgres`](Self::as_postgres) and friends reach the rest.
///
/// ```
/// use resources_core::DatabaseUrl;
///
/// let db: DatabaseUrl = "mysql://app:hunter2@db.internal/shop".parse()?;
/// assert_eq!(db.to_string(), "mysql://app:***@db.internal/shop");
/// assert_eq!(db.kind_name(), "MySQL");
/// assert_eq!(db.port_or_default(), Some(3306));
/// assert_eq!(db.database().as_deref(), Some("shop"));
/// assert!(db.as_mysql().is_some());
///
/// let local: DatabaseUrl = "sqlite://data/app.db".parse()?;
/// assert_eq!(local.database().as_deref(), Some("data/app.db"));
/// assert!(local.as_sqlite().is_some_and(|s| !s.is_memory()));
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A PostgreSQL URL.
    Postgres(PostgresUrl),
    /// A MySQL or MariaDB URL.
    MySql(MySqlUrl),
    /// A SQLite URL.
    Sqlite(SqliteUrl),
}

/// Calls `$e` on the URL inside, whatever its kind.
macro_rules! each {
    ($self:expr, $u:ident => $e:expr) => {
        match $self {
            DatabaseUrl::Postgres($u) => $e,
            DatabaseUrl::MySql($u) => $e,
            DatabaseUrl::Sqlite($u) => $e,
        }
    };
}

impl DatabaseUrl {
    /// Parses `input`, choosing the kind by its scheme. A scheme of none of the three kinds is
    /// an error listing the accepted ones (the value is not quoted); a scheme of one of them
    /// gives that kind's own errors.
    pub fn parse(input: &str) -> Result<Self, LocatorError> {
        let scheme = match parse::split_scheme(NAME, &SCHEMES, input) {
            Ok((scheme, _)) => scheme.name,
            Err(e) => return Err(scheme_error(input, e)),
        };
        let is = |schemes: &[Scheme]| schemes.iter().any(|s| s.name == scheme);
        if is(Postgres::SCHEMES) {
            PostgresUrl::parse(input).map(DatabaseUrl::Postgres)
        } else if is(MySql::SCHEMES) {
            MySqlUrl::parse(input).map(DatabaseUrl::MySql)
        } else {
            SqliteUrl::parse(input).map(DatabaseUrl::Sqlite)
        }
    }

    /// The name of the kind this URL is (`"PostgreSQL"`, `"MySQL"`, `"SQLite"`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Postgres(_) => Postgres::NAME,
            DatabaseUrl::MySql(_) => MySql::NAME,
            DatabaseUrl::Sqlite(_) => Sqlite::NAME,
        }
    }

    /// The PostgreSQL URL, if it is one.
    pub fn as_postgres(&self) -> Option<&PostgresUrl> {
        match self {
            DatabaseUrl::Postgres(u) => Some(u),
            _ => None,
        }
    }

    /// The MySQL (or MariaDB) URL, if it is one.
    pub fn as_mysql(&self) -> Option<&MySqlUrl> {
        match self {
            DatabaseUrl::MySql(u) => Some(u),
            _ => None,
        }
    }

    /// The SQLite URL, if it is one.
    pub fn as_sqlite(&self) -> Option<&SqliteUrl> {
        match self {
            DatabaseUrl::Sqlite(u) => Some(u),
            _ => None,
        }
    }

    /// The scheme, lowercase (`postgresql`, `mariadb`, `sqlite`…).
    pub fn scheme(&self) -> &'static str {
        each!(self, u => u.scheme())
    }

    /// The URL exactly as configured, credentials included: hand it to the driver.
    pub fn expose_url(&self) -> &str {
        each!(self, u => u.expose_url())
    }

    /// The decoded user name, if one is written (never for SQLite).
    pub fn username(&self) -> Option<&str> {
        each!(self, u => u.username())
    }

    /// The decoded password, if one is written (never for SQLite).
    pub fn password(&self) -> Option<&Secret<str>> {
        each!(self, u => u.password())
    }

    /// Whether the URL carries a password or a secret parameter.
    pub fn has_credentials(&self) -> bool {
        each!(self, u => u.has_credentials())
    }

    /// Every host with its written port; empty for SQLite and for a client's default host.
    pub fn hosts(&self) -> &[Endpoint] {
        each!(self, u => u.hosts())
    }

    /// The first host; `None` for SQLite.
    pub fn host(&self) -> Option<&Host> {
        each!(self, u => u.host())
    }

    /// The first port as written.
    pub fn port(&self) -> Option<u16> {
        each!(self, u => u.port())
    }

    /// The first port as written, else the kind's default (5432, 3306); `None` for SQLite.
    pub fn port_or_default(&self) -> Option<u16> {
        each!(self, u => u.port_or_default())
    }

    /// The database: PostgreSQL's `?dbname=` or path, MySQL's path, SQLite's decoded file
    /// path (`None` in memory).
    pub fn database(&self) -> Option<Cow<'_, str>> {
        match self {
            DatabaseUrl::Postgres(u) => u.database(),
            DatabaseUrl::MySql(u) => u.database(),
            DatabaseUrl::Sqlite(u) => {
                if u.is_memory() {
                    return None;
                }
                parse::decode(Sqlite::NAME, u.path(), 0).ok()
            }
        }
    }

    /// The decoded value of a query parameter that is not a credential (first occurrence).
    pub fn param(&self, key: &str) -> Option<&str> {
        each!(self, u => u.param(key))
    }

    /// The decoded value of a query parameter that holds a credential.
    pub fn secret_param(&self, key: &str) -> Option<&Secret<str>> {
        each!(self, u => u.secret_param(key))
    }

    /// The path as written (percent-encoded); for SQLite, the file path or `:memory:`.
    pub fn path(&self) -> &str {
        each!(self, u => u.path())
    }

    /// The path segments after the leading `/`, as written (empty ones skipped).
    pub fn path_segments(&self) -> impl Iterator<Item = &str> {
        let path = self.path();
        let path = path.strip_prefix('/').unwrap_or(path);
        path.split('/').filter(|s| !s.is_empty())
    }
}

/// The error for a value whose scheme is none of the three kinds'. A value that is empty or
/// starts with whitespace says so; otherwise the error lists the accepted schemes (a scheme
/// found is named only when it is a well-known one, such as `redis`: never the value).
fn scheme_error(input: &str, e: LocatorError) -> LocatorError {
    if input.is_empty() {
        LocatorError::new(NAME, ErrorKind::Empty, None)
    } else if input.starts_with(char::is_whitespace) {
        LocatorError::new(NAME, ErrorKind::Whitespace, Some(0))
    } else if matches!(e.kind(), ErrorKind::MissingScheme) {
        let expected: Vec<&str> = SCHEMES.iter().map(|s| s.name).collect();
        LocatorError::new(
            NAME,
            ErrorKind::Invalid(
                format!(
                    "no `scheme:` at the start (expected {})",
                    expected.join(", ")
                )
                .into(),
            ),
            Some(0),
        )
    } else {
        e
    }
}

impl From<PostgresUrl> for DatabaseUrl {
    fn from(url: PostgresUrl) -> Self {
        DatabaseUrl::Postgres(url)
    }
}

impl From<MySqlUrl> for DatabaseUrl {
    fn from(url: MySqlUrl) -> Self {
        DatabaseUrl::MySql(url)
    }
}

impl From<SqliteUrl> for DatabaseUrl {
    fn from(url: SqliteUrl) -> Self {
        DatabaseUrl::Sqlite(url)
    }
}

#[diagnostic::do_not_recommend]
impl Locator for DatabaseUrl {
    const FNS: &'static crate::locator::LocatorFns =
        crate::locator::fns::compiled_here!(crate::locator::LocatorFns::of::<DatabaseUrl>());
    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        Self::parse(input)
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: NAME,
            schemes: &SCHEMES,
            example: Postgres::EXAMPLE,
            credentials: true,
            kinds: &[Postgres::NAME, MySql::NAME, Sqlite::NAME],
        }
    }
}

impl FromStr for DatabaseUrl {
    type Err = LocatorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for DatabaseUrl {
    /// The URL as its kind prints it: every credential `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        each!(self, u => fmt::Display::fmt(u, f))
    }
}

impl fmt::Debug for DatabaseUrl {
    /// The kind's `Debug`: `PostgreSQL("postgres://app:***@db/app")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        each!(self, u => fmt::Debug::fmt(u, f))
    }
}
