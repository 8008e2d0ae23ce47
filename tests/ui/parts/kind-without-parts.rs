use resources::{KafkaBrokers, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(parts(host = "KAFKA_HOST"))]
    kafka: KafkaBrokers,
}

fn main() {}
