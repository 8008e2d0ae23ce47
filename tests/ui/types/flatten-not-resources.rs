use resources::{PostgresUrl, Resources};

struct Replica {
    url: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(flatten, prefix = "REPLICA_")]
    replica: Replica,
}

fn main() {}
