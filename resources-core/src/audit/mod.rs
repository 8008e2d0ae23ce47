//! The audit: refuse string literals that hard-code a resource locator (feature `audit`).
//!
//! Two lines in a package's `build.rs` make `cargo build` fail on a `"postgres://…"` literal:
//!
//! ```text
//! // build.rs, with `resources = { version = "…", default-features = false, features = ["audit"] }`
//! // under [build-dependencies]
//! fn main() {
//!     resources::audit::Audit::from_build_script().run_build_script();
//! }
//! ```
//!
//! The same verdict in a test: `resources::audit::assert_clean(env!("CARGO_MANIFEST_DIR"))`.
//!
//! What is found: string literals of every form (`"…"` with escapes decoded, raw `r#"…"#`,
//! byte `b"…"`, C `c"…"`), wherever they stand (items, `const`/`static`, attributes such as
//! clap's `default_value = "…"`, macro calls such as `format!` and `concat!`), whose content holds
//! a locator: a scheme of a built-in kind (`postgres://`, `redis://`, `amqp://`, … — a bare
//! `"postgres://"` prefix counts), a scheme of the extra list (`jdbc:`, `mssql://`, …), or any
//! URL with a password in its userinfo (`https://user:secret@…`).
//!
//! What is left alone: comments and doc comments, the `example = "…"` of `#[resource(...)]`
//! (documentation the derive checks and redacts), items under `#[cfg(test)]`, the `tests/`,
//! `benches/` and `examples/` directories (examples are configurable), `target/`, nested
//! packages, and URLs that are not backing services (`"https://docs.rs"`, without credentials).
//!
//! Opt out per occurrence, with a reason, on the literal's line or the line above:
//! `// resources-audit: allow(fixture for the migration test)`. An opt-out without a reason is
//! itself a finding.
//!
//! The scanner is a small single-pass lexer: each file is read once, the scan is linear in its
//! size, and no input makes it panic (an unterminated literal or a file that is not UTF-8 is a
//! warning naming the file).

mod classify;
mod findings;
mod lexer;
mod report;
mod scan;

pub use classify::DEFAULT_EXTRA_SCHEMES;
pub use findings::{Finding, FindingKind};
pub use lexer::ALLOW_MARKER;
pub use report::{Report, Warning};
pub use scan::{Audit, assert_clean};
