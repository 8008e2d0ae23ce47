use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(default = 10)]
    pool_size: Option<u32>,
}

fn main() {}
