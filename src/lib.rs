//! `resources`: treat backing services as attached resources.
//!
//! Databases, queues, caches, mail relays, object stores and third-party APIs are reached
//! through a *locator* that lives in config, never in code. This crate gives each kind of
//! locator a type that parses, validates and redacts it, and loads them from the environment,
//! `.env` files or secrets directories, reporting every problem at once.
//!
//! ```
//! use resources::{AmqpUrl, Loader, MapSource, PostgresUrl};
//!
//! let source = MapSource::new([
//!     ("DATABASE_URL", "postgres://app:hunter2@db.internal/orders"),
//!     ("QUEUE_URL", "amqp://jobs:s3cret@mq.internal/%2Fjobs"),
//! ]);
//! let mut loader = Loader::new(&source);
//! let db = loader.required::<PostgresUrl>("DATABASE_URL");
//! let queue = loader.required::<AmqpUrl>("QUEUE_URL");
//! let mut loaded = loader.finish()?;
//! let (db, queue) = (loaded.take(db), loaded.take(queue));
//! assert_eq!(queue.vhost().as_deref(), Some("/jobs"));
//! println!("{db} {queue}"); // passwords print as ***
//! # Ok::<(), resources::LoadError>(())
//! ```
//!
//! See the README for every kind, the sources, and recipes for third-party APIs.

#![deny(missing_docs)]

pub use resources_core::*;

/// Derives [`Resources`](trait@Resources) for a struct of backing services.
#[cfg(feature = "derive")]
pub use resources_derive::Resources;
