//! Login rate limits, shared between instances.

pub struct Limiter {
    pub backend: String,
}

impl Default for Limiter {
    fn default() -> Self {
        Limiter {
            backend: "redis://ratelimit.internal:6379/2".to_owned(),
        }
    }
}
