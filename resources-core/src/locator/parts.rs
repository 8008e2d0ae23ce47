//! A locator from its parts: host, port, credentials, database… given as separate variables,
//! assembled into the kind's URL (every part percent-encoded) and then parsed like any URL, so
//! accessors, validation and redaction are one code path.

use std::fmt;

/// One part of a locator that a variable may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The host: a name, an address, a list (`a,b`) or a socket directory where the kind allows.
    Host,
    /// The port (a list where hosts are a list).
    Port,
    /// The user name (or an access key id).
    User,
    /// The password (or a secret key).
    Password,
    /// The database (the URL's path).
    Database,
    /// How the connection is secured (`sslmode` of libpq, `starttls`/`force_tls`/`off` of SMTP).
    Security,
    /// A region (S3).
    Region,
    /// A bucket (S3).
    Bucket,
    /// An endpoint URL for compatible services (S3-compatible stores).
    Endpoint,
}

impl Part {
    /// Every part, in the order docs list them.
    pub const ALL: [Part; 9] = [
        Part::Host,
        Part::Port,
        Part::User,
        Part::Password,
        Part::Database,
        Part::Security,
        Part::Region,
        Part::Bucket,
        Part::Endpoint,
    ];

    /// The part's name as written in `parts(host = "…")`.
    pub const fn name(self) -> &'static str {
        match self {
            Part::Host => "host",
            Part::Port => "port",
            Part::User => "user",
            Part::Password => "password",
            Part::Database => "database",
            Part::Security => "security",
            Part::Region => "region",
            Part::Bucket => "bucket",
            Part::Endpoint => "endpoint",
        }
    }

    /// The part named `name` (`path` is `database`, `tls` is `security`, `username` is `user`).
    pub fn from_name(name: &str) -> Option<Part> {
        Some(match name {
            "host" => Part::Host,
            "port" => Part::Port,
            "user" | "username" => Part::User,
            "password" => Part::Password,
            "database" | "path" => Part::Database,
            "security" | "tls" => Part::Security,
            "region" => Part::Region,
            "bucket" => Part::Bucket,
            "endpoint" => Part::Endpoint,
            _ => return None,
        })
    }

    /// User and password complete a URL written without them; the other parts replace it.
    pub const fn is_credential(self) -> bool {
        matches!(self, Part::User | Part::Password)
    }

    const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A variable that holds one part of a field's locator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartDecl {
    /// Which part.
    pub part: Part,
    /// The variable, before any prefix.
    pub name: &'static str,
}

/// The parts that were set, as their text.
#[derive(Clone, Debug, Default)]
pub struct PartValues {
    values: [Option<String>; 9],
}

impl PartValues {
    /// No part set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `part`.
    pub fn set(&mut self, part: Part, value: impl Into<String>) {
        self.values[part.index()] = Some(value.into());
    }

    /// The text of `part`, if set.
    pub fn get(&self, part: Part) -> Option<&str> {
        self.values[part.index()].as_deref()
    }

    /// Whether any part other than the credentials is set.
    pub fn any_address(&self) -> bool {
        Part::ALL
            .iter()
            .any(|p| !p.is_credential() && self.get(*p).is_some())
    }
}

/// What is wrong with the parts: which part, and a message that never quotes a credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartError {
    /// The part at fault (`None`: the parts as a whole).
    pub part: Option<Part>,
    /// What is wrong and what to do.
    pub message: String,
}

impl PartError {
    fn new(part: Part, message: impl Into<String>) -> Self {
        PartError {
            part: Some(part),
            message: message.into(),
        }
    }
}

/// How a kind assembles its URL from parts: the parts it takes and the function that writes
/// the URL. Kinds pick one of the built-in compositions ([`Compose::URL`], [`Compose::LIBPQ`],
/// [`Compose::SMTP`], [`Compose::S3`]) or write their own.
#[derive(Clone, Copy)]
pub struct Compose {
    /// The parts this kind takes.
    pub parts: &'static [Part],
    /// Writes the URL (scheme is the kind's canonical one).
    pub write: fn(scheme: &str, parts: &PartValues) -> Result<String, PartError>,
}

impl fmt::Debug for Compose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Compose")
            .field("parts", &self.parts)
            .finish_non_exhaustive()
    }
}

impl Compose {
    /// `scheme://user:password@host:port/database`: host required.
    pub const URL: Compose = Compose {
        parts: &[
            Part::Host,
            Part::Port,
            Part::User,
            Part::Password,
            Part::Database,
        ],
        write: write_url,
    };

    /// libpq's variables: `PGHOST` a name, a list or a socket directory (the default socket
    /// when unset), `PGPORT` (a list beside a list of hosts), `PGSSLMODE` as `sslmode`.
    pub const LIBPQ: Compose = Compose {
        parts: &[
            Part::Host,
            Part::Port,
            Part::User,
            Part::Password,
            Part::Database,
            Part::Security,
        ],
        write: write_libpq,
    };

    /// SMTP: `security` is `starttls` (STARTTLS required, port 587 unless given), `force_tls`
    /// (`smtps`, port 465) or `off` (plain).
    pub const SMTP: Compose = Compose {
        parts: &[
            Part::Host,
            Part::Port,
            Part::User,
            Part::Password,
            Part::Security,
        ],
        write: write_smtp,
    };

