//! The [`Locator`] trait, the [`Kind`] trait and the generic URL locator [`ServiceUrl`].

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use crate::error::LocatorError;

pub(crate) mod database;
mod endpoint;
pub(crate) mod fns;
pub mod kind;
pub(crate) mod list;
pub(crate) mod parse;
pub(crate) mod parts;
pub(crate) mod pem;
mod scheme;
pub(crate) mod secret;

pub use endpoint::{Endpoint, Host};
pub use fns::{Erased, LocatorFns, ParseFn};
use parse::{Parts, Rules};
pub use parts::{Compose, Part, PartDecl, PartError, PartValues};
pub use scheme::{Scheme, Shape};
use secret::Secret;

/// A typed config value naming a backing service: what a resource field's type implements.
///
/// It parses one config string and describes itself for the manifest and for error messages.
/// Its `Display` and `Debug` must redact every credential it holds.
/// Built-in: every [`ServiceUrl`] alias (`PostgresUrl`, `RedisUrl`, …), the list-shaped
/// [`KafkaBrokers`](crate::KafkaBrokers) and [`MemcachedServers`](crate::MemcachedServers),
/// [`DatabaseUrl`](crate::DatabaseUrl) (PostgreSQL, MySQL or SQLite, by scheme),
/// [`PemKey`](crate::PemKey) for a PEM private key, and [`Secret<String>`] for a credential
/// that is not a URL.
///
/// ```
/// use resources_core::{Locator, RedisUrl};
///
/// let cache = RedisUrl::parse_locator("redis://:hunter2@cache.internal:6380/2")?;
/// assert_eq!(cache.db_index(), Some(2));
/// assert_eq!(RedisUrl::info().kind, "Redis");
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a resource locator",
    label = "not a typed locator",
    note = "a resource field needs a typed locator: `PostgresUrl`, `MySqlUrl`, `RedisUrl`, `AmqpUrl`, `SmtpUrl`, `MongoUrl`, `HttpUrl`, `ApiUrl`, `S3Url`, … or `Secret<String>` for a credential that is not a URL",
    note = "a plain `String` or `url::Url` would skip validation and print its password in `Debug`",
    note = "a plain value beside the resources (a pool size, a timeout, a flag) is a setting: mark the field `#[setting]`"
)]
pub trait Locator: Sized + Send + Sync + fmt::Debug + fmt::Display + 'static {
    /// Parses and validates one config string.
    fn parse_locator(input: &str) -> Result<Self, LocatorError>;

    /// What kind of locator this is, for the manifest, docs and messages.
    fn info() -> LocatorInfo;

    /// How the locator is assembled from parts (`#[resource(parts(…))]`); `None` when it
    /// cannot be (list-shaped locators, secrets).
    const COMPOSE: Option<Compose> = None;

    /// The table of this type's functions the loading loop calls. Leave it out: the default
    /// is right for every type (the built-in types point to tables compiled once in
    /// `resources-core`, so a crate using them compiles none of their code).
    #[doc(hidden)]
    const FNS: &'static LocatorFns = &LocatorFns::of::<Self>();

    /// Whether a value is URL-shaped (the default): a field of this type without `env` reads a
    /// variable named after it plus `_URL` (`cache` → `CACHE_URL`). Say `false` for a
    /// credential or key that is not a URL, as [`Secret<String>`] and
    /// [`PemKey`](crate::PemKey) do: the variable is then the field's name alone.
    ///
    /// ```
    /// use std::fmt;
    /// use resources_core::{Locator, LocatorError, LocatorInfo};
    ///
    /// /// A 32-byte key, hex-encoded: not a URL.
    /// struct EncryptionKey([u8; 32]);
    ///
    /// impl Locator for EncryptionKey {
    ///     // `token_encryption_key: EncryptionKey` reads TOKEN_ENCRYPTION_KEY, not
    ///     // TOKEN_ENCRYPTION_KEY_URL.
    ///     const URL_SHAPED: bool = false;
    ///
    ///     fn parse_locator(input: &str) -> Result<Self, LocatorError> {
    ///         let invalid = || LocatorError::invalid("encryption key", "expected 64 hex digits");
    ///         let mut key = [0; 32];
    ///         if input.len() != 64 {
    ///             return Err(invalid());
    ///         }
    ///         for (i, byte) in key.iter_mut().enumerate() {
    ///             *byte = u8::from_str_radix(input.get(2 * i..2 * i + 2).ok_or_else(invalid)?, 16)
    ///                 .map_err(|_| invalid())?;
    ///         }
    ///         Ok(EncryptionKey(key))
    ///     }
    ///
    ///     fn info() -> LocatorInfo {
    ///         LocatorInfo { kind: "encryption key", schemes: &[], example: "KEY", credentials: true, kinds: &[] }
    ///     }
    /// }
    ///
    /// // Neither `Debug` nor `Display` shows the key.
    /// impl fmt::Debug for EncryptionKey {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         f.write_str("EncryptionKey(***)")
    ///     }
    /// }
    /// impl fmt::Display for EncryptionKey {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         f.write_str("***")
    ///     }
    /// }
    ///
    /// assert!(!EncryptionKey::URL_SHAPED);
    /// let key = EncryptionKey::parse_locator(&"ab".repeat(32))?;
    /// assert_eq!(key.to_string(), "***");
    /// # Ok::<(), LocatorError>(())
    /// ```
    const URL_SHAPED: bool = true;
}

