//! Runtime of [`resources`](https://docs.rs/resources): backing services as attached resources.
//!
//! A *locator* is the config value that names a backing service, usually a URL with
//! credentials. This crate parses locators into typed values ([`PostgresUrl`], [`RedisUrl`], …),
//! reads them from [sources](Source) (the environment, a `.env` file, a secrets directory, a
//! map), reports every problem of a load at once, and never prints a secret.
//!
//! ```
//! use resources_core::{Loader, MapSource, PostgresUrl, RedisUrl};
//!
//! let source = MapSource::new([
//!     ("DATABASE_URL", "postgres://app:hunter2@db.internal:5432/orders"),
//!     ("REDIS_URL", "rediss://:t0ken@cache.internal:6380/1"),
//! ]);
//! let mut loader = Loader::new(&source);
//! let db = loader.required::<PostgresUrl>("DATABASE_URL");
//! let cache = loader.optional::<RedisUrl>("REDIS_URL");
//! let mut loaded = loader.finish()?;
//! let (db, cache) = (loaded.take(db), loaded.take(cache));
//!
//! assert_eq!(format!("{db}"), "postgres://app:***@db.internal:5432/orders");
//! assert_eq!(cache.as_ref().and_then(|c| c.db_index()), Some(1));
//! assert_eq!(db.expose_url(), "postgres://app:hunter2@db.internal:5432/orders");
//! # Ok::<(), resources_core::LoadError>(())
//! ```

#![deny(missing_docs)]

#[cfg(feature = "audit")]
pub mod audit;
#[cfg(feature = "clap")]
pub mod clap;
pub mod doc;
mod error;
mod load;
mod locator;
mod resources;
mod setting;
mod source;

pub use locator::kind;

#[cfg(feature = "watch")]
pub use load::watch;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

#[cfg(feature = "serde")]
mod serde_impls;

pub use error::{
    ConfigError, ErrorKind, LoadError, LocatorError, Problem, ProblemKind, SecretPart, SourceError,
};
pub use load::{
    DefaultValue, Entry, FlattenDecl, Loaded, Loader, LocatorFns, Manifest, ParseFn, Presence,
    ResolvedVar, Slot, Var, VarDecl, Warning, redact_example,
};
pub use locator::database::DatabaseUrl;
pub use locator::list::{KafkaBrokers, MemcachedServers};
pub use locator::pem::PemKey;
pub use locator::secret::{REDACTED, SENSITIVE_PARAMS, Secret, is_sensitive_param};
pub use locator::{
    Compose, Endpoint, Host, Kind, Locator, LocatorInfo, Part, PartDecl, PartError, PartValues,
    Scheme, ServiceUrl, Shape,
};
pub use resources::Resources;
pub use setting::{
    FromStrSetting, SerdeSetting, Setting, format_duration, looks_like_locator, parse_duration,
};
pub use source::{
    BindingMatch, DotEnv, Env, Found, Layered, Layers, MAX_FILE_SIZE, MapSource, MatchedBy, Origin,
    SERVICE_BINDING_ROOT, SecretsDir, ServiceBindings, Source, Value,
};

/// A PostgreSQL connection URI (libpq's syntax).
pub type PostgresUrl = ServiceUrl<kind::Postgres>;
/// A MySQL or MariaDB URL.
pub type MySqlUrl = ServiceUrl<kind::MySql>;
/// A Redis or Valkey URL (redis-rs's syntax).
pub type RedisUrl = ServiceUrl<kind::Redis>;
/// An AMQP 0-9-1 URI (RabbitMQ's spec).
pub type AmqpUrl = ServiceUrl<kind::Amqp>;
/// An SMTP relay URL (lettre's syntax).
pub type SmtpUrl = ServiceUrl<kind::Smtp>;
/// A MongoDB connection string.
pub type MongoUrl = ServiceUrl<kind::Mongo>;
/// A NATS server URL.
pub type NatsUrl = ServiceUrl<kind::Nats>;
/// An HTTP(S) endpoint of a backing service.
pub type HttpUrl = ServiceUrl<kind::Http>;
/// An HTTPS endpoint of a third-party API, credentials redacted.
pub type ApiUrl = ServiceUrl<kind::Api>;
/// An S3 bucket (`s3://`) or S3-compatible endpoint.
pub type S3Url = ServiceUrl<kind::S3>;
/// A SQLite database URL (sqlx's syntax).
pub type SqliteUrl = ServiceUrl<kind::Sqlite>;
/// A CouchDB URL.
pub type CouchDbUrl = ServiceUrl<kind::CouchDb>;
/// A Beanstalkd URL.
pub type BeanstalkdUrl = ServiceUrl<kind::Beanstalkd>;
