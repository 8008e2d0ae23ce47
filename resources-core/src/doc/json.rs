//! JSON, for other tools.

use crate::load::{Manifest, Presence};

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_parts(parts: &[(crate::Part, String)]) -> String {
    let items: Vec<String> = parts
        .iter()
        .map(|(p, n)| {
            format!(
                "{{\"part\": {}, \"name\": {}}}",
                json_string(p.name()),
                json_string(n)
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn json_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The version of the JSON schema [`json`] writes.
pub const JSON_SCHEMA_VERSION: u32 = 2;

/// JSON, for other tools. The schema (version 2; version 1 had no `example_source`):
///
/// ```text
/// {
///   "version": 2,
///   "type": "Backing",                   // the Rust type
///   "variables": [                       // declaration order, flattened fields expanded
///     {
///       "name": "APP_DATABASE_URL",      // with every prefix; for a list, the stem
///       "aliases": ["APP_PG_URL"],       // tried in order after name
///       "deprecated": [],                // tried after the aliases, with a warning
///       "parts": [{"part": "host", "name": "PGHOST"}],  // variables holding parts of it
///       "group": null,                   // the all-or-none group (field path) it is in
///       "file_name": "APP_DATABASE_URL_FILE", // for a list: "APP_SHARDS_URL_<i>_FILE"
///       "field": "db",                   // dotted path: "replica.url"
///       "kind": "PostgreSQL",
///       "schemes": ["postgres", "postgresql"],
///       "default_port": 5432,            // or null
///       "required": true,                // false for Option and for lists with min 0
///       "list": null,                    // or {"min": N}: read as NAME_0, NAME_1, …
///       "description": "Primary database.",  // flattened: the outer field's doc first
///       "example": "postgres://app:***@db.example.com:5432/app",  // credentials as ***;
///                                        // "" when it does not parse as the kind
///       "example_source": "field",       // "field": its own `example = "…"`; "kind": none
///                                        // given, this is the kind's sample (a format)
///       "credentials": true,             // whether values may carry credentials
///       "setting": false,                // true for a `#[setting]` (kind is then its type)
///       "default": null                  // a setting's default as written in config
///     }
///   ]
/// }
/// ```
pub fn json(manifest: &'static Manifest) -> String {
    let mut vars = Vec::new();
    for v in manifest.vars() {
        let info = v.info();
        let schemes: Vec<String> = info.schemes.iter().map(|s| s.name.to_owned()).collect();
        let (required, list) = match v.decl.presence {
            Presence::Required => (true, "null".to_owned()),
            Presence::Optional => (false, "null".to_owned()),
            Presence::List { min } => (min > 0, format!("{{\"min\": {min}}}")),
        };
        let port = info
            .default_port()
            .map_or_else(|| "null".to_owned(), |p| p.to_string());
        vars.push(format!(
            "    {{\n      \"name\": {},\n      \"aliases\": {},\n      \"deprecated\": {},\n      \"parts\": {},\n      \"group\": {},\n      \"file_name\": {},\n      \"field\": {},\n      \"kind\": {},\n      \"schemes\": {},\n      \"default_port\": {port},\n      \"required\": {required},\n      \"list\": {list},\n      \"description\": {},\n      \"example\": {},\n      \"example_source\": {},\n      \"credentials\": {},\n      \"setting\": {},\n      \"default\": {}\n    }}",
            json_string(&v.name),
            json_list(&v.aliases),
            json_list(&v.deprecated),
            json_parts(&v.parts),
            v.group
                .as_deref()
                .map_or_else(|| "null".to_owned(), json_string),
            json_string(&v.file_name()),
            json_string(&v.field_path),
            json_string(info.kind),
            json_list(&schemes),
            json_string(&v.description),
            json_string(&v.example_redacted()),
            json_string(if v.decl.example.is_some() {
                "field"
            } else {
                "kind"
            }),
            info.credentials,
            v.decl.setting,
            v.decl
                .default
                .map_or_else(|| "null".to_owned(), |d| json_string(&d.text())),
        ));
    }
    format!(
        "{{\n  \"version\": {JSON_SCHEMA_VERSION},\n  \"type\": {},\n  \"variables\": [\n{}\n  ]\n}}\n",
        json_string(manifest.type_name),
        vars.join(",\n")
    )
}
