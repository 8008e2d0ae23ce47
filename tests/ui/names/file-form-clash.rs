use resources::{PostgresUrl, Resources, Secret};

#[derive(Resources)]
struct Backing {
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    #[resource(env = "DATABASE_URL_FILE")]
    db_file: Secret<String>,
}

fn main() {}
