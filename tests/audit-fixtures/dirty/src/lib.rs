//! One hard-coded locator per literal form the audit must find.
#![allow(dead_code, unused_macros)]

mod more;

const PRIMARY: &str = "postgres://app:s3cret@db.internal:5432/app";
static CACHE: &str = "memcache://cache1.internal:11211";

pub fn escaped() -> &'static str {
    "mongo\x64b://db.internal/app"
}

pub fn raw() -> &'static str {
    r#"smtp://mailer:pw@smtp.internal:587"#
}

pub fn bytes() -> (&'static [u8], &'static [u8]) {
    (b"nats://nats.internal:4222", br"kafka://k1.internal,k2.internal")
}

pub fn c_string() -> &'static core::ffi::CStr {
    c"mysql://root@mysql.internal/app"
}

pub fn formatted(user: &str, host: &str) -> String {
    format!("postgresql://{user}@{host}/app")
}

pub fn concatenated() -> &'static str {
    concat!("amqp://", "mq.internal/%2F")
}

pub fn with_a_key(host: &str) -> String {
    String::from("rediss://cache.internal:6380/") + host
}

#[cfg_attr(any(), arg(long, default_value = "redis://localhost:6379"))]
pub struct Args;

pub fn credentials() -> &'static str {
    "https://deploy:t0ken@api.example.com/v1"
}

pub fn extra_schemes() -> [&'static str; 2] {
    ["jdbc:postgresql://db.internal/app", "mssql://sa:pw@sql.internal/db"]
}

// resources-audit: allow()
pub fn unexplained() -> &'static str {
    "sqlite://data/app.db"
}
