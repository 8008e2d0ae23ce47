use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(from_str, serde)]
    region: String,
}

fn main() {}