    /// S3 as the AWS tools write it: a bucket, `AWS_REGION`, the key id and secret as user and
    /// password, and `AWS_ENDPOINT_URL` for S3-compatible stores (path-style).
    pub const S3: Compose = Compose {
        parts: &[
            Part::Bucket,
            Part::Region,
            Part::Endpoint,
            Part::User,
            Part::Password,
        ],
        write: write_s3,
    };
}

/// Percent-encodes everything but RFC 3986's unreserved characters: safe in a user name, a
/// password, a path segment and a query value.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn userinfo(parts: &PartValues) -> String {
    match (parts.get(Part::User), parts.get(Part::Password)) {
        (Some(u), Some(p)) => format!("{}:{}@", encode(u), encode(p)),
        (Some(u), None) => format!("{}@", encode(u)),
        (None, Some(p)) => format!(":{}@", encode(p)),
        (None, None) => String::new(),
    }
}

/// A host as it goes into an authority: names and IPv4 as they are, IPv6 in brackets.
fn host_text(host: &str) -> Result<String, PartError> {
    let host = host.trim();
    if host.is_empty() {
        return Err(PartError::new(Part::Host, "the host is empty"));
    }
    if host.contains(':') && !host.starts_with('[') {
        return Ok(format!("[{host}]"));
    }
    if host
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '/' | '@' | '?' | '#' | ',' | '%'))
    {
        return Err(PartError::new(
            Part::Host,
            "a host is a name or an address, without `/`, `@`, `?`, `#`, `,` or spaces",
        ));
    }
    Ok(host.to_owned())
}

fn port_text(port: &str) -> Result<String, PartError> {
    let port = port.trim();
    match port.parse::<u16>() {
        Ok(p) if p > 0 => Ok(p.to_string()),
        _ => Err(PartError::new(
            Part::Port,
            "the port must be a number from 1 to 65535",
        )),
    }
}

fn required(parts: &PartValues, part: Part) -> Result<&str, PartError> {
    parts
        .get(part)
        .ok_or_else(|| PartError::new(part, format!("the {part} is required")))
}

fn write_url(scheme: &str, parts: &PartValues) -> Result<String, PartError> {
    let host = host_text(required(parts, Part::Host)?)?;
    let mut out = format!("{scheme}://{}{host}", userinfo(parts));
    if let Some(port) = parts.get(Part::Port) {
        out.push(':');
        out.push_str(&port_text(port)?);
    }
    if let Some(db) = parts.get(Part::Database) {
        out.push('/');
        out.push_str(&encode(db));
    }
    Ok(out)
}

fn write_libpq(scheme: &str, parts: &PartValues) -> Result<String, PartError> {
    let hosts: Vec<&str> = parts
        .get(Part::Host)
        .map(|h| h.split(',').map(str::trim).collect())
        .unwrap_or_default();
    let ports: Vec<&str> = parts
        .get(Part::Port)
        .map(|p| p.split(',').map(str::trim).collect())
        .unwrap_or_default();
    if ports.len() > 1 && ports.len() != hosts.len() {
        return Err(PartError::new(
            Part::Port,
            "give one port, or one port per host (libpq pairs them in order)",
        ));
    }
    for port in &ports {
        port_text(port)?;
    }
    let mut query: Vec<String> = Vec::new();
    let mut authority = String::new();
    if hosts.iter().any(|h| h.starts_with('/')) {
        // Socket directories cannot be written in the authority: libpq reads them from `?host=`.
        query.push(format!("host={}", encode(&hosts.join(","))));
        if !ports.is_empty() {
            query.push(format!("port={}", ports.join(",")));
        }
    } else {
        let mut entries = Vec::new();
        for (i, host) in hosts.iter().enumerate() {
            let mut entry = host_text(host)?;
            let port = ports.get(i).or(if ports.len() == 1 {
                ports.first()
            } else {
                None
            });
            if let Some(port) = port {
                entry.push(':');
                entry.push_str(port);
            }
            entries.push(entry);
        }
        if hosts.is_empty() && !ports.is_empty() {
            query.push(format!("port={}", ports.join(",")));
        }
        authority = entries.join(",");
    }
    if let Some(mode) = parts.get(Part::Security) {
        query.push(format!("sslmode={}", encode(mode.trim())));
    }
    let mut out = format!("{scheme}://{}{authority}", userinfo(parts));
    out.push('/');
    if let Some(db) = parts.get(Part::Database) {
        out.push_str(&encode(db));
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query.join("&"));
    }
    Ok(out)
}

