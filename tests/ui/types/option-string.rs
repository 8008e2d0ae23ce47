use resources::Resources;

#[derive(Resources)]
struct Backing {
    cache: Option<String>,
}

fn main() {}
