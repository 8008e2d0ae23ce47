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
//! byte `b"…"`, C `c"…"`, the pieces of a `concat!` joined), wherever they stand (items,
//! `const`/`static`, attributes such as clap's `default_value = "…"`, macro calls such as
//! `format!`), that *name a resource*: a scheme of a built-in kind (`postgres://`, `redis://`,
//! `amqp://`, …) or of the extra list (`jdbc:`, `mssql://`, …) followed by a host, a socket,
//! a path or credentials; or any URL with credentials (`https://user:secret@…`, a token as
//! user name `https://ghp_…@…`). A scheme alone (`url.starts_with("s3://")`), a list of
//! schemes in a message, or a template of placeholders (`"redis://{}"`) names nothing.
//!
//! What is left alone: comments and doc comments, `example = "…"` and `doc = "…"` in
//! attributes (documentation: `#[resource(example = …)]`, `#[doku(example = …)]`), items
//! under `#[cfg(test)]` and files only `#[cfg(test)] mod name;` reaches (per crate root), the
//! `tests/`, `benches/` and `examples/` directories (examples are configurable), `target/`,
//! nested packages, and URLs that are not backing services (`"https://docs.rs"`).
//!
//! Opt out, always with a reason: `// resources-audit: allow(<reason>)` on the literal's line
//! or the line above; `allow-item(<reason>)` above an item; `allow-block(<reason>)` for the
//! rest of the enclosing block; `//! resources-audit: allow-file(<reason>)` for the file. An
//! opt-out without a reason is itself a finding.
//!
//! A finding shows its location and the literal, decoded and redacted (everything from `://`
//! to the last `@`, sensitive parameters, tokens), never the source line. The scanner is a
//! small single-pass lexer: each file is read once, the scan is linear in its size, and no
//! input makes it panic (an unterminated literal or a file that is not UTF-8 is a warning
//! naming the file).

mod classify;
mod findings;
mod lexer;
mod modules;
mod optout;
mod redact;
mod report;
mod scan;
mod work;

#[cfg(test)]
mod linear_tests;

pub use classify::DEFAULT_EXTRA_SCHEMES;
pub use findings::{Finding, FindingKind};
pub use optout::ALLOW_MARKER;
pub use report::{Report, Warning};
pub use scan::{Audit, assert_clean};