/// The description of a locator type: kind name, schemes, default port, an example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocatorInfo {
    /// Human name of the kind (`"PostgreSQL"`).
    pub kind: &'static str,
    /// Accepted schemes, first is the canonical one; empty for non-URL locators.
    pub schemes: &'static [Scheme],
    /// An example value holding no real credential (`PASSWORD` stands for one).
    pub example: &'static str,
    /// Whether values of this type may carry credentials.
    pub credentials: bool,
    /// For a locator of several kinds ([`DatabaseUrl`](crate::DatabaseUrl)), their names;
    /// empty for a locator of one kind.
    pub kinds: &'static [&'static str],
}

impl LocatorInfo {
    /// The default port of the canonical scheme, if the kind has one; `None` for a locator of
    /// several kinds, where no single port applies.
    pub fn default_port(&self) -> Option<u16> {
        if !self.kinds.is_empty() {
            return None;
        }
        self.schemes.first().and_then(|s| s.default_port)
    }
}

/// A family of URL-shaped locators: its schemes, default ports and rules.
///
/// Implement it to add a kind; [`ServiceUrl<K>`] then parses, validates and redacts it.
///
/// ```
/// use resources_core::{Kind, LocatorError, Scheme, ServiceUrl};
///
/// /// Loggly's HTTP event endpoint: the customer token is the second path segment.
/// pub struct Loggly;
/// impl Kind for Loggly {
///     const NAME: &'static str = "Loggly";
///     const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
///     const EXAMPLE: &'static str = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/";
///     const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
///     fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
///         match url.path_segments().next() {
///             Some("inputs" | "bulk") => Ok(()),
///             _ => Err(LocatorError::invalid(Self::NAME, "the path must start with /inputs/ or /bulk/")),
///         }
///     }
/// }
///
/// let url: ServiceUrl<Loggly> = "https://logs-01.loggly.com/inputs/b1a2c3/tag/http/".parse()?;
/// assert_eq!(url.to_string(), "https://logs-01.loggly.com/inputs/***/tag/http/");
/// # Ok::<(), LocatorError>(())
/// ```
pub trait Kind: Sized + Send + Sync + 'static {
    /// Human name (`"PostgreSQL"`), used in messages and docs.
    const NAME: &'static str;
    /// Accepted schemes; the first is canonical.
    const SCHEMES: &'static [Scheme];
    /// An example locator; write `PASSWORD` or `TOKEN` where a credential goes.
    const EXAMPLE: &'static str;
    /// Whether a host is required (a client with a default host, such as libpq, says `false`).
    const HOST_REQUIRED: bool = true;
    /// How many comma-separated hosts the kind accepts.
    const MAX_HOSTS: usize = 1;
    /// Whether a percent-encoded absolute path is accepted as a unix socket host.
    const UNIX_SOCKETS: bool = false;
    /// Query parameters holding credentials, beyond the common list (see
    /// [`is_sensitive_param`](crate::is_sensitive_param); compared folded: case, `-`, `_` and
    /// `.` do not matter).
    const SECRET_PARAMS: &'static [&'static str] = &[];
    /// The query parameters the kind's client knows, folded (lowercase, without `-`, `_`, `.`);
    /// empty (the default) when any name goes. When given, a parameter after a credential
    /// parameter must be one of them or a credential: otherwise it is likely the rest of a
    /// credential holding a raw `&`, and the locator is refused rather than half printed.
    const PARAMS: &'static [&'static str] = &[];
    /// The `#fragment`s the kind's client reads (redis-rs's `#insecure`), without the `#`,
    /// accepted only at the very end; any other `#` is refused (it may be part of a password).
    const FRAGMENTS: &'static [&'static str] = &[];
    /// Path segments (0-based) holding credentials, for APIs that put a token in the path.
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[];
    /// Query parameters that give the user name when the user info has none (libpq's `user`).
    const QUERY_USER: &'static [&'static str] = &[];
    /// Query parameters that give the password when the user info has none (libpq's
    /// `password`, redis-rs's `pass`); always redacted.
    const QUERY_PASSWORD: &'static [&'static str] = &[];
    /// How a URL of this kind is assembled from parts (`#[resource(parts(…))]`).
    const COMPOSE: Compose = Compose::URL;
    /// Whether the user name may be a token (NATS, many HTTP APIs): it is redacted like the
    /// password, and a user name without a password is returned by `password()`.
    const TOKEN_USERNAME: bool = false;
    /// Whether a user name written alone (`scheme://NAME@host`, `NAME:@host`) or with GitHub's
    /// placeholder password (`NAME:x-oauth-basic@host`) is printed `***`. Such a name is often a
    /// token (`https://ghp_…@api.github.com`) or a password pasted without its user, so every
    /// built-in kind says `true` (the default). It stays a user name: `username()` returns it,
    /// `password()` does not, and [`has_credentials`](ServiceUrl::has_credentials) does not
    /// count it. Say `false` for a kind whose lone user name is never secret.
    const LONE_USERNAME_SECRET: bool = true;

    /// The function table of `ServiceUrl<Self>`. Leave it out (see [`Locator::FNS`]).
    #[doc(hidden)]
    const URL_FNS: &'static LocatorFns = &LocatorFns::of::<ServiceUrl<Self>>();

    /// The port a client uses when none is written. By default the scheme's.
    fn default_port(url: &ServiceUrl<Self>) -> Option<u16> {
        url.parts.scheme.default_port
    }

    /// Rules beyond the shape: return an error whose message does not quote the value.
    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        let _ = url;
        Ok(())
    }

    /// A port given outside the authority for the client's default host (libpq's
    /// `postgres:///?port=5433`); `None` keeps the parsed one.
    fn port_from_params(url: &ServiceUrl<Self>) -> Result<Option<u16>, LocatorError> {
        let _ = url;
        Ok(None)
    }

    /// Hosts given outside the authority (libpq's `?host=`); `None` keeps the parsed ones.
    fn hosts_from_params(url: &ServiceUrl<Self>) -> Result<Option<Vec<Endpoint>>, LocatorError> {
        let _ = url;
        Ok(None)
    }
}

