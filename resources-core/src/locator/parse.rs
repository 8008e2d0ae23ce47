//! The one URL-shaped locator parser every kind shares (non-generic, so it is compiled once).
//!
//! It follows RFC 3986's split (scheme, authority, path, query) with the extensions real
//! clients use: several comma-separated hosts (libpq, MongoDB), percent-encoded unix socket
//! paths as hosts, and path-only forms (`sqlite:`, `redis+unix:///…`). It keeps byte ranges of
//! everything secret so `Display` can redact by position, and every error carries an offset
//! instead of the text, or, inside a part that may hold a credential, the name of that part
//! ([`conceal`]).

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;
use std::path::PathBuf;

use super::endpoint::{Endpoint, Host};
use super::scheme::{Scheme, Shape};
use super::secret::{fold_param, is_sensitive_param};
use crate::error::{ErrorKind, LocatorError, SecretPart};

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
    pub lone_username_secret: bool,
    pub known_params: &'static [&'static str],
    pub fragments: &'static [&'static str],
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
    /// Whether one of the spans is a user name redacted only because it has no password
    /// (it may be a token, but is not known to be a credential).
    pub lone_username: bool,
    /// A fragment the kind's client reads (`#insecure`), `#` included.
    pub fragment: Option<Range<usize>>,
}

fn err(rules: &Rules, kind: ErrorKind, at: usize) -> LocatorError {
    LocatorError::new(rules.name, kind, Some(at))
}

/// Checks what is wrong with the string as a whole, before any splitting.
pub(crate) fn check_text(name: &'static str, input: &str) -> Result<(), LocatorError> {
    check_text_with(name, input, 0..0)
}

/// Where the user info of `input` would be (after `://`, before the last `@` of the
/// authority), found on the raw text: raw spaces are accepted there, as the `url` crate (and
/// with it redis-rs, lettre, sqlx) reads them (`%20`).
fn userinfo_range(input: &str) -> Range<usize> {
    let Some(start) = input
        .find(':')
        .filter(|&c| input[c + 1..].starts_with("//"))
        .map(|c| c + 3)
    else {
        return 0..0;
    };
    let auth_end = input.as_bytes()[start..]
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .map_or(input.len(), |i| start + i);
    match input[start..auth_end].rfind('@') {
        Some(at) => start..start + at,
        None => 0..0,
    }
}

/// [`check_text`], accepting a raw ASCII space inside `spaces`.
fn check_text_with(
    name: &'static str,
    input: &str,
    spaces: Range<usize>,
) -> Result<(), LocatorError> {
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
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII (nearly every byte of a locator) by byte; the rest by char.
        let c = match bytes[at] {
            b if b.is_ascii_alphanumeric() => {
                at += 1;
                continue;
            }
            b if b.is_ascii() => char::from(b),
            _ => input[at..].chars().next().unwrap_or_default(),
        };
        if c.is_control() {
            return Err(LocatorError::new(
                name,
                ErrorKind::ControlCharacter,
                Some(at),
            ));
        }
        if !(c == ' ' && spaces.contains(&at)) {
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
        at += c.len_utf8();
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
                // `%00`: a NUL cuts C strings (libpq refuses it), like a raw one.
                Some(0) => {
                    return Err(LocatorError::new(
                        name,
                        ErrorKind::ControlCharacter,
                        Some(at + i),
                    ));
                }
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
    // One pass: what the host holds decides, in this order, a socket path, a smuggled host,
    // a bad host, an IPv4 address or a name.
    let (mut slash, mut smuggled, mut bad, mut numeric) = (false, false, false, true);
    for c in decoded.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '-' | '_' | '~' => numeric = false,
            '0'..='9' | '.' => {}
            '/' => slash = true,
            '@' | '?' | '#' | ':' | '\\' | '[' | ']' | ',' => smuggled = true,
            c if c.is_whitespace() || c.is_control() => smuggled = true,
            c if c.is_alphanumeric() => numeric = false,
            _ => bad = true,
        }
    }
    if slash {
        // An absolute path, or (the MongoDB spec) a relative one ending in `.sock`.
        let socket_like = decoded.starts_with('/') || decoded.ends_with(".sock");
        if unix_sockets && socket_like && is_plain_path(&decoded) {
            return Ok(Host::Unix(PathBuf::from(decoded)));
        }
        return Err(fail(ErrorKind::SmuggledHost));
    }
    if smuggled {
        return Err(fail(ErrorKind::SmuggledHost));
    }
    if bad {
        return Err(fail(ErrorKind::BadHost));
    }
    if numeric {
        return decoded
            .parse::<Ipv4Addr>()
            .map(Host::Ipv4)
            .map_err(|_| fail(ErrorKind::BadHost));
    }
    Ok(Host::Name(decoded))
}

