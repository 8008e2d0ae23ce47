use resources::{PostgresUrl, Resources};

#[derive(Resources)]
#[resources(prefx = "APP_")]
struct Backing {
    db: PostgresUrl,
}

fn main() {}
