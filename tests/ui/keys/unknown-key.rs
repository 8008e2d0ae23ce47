use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(variable = "DATABASE_URL")]
    db: PostgresUrl,
}

fn main() {}
