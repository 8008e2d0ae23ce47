//! The built-in kinds: one small type each, following its reference client or spec.
//!
//! Each kind is a marker type implementing [`Kind`]; its locator type is the alias
//! `ServiceUrl<kind>` named in the crate root (`PostgresUrl = ServiceUrl<Postgres>`).
//!
//! User names: every built-in kind prints a user name written without a password as `***`
//! ([`Kind::LONE_USERNAME_SECRET`]): in the HTTP, S3 and CouchDB kinds it is how tokens and
//! access keys are passed (`https://ghp_…@…`, `https://TOKEN:x-oauth-basic@…`), and in the
//! database kinds a lone user name is as often a password pasted without its user (the driver
//! still gets it as the user name: `username()` returns it). NATS and the HTTPS API kind go
//! further ([`Kind::TOKEN_USERNAME`]): the user name is always redacted, and returned by
//! `password()` when it comes alone.

use std::borrow::Cow;
use std::path::PathBuf;

use super::parse;
use crate::error::{ErrorKind, LocatorError};
use crate::locator::fns::compiled_here;
use crate::locator::{Endpoint, Host, Kind, LocatorFns, Scheme, ServiceUrl, Shape};

/// The name the `Debug` of a `ServiceUrl<K>` starts with: `K::NAME` when it is a Rust type
/// name (ASCII letters, digits and `_`, starting with an uppercase letter: `PostgreSQL`,
/// `Loggly`), else the type name of `K` without its module path (`Api` for `"HTTPS API"`,
/// `LocalApi` for `"HTTP API"`).
pub(crate) fn debug_name<K: Kind>() -> Cow<'static, str> {
    let name = K::NAME;
    let rust_like = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if rust_like {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(without_paths(std::any::type_name::<K>()))
    }
}

/// A type name with every path shortened to its last segment:
/// `app::kinds::Wrapper<app::Inner>` → `Wrapper<Inner>`.
fn without_paths(type_name: &str) -> String {
    let mut out = String::with_capacity(type_name.len());
    let mut segment = String::new();
    let mut chars = type_name.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            segment.clear();
        } else if c.is_alphanumeric() || c == '_' {
            segment.push(c);
        } else {
            out.push_str(&segment);
            segment.clear();
            out.push(c);
        }
    }
    out.push_str(&segment);
    out
}

fn bad_param(kind: &'static str, name: &str, reason: &'static str) -> LocatorError {
    LocatorError::new(
        kind,
        ErrorKind::BadParam {
            name: name.to_owned(),
            reason: reason.into(),
        },
        None,
    )
}

fn bad_path(kind: &'static str, reason: &'static str) -> LocatorError {
    LocatorError::new(kind, ErrorKind::BadPath(reason.into()), None)
}

/// Checks that the parameter `key`, if present, is one of `allowed`.
fn check_choice<K: Kind>(
    url: &ServiceUrl<K>,
    key: &str,
    allowed: &'static [&'static str],
    reason: &'static str,
) -> Result<(), LocatorError> {
    match url.param(key) {
        Some(v) if !allowed.contains(&v) => Err(bad_param(K::NAME, key, reason)),
        _ => Ok(()),
    }
}

/// The path holds at most one segment (a database, a vhost, a db index).
fn single_segment<K: Kind>(url: &ServiceUrl<K>, reason: &'static str) -> Result<(), LocatorError> {
    let path = url.path();
    match path.strip_prefix('/') {
        Some(rest) if rest.contains('/') => Err(bad_path(K::NAME, reason)),
        _ => Ok(()),
    }
}

/// `key` folded (lowercase, without `_`, `-`, `.`), byte by byte.
fn folded(key: &str) -> impl Iterator<Item = u8> + '_ {
    key.bytes()
        .filter(|b| !matches!(b, b'_' | b'-' | b'.'))
        .map(|b| b.to_ascii_lowercase())
}

/// Whether `key` folds to `folded` (already folded), without allocating.
fn folds_to(key: &str, target: &str) -> bool {
    folded(key).eq(target.bytes())
}

