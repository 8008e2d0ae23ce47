use resources::{RedisUrl, Resources};

#[derive(Resources)]
#[resources(prefix = "APP_")]
struct Backing {
    #[resource(default_value = "redis://localhost:6379")]
    cache: RedisUrl,
}

fn main() {}
