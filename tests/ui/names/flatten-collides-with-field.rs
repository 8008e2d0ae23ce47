use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(env = "REPLICA_URL")]
    db: PostgresUrl,
    #[resource(flatten, prefix = "REPLICA_")]
    replica: Replica,
}

fn main() {}