/// A timeout value: a non-negative number, optionally with a unit (`ms`, `s`, `m`, `h`).
fn is_duration(v: &str) -> bool {
    let number = ["ms", "s", "m", "h"]
        .iter()
        .find_map(|unit| v.strip_suffix(unit))
        .unwrap_or(v);
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Parameters that must be whole numbers within `max`, when written.
fn check_numbers<K: Kind>(
    url: &ServiceUrl<K>,
    keys: &[(&'static str, u64)],
) -> Result<(), LocatorError> {
    for name in url.param_names() {
        for &(key, max) in keys {
            if folded(name).eq(folded(key))
                && url.param(name).is_some_and(|v| {
                    v.is_empty()
                        || !v.bytes().all(|b| b.is_ascii_digit())
                        || v.parse::<u64>().map_or(true, |n| n > max)
                })
            {
                return Err(bad_param(K::NAME, key, "expected a whole number"));
            }
        }
    }
    Ok(())
}

/// PostgreSQL, as libpq reads connection URIs.
///
/// `postgres://` and `postgresql://`; several hosts (`h1:5432,h2:5433`); an empty host for the
/// default unix socket; a socket directory as a percent-encoded host (`%2Fvar%2Frun%2Fpostgresql`)
/// or as `?host=/var/run/postgresql`; the database from the path or `?dbname=`. As libpq does,
/// `?port=` overrides the authority's ports (one for all hosts, or one each), a parameter must
/// be one of libpq's key words written `name=value`, and a repeated one keeps its last value.
#[derive(Debug)]
pub struct Postgres;

impl Kind for Postgres {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Postgres>>());
    const NAME: &'static str = "PostgreSQL";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::new("postgres", 5432),
        Scheme::new("postgresql", 5432),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "postgres://app:PASSWORD@db.example.com:5432/app";
    const HOST_REQUIRED: bool = false;
    const MAX_HOSTS: usize = usize::MAX;
    const UNIX_SOCKETS: bool = true;
    const COMPOSE: crate::Compose = crate::Compose::LIBPQ;
    const QUERY_USER: &'static [&'static str] = &["user"];
    const QUERY_PASSWORD: &'static [&'static str] = &["password"];
    // libpq's parameter key words (which refuses any other), and sqlx's additions.
    const PARAMS: &'static [&'static str] = &[
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "passfile",
        "requireauth",
        "channelbinding",
        "connecttimeout",
        "clientencoding",
        "options",
        "applicationname",
        "fallbackapplicationname",
        "keepalives",
        "keepalivesidle",
        "keepalivesinterval",
        "keepalivescount",
        "keepalivesretries",
        "tcpusertimeout",
        "replication",
        "gssencmode",
        "sslmode",
        "requiressl",
        "sslnegotiation",
        "sslcompression",
        "sslcert",
        "sslkey",
        "sslkeylogfile",
        "sslpassword",
        "sslcertmode",
        "sslrootcert",
        "sslcrl",
        "sslcrldir",
        "sslsni",
        "requirepeer",
        "sslminprotocolversion",
        "sslmaxprotocolversion",
        "minprotocolversion",
        "maxprotocolversion",
        "krbsrvname",
        "gsslib",
        "gssdelegation",
        "service",
        "targetsessionattrs",
        "loadbalancehosts",
        "statementcachecapacity",
    ];

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        check_choice(
            url,
            "sslmode",
            &[
                "disable",
                "allow",
                "prefer",
                "require",
                "verify-ca",
                "verify-full",
            ],
            "expected disable, allow, prefer, require, verify-ca or verify-full",
        )?;
        check_choice(
            url,
            "target_session_attrs",
            &[
                "any",
                "read-write",
                "read-only",
                "primary",
                "standby",
                "prefer-standby",
            ],
            "expected any, read-write, read-only, primary, standby or prefer-standby",
        )?;
        for entry in url.raw_query_entries() {
            let why = match entry.matches('=').count() {
                0 => "every parameter is `name=value`: one has no `=` (libpq refuses it)",
                1 => continue,
                _ => "a parameter has a second `=`: write `=` in a value as %3D (libpq refuses it)",
            };
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid(why.into()),
                None,
            ));
        }
        for name in url.param_names() {
            // libpq refuses a key word it does not know. (After a credential, the parser
            // already refused one without naming it; here every name is safe to quote.)
            if !Self::PARAMS.iter().any(|k| folds_to(name, k)) {
                return Err(bad_param(
                    Self::NAME,
                    name,
                    "libpq does not know this parameter",
                ));
            }
        }
        if let Some(t) = url.param("connect_timeout")
            && t.parse::<u32>().is_err()
        {
            return Err(bad_param(
                Self::NAME,
                "connect_timeout",
                "expected a number of seconds",
            ));
        }
        Ok(())
    }

    /// libpq: `?host=` (comma-separated names, addresses or socket directories) overrides
    /// the authority's hosts; `?port=` (one port for all, or one per host; an empty entry is
    /// the default port) overrides the authority's ports.
    fn hosts_from_params(url: &ServiceUrl<Self>) -> Result<Option<Vec<Endpoint>>, LocatorError> {
        let ports: Option<Vec<Option<u16>>> = url
            .param("port")
            .map(|list| {
                list.split(',')
                    .map(|p| {
                        if p.is_empty() {
                            Ok(None)
                        } else {
                            parse::parse_port(Self::NAME, p, 0).map(Some).map_err(|_| {
                                bad_param(Self::NAME, "port", "expected numbers from 1 to 65535")
                            })
                        }
                    })
                    .collect()
            })
            .transpose()?;
        let hosts: Vec<Host> = match url.param("host") {
            Some(list) => list
                .split(',')
                .map(|h| {
                    parse::classify_host(Self::NAME, h.to_owned(), 0, true).map_err(|_| {
                        bad_param(
                            Self::NAME,
                            "host",
                            "expected host names, addresses or absolute socket directories",
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
            None if ports.is_none() => return Ok(None),
            None => url.hosts().iter().map(|e| e.host().clone()).collect(),
        };
        let ports = ports.unwrap_or_else(|| vec![url.port()]);
        if ports.len() != 1 && ports.len() != hosts.len() {
            return Err(bad_param(
                Self::NAME,
                "port",
                "give one port, or one per host",
            ));
        }
        let endpoints = hosts
            .into_iter()
            .enumerate()
            .map(|(i, host)| Endpoint::new(host, ports[if ports.len() == 1 { 0 } else { i }]));
        Ok(Some(endpoints.collect()))
    }

    /// libpq: `postgres:///?port=5433` is the default host on port 5433.
    fn port_from_params(url: &ServiceUrl<Self>) -> Result<Option<u16>, LocatorError> {
        match url.param("port") {
            Some(p) if url.hosts().is_empty() && !p.is_empty() => {
                parse::parse_port(Self::NAME, p, 0)
                    .map(Some)
                    .map_err(|_| bad_param(Self::NAME, "port", "expected a number from 1 to 65535"))
            }
            _ => Ok(None),
        }
    }
}

impl ServiceUrl<Postgres> {
    /// The database: `?dbname=` if given, else the decoded path; `None` means the user name.
    pub fn database(&self) -> Option<Cow<'_, str>> {
        match self.param("dbname") {
            Some(db) => Some(Cow::Borrowed(db)),
            None => self.decoded_path(),
        }
    }

    /// The user name libpq logs in as: `?user=` if given, else the user info's; `None` means
    /// the operating-system user.
    pub fn user(&self) -> Option<&str> {
        self.param("user")
            .or_else(|| self.username())
            .filter(|u| !u.is_empty())
    }

    /// `?sslmode=`, if written.
    pub fn sslmode(&self) -> Option<&str> {
        self.param("sslmode")
    }
}

/// MySQL and MariaDB (`mysql://`, `mariadb://`), as the mysql crates and sqlx read them.
///
/// One host, or none with `?socket=/path/to/mysqld.sock`; the database from the path.
#[derive(Debug)]
pub struct MySql;

impl Kind for MySql {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<MySql>>());
    const NAME: &'static str = "MySQL";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("mysql", 3306), Scheme::new("mariadb", 3306)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "mysql://app:PASSWORD@db.example.com:3306/app";
    const HOST_REQUIRED: bool = false;

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        if url.hosts().is_empty() && url.param("socket").is_none() {
            return Err(LocatorError::new(Self::NAME, ErrorKind::MissingHost, None));
        }
        single_segment(url, "the path is the database name: one segment")?;
        check_choice(
            url,
            "ssl-mode",
            &[
                "DISABLED",
                "PREFERRED",
                "REQUIRED",
                "VERIFY_CA",
                "VERIFY_IDENTITY",
                "disabled",
                "preferred",
                "required",
                "verify_ca",
                "verify_identity",
            ],
            "expected DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY",
        )
    }
}

impl ServiceUrl<MySql> {
    /// The decoded database name from the path.
    pub fn database(&self) -> Option<Cow<'_, str>> {
        self.decoded_path()
    }
}