fn write_smtp(_scheme: &str, parts: &PartValues) -> Result<String, PartError> {
    let host = host_text(required(parts, Part::Host)?)?;
    let security = parts
        .get(Part::Security)
        .map(|s| s.trim().to_ascii_lowercase());
    let (scheme, query) = match security.as_deref() {
        None | Some("starttls") => ("smtp", "?tls=required"),
        Some("force_tls") => ("smtps", ""),
        Some("off") => ("smtp", ""),
        Some(_) => {
            return Err(PartError::new(
                Part::Security,
                "expected starttls, force_tls or off",
            ));
        }
    };
    let port = match (parts.get(Part::Port), security.as_deref()) {
        (Some(p), _) => Some(port_text(p)?),
        (None, None | Some("starttls")) => Some("587".to_owned()),
        (None, _) => None,
    };
    let mut out = format!("{scheme}://{}{host}", userinfo(parts));
    if let Some(port) = port {
        out.push(':');
        out.push_str(&port);
    }
    out.push_str(query);
    Ok(out)
}

fn write_s3(_scheme: &str, parts: &PartValues) -> Result<String, PartError> {
    let bucket = required(parts, Part::Bucket)?.trim();
    let creds = userinfo(parts);
    let mut out = match parts.get(Part::Endpoint) {
        // resources-audit: allow(a format template for the URL the parts compose, not a locator)
        None => format!("s3://{creds}{bucket}"),
        Some(endpoint) => {
            let endpoint = endpoint.trim().trim_end_matches('/');
            let Some((scheme, rest)) = endpoint.split_once("://") else {
                return Err(PartError::new(
                    Part::Endpoint,
                    "the endpoint is a URL such as https://s3.example.com or http://127.0.0.1:9000",
                ));
            };
            if !matches!(scheme, "http" | "https") || rest.contains('@') || rest.contains('/') {
                return Err(PartError::new(
                    Part::Endpoint,
                    "the endpoint is an http(s) URL of a host and port, without credentials or a path",
                ));
            }
            format!("{scheme}://{creds}{rest}/{}", encode(bucket))
        }
    };
    if let Some(region) = parts.get(Part::Region) {
        out.push_str("?region=");
        out.push_str(&encode(region.trim()));
    }
    Ok(out)
}

/// Puts `user` and `password` into `url` (written without them). `Err` names the credential
/// that the URL already holds (the same credential written twice).
pub(crate) fn complete_credentials(
    url: &str,
    user: Option<&str>,
    password: Option<&str>,
) -> Result<String, Part> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(if password.is_some() {
            Part::Password
        } else {
            Part::User
        });
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (existing, hosts) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    let (old_user, old_password) = match existing {
        Some(info) => match info.split_once(':') {
            Some((u, p)) => (Some(u), Some(p)),
            None => (Some(info), None),
        },
        None => (None, None),
    };
    if password.is_some() && old_password.is_some() {
        return Err(Part::Password);
    }
    if user.is_some() && old_user.is_some_and(|u| !u.is_empty()) {
        return Err(Part::User);
    }
    let user = user
        .map(encode)
        .or_else(|| old_user.map(str::to_owned))
        .unwrap_or_default();
    let password = password
        .map(encode)
        .or_else(|| old_password.map(str::to_owned));
    let info = match password {
        Some(p) => format!("{user}:{p}@"),
        None if user.is_empty() => String::new(),
        None => format!("{user}@"),
    };
    Ok(format!("{scheme}://{info}{hosts}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(list: &[(Part, &str)]) -> PartValues {
        let mut p = PartValues::new();
        for (part, v) in list {
            p.set(*part, *v);
        }
        p
    }

    #[test]
    fn every_part_is_encoded() {
        let p = parts(&[
            (Part::Host, "db.internal"),
            (Part::Port, "5432"),
            (Part::User, "app@corp"),
            (Part::Password, "p@ss:w/rd%?#"),
            (Part::Database, "my db"),
        ]);
        assert_eq!(
            (Compose::URL.write)("mysql", &p),
            Ok("mysql://app%40corp:p%40ss%3Aw%2Frd%25%3F%23@db.internal:5432/my%20db".to_owned())
        );
    }

    #[test]
    fn libpq_lists_and_sockets() {
        let p = parts(&[(Part::Host, "a,b"), (Part::Port, "5432,5433")]);
        assert_eq!(
            (Compose::LIBPQ.write)("postgres", &p),
            Ok("postgres://a:5432,b:5433/".to_owned())
        );
        let p = parts(&[(Part::Host, "/var/run/postgresql"), (Part::Database, "app")]);
        assert_eq!(
            (Compose::LIBPQ.write)("postgres", &p),
            Ok("postgres:///app?host=%2Fvar%2Frun%2Fpostgresql".to_owned())
        );
        let p = parts(&[(Part::Host, "a,b,c"), (Part::Port, "1,2")]);
        assert_eq!(
            (Compose::LIBPQ.write)("postgres", &p).map_err(|e| e.part),
            Err(Some(Part::Port))
        );
    }

    #[test]
    fn credentials_complete_a_url() {
        assert_eq!(
            complete_credentials("postgres://app@db/app", None, Some("p@ss")),
            Ok("postgres://app:p%40ss@db/app".to_owned())
        );
        assert_eq!(
            complete_credentials("redis://cache:6379/0", Some("u"), Some("p")),
            Ok("redis://u:p@cache:6379/0".to_owned())
        );
        assert_eq!(
            complete_credentials("postgres://app:x@db/app", None, Some("y")),
            Err(Part::Password)
        );
    }
}
