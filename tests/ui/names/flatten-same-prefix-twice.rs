use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(flatten, prefix = "REPLICA_")]
    first: Replica,
    #[resource(flatten, prefix = "REPLICA_")]
    second: Replica,
}

fn main() {}
