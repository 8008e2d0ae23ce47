use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "")]
    db: PostgresUrl,
}

fn main() {}
