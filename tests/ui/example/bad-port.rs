use resources::{RedisUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(example = "redis://cache.example.com:99999/0")]
    cache: Option<RedisUrl>,
}

fn main() {}
