use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "DATABASE_URL", default = "postgres://app:hunter2@localhost/app")]
    db: PostgresUrl,
}

fn main() {}
