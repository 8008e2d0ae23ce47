use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(example = "mysql://app:secret@db.example.com/app")]
    db: PostgresUrl,
}

fn main() {}
