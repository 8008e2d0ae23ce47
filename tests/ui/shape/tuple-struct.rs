use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing(PostgresUrl);

fn main() {}
