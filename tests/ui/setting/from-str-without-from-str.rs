use resources::Resources;

struct Region;

#[derive(Resources)]
struct Backing {
    #[setting(from_str)]
    region: Region,
}

fn main() {}
