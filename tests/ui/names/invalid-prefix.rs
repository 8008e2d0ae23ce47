use resources::{PostgresUrl, Resources};

#[derive(Resources)]
#[resources(prefix = "app.")]
struct Backing {
    db: PostgresUrl,
}

fn main() {}
