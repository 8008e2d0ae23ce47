use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(defualt = 10)]
    pool_size: u32,
}

fn main() {}
