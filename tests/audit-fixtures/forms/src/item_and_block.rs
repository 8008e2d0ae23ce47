// Each opt-out form covers its literals and no more.

// resources-audit: allow(the migration test's fixture)
pub const LINE_ABOVE: &str = "postgres://fixture@db.internal/app";
pub const SAME_LINE: &str = "redis://cache.internal/0"; // resources-audit: allow(dev default)
pub const NOT_COVERED: &str = "redis://cache.internal/1";

// resources-audit: allow-item(the demo's embedded defaults)
pub fn demo() -> [&'static str; 2] {
    [
        "amqp://mq.internal/%2F",
        "nats://nats.internal:4222",
    ]
}

pub const AFTER_THE_ITEM: &str = "amqp://mq.internal/after";

pub fn partly_allowed() -> [&'static str; 2] {
    let before = "s3://bucket.internal/before";
    {
        // resources-audit: allow-block(local fallbacks for the offline mode)
        let inside = "s3://bucket.internal/inside";
        let _ = inside;
    }
    [before, "s3://bucket.internal/after"]
}
