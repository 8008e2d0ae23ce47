use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    db: PostgresUrl,
    port: u16,
}

fn main() {}
