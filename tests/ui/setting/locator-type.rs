use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[setting]
    db: PostgresUrl,
}

fn main() {}
