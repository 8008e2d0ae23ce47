use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(evn = "DATABASE_URL")]
    db: PostgresUrl,
}

fn main() {}