/// Redis and Valkey, as redis-rs reads them.
///
/// `redis://` and `rediss://` (TLS) with an optional `user:password@`; the unix forms
/// `redis+unix:///path` and `unix:///path`; the `valkey` spellings of each. The db index comes
/// from the path (`/2`) or `?db=2`; `rediss://…#insecure` turns certificate checks off (as
/// redis-rs reads it: [`is_insecure`](ServiceUrl::is_insecure)); `?protocol=resp3` (or `3`).
#[derive(Debug)]
pub struct Redis;

impl Kind for Redis {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Redis>>());
    const NAME: &'static str = "Redis";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::new("redis", 6379),
        Scheme::new("rediss", 6379),
        Scheme::without_port("redis+unix").shape(Shape::UnixPath),
        Scheme::without_port("unix").shape(Shape::UnixPath),
        Scheme::new("valkey", 6379),
        Scheme::new("valkeys", 6379),
        Scheme::without_port("valkey+unix").shape(Shape::UnixPath),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "redis://:PASSWORD@cache.example.com:6379/0";
    // redis-rs's parameters (`user` and `pass` for the unix forms).
    const PARAMS: &'static [&'static str] = &["db", "protocol", "user", "pass", "password"];
    // redis-rs: `rediss://host/#insecure` skips certificate verification.
    const FRAGMENTS: &'static [&'static str] = &["insecure"];

    const QUERY_USER: &'static [&'static str] = &["user"];
    const QUERY_PASSWORD: &'static [&'static str] = &["pass", "password"];
    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        if url.parts.fragment.is_some() && !url.is_tls() {
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid(
                    "`#insecure` turns off certificate checks of TLS: it applies to `rediss` and `valkeys` only".into(),
                ),
                None,
            ));
        }
        for key in url.param_names() {
            if key
                .as_bytes()
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"timeout"))
                && url.param(key).is_some_and(|v| !is_duration(v))
            {
                return Err(bad_param(
                    Self::NAME,
                    "timeout",
                    "a timeout is a number of seconds (`5`, `0.5`) or a duration (`500ms`, `5s`)",
                ));
            }
        }
        if url.path_index_text().is_some_and(|p| p.contains('/')) {
            return Err(bad_path(Self::NAME, "the path is the db index: one number"));
        }
        let text = url.db_text();
        if text.is_some_and(|t| t.is_empty() || t.parse::<u32>().is_err()) {
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid("the db index must be a number (0, 1, 2…)".into()),
                None,
            ));
        }
        check_choice(
            url,
            "protocol",
            &["resp2", "resp3", "2", "3"],
            "expected resp2, resp3, 2 or 3",
        )
    }
}

