use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting]
    endpoint: url::Url,
}

fn main() {}
