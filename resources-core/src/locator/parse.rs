//! The one URL-shaped locator parser every kind shares (non-generic, so it is compiled once).
//!
//! It follows RFC 3986's split (scheme, authority, path, query) with the extensions real
//! clients use: several comma-separated hosts (libpq, MongoDB), percent-encoded unix socket
//! paths as hosts, and path-only forms (`sqlite:`, `redis+unix:///…`). It keeps byte ranges of
//! everything secret so `Display` can redact by position, and every error carries an offset
//! instead of the text.

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;
use std::path::PathBuf;

use super::endpoint::{Endpoint, Host};
use super::scheme::{Scheme, Shape};
use super::secret::is_sensitive_param;
use crate::error::{ErrorKind, LocatorError};

/// Schemes of the built-in kinds that always name a backing service (the audit's list too).
pub(crate) const BACKING_SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "mysql",
    "mariadb",
    "redis",
    "rediss",
    "redis+unix",
    "valkey",
    "valkeys",
    "valkey+unix",
    "amqp",
    "amqps",
    "smtp",
    "smtps",
    "mongodb",
    "mongodb+srv",
    "nats",
    "s3",
    "sqlite",
    "beanstalk",
    "beanstalkd",
    "kafka",
    "kafka+ssl",
    "kafka+tls",
    "memcache",
    "memcached",
];

/// Schemes of other backing services (no built-in kind; the audit's default extra list).
pub(crate) const OTHER_SERVICE_SCHEMES: &[&str] = &[
    "jdbc",
    "mssql",
    "sqlserver",
    "oracle",
    "cassandra",
    "couchbase",
    "neo4j",
    "bolt",
    "clickhouse",
    "influxdb",
    "elasticsearch",
    "ldap",
    "ldaps",
    "ftp",
    "sftp",
    "zookeeper",
    "etcd",
];

/// Schemes that are not services by themselves (or only with credentials).
const GENERIC_SCHEMES: &[&str] = &["unix", "tls", "ws", "wss", "http", "https", "file"];

/// A scheme that may be echoed in an error: one of the lists above, never free text (an
/// unknown "scheme" may be the start of a pasted password).
fn known_scheme(written: &str) -> Option<&'static str> {
    BACKING_SCHEMES
        .iter()
        .chain(OTHER_SERVICE_SCHEMES)
        .chain(GENERIC_SCHEMES)
        .copied()
        .find(|k| k.eq_ignore_ascii_case(written))
}

/// What a kind asks of the shared parser (built from the `Kind` constants).
pub(crate) struct Rules {
    pub name: &'static str,
    pub schemes: &'static [Scheme],
    pub host_required: bool,
    pub max_hosts: usize,
    pub unix_sockets: bool,
    pub secret_params: &'static [&'static str],
    pub secret_path_segments: &'static [usize],
    pub token_username: bool,
}

/// A decoded query parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Param {
    pub key: String,
    pub value: String,
    pub secret: bool,
}

/// The parsed pieces of one locator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    pub scheme: &'static Scheme,
    pub username: Option<String>,
    pub password: Option<String>,
    pub hosts: Vec<Endpoint>,
    /// A port written without a host (`amqp://:10000`, `postgresql://:5433`).
    pub bare_port: Option<u16>,
    /// The raw path, leading `/` included; `None` when the locator has no path at all.
    pub path: Option<Range<usize>>,
    pub query: Vec<Param>,
    pub secret_spans: Vec<Range<usize>>,
}

fn err(rules: &Rules, kind: ErrorKind, at: usize) -> LocatorError {
    LocatorError::new(rules.name, kind, Some(at))
}