impl ServiceUrl<Redis> {
    fn is_unix(&self) -> bool {
        self.parts.scheme.shape == Shape::UnixPath
    }

    fn path_index_text(&self) -> Option<&str> {
        if self.is_unix() {
            return None;
        }
        self.path().strip_prefix('/').filter(|p| !p.is_empty())
    }

    fn db_text(&self) -> Option<&str> {
        self.param("db").or_else(|| self.path_index_text())
    }

    /// The db index from `?db=` or the path; `None` means the server's default, 0.
    pub fn db_index(&self) -> Option<u32> {
        self.db_text().and_then(|t| t.parse().ok())
    }

    /// Whether the connection uses TLS (`rediss`, `valkeys`).
    pub fn is_tls(&self) -> bool {
        matches!(self.scheme(), "rediss" | "valkeys")
    }

    /// Whether certificate verification is off (`rediss://…#insecure`, as redis-rs reads it).
    pub fn is_insecure(&self) -> bool {
        self.parts.fragment.is_some()
    }

    /// The protocol version from `?protocol=` (`resp2`/`2`, `resp3`/`3`); `None` means RESP2.
    pub fn protocol(&self) -> Option<u8> {
        match self.param("protocol")? {
            "resp2" | "2" => Some(2),
            "resp3" | "3" => Some(3),
            _ => None,
        }
    }

    /// The unix socket path of the `+unix` forms.
    pub fn socket_path(&self) -> Option<&std::path::Path> {
        self.host().and_then(|h| h.unix_path())
    }
}

/// AMQP 0-9-1 brokers (RabbitMQ), as the RabbitMQ URI spec reads them.
///
/// `amqp://` and `amqps://`; the host may be empty (the client's default); the vhost is the
/// decoded path: one segment, so a `/` inside a vhost is written `%2F` (`/%2F` is the vhost `/`).
#[derive(Debug)]
pub struct Amqp;

impl Kind for Amqp {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Amqp>>());
    const NAME: &'static str = "AMQP";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("amqp", 5672), Scheme::new("amqps", 5671)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "amqp://app:PASSWORD@mq.example.com:5672/%2F";
    const HOST_REQUIRED: bool = false;
    // The RabbitMQ URI query parameters.
    const PARAMS: &'static [&'static str] = &[
        "heartbeat",
        "connectiontimeout",
        "channelmax",
        "framemax",
        "authmechanism",
        "cacertfile",
        "certfile",
        "keyfile",
        "verify",
        "failifnopeercert",
        "servernameindication",
        "locale",
    ];

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        single_segment(
            url,
            "the vhost is one path segment: write a `/` inside it as %2F",
        )?;
        check_numbers(
            url,
            &[
                ("heartbeat", u64::from(u16::MAX)),
                ("channel_max", u64::from(u16::MAX)),
                ("frame_max", u64::from(u32::MAX)),
                ("connection_timeout", u64::from(u32::MAX)),
            ],
        )
    }
}

impl ServiceUrl<Amqp> {
    /// The decoded vhost. `None` when there is no path (the client's default, `/`);
    /// `Some("")` for a bare `/`.
    pub fn vhost(&self) -> Option<Cow<'_, str>> {
        let path = self.path().strip_prefix('/')?;
        parse::decode(Amqp::NAME, path, 0).ok()
    }
}

/// SMTP relays, as lettre reads them.
///
/// `smtps://` is implicit TLS on 465; `smtp://` is plain on 25, or STARTTLS on 587 with
/// `?tls=required` (or `opportunistic`). Port 587 is the usual submission port: write it.
#[derive(Debug)]
pub struct Smtp;

