use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(default = "ten")]
    pool_size: u32,
}

fn main() {}