/// Checks what is wrong with the string as a whole, before any splitting.
pub(crate) fn check_text(name: &'static str, input: &str) -> Result<(), LocatorError> {
    if input.is_empty() {
        return Err(LocatorError::new(name, ErrorKind::Empty, None));
    }
    if input.starts_with(char::is_whitespace) {
        return Err(LocatorError::new(name, ErrorKind::Whitespace, Some(0)));
    }
    if let Some((at, _)) = input
        .char_indices()
        .last()
        .filter(|(_, c)| c.is_whitespace())
    {
        return Err(LocatorError::new(name, ErrorKind::Whitespace, Some(at)));
    }
    for (at, c) in input.char_indices() {
        if c.is_control() {
            return Err(LocatorError::new(
                name,
                ErrorKind::ControlCharacter,
                Some(at),
            ));
        }
        if matches!(c, ' ' | '"' | '<' | '>' | '\\' | '`') || c.is_whitespace() {
            return Err(LocatorError::new(
                name,
                ErrorKind::UnencodedCharacter(c),
                Some(at),
            ));
        }
        if c == '#' {
            return Err(LocatorError::new(name, ErrorKind::Fragment, Some(at)));
        }
    }
    Ok(())
}

/// Splits `scheme:` off the input and matches it against `schemes` (case-insensitively).
/// Returns the matched scheme and the offset just after the `:`.
pub(crate) fn split_scheme<'s>(
    name: &'static str,
    schemes: &'s [Scheme],
    input: &str,
) -> Result<(&'s Scheme, usize), LocatorError> {
    let colon = input.find(':');
    let valid = colon.is_some_and(|c| {
        let s = &input[..c];
        s.starts_with(|ch: char| ch.is_ascii_alphabetic())
            && s.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '-' | '.'))
    });
    let (Some(colon), true) = (colon, valid) else {
        return Err(LocatorError::new(name, ErrorKind::MissingScheme, Some(0)));
    };
    let written = &input[..colon];
    match schemes
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(written))
    {
        Some(scheme) => Ok((scheme, colon + 1)),
        None => Err(LocatorError::new(
            name,
            ErrorKind::WrongScheme {
                found: known_scheme(written),
                expected: schemes.iter().map(|s| s.name).collect(),
            },
            Some(0),
        )),
    }
}

/// Decodes `%XX` escapes of `raw`, which starts at byte `at` of the input.
pub(crate) fn decode<'a>(
    name: &'static str,
    raw: &'a str,
    at: usize,
) -> Result<Cow<'a, str>, LocatorError> {
    if !raw.contains('%') {
        return Ok(Cow::Borrowed(raw));
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => out.push(b),
                None => {
                    return Err(LocatorError::new(
                        name,
                        ErrorKind::BadPercentEncoding,
                        Some(at + i),
                    ));
                }
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| LocatorError::new(name, ErrorKind::BadPercentEncoding, Some(at)))
}

/// Parses a port written at byte `at`.
pub(crate) fn parse_port(name: &'static str, raw: &str, at: usize) -> Result<u16, LocatorError> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LocatorError::new(name, ErrorKind::BadPort, Some(at)));
    }
    match raw.parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(LocatorError::new(name, ErrorKind::BadPort, Some(at))),
    }
}

/// Parses one host as written (percent-encoded, IPv6 in brackets) at byte `at`.
pub(crate) fn parse_host(
    name: &'static str,
    raw: &str,
    at: usize,
    unix_sockets: bool,
) -> Result<Host, LocatorError> {
    let fail = |kind| LocatorError::new(name, kind, Some(at));
    if let Some(inner) = raw.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| fail(ErrorKind::BadIpv6))?;
        return inner
            .parse::<Ipv6Addr>()
            .map(Host::Ipv6)
            .map_err(|_| fail(ErrorKind::BadIpv6));
    }
    if let Some((i, _)) = raw
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '%')))
    {
        return Err(LocatorError::new(name, ErrorKind::BadHost, Some(at + i)));
    }
    let decoded = decode(name, raw, at)?.into_owned();
    classify_host(name, decoded, at, unix_sockets)
}

/// Types an already decoded host (from the authority or from a `?host=` parameter).
pub(crate) fn classify_host(
    name: &'static str,
    decoded: String,
    at: usize,
    unix_sockets: bool,
) -> Result<Host, LocatorError> {
    let fail = |kind| LocatorError::new(name, kind, Some(at));
    if decoded.is_empty() {
        return Err(fail(ErrorKind::MissingHost));
    }
    if decoded.contains('/') {
        if unix_sockets && decoded.starts_with('/') && is_plain_path(&decoded) {
            return Ok(Host::Unix(PathBuf::from(decoded)));
        }
        return Err(fail(ErrorKind::SmuggledHost));
    }
    if decoded.chars().any(|c| {
        matches!(c, '@' | '?' | '#' | ':' | '\\' | '[' | ']' | ',')
            || c.is_whitespace()
            || c.is_control()
    }) {
        return Err(fail(ErrorKind::SmuggledHost));
    }
    if !decoded
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
    {
        return Err(fail(ErrorKind::BadHost));
    }
    if decoded.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return decoded
            .parse::<Ipv4Addr>()
            .map(Host::Ipv4)
            .map_err(|_| fail(ErrorKind::BadHost));
    }
    Ok(Host::Name(decoded))
}

