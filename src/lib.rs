//! `resources`: treat backing services as attached resources.
//!
//! Databases, queues, caches, mail relays, object stores and third-party APIs are reached
//! through a *locator* that lives in config, never in code. This crate gives each kind of
//! locator a type that parses, validates and redacts it, and loads them from the environment,
//! `.env` files or secrets directories, reporting every problem at once.
//!
//! ```
//! use resources::{AmqpUrl, MapSource, PostgresUrl, RedisUrl, Resources};
//!
//! /// Backing services this deploy is attached to.
//! #[derive(Debug, Resources)]
//! struct Backing {
//!     /// Primary database.
//!     #[resource(env = "DATABASE_URL", alias = "HEROKU_POSTGRESQL_URL")]
//!     db: PostgresUrl,
//!     /// Jobs.
//!     queue: AmqpUrl,
//!     /// Cache; the app runs without it.
//!     cache: Option<RedisUrl>,
//! }
//!
//! let source = MapSource::new([
//!     ("HEROKU_POSTGRESQL_URL", "postgres://app:hunter2@db.internal/orders"),
//!     ("QUEUE_URL", "amqp://jobs:s3cret@mq.internal/%2Fjobs"),
//! ]);
//! let backing = Backing::load(&source)?; // `Backing::from_env()` reads the environment
//! assert_eq!(backing.queue.vhost().as_deref(), Some("/jobs"));
//! assert_eq!(
//!     format!("{backing:?}"),
//!     r#"Backing { db: PostgreSQL("postgres://app:***@db.internal/orders"), queue: AMQP("amqp://jobs:***@mq.internal/%2Fjobs"), cache: None }"#
//! );
//! assert_eq!(Backing::manifest().vars()[1].name, "QUEUE_URL");
//! # Ok::<(), resources::LoadError>(())
//! ```
//!
//! See the README for every kind, the sources, and recipes for third-party APIs.

#![deny(missing_docs)]

pub use resources_core::*;

/// clap arguments for locators that never show a value, and `--env-docs` / `--check-config`
/// (the `clap` feature).
#[cfg(feature = "clap")]
pub use resources_core::clap;

/// Derives [`Resources`](trait@Resources) for a struct of backing services.
#[cfg(feature = "derive")]
pub use resources_derive::Resources;
