use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(flatten, env = "REPLICA_URL")]
    replica: Replica,
}

fn main() {}
