use resources::{HttpUrl, Resources};

#[derive(Resources)]
struct Backing {
    #[resource(env = "PUSH_RELAY_URI", fallback = "OTHER_VAR")]
    push_relay: HttpUrl,
    #[resource(fallback = "https://relay.example.com")]
    webhook: HttpUrl,
}

#[derive(Resources)]
#[resources(prefix = "APP_")]
struct Prefixed {
    #[resource(fallback = "APP_LEGACY_CACHE_URL")]
    cache: HttpUrl,
    // An alias takes the container prefix: `OTHER_QUEUE_URL` itself cannot be read.
    #[resource(fallback = "OTHER_QUEUE_URL")]
    queue: HttpUrl,
}

fn main() {}
