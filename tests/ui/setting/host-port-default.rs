use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(default = String::from("cache.internal:6379"))]
    cache_addr: String,
}

fn main() {}
