use resources::{PostgresUrl, RedisUrl, Resources};

#[derive(Resources)]
struct Backing {
    cache: RedisUrl,
    #[resource(alias = "CACHE_URL")]
    db: PostgresUrl,
}

fn main() {}
