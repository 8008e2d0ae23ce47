use resources::Resources;

#[derive(Resources)]
struct Backing {
    database_url: &'static str,
}

fn main() {}
