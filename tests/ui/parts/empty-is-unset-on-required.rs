use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(empty_is_unset)]
    db: PostgresUrl,
}

fn main() {}
