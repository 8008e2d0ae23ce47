//! The quickstart's backing services: shared with the test that keeps
//! `examples/ENVIRONMENT.md` current.

use std::time::Duration;

use resources::{AmqpUrl, PostgresUrl, RedisUrl, Resources, Secret, SmtpUrl};

/// Backing services this deploy is attached to.
#[derive(Debug, Resources)]
pub struct Backing {
    /// Primary database.
    #[resource(
        env = "DATABASE_URL",
        alias = "HEROKU_POSTGRESQL_URL",
        example = "postgres://app:PASSWORD@db.example.com:5432/app"
    )]
    pub db: PostgresUrl,
    /// Job queue.
    pub queue: AmqpUrl,
    /// Cache; the app runs without it.
    #[resource(env = "REDIS_URL")]
    pub cache: Option<RedisUrl>,
    /// Outgoing mail relay.
    pub mail: SmtpUrl,
    /// Token of the error tracker.
    pub tracker_token: Secret<String>,
    /// Connections in the database pool.
    #[setting(default = 10)]
    pub db_pool_size: u32,
    /// Give up on a connect after this long.
    #[setting(default = Duration::from_secs(5))]
    pub connect_timeout: Duration,
}
