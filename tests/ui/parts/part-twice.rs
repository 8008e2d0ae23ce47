use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(parts(password = "DATABASE_PASSWORD", password = "PG_PASSWORD"))]
    db: PostgresUrl,
}

fn main() {}
