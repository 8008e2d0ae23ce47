use resources::Resources;

#[derive(Resources)]
struct Backing {
    cache: url::Url,
}

fn main() {}