impl Kind for Smtp {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Smtp>>());
    const NAME: &'static str = "SMTP";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("smtp", 25), Scheme::new("smtps", 465)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "smtp://mailer:PASSWORD@smtp.example.com:587?tls=required";
    const COMPOSE: crate::Compose = crate::Compose::SMTP;

    fn default_port(url: &ServiceUrl<Self>) -> Option<u16> {
        match (url.scheme(), url.param("tls")) {
            ("smtps", _) => Some(465),
            (_, Some("required" | "opportunistic")) => Some(587),
            _ => Some(25),
        }
    }

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        check_choice(
            url,
            "tls",
            &["required", "opportunistic"],
            "expected required or opportunistic",
        )?;
        if url.scheme() == "smtps" && url.param("tls").is_some() {
            return Err(bad_param(
                Self::NAME,
                "tls",
                "smtps is always TLS; `tls=` applies to `smtp` URLs (STARTTLS)",
            ));
        }
        Ok(())
    }
}

impl ServiceUrl<Smtp> {
    /// Whether the connection starts with TLS (`smtps`, port 465).
    pub fn is_implicit_tls(&self) -> bool {
        self.scheme() == "smtps"
    }

    /// Whether STARTTLS is required or attempted (`?tls=`).
    pub fn starttls(&self) -> Option<&str> {
        self.param("tls")
    }
}

/// MongoDB, as the connection-string spec reads it.
///
/// `mongodb://` with one or more hosts (a unix socket as a percent-encoded path ending in
/// `.sock`); `mongodb+srv://` with exactly one host and no port. The path is the auth database.
#[derive(Debug)]
pub struct Mongo;

impl Kind for Mongo {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Mongo>>());
    const NAME: &'static str = "MongoDB";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::new("mongodb", 27017),
        Scheme::without_port("mongodb+srv").single_host_no_port(),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "mongodb://app:PASSWORD@mongo1.example.com:27017,mongo2.example.com:27017/app?replicaSet=rs0";
    const MAX_HOSTS: usize = usize::MAX;
    const UNIX_SOCKETS: bool = true;
    // The connection string spec's options.
    const PARAMS: &'static [&'static str] = &[
        "appname",
        "authmechanism",
        "authmechanismproperties",
        "authsource",
        "compressors",
        "connecttimeoutms",
        "directconnection",
        "heartbeatfrequencyms",
        "journal",
        "loadbalanced",
        "localthresholdms",
        "maxidletimems",
        "maxpoolsize",
        "maxconnecting",
        "maxstalenessseconds",
        "minpoolsize",
        "proxyhost",
        "proxyport",
        "proxyusername",
        "proxypassword",
        "readconcernlevel",
        "readpreference",
        "readpreferencetags",
        "replicaset",
        "retryreads",
        "retrywrites",
        "servermonitoringmode",
        "serverselectiontimeoutms",
        "serverselectiontryonce",
        "sockettimeoutms",
        "srvmaxhosts",
        "srvservicename",
        "ssl",
        "timeoutms",
        "tls",
        "tlsallowinvalidcertificates",
        "tlsallowinvalidhostnames",
        "tlscafile",
        "tlscertificatekeyfile",
        "tlscertificatekeyfilepassword",
        "tlsdisablecertificaterevocationcheck",
        "tlsdisableocspendpointcheck",
        "tlsinsecure",
        "uuidrepresentation",
        "w",
        "waitqueuemultiple",
        "waitqueuetimeoutms",
        "wtimeoutms",
        "zlibcompressionlevel",
        "gssapiservicename",
    ];

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        for e in url.hosts() {
            if let Some(path) = e.host().unix_path()
                && path.extension().is_none_or(|x| x != "sock")
            {
                return Err(LocatorError::new(
                    Self::NAME,
                    ErrorKind::Invalid("a unix socket host must end in `.sock`".into()),
                    None,
                ));
            }
        }
        if url.parts.password.is_some() && url.parts.username.as_deref() == Some("") {
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid("a password needs a user name".into()),
                None,
            ));
        }
        if url.parts.password.as_deref().is_some() && url.raw_password_has_colon() {
            return Err(
                LocatorError::new(Self::NAME, ErrorKind::UnencodedInSecret, None)
                    .in_secret(crate::SecretPart::Password),
            );
        }
        if let Some(db) = url.database()
            && db
                .chars()
                .any(|c| matches!(c, '/' | '\\' | ' ' | '"' | '$'))
        {
            return Err(bad_path(
                Self::NAME,
                "a database name cannot hold / \\ space \" or $",
            ));
        }
        if url.raw_query_entries().any(|e| !e.contains('=')) {
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid("every option is `name=value`: one has no `=`".into()),
                None,
            ));
        }
        url.check_option_conflicts()
    }
}

