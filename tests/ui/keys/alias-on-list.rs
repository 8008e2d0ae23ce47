use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(alias = "SHARD_URL")]
    shards: Vec<PostgresUrl>,
}

fn main() {}