/// A URL-shaped locator of kind `K`: parsed, validated and redacted.
///
/// Use the aliases ([`PostgresUrl`](crate::PostgresUrl), [`RedisUrl`](crate::RedisUrl), …).
/// `Display` and `Debug` print the URL with `***` for its password, a user name written
/// without a password (it may be a token, see [`Kind::LONE_USERNAME_SECRET`]), credential
/// parameters ([`is_sensitive_param`](crate::is_sensitive_param)) and credential path
/// segments; [`expose_url`](Self::expose_url) returns it exactly as configured, for the driver.
///
/// ```
/// use resources_core::PostgresUrl;
///
/// let db: PostgresUrl = "postgres://app:s3cr%40t@db1:5432,db2/orders?sslmode=require".parse()?;
/// assert_eq!(db.to_string(), "postgres://app:***@db1:5432,db2/orders?sslmode=require");
/// assert_eq!(db.hosts().len(), 2);
/// assert_eq!(db.port_or_default(), Some(5432));
/// assert_eq!(db.database().as_deref(), Some("orders"));
/// assert_eq!(db.password().map(|p| p.expose()), Some("s3cr@t"));
/// # Ok::<(), resources_core::LocatorError>(())
/// ```
pub struct ServiceUrl<K: Kind> {
    raw: Box<str>,
    pub(crate) parts: Parts,
    kind: PhantomData<fn() -> K>,
}

