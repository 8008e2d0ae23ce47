use resources::{AmqpUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(example = "the queue")]
    queue: Vec<AmqpUrl>,
}

fn main() {}
