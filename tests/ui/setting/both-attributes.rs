use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[resource(env = "POOL")]
    #[setting(default = 10)]
    pool_size: u32,
}

fn main() {}