/// A unix socket path: no control characters, no `..` segments.
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
                // `host:` (RFC 3986's empty port, libpq's default port).
                (!p.is_empty())
                    .then(|| parse_port(rules.name, p, port_at))
                    .transpose()?
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
            let host = match parse_host(rules.name, host_raw, offset, rules.unix_sockets) {
                // `256.0.0.1`: not an address, so RFC 3986's reg-name. The MongoDB spec and
                // libpq (the kinds with socket hosts) read it as a host name; the `url` crate,
                // and with it the HTTP clients, refuses it.
                Err(e)
                    if rules.unix_sockets
                        && *e.kind() == ErrorKind::BadHost
                        && host_raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') =>
                {
                    Host::Name(host_raw.to_owned())
                }
                other => other?,
            };
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
    // A fragment the client reads (redis-rs's `#insecure`) ends the input; any other `#` is
    // refused by `check_text` (it may be part of a password).
    let mut fragment = None;
    let hash = (!rules.fragments.is_empty())
        .then(|| input.rfind('#'))
        .flatten();
    let input = match hash {
        Some(h) if rules.fragments.contains(&&input[h + 1..]) => {
            fragment = Some(h..input.len());
            &input[..h]
        }
        _ => input,
    };
    check_text_with(rules.name, input, userinfo_range(input))?;
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
        lone_username: false,
        fragment,
    };
    let mut secret_path = false;
    let has_slashes = input[pos..].starts_with("//");
    let end = input[pos..].find('?').map_or(input.len(), |q| pos + q);
    match scheme.shape {
        Shape::Path => {
            // `sqlite:data.db`, `sqlite://data.db`, `sqlite:///abs/data.db`, `sqlite::memory:`
            if has_slashes {
                pos += 2;
            }
            // `sqlite://user:password@host/…` pasted where a file path goes (the password may
            // hold a raw `/` or `?`): the path would print the password. A file name or a
            // parameter holding `@` writes it %40.
            if let Some(a) = input[pos..].find('@') {
                return Err(
                    err(rules, ErrorKind::UnescapedAt, pos + a).in_secret(SecretPart::UserInfo)
                );
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
                secret_path = mark_secret_segments(rules, path, &mut parts.secret_spans, auth_end)?;
            }
        }
    }
    if end < input.len() {
        let query_rules = QueryRules {
            name: rules.name,
            secret_params: rules.secret_params,
            known_params: rules.known_params,
            after_secret_path: secret_path,
        };
        parse_query(
            &query_rules,
            input,
            end + 1,
            &mut parts.query,
            &mut parts.secret_spans,
        )?;
    }
    parts.secret_spans.sort_by_key(|r| r.start);
    Ok(parts)
}

/// Passwords that say "the user name is the token" (GitHub's `https://TOKEN:x-oauth-basic@…`).
pub(crate) const LONE_USER_PASSWORDS: &[&str] = &["x-oauth-basic"];

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
    parts.username = Some(
        decode(rules.name, user, start)
            .map_err(|e| e.in_secret(SecretPart::UserName))?
            .into_owned(),
    );
    let mut placeholder = false;
    if let Some(p) = password {
        let p_at = start + user.len() + 1;
        let decoded = decode(rules.name, p, p_at)
            .map_err(|e| e.in_secret(SecretPart::Password))?
            .into_owned();
        placeholder = LONE_USER_PASSWORDS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&decoded));
        parts.password = Some(decoded);
        if !p.is_empty() {
            parts.secret_spans.push(p_at..p_at + p.len());
        }
    }
    let lone = password.is_none_or(str::is_empty);
    if !user.is_empty()
        && (rules.token_username || (rules.lone_username_secret && (lone || placeholder)))
    {
        // Token kinds: `TOKEN@host`, `TOKEN:@host`, `api:KEY@host`, or a token holding a raw
        // `:`: the user name may itself be the credential. Other kinds: a user name without a
        // password (or with GitHub's placeholder `x-oauth-basic`) is often a token
        // (`https://ghp_…@api.github.com`) or a password pasted without its user.
        parts.secret_spans.push(start..start + user.len());
        parts.lone_username = !rules.token_username && lone;
    }
    Ok(start + at + 1)
}

