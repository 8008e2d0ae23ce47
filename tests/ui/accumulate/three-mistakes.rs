use resources::{PostgresUrl, RedisUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "database_url")]
    db: PostgresUrl,
    #[resource(default = "redis://localhost")]
    cache: RedisUrl,
    #[resource(evn = "QUEUE_URL")]
    queue: PostgresUrl,
}

fn main() {}
