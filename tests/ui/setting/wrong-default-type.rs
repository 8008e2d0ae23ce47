use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(default = 1.5)]
    pool_size: u32,
}

fn main() {}