impl<K: Kind> ServiceUrl<K> {
    const RULES: Rules = Rules {
        name: K::NAME,
        schemes: K::SCHEMES,
        host_required: K::HOST_REQUIRED,
        max_hosts: K::MAX_HOSTS,
        unix_sockets: K::UNIX_SOCKETS,
        secret_params: K::SECRET_PARAMS,
        secret_path_segments: K::SECRET_PATH_SEGMENTS,
        token_username: K::TOKEN_USERNAME,
        lone_username_secret: K::LONE_USERNAME_SECRET,
        known_params: K::PARAMS,
        fragments: K::FRAGMENTS,
    };

    /// Parses and validates `input` as a locator of kind `K`. An error inside a part that may
    /// hold a credential names the part, without a byte offset ([`LocatorError::secret_part`]).
    pub fn parse(input: &str) -> Result<Self, LocatorError> {
        Self::parse_unconcealed(input).map_err(|e| {
            parse::conceal(
                input,
                K::SECRET_PARAMS,
                !K::SECRET_PATH_SEGMENTS.is_empty(),
                e,
            )
        })
    }

    fn parse_unconcealed(input: &str) -> Result<Self, LocatorError> {
        let parts = parse::parse(input, &Self::RULES)?;
        let mut url = ServiceUrl {
            raw: input.into(),
            parts,
            kind: PhantomData,
        };
        if let Some(hosts) = K::hosts_from_params(&url)? {
            url.parts.hosts = hosts;
        }
        if let Some(port) = K::port_from_params(&url)? {
            url.parts.bare_port = Some(port);
        }
        K::validate(&url)?;
        Ok(url)
    }

    /// The scheme, lowercase, as the kind lists it.
    pub fn scheme(&self) -> &'static str {
        self.parts.scheme.name
    }

    /// Every host with the port written after it, in order; empty when the client's default
    /// host applies (`postgresql:///db`, `amqp://`).
    pub fn hosts(&self) -> &[Endpoint] {
        &self.parts.hosts
    }

    /// The first host.
    pub fn host(&self) -> Option<&Host> {
        self.parts.hosts.first().map(Endpoint::host)
    }

    /// The first port as written.
    pub fn port(&self) -> Option<u16> {
        self.parts
            .hosts
            .first()
            .and_then(Endpoint::port)
            .or(self.parts.bare_port)
    }

    /// The first port as written, else the kind's default for this URL; the configured string
    /// is not rewritten.
    pub fn port_or_default(&self) -> Option<u16> {
        self.port().or_else(|| K::default_port(self))
    }

    /// The decoded user name, if one is written. For kinds whose lone user name is a token
    /// (NATS), that token is not returned here: use [`password`](Self::password).
    /// The user info's first, as the clients read it, then the kind's query parameter
    /// (`?user=` for PostgreSQL and Redis).
    pub fn username(&self) -> Option<&str> {
        if self.username_is_token() {
            return None;
        }
        self.parts
            .username
            .as_deref()
            .or_else(|| K::QUERY_USER.iter().find_map(|k| self.param(k)))
    }

    /// For token kinds: a user name without a (non-empty) password is the token.
    fn username_is_token(&self) -> bool {
        K::TOKEN_USERNAME && self.parts.password.as_deref().is_none_or(str::is_empty)
    }

    /// The decoded password (or the token written as a lone user name, for token kinds).
    pub fn password(&self) -> Option<&Secret<str>> {
        let secret = if self.username_is_token() {
            self.parts.username.as_deref().filter(|u| !u.is_empty())
        } else {
            self.parts.password.as_deref()
        };
        secret.map(Secret::from_ref).or_else(|| {
            K::QUERY_PASSWORD
                .iter()
                .find_map(|k| parse::find_param(&self.parts.query, k, true))
                .map(Secret::from_ref)
        })
    }

    /// The decoded value of a query parameter that is not a credential (the last one, when
    /// repeated, as the clients read it).
    /// Credentials (`password`, `token`, …) are only given by [`secret_param`](Self::secret_param).
    pub fn param(&self, key: &str) -> Option<&str> {
        parse::find_param(&self.parts.query, key, false)
    }

    /// The decoded value of a query parameter that holds a credential.
    pub fn secret_param(&self, key: &str) -> Option<&Secret<str>> {
        parse::find_param(&self.parts.query, key, true).map(Secret::from_ref)
    }

    /// The names of every query parameter, in order (values through `param`).
    pub fn param_names(&self) -> impl Iterator<Item = &str> {
        self.parts.query.iter().map(|p| p.key.as_str())
    }

    /// The path as written (percent-encoded), leading `/` included; `""` when there is none.
    pub fn path(&self) -> &str {
        self.parts.path.clone().map_or("", |r| &self.raw[r])
    }

    /// The decoded path segments after the leading `/` (secret segments included: they are
    /// redacted in `Display`, not here).
    pub fn path_segments(&self) -> impl Iterator<Item = &str> {
        let path = self.path();
        let path = path.strip_prefix('/').unwrap_or(path);
        path.split('/').filter(|s| !s.is_empty())
    }

    /// The query entries as written (not decoded), empty ones skipped: for kinds whose
    /// client is stricter than the shared parser about their shape.
    pub(crate) fn raw_query_entries(&self) -> impl Iterator<Item = &str> {
        let raw = &self.raw[..self
            .parts
            .fragment
            .as_ref()
            .map_or(self.raw.len(), |f| f.start)];
        let query = raw.find('?').map_or("", |q| &raw[q + 1..]);
        query.split('&').filter(|e| !e.is_empty())
    }

    /// The decoded path after its leading `/`; `None` when there is no path or it is `/`.
    pub(crate) fn decoded_path(&self) -> Option<Cow<'_, str>> {
        let path = self.path();
        let path = path.strip_prefix('/').unwrap_or(path);
        if path.is_empty() {
            return None;
        }
        // The encoding was validated at parse time.
        parse::decode(K::NAME, path, 0).ok()
    }

    /// The URL exactly as configured, credentials included: hand it to the driver.
    pub fn expose_url(&self) -> &str {
        &self.raw
    }

    /// Whether the locator carries a password, token or secret parameter (a lone user name of
    /// a kind that is not a token kind is redacted but not counted).
    pub fn has_credentials(&self) -> bool {
        self.parts.secret_spans.len() > usize::from(self.parts.lone_username)
    }
}

