use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(alias = "1DATABASE_URL")]
    db: PostgresUrl,
}

fn main() {}
