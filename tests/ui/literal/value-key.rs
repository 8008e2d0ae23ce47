use resources::{AmqpUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(value = "amqp://guest:guest@localhost/%2F")]
    queue: AmqpUrl,
}

fn main() {}
