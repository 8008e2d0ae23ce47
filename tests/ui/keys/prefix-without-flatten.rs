use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(prefix = "REPLICA_")]
    db: PostgresUrl,
}

fn main() {}
