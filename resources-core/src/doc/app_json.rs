//! Heroku's `app.json` `env` block.

use crate::load::{Manifest, Presence};

use super::json::json_string;

/// Heroku's `app.json` `env` object: `description` and `required` for each variable (each
/// required index of a list too).
///
/// A setting's default is written as its `value`. No `value` is written for a resource: Heroku sets a `value` on deploy, and the only safe default of a
/// locator is none: a filled-in example would attach the app to a host that does not exist (or
/// to someone else's), and a required variable must come from the operator or an add-on.
pub fn app_json(manifest: &'static Manifest) -> String {
    let mut entries = Vec::new();
    for v in manifest.vars() {
        let names: Vec<(String, bool)> = match v.decl.presence {
            Presence::List { min } => (0..min.max(1))
                .map(|i| (format!("{}_{i}", v.name), i < min))
                .collect(),
            Presence::Required => vec![(v.name.clone(), v.group.is_none())],
            Presence::Optional => vec![(v.name.clone(), false)],
        };
        let value = v.decl.default.map_or_else(String::new, |d| {
            format!(",\n      \"value\": {}", json_string(&d.text()))
        });
        let parts = v.parts.iter().map(|(part, name)| {
            format!(
                "    {}: {{\n      \"description\": {},\n      \"required\": false\n    }}",
                json_string(name),
                json_string(&format!(
                    "The {part} of {}, when {} is unset.",
                    v.name, v.name
                )),
            )
        });
        let parts: Vec<String> = parts.collect();
        for (name, required) in names {
            entries.push(format!(
                "    {}: {{\n      \"description\": {},\n      \"required\": {required}{value}\n    }}",
                json_string(&name),
                json_string(&v.description),
            ));
        }
        entries.extend(parts);
    }
    format!("{{\n  \"env\": {{\n{}\n  }}\n}}\n", entries.join(",\n"))
}
