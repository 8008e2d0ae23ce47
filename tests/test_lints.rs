//! Derived types stay clean under strict lints (`cargo clippy --all-targets` runs the
//! pedantic group over this file in CI).

#![deny(warnings, unused_qualifications, missing_docs)]
#![deny(clippy::pedantic)]
//! Lints over derived code.

use resources::{PostgresUrl, RedisUrl, Resources, Secret};

/// A nested struct.
#[derive(Debug, Resources)]
pub struct Replica {
    /// Its database.
    pub url: PostgresUrl,
}

/// Backing services.
#[derive(Debug, Resources)]
#[resources(prefix = "LINT_")]
pub struct Backing {
    /// Primary database.
    #[resource(
        env = "DATABASE_URL",
        alias = "PG_URL",
        example = "postgres://app:pw@db/app"
    )]
    pub db: PostgresUrl,
    /// Cache.
    pub cache: Option<RedisUrl>,
    /// Shards.
    #[resource(min = 1)]
    pub shards: Vec<PostgresUrl>,
    /// Token.
    pub token: Secret<String>,
    /// Replica.
    #[resource(flatten, prefix = "REPLICA_")]
    pub replica: Replica,
}

#[test]
fn derived_types_compile_without_warnings() {
    assert_eq!(Backing::manifest().vars().len(), 5);
}
