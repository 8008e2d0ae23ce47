//! List-shaped locators: [`KafkaBrokers`] and [`MemcachedServers`].
//!
//! Their clients take one value naming several servers, in three spellings seen in the wild:
//! a bare `host:port,host:port` list, one URL with a host list (`kafka://h1,h2`), and
//! comma-joined URLs (Heroku's `kafka+ssl://h1:9096,kafka+ssl://h2:9096`).

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use super::parse::{self, Param};
use crate::error::{ErrorKind, LocatorError, SecretPart};
use crate::locator::{Endpoint, Host, Locator, LocatorInfo, Scheme};

/// What differs between the list kinds.
struct ListRules {
    name: &'static str,
    schemes: &'static [Scheme],
    default_port: u16,
    userinfo: bool,
    unix_sockets: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ServerList {
    raw: Box<str>,
    scheme: Option<&'static str>,
    servers: Vec<Endpoint>,
    username: Option<String>,
    query: Vec<Param>,
    secret_spans: Vec<Range<usize>>,
}

fn parse_list(input: &str, rules: &ListRules) -> Result<ServerList, LocatorError> {
    let name = rules.name;
    let fail = |kind, at| LocatorError::new(name, kind, Some(at));
    parse::check_text(name, input)?;
    let (body_end, query) = match input.find('?') {
        Some(q) => (q, Some(q + 1)),
        None => (input.len(), None),
    };
    if let Some(a) = input[body_end..].find('@') {
        // A password holding a raw `?` would otherwise end up in the parameters, printed.
        return Err(fail(ErrorKind::UnescapedAt, body_end + a));
    }
    let mut list = ServerList {
        raw: input.into(),
        scheme: None,
        servers: Vec::new(),
        username: None,
        query: Vec::new(),
        secret_spans: Vec::new(),
    };
    let mut offset = 0;
    for (i, piece) in input[..body_end].split(',').enumerate() {
        let mut at = offset;
        let mut entry = piece;
        if let Some(sep) = piece.find("://") {
            let (scheme, _) = parse::split_scheme(name, rules.schemes, piece)
                .map_err(|e| LocatorError::new(name, e.kind().clone(), Some(at)))?;
            match list.scheme {
                None if i == 0 => list.scheme = Some(scheme.name),
                Some(first) if first == scheme.name => {}
                _ => {
                    return Err(fail(
                        ErrorKind::Invalid("every URL of the list must use the same scheme".into()),
                        at,
                    ));
                }
            }
            at += sep + 3;
            entry = &piece[sep + 3..];
        } else if list.scheme.is_none() && i == 0 && piece.contains(":/") {
            return Err(fail(ErrorKind::MissingAuthority, at));
        }
        if let Some(a) = entry.rfind('@') {
            if !rules.userinfo || i > 0 || entry[..a].contains('@') {
                return Err(fail(
                    ErrorKind::Invalid(
                        "credentials are not part of this list: give them their own variable (a `Secret<String>`)"
                            .into(),
                    ),
                    at,
                ));
            }
            let info = &entry[..a];
            let (user, password) = info.split_once(':').unwrap_or((info, ""));
            list.username = Some(
                parse::decode(name, user, at)
                    .map_err(|e| e.in_secret(SecretPart::UserName))?
                    .into_owned(),
            );
            let mut placeholder = false;
            if !password.is_empty() {
                let p_at = at + user.len() + 1;
                let decoded = parse::decode(name, password, p_at)
                    .map_err(|e| e.in_secret(SecretPart::Password))?;
                placeholder = parse::LONE_USER_PASSWORDS
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(&decoded));
                list.secret_spans.push(p_at..p_at + password.len());
            }
            if !user.is_empty() && (password.is_empty() || placeholder) {
                // A SASL user name without its password: likely the password itself, pasted
                // alone (or a token, before `x-oauth-basic`). It stays `username()`, printed
                // `***`.
                list.secret_spans.push(at..at + user.len());
            }
            at += a + 1;
            entry = &entry[a + 1..];
        }
        if rules.unix_sockets && entry.starts_with('/') && list.scheme.is_some() {
            let path = parse::decode(name, entry, at)?.into_owned();
            let host = parse::classify_host(name, path, at, true)?;
            list.servers.push(Endpoint::new(host, None));
        } else {
            let entry = entry.strip_suffix('/').unwrap_or(entry);
            if entry.contains('/') {
                return Err(fail(
                    ErrorKind::BadPath("a server list takes no path".into()),
                    at,
                ));
            }
            let (host, port) = parse::split_host_port(entry);
            if host.is_empty() {
                return Err(fail(ErrorKind::MissingHost, at));
            }
            let host = parse::parse_host(name, host, at, false)?;
            let port = match port {
                Some(p) => Some(parse::parse_port(name, p, at + entry.len() - p.len())?),
                None => None,
            };
            list.servers.push(Endpoint::new(host, port));
        }
        offset += piece.len() + 1;
    }
    if let Some(start) = query {
        let query_rules = parse::QueryRules {
            name,
            secret_params: &[],
            known_params: &[],
            after_secret_path: false,
        };
        parse::parse_query(
            &query_rules,
            input,
            start,
            &mut list.query,
            &mut list.secret_spans,
        )?;
    }
    list.secret_spans.sort_by_key(|r| r.start);
    Ok(list)
}

