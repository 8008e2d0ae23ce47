// Documentation attributes of other crates are documentation too.

#[cfg_attr(any(), derive(Documented))]
pub struct Config {
    #[cfg_attr(any(), doku(example = "postgresql://user:pass@localhost:5432/app"))]
    pub database_url: (),
    #[cfg_attr(any(), schemars(example = "redis://localhost:6379"))]
    pub cache_url: (),
    #[doc = "Like `amqp://guest:guest@localhost:5672`."]
    pub queue_url: (),
    #[cfg_attr(any(), arg(long, default_value = "redis://cache.internal:6379"))]
    pub not_documentation: (),
}
