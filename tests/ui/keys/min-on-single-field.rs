use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(min = 2)]
    db: PostgresUrl,
}

fn main() {}