/// A unix socket path: absolute, no control characters, no `..` segments.
fn is_plain_path(path: &str) -> bool {
    !path.chars().any(char::is_control) && !path.split('/').any(|seg| seg == "..")
}

/// Parses a comma-separated list of `host[:port]` entries starting at byte `at`.
pub(crate) fn parse_host_list(
    rules: &Rules,
    scheme: &Scheme,
    list: &str,
    at: usize,
) -> Result<(Vec<Endpoint>, Option<u16>), LocatorError> {
    let mut hosts = Vec::new();
    let mut bare_port = None;
    if list.is_empty() {
        return Ok((hosts, bare_port));
    }
    let mut offset = at;
    let entries: Vec<&str> = list.split(',').collect();
    if entries.len() > rules.max_hosts.min(scheme.max_hosts) {
        let second = at + entries[0].len();
        return Err(err(
            rules,
            ErrorKind::TooManyHosts {
                max: rules.max_hosts.min(scheme.max_hosts),
            },
            second,
        ));
    }
    for entry in &entries {
        let (host_raw, port_raw) = split_host_port(entry);
        let port = match port_raw {
            Some(p) => {
                let port_at = offset + host_raw.len() + 1;
                if !scheme.ports {
                    return Err(err(rules, ErrorKind::PortNotAllowed, port_at - 1));
                }
                Some(parse_port(rules.name, p, port_at)?)
            }
            None => None,
        };
        if host_raw.is_empty() {
            // `postgresql://:5433`, `amqp://:10000`: the client's default host, a port.
            if entries.len() == 1 && !rules.host_required {
                bare_port = port;
            } else {
                return Err(err(rules, ErrorKind::MissingHost, offset));
            }
        } else {
            let host = parse_host(rules.name, host_raw, offset, rules.unix_sockets)?;
            hosts.push(Endpoint::new(host, port));
        }
        offset += entry.len() + 1;
    }
    Ok((hosts, bare_port))
}

/// Splits `host:port` (with IPv6 in brackets) into its host and optional port text.
pub(crate) fn split_host_port(entry: &str) -> (&str, Option<&str>) {
    if entry.starts_with('[') {
        if let Some(close) = entry.find(']') {
            let (host, rest) = entry.split_at(close + 1);
            return match rest.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                // Anything else after `]` stays in the host, which then fails as bad IPv6.
                None if rest.is_empty() => (host, None),
                None => (entry, None),
            };
        }
        return (entry, None);
    }
    match entry.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (entry, None),
    }
}

