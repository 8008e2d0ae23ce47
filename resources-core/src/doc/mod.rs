//! Renderings of the variables a struct reads, from its [`Manifest`](crate::Manifest): Markdown, `.env.example`,
//! JSON, Heroku's `app.json` `env` block and Kubernetes manifests; a drift check for committed docs; and the
//! `--env-docs` flag. The Markdown table here is the one source of both the rustdoc table
//! `#[derive(Resources)]` writes and [`markdown`].

mod app_json;
mod dotenv;
mod drift;
mod flag;
mod json;
mod kubernetes;
mod markdown;

pub use app_json::app_json;
pub use dotenv::dotenv;
pub use drift::{BLESS_VAR, Drift, assert_current, check_current, check_file, line_diff};
pub use flag::{Format, check_config, env_docs_request, handle_env_docs_flag, wants_check_config};
pub use json::{JSON_SCHEMA_VERSION, json, json_string};
pub use kubernetes::kubernetes;
pub use markdown::{
    TableRow, markdown, markdown_cell, markdown_code, markdown_flatten_row, markdown_table,
    part_rows, presence_label, rows, variable_label,
};

/// What a renderer may show as the value of a variable, credentials as `***`.
enum Sample {
    /// The field's own `example = "…"`.
    Example(String),
    /// The kind's generic sample (its [`LocatorInfo::example`](crate::LocatorInfo::example)):
    /// the shape of a value, not one for this field.
    Format(String),
    /// Nothing to show: no sample, one that does not parse as the kind, or a kind's sample
    /// that is all credential (`***`).
    None,
}

/// The field's own example when it has one, else its kind's format; never the text as
/// written when it holds a credential.
fn sample(v: &crate::load::ResolvedVar) -> Sample {
    let (text, own) = match v.decl.example {
        Some(example) => (example, true),
        None => (v.info().example, false),
    };
    let shown = crate::load::redact_example(v.decl.locator, text);
    match (shown.is_empty(), own) {
        // A format that is all credential (a secret's `***`) says nothing about the value.
        (true, _) => Sample::None,
        (false, false) if shown == crate::REDACTED => Sample::None,
        (false, true) => Sample::Example(shown),
        (false, false) => Sample::Format(shown),
    }
}
