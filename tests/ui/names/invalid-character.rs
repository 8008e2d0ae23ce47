use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "DATABASE-URL")]
    db: PostgresUrl,
}

fn main() {}
