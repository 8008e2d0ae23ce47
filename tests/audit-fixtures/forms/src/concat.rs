// The pieces of a `concat!` are one literal.

pub const JOINED: &str = concat!("postgres://app:", "s3cr3t-piece", "@db.internal/app");
pub const PREFIX_ONLY: &str = concat!("redis://", env!("CARGO_PKG_NAME"));
