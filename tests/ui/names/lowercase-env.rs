use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "database_url")]
    db: PostgresUrl,
}

fn main() {}