/// Marks the path segments that hold credentials; returns whether the kind has any.
///
/// Segments are counted as written, so a path that a client would normalise differently is
/// refused: an empty segment (`//`, except a trailing `/`), or a `.` or `..` one (also as
/// `%2e`), would shift which segment is the credential and print it. An empty credential
/// segment is refused too: the credential is missing, or a raw `/` at its start shifted it.
fn mark_secret_segments(
    rules: &Rules,
    path: &str,
    spans: &mut Vec<Range<usize>>,
    at: usize,
) -> Result<bool, LocatorError> {
    if rules.secret_path_segments.is_empty() {
        return Ok(false);
    }
    let refuse = |why: &'static str| {
        LocatorError::new(rules.name, ErrorKind::BadPath(why.into()), None)
            .in_secret(SecretPart::Path)
    };
    let mut offset = at + 1;
    let segments: Vec<&str> = path[1..].split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let dots = decode(rules.name, seg, offset).is_ok_and(|d| d == "." || d == "..");
        if dots || (seg.is_empty() && !last) {
            return Err(refuse(
                "a path that holds a credential cannot have empty, `.` or `..` segments (they shift which segment is the credential)",
            ));
        }
        if rules.secret_path_segments.contains(&i) {
            if seg.is_empty() {
                return Err(refuse(
                    "a path segment that holds a credential is empty: write it, with `/` as %2F and `?` as %3F",
                ));
            }
            spans.push(offset..offset + seg.len());
        }
        offset += seg.len() + 1;
    }
    Ok(true)
}

/// What the query parser needs to know of a kind.
pub(crate) struct QueryRules<'r> {
    pub name: &'static str,
    /// The kind's credential parameters beyond the common list.
    pub secret_params: &'r [&'r str],
    /// The parameters the kind's client knows (folded); empty when any name goes.
    pub known_params: &'r [&'r str],
    /// Whether a path segment holding a credential comes before the query (a raw `?` in it
    /// would put its end in the query).
    pub after_secret_path: bool,
}

/// A parameter name that may follow a credential: what a real parameter name looks like.
fn plausible_key(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'[' | b']'))
}

/// Parses the query starting at byte `start` into `query`, marking credential values in
/// `spans` (the common sensitive names plus the kind's). Shared by URL and list locators.
///
/// A credential holding a raw `&` would be cut there, the rest read as more parameters and
/// printed. So after a credential parameter (the *tail*), every entry must look like a
/// parameter of its own: `name=value` with a plain name (letters, digits, `_`, `-`, `.`), and,
/// for a kind that lists its parameters, a name its client knows. Anything else is refused
/// naming the credential parameter, with the `%26` hint, and never a position or a part of
/// the text. A query after a path segment that holds a credential is a tail from its start.
/// What this cannot catch: a credential whose raw `&` is followed by text that is itself a
/// well-formed parameter the kind accepts (`s3cr&sslmode=require`); percent-encode credentials.
pub(crate) fn parse_query(
    rules: &QueryRules<'_>,
    input: &str,
    start: usize,
    query: &mut Vec<Param>,
    spans: &mut Vec<Range<usize>>,
) -> Result<(), LocatorError> {
    let name = rules.name;
    let bad = |param: &str, reason: &'static str| {
        LocatorError::new(
            name,
            ErrorKind::BadParam {
                name: param.to_owned(),
                reason: reason.into(),
            },
            None,
        )
    };
    // The credential parameter the tail follows (`None` before any).
    let mut tail_of: Option<String> = None;
    if rules.after_secret_path {
        tail_of = Some(String::new());
    }
    let mut offset = start;
    for pair in input[start..].split('&') {
        let pair_at = offset;
        offset += pair.len() + 1;
        if let Some(cred) = &tail_of {
            let in_tail = |reason: &'static str| {
                if cred.is_empty() {
                    LocatorError::new(name, ErrorKind::BadPath(reason.into()), None)
                        .in_secret(SecretPart::Path)
                } else {
                    bad(cred, reason)
                }
            };
            let Some((k, _)) = pair.split_once('=') else {
                return Err(in_tail(
                    "a credential is followed by text that is not a `name=value` parameter: write `&` in a credential as %26 (`?` as %3F, `=` as %3D)",
                ));
            };
            if !plausible_key(k) {
                return Err(in_tail(
                    "a credential is followed by a parameter with an odd name: write `&` in a credential as %26 (`%` as %25, `=` as %3D)",
                ));
            }
            let folded = fold_param(k);
            if !rules.known_params.is_empty()
                && !rules.known_params.contains(&folded.as_str())
                && !is_sensitive_param(k, rules.secret_params)
            {
                return Err(in_tail(
                    "a credential is followed by a parameter this kind does not know: write `&` in a credential as %26",
                ));
            }
        }
        if pair.is_empty() {
            continue;
        }
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = match decode(name, k, pair_at) {
            Ok(key) => key.into_owned(),
            Err(e) => return Err(conceal_tail(e, tail_of.as_deref())),
        };
        let v_at = pair_at + k.len() + 1;
        let secret = is_sensitive_param(&key, rules.secret_params);
        if secret && v.is_empty() {
            // Also what a credential starting with a raw `&` looks like.
            return Err(bad(
                &key,
                "holds a credential and is empty: write it, with `&` as %26",
            ));
        }
        let value = match decode(name, v, v_at) {
            Ok(value) => value.into_owned(),
            Err(_) if secret => {
                return Err(bad(
                    &key,
                    "holds a credential with malformed percent-encoding (`%` must start `%XX` and decode to UTF-8; write `%` as %25)",
                ));
            }
            Err(e) => return Err(conceal_tail(e, tail_of.as_deref())),
        };
        if secret {
            spans.push(v_at..v_at + v.len());
            if tail_of.as_deref().is_none_or(str::is_empty) {
                tail_of = Some(key.clone());
            }
        }
        query.push(Param { key, value, secret });
    }
    Ok(())
}