impl ServiceUrl<Mongo> {
    /// The URI options spec's conflicts: options that contradict each other are an error.
    fn check_option_conflicts(&self) -> Result<(), LocatorError> {
        // Every conflict involves a tls…, ssl, proxy…, directConnection, loadBalanced or srv…
        // option: without one, nothing to check.
        let involved = |key: &str| {
            key.bytes()
                .next()
                .is_some_and(|b| matches!(b.to_ascii_lowercase(), b't' | b's' | b'p' | b'd' | b'l'))
        };
        if !self.parts.query.iter().any(|p| involved(&p.key)) {
            return Ok(());
        }
        let query = &self.parts.query;
        let count = |o: &str| query.iter().filter(|p| folds_to(&p.key, o)).count();
        let has = |o: &str| query.iter().any(|p| folds_to(&p.key, o));
        // The last value of a non-secret option.
        let option = |o: &str| {
            query
                .iter()
                .rev()
                .find(|p| folds_to(&p.key, o))
                .filter(|p| !p.secret)
                .map(|p| p.value.as_str())
        };
        let is_true = |o: &str| option(o).is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let conflict = |why: &'static str| {
            Err(LocatorError::new(
                Mongo::NAME,
                ErrorKind::Invalid(why.into()),
                None,
            ))
        };
        if has("tlsinsecure")
            && [
                "tlsallowinvalidcertificates",
                "tlsallowinvalidhostnames",
                "tlsdisablecertificaterevocationcheck",
                "tlsdisableocspendpointcheck",
            ]
            .iter()
            .any(|o| has(o))
        {
            return conflict(
                "tlsInsecure cannot be combined with the options it implies (tlsAllowInvalid…, tlsDisable…)",
            );
        }
        if has("tlsallowinvalidcertificates")
            && (has("tlsdisablecertificaterevocationcheck") || has("tlsdisableocspendpointcheck"))
        {
            return conflict(
                "tlsAllowInvalidCertificates cannot be combined with tlsDisableCertificateRevocationCheck or tlsDisableOCSPEndpointCheck",
            );
        }
        if has("tlsdisablecertificaterevocationcheck") && has("tlsdisableocspendpointcheck") {
            return conflict(
                "tlsDisableCertificateRevocationCheck and tlsDisableOCSPEndpointCheck cannot be combined",
            );
        }
        if let (Some(tls), Some(ssl)) = (option("tls"), option("ssl"))
            && !tls.eq_ignore_ascii_case(ssl)
        {
            return conflict("tls and ssl disagree");
        }
        let proxy = ["proxyhost", "proxyport", "proxyusername", "proxypassword"];
        if proxy.iter().any(|o| count(o) > 1) {
            return conflict("a proxy option is given twice");
        }
        if !has("proxyhost") && proxy[1..].iter().any(|o| has(o)) {
            return conflict("proxyPort, proxyUsername and proxyPassword need proxyHost");
        }
        if has("proxyusername") != has("proxypassword") {
            return conflict("proxyUsername and proxyPassword go together");
        }
        if is_true("directconnection") && (self.hosts().len() > 1 || self.is_srv()) {
            return conflict("directConnection=true takes one host");
        }
        if is_true("loadbalanced")
            && (self.hosts().len() > 1 || is_true("directconnection") || has("replicaset"))
        {
            return conflict(
                "loadBalanced=true takes one host, and no directConnection=true or replicaSet",
            );
        }
        if !self.is_srv() && (has("srvservicename") || has("srvmaxhosts")) {
            return conflict("srvServiceName and srvMaxHosts apply to mongodb+srv only");
        }
        if option("srvmaxhosts").is_some_and(|v| v != "0")
            && (has("replicaset") || is_true("loadbalanced"))
        {
            return conflict("srvMaxHosts cannot be combined with replicaSet or loadBalanced=true");
        }
        Ok(())
    }

    fn raw_password_has_colon(&self) -> bool {
        let raw = self.expose_url();
        let Some(scheme_end) = raw.find("://") else {
            return false;
        };
        let rest = &raw[scheme_end + 3..];
        let auth = rest.split(['/', '?']).next().unwrap_or("");
        auth.rsplit_once('@')
            .and_then(|(info, _)| info.split_once(':'))
            .is_some_and(|(_, p)| p.contains(':'))
    }

    /// The decoded auth database from the path.
    pub fn database(&self) -> Option<Cow<'_, str>> {
        self.decoded_path()
    }

    /// Whether hosts come from a DNS SRV lookup (`mongodb+srv`).
    pub fn is_srv(&self) -> bool {
        self.scheme() == "mongodb+srv"
    }
}

/// NATS servers (`nats://`, `tls://`, `ws://`, `wss://`), as async-nats reads them.
///
/// Without a host (`nats://`, `tls://:4443`) the client's default server applies
/// (`127.0.0.1`): `hosts()` is empty.
///
/// A lone user name (`nats://TOKEN@host`) is a token: it is redacted and returned by
/// `password()`, not `username()`.
#[derive(Debug)]
pub struct Nats;

