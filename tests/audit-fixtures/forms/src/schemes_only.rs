// A scheme alone, a list of schemes, a template of placeholders: no resource is named.

pub fn dispatch(url: &str) -> Option<&str> {
    if url.starts_with("s3://") {
        return Some("s3");
    }
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("postgresql://"))
}

pub const UNSUPPORTED: &str = "unsupported database: expected one of mysql://, postgresql://, sqlite://";

pub fn build(host: &str, port: u16) -> String {
    format!("redis://{host}:{port}")
}

pub fn named(host: &str) -> String {
    format!("redis://{host}:6379/0")
}
