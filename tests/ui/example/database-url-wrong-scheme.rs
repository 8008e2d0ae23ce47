use resources::{DatabaseUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(example = "redis://:secret@cache.example.com")]
    db: DatabaseUrl,
}

fn main() {}