impl Kind for Nats {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Nats>>());
    const NAME: &'static str = "NATS";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::new("nats", 4222),
        Scheme::new("tls", 4222),
        Scheme::new("ws", 80),
        Scheme::new("wss", 443),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "nats://app:PASSWORD@nats.example.com:4222";
    // `nats://`, `tls://`: the client's default server (127.0.0.1:4222, nats.go's DefaultURL).
    const HOST_REQUIRED: bool = false;
    const TOKEN_USERNAME: bool = true;
}

/// Plain HTTP(S) endpoints of backing services (an internal API, a search cluster).
#[derive(Debug)]
pub struct Http;

impl Kind for Http {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Http>>());
    const NAME: &'static str = "HTTP";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443), Scheme::new("http", 80)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "https://search.example.com:9200";
}

impl ServiceUrl<Http> {
    /// The host as the HTTP client sends it: an internationalised name in punycode
    /// (`https://bücher.example` → `xn--bcher-kva.example`); see [`Host::to_ascii`].
    pub fn ascii_host(&self) -> Option<String> {
        self.host().map(Host::to_ascii)
    }
}

/// HTTPS endpoints of third-party APIs, whose credentials sit in the userinfo
/// (`https://TOKEN@api…` or `https://user:KEY@api…`) or a query parameter (`?api_key=`,
/// `?key=`, `?access_token=`…). HTTPS only: an API credential is never sent in clear.
///
/// For a token in a path segment, declare a kind with `SECRET_PATH_SEGMENTS` (see [`Kind`]).
#[derive(Debug)]
pub struct Api;

impl Kind for Api {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Api>>());
    const NAME: &'static str = "HTTPS API";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "https://TOKEN@api.example.com/v1";
    // Beyond the common names (`access_token`, `api-key`, `client_secret`, `signature`, `sig`…).
    const SECRET_PARAMS: &'static [&'static str] =
        &["license_key", "x-insert-key", "x-license-key"];
    const TOKEN_USERNAME: bool = true;
}

impl ServiceUrl<Api> {
    /// The host as the HTTP client sends it: an internationalised name in punycode; see
    /// [`Host::to_ascii`].
    pub fn ascii_host(&self) -> Option<String> {
        self.host().map(Host::to_ascii)
    }
}

/// Amazon S3 and S3-compatible object stores.
///
/// `s3://bucket/prefix`, or an HTTPS (or local HTTP) endpoint: path-style
/// `https://s3.eu-west-1.amazonaws.com/bucket/prefix` (MinIO, R2, Ceph…) or virtual-hosted
/// `https://bucket.s3.eu-west-1.amazonaws.com/prefix`. Credentials in the userinfo
/// (`ACCESS_KEY_ID:SECRET@`) and presigned-URL signatures are redacted.
#[derive(Debug)]
pub struct S3;

impl Kind for S3 {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<S3>>());
    const NAME: &'static str = "S3";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::without_port("s3").single_host_no_port(),
        // Hadoop's S3A connector (Spark, Trino): the same `s3a://bucket/key`.
        Scheme::without_port("s3a").single_host_no_port(),
        Scheme::new("https", 443),
        Scheme::new("http", 80),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "s3://my-bucket/uploads/";
    const COMPOSE: crate::Compose = crate::Compose::S3;

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        let Some(bucket) = url.bucket() else {
            if url.is_bucket_scheme() {
                return Err(bad_path(
                    Self::NAME,
                    "a bucket is required: the host of an `s3` URL",
                ));
            }
            // An S3-compatible endpoint alone (`http://minio:9000`): the bucket is chosen
            // in code, as the SDKs' `endpoint_url` takes it.
            return Ok(());
        };
        let ok_len = (3..=63).contains(&bucket.len());
        let ok_chars = bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        let ok_ends = bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
            && bucket.ends_with(|c: char| c.is_ascii_alphanumeric());
        if !(ok_len && ok_chars && ok_ends) {
            return Err(LocatorError::new(
                Self::NAME,
                ErrorKind::Invalid(
                    "a bucket name has 3 to 63 lowercase letters, digits, `-` or `.`, and starts and ends with a letter or digit".into(),
                ),
                None,
            ));
        }
        Ok(())
    }
}

impl ServiceUrl<S3> {
    /// `s3://` or `s3a://`: the host is the bucket.
    fn is_bucket_scheme(&self) -> bool {
        matches!(self.scheme(), "s3" | "s3a")
    }

    fn virtual_hosted_bucket(&self) -> Option<&str> {
        let crate::Host::Name(name) = self.host()? else {
            return None;
        };
        let (bucket, rest) = name.split_once(".s3")?;
        (rest.starts_with('.') || rest.starts_with('-')).then_some(bucket)
    }

