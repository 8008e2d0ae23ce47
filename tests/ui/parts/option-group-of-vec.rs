use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    db: PostgresUrl,
}

#[derive(Resources)]
struct Backing {
    #[resource(flatten, prefix = "R_")]
    replicas: Vec<Replica>,
}

fn main() {}