/// Parses `input` by `rules`.
pub(crate) fn parse(input: &str, rules: &Rules) -> Result<Parts, LocatorError> {
    check_text(rules.name, input)?;
    let (scheme, mut pos) = split_scheme(rules.name, rules.schemes, input)?;
    let mut parts = Parts {
        scheme,
        username: None,
        password: None,
        hosts: Vec::new(),
        bare_port: None,
        path: None,
        query: Vec::new(),
        secret_spans: Vec::new(),
    };
    let has_slashes = input[pos..].starts_with("//");
    let end = input[pos..].find('?').map_or(input.len(), |q| pos + q);
    match scheme.shape {
        Shape::Path => {
            // `sqlite:data.db`, `sqlite://data.db`, `sqlite:///abs/data.db`, `sqlite::memory:`
            if has_slashes {
                pos += 2;
            }
            parts.path = Some(pos..end);
        }
        Shape::UnixPath => {
            if !has_slashes {
                return Err(err(rules, ErrorKind::MissingAuthority, pos));
            }
            pos += 2;
            let slash = input[pos..end].find('/').map_or(end, |s| pos + s);
            if slash != pos {
                parse_userinfo(rules, input, pos..slash, &mut parts)?;
                if !input[pos..slash].contains('@') || !input[pos..slash].ends_with('@') {
                    return Err(err(
                        rules,
                        ErrorKind::BadPath(
                            "a unix socket URL takes no host: write `scheme:///path/to/socket`"
                                .into(),
                        ),
                        pos,
                    ));
                }
            }
            if slash == end {
                return Err(err(
                    rules,
                    ErrorKind::BadPath("the socket path is missing".into()),
                    slash,
                ));
            }
            let path = decode(rules.name, &input[slash..end], slash)?.into_owned();
            if !is_plain_path(&path) {
                return Err(err(
                    rules,
                    ErrorKind::BadPath("the socket path must be absolute, without `..`".into()),
                    slash,
                ));
            }
            parts
                .hosts
                .push(Endpoint::new(Host::Unix(PathBuf::from(path)), None));
            parts.path = Some(slash..end);
        }
        Shape::Authority => {
            if !has_slashes {
                return Err(err(rules, ErrorKind::MissingAuthority, pos));
            }
            pos += 2;
            let auth_end = input[pos..end].find('/').map_or(end, |s| pos + s);
            let hosts_at = parse_userinfo(rules, input, pos..auth_end, &mut parts)?;
            if let Some(a) = input[auth_end..].find('@') {
                // An `@` after the host: a user or password holding a raw `/` or `?`
                // (`user:pa/ss@host`). Read naively, part of the password would become the
                // port, the path or a parameter, and be printed. An `@` that belongs in a path
                // or a parameter is written `%40`.
                return Err(err(rules, ErrorKind::UnescapedAt, auth_end + a));
            }
            let (hosts, bare_port) =
                parse_host_list(rules, scheme, &input[hosts_at..auth_end], hosts_at)?;
            parts.hosts = hosts;
            parts.bare_port = bare_port;
            if rules.host_required && parts.hosts.is_empty() {
                return Err(err(rules, ErrorKind::MissingHost, hosts_at));
            }
            if auth_end < end {
                parts.path = Some(auth_end..end);
                let path = &input[auth_end..end];
                // Validate the encoding once, so accessors can decode without failing.
                decode(rules.name, path, auth_end)?;
                mark_secret_segments(rules, path, auth_end, &mut parts.secret_spans)?;
            }
        }
    }
    if end < input.len() {
        parse_query(
            rules.name,
            rules.secret_params,
            input,
            end + 1,
            &mut parts.query,
            &mut parts.secret_spans,
        )?;
    }
    parts.secret_spans.sort_by_key(|r| r.start);
    Ok(parts)
}

/// Parses `user:password@` at the start of the authority `range`; returns where hosts start.
fn parse_userinfo(
    rules: &Rules,
    input: &str,
    range: Range<usize>,
    parts: &mut Parts,
) -> Result<usize, LocatorError> {
    let authority = &input[range.clone()];
    let mut ats = authority.match_indices('@');
    let Some((at, _)) = ats.next() else {
        return Ok(range.start);
    };
    if let Some((second, _)) = ats.next() {
        return Err(err(rules, ErrorKind::UnescapedAt, range.start + second));
    }
    let info = &authority[..at];
    let start = range.start;
    let (user, password) = match info.split_once(':') {
        Some((u, p)) => (u, Some(p)),
        None => (info, None),
    };
    parts.username = Some(decode(rules.name, user, start)?.into_owned());
    if let Some(p) = password {
        let p_at = start + user.len() + 1;
        parts.password = Some(decode(rules.name, p, p_at)?.into_owned());
        if !p.is_empty() {
            parts.secret_spans.push(p_at..p_at + p.len());
        }
    }
    if rules.token_username && !user.is_empty() {
        // `TOKEN@host`, `TOKEN:@host`, `api:KEY@host`, or a token holding a raw `:`: in these
        // kinds the user name may itself be the credential, so it is redacted too.
        parts.secret_spans.push(start..start + user.len());
    }
    Ok(start + at + 1)
}