impl ServerList {
    fn endpoints_with_default(&self, default: u16) -> String {
        let mut out = String::new();
        for (i, e) in self.servers.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let with_port = Endpoint::new(e.host().clone(), Some(e.port().unwrap_or(default)));
            out.push_str(&with_port.to_string());
        }
        out
    }

    fn param(&self, key: &str) -> Option<&str> {
        parse::find_param(&self.query, key, false)
    }

    fn redacted(&self, f: &mut impl fmt::Write) -> fmt::Result {
        parse::redact(&self.raw, &self.secret_spans, f)
    }
}

macro_rules! list_locator_impls {
    ($ty:ident, $rules:expr) => {
        impl $ty {
            /// Parses and validates a server list.
            pub fn parse(input: &str) -> Result<Self, LocatorError> {
                parse_list(input, &$rules)
                    .map($ty)
                    .map_err(|e| parse::conceal(input, &[], false, e))
            }

            /// Every server, with the port as written.
            pub fn servers(&self) -> &[Endpoint] {
                &self.0.servers
            }

            /// The scheme of the URL form, `None` for a bare list.
            pub fn scheme(&self) -> Option<&'static str> {
                self.0.scheme
            }

            /// The value exactly as configured.
            pub fn expose_url(&self) -> &str {
                &self.0.raw
            }

            /// A decoded query parameter that is not a credential.
            pub fn param(&self, key: &str) -> Option<&str> {
                self.0.param(key)
            }
        }

        #[diagnostic::do_not_recommend]
        impl Locator for $ty {
            const FNS: &'static crate::locator::LocatorFns =
                crate::locator::fns::compiled_here!(crate::locator::LocatorFns::of::<$ty>());
            fn parse_locator(input: &str) -> Result<Self, LocatorError> {
                Self::parse(input)
            }

            fn info() -> LocatorInfo {
                let rules = &$rules;
                LocatorInfo {
                    kind: rules.name,
                    schemes: rules.schemes,
                    example: Self::EXAMPLE,
                    credentials: rules.userinfo,
                    kinds: &[],
                }
            }
        }

        impl FromStr for $ty {
            type Err = LocatorError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl fmt::Display for $ty {
            /// The list with any credential replaced by `***`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.redacted(f)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut s = String::new();
                self.0.redacted(&mut s)?;
                f.debug_tuple(stringify!($ty)).field(&s).finish()
            }
        }
    };
}

const KAFKA: ListRules = ListRules {
    name: "Kafka",
    schemes: &[
        Scheme::new("kafka", 9092),
        Scheme::new("kafka+ssl", 9092),
        Scheme::new("kafka+tls", 9092),
    ],
    default_port: 9092,
    userinfo: false,
    unix_sockets: false,
};

/// Kafka bootstrap brokers: `h1:9092,h2:9092`, `kafka://h1,h2`, or Heroku's comma-joined
/// `kafka+ssl://h1:9096,kafka+ssl://h2:9096`.
///
/// ```
/// use resources_core::KafkaBrokers;
///
/// let brokers: KafkaBrokers = "kafka+ssl://b1.example.com:9096,kafka+ssl://b2.example.com:9096".parse()?;
/// assert!(brokers.is_tls());
/// assert_eq!(brokers.bootstrap_servers(), "b1.example.com:9096,b2.example.com:9096");
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct KafkaBrokers(ServerList);

impl KafkaBrokers {
    const EXAMPLE: &'static str = "kafka1.example.com:9092,kafka2.example.com:9092";

    /// Whether the brokers are reached over TLS (`kafka+ssl`, `kafka+tls`).
    pub fn is_tls(&self) -> bool {
        matches!(self.0.scheme, Some("kafka+ssl" | "kafka+tls"))
    }

    /// `host:port,host:port` with 9092 where no port is written: what librdkafka's
    /// `bootstrap.servers` takes.
    pub fn bootstrap_servers(&self) -> String {
        self.0.endpoints_with_default(KAFKA.default_port)
    }
}

list_locator_impls!(KafkaBrokers, KAFKA);

const MEMCACHED: ListRules = ListRules {
    name: "Memcached",
    schemes: &[
        Scheme::new("memcache", 11211),
        Scheme::new("memcached", 11211),
        Scheme::new("memcache+tls", 11211),
        Scheme::new("memcache+udp", 11211),
    ],
    default_port: 11211,
    userinfo: true,
    unix_sockets: true,
};

/// Memcached servers: `h1:11211,h2`, `memcache://h1:11211,h2?timeout=10`, comma-joined
/// `memcache://` URLs, or a socket `memcache:///var/run/memcached.sock`. A SASL
/// `user:password@` on the first server is redacted (the password, or a user name written
/// without one, which is likely a pasted password).
///
/// ```
/// use resources_core::MemcachedServers;
///
/// let servers: MemcachedServers = "cache1.internal,cache2.internal:11212".parse()?;
/// assert_eq!(servers.addresses(), vec!["cache1.internal:11211", "cache2.internal:11212"]);
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct MemcachedServers(ServerList);

impl MemcachedServers {
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "memcache://cache1.example.com:11211,cache2.example.com:11211";

    /// Every server as `host:port` (11211 where none is written); socket paths as paths.
    pub fn addresses(&self) -> Vec<String> {
        self.0
            .servers
            .iter()
            .map(|e| match e.host() {
                Host::Unix(p) => p.display().to_string(),
                host => Endpoint::new(
                    host.clone(),
                    Some(e.port().unwrap_or(MEMCACHED.default_port)),
                )
                .to_string(),
            })
            .collect()
    }

    /// The SASL user name, if one is written.
    pub fn username(&self) -> Option<&str> {
        self.0.username.as_deref()
    }
}

list_locator_impls!(MemcachedServers, MEMCACHED);
