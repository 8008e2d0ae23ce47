use resources::Resources;

#[derive(Resources)]
union Backing {
    port: u16,
}

fn main() {}
