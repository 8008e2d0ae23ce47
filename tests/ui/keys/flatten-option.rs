use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(flatten, prefix = "REPLICA_")]
    replica: Option<Replica>,
}

fn main() {}