#[diagnostic::do_not_recommend]
impl<K: Kind> Locator for ServiceUrl<K> {
    const COMPOSE: Option<Compose> = Some(K::COMPOSE);
    const FNS: &'static LocatorFns = K::URL_FNS;

    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        Self::parse(input)
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: K::NAME,
            schemes: K::SCHEMES,
            example: K::EXAMPLE,
            credentials: true,
            kinds: &[],
        }
    }
}

impl<K: Kind> FromStr for ServiceUrl<K> {
    type Err = LocatorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl<K: Kind> Clone for ServiceUrl<K> {
    fn clone(&self) -> Self {
        ServiceUrl {
            raw: self.raw.clone(),
            parts: self.parts.clone(),
            kind: PhantomData,
        }
    }
}

impl<K: Kind> PartialEq for ServiceUrl<K> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<K: Kind> Eq for ServiceUrl<K> {}

impl<K: Kind> fmt::Display for ServiceUrl<K> {
    /// The URL with every credential replaced by `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        parse::redact(&self.raw, &self.parts.secret_spans, f)
    }
}

impl<K: Kind> fmt::Debug for ServiceUrl<K> {
    /// `Name("redacted URL")`: the kind's [`NAME`](Kind::NAME) when it reads as a Rust type name
    /// (`PostgreSQL("postgres://app:***@db/app")`), else the kind's type name
    /// (`Api("https://***@api.example.com/v1")` for `"HTTPS API"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut redacted = String::with_capacity(self.raw.len());
        parse::redact(&self.raw, &self.parts.secret_spans, &mut redacted)?;
        f.debug_tuple(&kind::debug_name::<K>())
            .field(&redacted)
            .finish()
    }
}

#[diagnostic::do_not_recommend]
impl Locator for Secret<String> {
    const FNS: &'static LocatorFns = fns::compiled_here!(LocatorFns::of::<Secret<String>>());
    const URL_SHAPED: bool = false;

    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        const NAME: &str = "secret";
        if input.is_empty() {
            return Err(LocatorError::new(NAME, crate::ErrorKind::Empty, None));
        }
        if input != input.trim() {
            return Err(LocatorError::new(NAME, crate::ErrorKind::Whitespace, None));
        }
        if input.chars().any(char::is_control) {
            return Err(LocatorError::new(
                NAME,
                crate::ErrorKind::ControlCharacter,
                None,
            ));
        }
        Ok(Secret::new(input.to_owned()))
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: "secret",
            schemes: &[],
            example: "TOKEN",
            credentials: true,
            kinds: &[],
        }
    }
}
