use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(binding = "shards")]
    shards: Vec<PostgresUrl>,
}

fn main() {}
