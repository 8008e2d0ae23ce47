use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[setting]
    shards: Vec<PostgresUrl>,
}

fn main() {}
