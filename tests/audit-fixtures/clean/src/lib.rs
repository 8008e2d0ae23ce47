//! Every negative: nothing here is a finding.
//!
//! Doc comments may name locators: `postgres://app:s3cret@db/app`.
#![allow(dead_code)]

/// A doc comment: redis://cache:6379 is fine here.
pub fn docs() -> &'static str {
    // A comment: amqp://guest:guest@localhost is fine here.
    /* A block comment, /* nested */ with "mysql://root@db" inside. */
    "https://docs.rs/resources"
}

pub fn not_backing_services() -> [&'static str; 6] {
    [
        "http://localhost:8080/health",
        "https://example.com/path?query=1",
        "sqlite::memory:",
        "Time: 12:30",
        "postgres",
        "a // b /* c",
    ]
}

pub fn lexer_traps<'a>(x: &'a str) -> (char, char, u8, &'a str) {
    let r#type = "raw identifier";
    let _ = r#type;
    ('"', '\'', b'"', x)
}

pub fn opted_out() -> [&'static str; 2] {
    // resources-audit: allow(the documented example of the login page)
    let above = "postgres://demo:demo@localhost/demo";
    let same = "redis://localhost:6379"; // resources-audit: allow(local development default)
    [above, same]
}

#[cfg(test)]
mod tests {
    const URL: &str = "postgres://app:s3cret@db.internal/app";
}

#[cfg(test)]
mod file_tests;

#[cfg(test)]
const TEST_URL: &str = "amqp://guest:guest@localhost";

/// The derive's `example = "…"` is documentation, not a handle.
#[cfg_attr(any(), derive(Resources))]
pub struct Documented {
    #[cfg_attr(any(), resource(env = "DATABASE_URL", example = "postgres://app:PASSWORD@db.example.com/app"))]
    pub db: (),
}
