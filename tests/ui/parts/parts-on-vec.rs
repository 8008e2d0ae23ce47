use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(parts = "libpq")]
    shards: Vec<PostgresUrl>,
}

fn main() {}
