use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    shards: Vec<PostgresUrl>,
    #[resource(env = "SHARDS_URL_0")]
    first: PostgresUrl,
}

fn main() {}
