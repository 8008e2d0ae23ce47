use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(parts = "libpq")]
    db: PostgresUrl,
    #[resource(env = "PGHOST")]
    other: PostgresUrl,
}

fn main() {}