/// Marks the path segments that hold credentials. An empty one is refused: the credential is
/// missing, or a raw `/` or `?` at its start shifted the URL's parts, which would print it.
fn mark_secret_segments(
    rules: &Rules,
    path: &str,
    at: usize,
    spans: &mut Vec<Range<usize>>,
) -> Result<(), LocatorError> {
    if rules.secret_path_segments.is_empty() {
        return Ok(());
    }
    let mut offset = at + 1;
    let segments: Vec<&str> = path[1..].split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        if rules.secret_path_segments.contains(&i) {
            if seg.is_empty() {
                return Err(err(
                    rules,
                    ErrorKind::BadPath(
                        "a path segment that holds a credential is empty: write it, with `/` as %2F and `?` as %3F".into(),
                    ),
                    offset,
                ));
            }
            spans.push(offset..offset + seg.len());
        }
        offset += seg.len() + 1;
    }
    Ok(())
}

/// Parses the query starting at byte `start` into `query`, marking credential values in
/// `spans` (the common sensitive names plus `secret_params`). Shared by URL and list locators.
pub(crate) fn parse_query(
    name: &'static str,
    secret_params: &[&str],
    input: &str,
    start: usize,
    query: &mut Vec<Param>,
    spans: &mut Vec<Range<usize>>,
) -> Result<(), LocatorError> {
    let mut offset = start;
    for pair in input[start..].split('&') {
        if !pair.is_empty() {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(name, k, offset)?.into_owned();
            let v_at = offset + k.len() + 1;
            let secret = is_sensitive_param(&key, secret_params);
            if secret && v.is_empty() {
                // Also what a credential starting with a raw `&` looks like.
                return Err(LocatorError::new(
                    name,
                    ErrorKind::BadParam {
                        name: key,
                        reason: "holds a credential and is empty: write it, with `&` as %26".into(),
                    },
                    Some(v_at),
                ));
            }
            let value = decode(name, v, v_at)?.into_owned();
            if secret {
                spans.push(v_at..v_at + v.len());
            }
            query.push(Param { key, value, secret });
        }
        offset += pair.len() + 1;
    }
    Ok(())
}

/// The decoded value of the first parameter `key` that is (or is not) a credential.
pub(crate) fn find_param<'a>(query: &'a [Param], key: &str, secret: bool) -> Option<&'a str> {
    query
        .iter()
        .find(|p| p.secret == secret && p.key == key)
        .map(|p| p.value.as_str())
}

/// Writes `raw` with every span replaced by `***`.
pub(crate) fn redact(
    raw: &str,
    spans: &[Range<usize>],
    out: &mut impl std::fmt::Write,
) -> std::fmt::Result {
    let mut last = 0;
    for span in spans {
        if span.start < last {
            continue;
        }
        out.write_str(&raw[last..span.start])?;
        out.write_str(super::secret::REDACTED)?;
        last = span.end;
    }
    out.write_str(&raw[last..])
}

/// Redacts any URL-like text without knowing its kind: the userinfo's password (or a lone
/// user name, which may be a token) and the values of sensitive parameters. For text that
/// did not parse as its kind, such as a custom kind's example seen by the derive.
pub fn redact_generic(text: &str) -> String {
    let mut spans = Vec::new();
    let rest_at = text.find("://").map_or(0, |i| i + 3);
    let auth_end = text[rest_at..]
        .find(['/', '?'])
        .map_or(text.len(), |i| rest_at + i);
    if rest_at > 0
        && let Some(at) = text[rest_at..auth_end].rfind('@')
    {
        let info = &text[rest_at..rest_at + at];
        match info.find(':') {
            Some(c) if c + 1 < info.len() => spans.push(rest_at + c + 1..rest_at + at),
            Some(_) => {}
            None if !info.is_empty() => spans.push(rest_at..rest_at + at),
            None => {}
        }
    }
    if let Some(q) = text.find('?') {
        let mut offset = q + 1;
        for pair in text[q + 1..].split('&') {
            if let Some((k, v)) = pair.split_once('=')
                && is_sensitive_param(k, &[])
                && !v.is_empty()
            {
                let v_at = offset + k.len() + 1;
                spans.push(v_at..v_at + v.len());
            }
            offset += pair.len() + 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = redact(text, &spans, &mut out);
    out
}
