use resources::Resources;

#[derive(Resources)]
struct Backing {
    database_url: String,
}

fn main() {}
