fn main() { let _ = "nats://localhost"; }
