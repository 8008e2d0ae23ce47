use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(parts = "pg")]
    db: PostgresUrl,
}

fn main() {}
