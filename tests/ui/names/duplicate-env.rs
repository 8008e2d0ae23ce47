use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "DATABASE_URL")]
    primary: PostgresUrl,
    #[resource(env = "DATABASE_URL")]
    replica: PostgresUrl,
}

fn main() {}
