use resources::Resources;

#[derive(Resources)]
struct Backing<L> {
    db: L,
}

fn main() {}