    /// The bucket: the host of `s3://` (or `s3a://`), the first label of a virtual-hosted
    /// endpoint, else the first path segment; `None` for an endpoint without one.
    pub fn bucket(&self) -> Option<&str> {
        if self.is_bucket_scheme() {
            return match self.host()? {
                crate::Host::Name(n) => Some(n),
                _ => None,
            };
        }
        self.virtual_hosted_bucket()
            .or_else(|| self.path_segments().next())
    }

    /// The decoded key prefix after the bucket (`uploads/`), if any.
    pub fn prefix(&self) -> Option<Cow<'_, str>> {
        let path = self.path().strip_prefix('/')?;
        let rest = if self.is_bucket_scheme() || self.virtual_hosted_bucket().is_some() {
            path
        } else {
            path.split_once('/').map_or("", |(_, rest)| rest)
        };
        if rest.is_empty() {
            return None;
        }
        parse::decode(S3::NAME, rest, 0).ok()
    }

    /// The endpoint URL for S3-compatible stores (`None` for `s3://`, where the SDK's
    /// default endpoint applies).
    pub fn endpoint(&self) -> Option<String> {
        if self.is_bucket_scheme() {
            return None;
        }
        let e = self.hosts().first()?;
        Some(format!("{}://{e}", self.scheme()))
    }
}

/// SQLite databases, as sqlx reads them: `sqlite:data.db`, `sqlite://data.db`,
/// `sqlite:///abs/path.db`, the memory forms `sqlite::memory:`, `sqlite://:memory:`,
/// `sqlite://?mode=memory` and `sqlite://` (SQLite's temporary database), with `?mode=ro`
/// and friends.
#[derive(Debug)]
pub struct Sqlite;

impl Kind for Sqlite {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Sqlite>>());
    const NAME: &'static str = "SQLite";
    const SCHEMES: &'static [Scheme] = &[Scheme::without_port("sqlite").shape(Shape::Path)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "sqlite://data/app.db?mode=rwc";
    const HOST_REQUIRED: bool = false;

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        check_choice(
            url,
            "mode",
            &["ro", "rw", "rwc", "memory"],
            "expected ro, rw, rwc or memory",
        )
    }
}

impl ServiceUrl<Sqlite> {
    /// Whether the database lives in memory (`:memory:` or `?mode=memory`), or is SQLite's
    /// private temporary database (an empty path: `sqlite:`, `sqlite://`), gone when closed.
    pub fn is_memory(&self) -> bool {
        matches!(self.path(), ":memory:" | "") || self.param("mode") == Some("memory")
    }

    /// The decoded database file path (`None` in memory).
    pub fn file_path(&self) -> Option<PathBuf> {
        if self.is_memory() {
            return None;
        }
        parse::decode(Sqlite::NAME, self.path(), 0)
            .ok()
            .map(|p| PathBuf::from(p.into_owned()))
    }
}

/// CouchDB over HTTP(S): 5984 for `http`, 6984 for `https` (CouchDB's TLS port); the database
/// is the first path segment.
#[derive(Debug)]
pub struct CouchDb;

impl Kind for CouchDb {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<CouchDb>>());
    const NAME: &'static str = "CouchDB";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("http", 5984), Scheme::new("https", 6984)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "http://admin:PASSWORD@couch.example.com:5984/app";
}

impl ServiceUrl<CouchDb> {
    /// The decoded database name (first path segment).
    pub fn database(&self) -> Option<Cow<'_, str>> {
        let first = self.path_segments().next()?;
        parse::decode(CouchDb::NAME, first, 0).ok()
    }
}

/// Beanstalkd work queues: `beanstalk://host:11300` (also `beanstalkd://`).
#[derive(Debug)]
pub struct Beanstalkd;

impl Kind for Beanstalkd {
    const URL_FNS: &'static LocatorFns = compiled_here!(LocatorFns::of::<ServiceUrl<Beanstalkd>>());
    const NAME: &'static str = "Beanstalkd";
    const SCHEMES: &'static [Scheme] = &[
        Scheme::new("beanstalk", 11300),
        Scheme::new("beanstalkd", 11300),
    ];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "beanstalk://queue.example.com:11300";

    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        match url.path() {
            "" | "/" => Ok(()),
            _ => Err(bad_path(
                Self::NAME,
                "beanstalkd takes no path (choose the tube in code)",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shortened_inside_generics_too() {
        assert_eq!(without_paths("app::kinds::Loggly"), "Loggly");
        assert_eq!(
            without_paths("app::Wrapper<app::inner::Inner, u8>"),
            "Wrapper<Inner, u8>"
        );
        assert_eq!(without_paths("Plain"), "Plain");
    }

    #[test]
    fn debug_names_of_the_built_in_kinds() {
        // Rust-like names stay; the one with a space becomes the kind's type name.
        assert_eq!(debug_name::<Postgres>(), "PostgreSQL");
        assert_eq!(debug_name::<Mongo>(), "MongoDB");
        assert_eq!(debug_name::<S3>(), "S3");
        assert_eq!(debug_name::<Api>(), "Api");
    }
}
