use resources::{PostgresUrl, RedisUrl, Resources};

#[derive(Resources)]
#[resources(prefix = APP_)]
struct Backing {
    #[resource(env = 5)]
    db: PostgresUrl,
    #[resource(alias = CACHE, example = 6379)]
    cache: RedisUrl,
    #[setting(env = 10)]
    pool_size: u32,
}

fn main() {}
