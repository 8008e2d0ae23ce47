use resources::{PostgresUrl, Resources};

#[derive(Resources)]
enum Backing {
    Primary(PostgresUrl),
}

fn main() {}