/// An error in the tail of a query (after a credential) named by the credential's part.
fn conceal_tail(e: LocatorError, tail_of: Option<&str>) -> LocatorError {
    match tail_of {
        None => e,
        Some("") => e.in_secret(SecretPart::Path),
        Some(cred) => e.in_secret(SecretPart::Param(cred.to_owned())),
    }
}

/// Moves an error whose byte offset falls where a credential may be into that part, so the
/// offset (which tells the credential's length or the place of a character in it) and any
/// offending character are dropped.
///
/// The parts are found on the raw text, conservatively, since the error may be that the text
/// does not parse: the user info runs from after `://` (or the start) to the last `@`; a
/// credential parameter's value runs to the end of the input (a raw `&` in it may have cut
/// it); for a kind with credential path segments, the path runs to the end too.
pub(crate) fn conceal(
    input: &str,
    secret_params: &[&str],
    secret_path: bool,
    e: LocatorError,
) -> LocatorError {
    match e
        .position()
        .and_then(|pos| secret_part_at(input, secret_params, secret_path, pos))
    {
        Some(part) => e.in_secret(part),
        None => e,
    }
}

fn secret_part_at(
    input: &str,
    secret_params: &[&str],
    secret_path: bool,
    pos: usize,
) -> Option<SecretPart> {
    let start = input.find("://").map_or(0, |i| i + 3);
    let mut rest_at = start;
    if let Some(at) = input[start..].rfind('@').map(|a| start + a) {
        if (start..=at).contains(&pos) {
            return Some(match input[start..at].find(':').map(|c| start + c) {
                _ if pos == at => SecretPart::UserInfo,
                Some(c) if pos == c => SecretPart::UserInfo,
                Some(c) if pos > c => SecretPart::Password,
                _ => SecretPart::UserName,
            });
        }
        rest_at = at + 1;
    }
    let query = input[rest_at..].find('?').map(|q| rest_at + q);
    if secret_path
        && let Some(p) = input[rest_at..].find('/').map(|s| rest_at + s)
        && query.is_none_or(|q| p < q)
        && pos >= p
    {
        return Some(SecretPart::Path);
    }
    let q = query?;
    let mut offset = q + 1;
    for pair in input[q + 1..].split('&') {
        if let Some((k, _)) = pair.split_once('=')
            && let Ok(key) = decode("", k, 0)
            && is_sensitive_param(&key, secret_params)
        {
            let v_at = offset + k.len() + 1;
            return (pos >= v_at).then(|| SecretPart::Param(key.into_owned()));
        }
        offset += pair.len() + 1;
    }
    None
}

/// The decoded value of the last parameter `key` that is (or is not) a credential: a
/// repeated parameter keeps its last value, as libpq, redis-rs, sqlx and lettre read them.
pub(crate) fn find_param<'a>(query: &'a [Param], key: &str, secret: bool) -> Option<&'a str> {
    query
        .iter()
        .rev()
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
