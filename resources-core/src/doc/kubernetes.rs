//! Kubernetes manifests: a Secret for the credentials and URLs, a ConfigMap for the settings,
//! and the Deployment whose container reads them (`envFrom`, `env` with `secretKeyRef`s).

use crate::load::{Manifest, Presence, ResolvedVar};

/// `MyApp` → `my-app`: a DNS-1123 name for the objects.
fn object_name(type_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "app".to_owned()
    } else {
        out.to_owned()
    }
}

/// A double-quoted YAML scalar.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `text` as comment lines at `indent`.
fn comment(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        out.push_str(indent);
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
}

/// Whether `v` goes in the ConfigMap: a setting that cannot be a credential.
fn is_config(v: &ResolvedVar) -> bool {
    v.decl.setting && !v.info().credentials
}

/// The keys of a variable: its name, or the entries of a list (`NAME_0`, …, at least one),
/// each with whether it must be set.
fn keys(v: &ResolvedVar) -> Vec<(String, bool)> {
    match v.decl.presence {
        Presence::Required => vec![(v.name.clone(), v.decl.default.is_none())],
        Presence::Optional => vec![(v.name.clone(), false)],
        Presence::List { min } => (0..min.max(1))
            .map(|i| (format!("{}_{i}", v.name), i < min))
            .collect(),
    }
}

/// The placeholder of a value: the kind in angle brackets, never a value.
fn placeholder(v: &ResolvedVar) -> String {
    let info = v.info();
    if info.schemes.is_empty() {
        format!("<{}>", info.kind)
    } else {
        format!("<{} URL>", info.kind)
    }
}

/// What a variable is, for its comment: description, kind, presence, and its own example
/// (`e.g.`) or its kind's format (`format:`), redacted.
fn facts(v: &ResolvedVar) -> String {
    let mut out = String::new();
    if !v.description.is_empty() {
        out.push_str(&v.description);
        out.push('\n');
    }
    let info = v.info();
    out.push_str(info.kind);
    match (v.decl.default, v.decl.presence) {
        (Some(d), _) => out.push_str(&format!("; optional, default {}", d.text())),
        (None, Presence::Required) => out.push_str("; required"),
        (None, Presence::Optional) => out.push_str("; optional"),
        (None, Presence::List { min }) => out.push_str(&format!("; a list, at least {min}")),
    }
    // The field's own example is one; the kind's sample only says the format.
    let (label, shown) = match super::sample(v) {
        super::Sample::Example(e) => ("e.g.", e),
        super::Sample::Format(f) => ("format:", f),
        super::Sample::None => ("", String::new()),
    };
    if !shown.is_empty() && shown != crate::REDACTED && !v.decl.setting {
        out.push_str(&format!("; {label} {shown}"));
    }
    out
}

/// A data block (`stringData:` of the Secret, `data:` of the ConfigMap): one key per variable,
/// a placeholder (a setting's default in the ConfigMap); optional keys commented out.
fn data_block(out: &mut String, vars: &[&ResolvedVar], config: bool) {
    if vars.is_empty() {
        out.push_str(" {}\n");
        return;
    }
    out.push('\n');
    for v in vars {
        comment(out, "  ", &facts(v));
        let value = match v.decl.default {
            Some(d) if config => quoted(&d.text()),
            _ => quoted(&placeholder(v)),
        };
        for (key, set) in keys(v) {
            let lead = if set || (config && v.decl.default.is_some()) {
                "  "
            } else {
                "  # "
            };
            out.push_str(&format!("{lead}{key}: {value}\n"));
        }
    }
}

/// Kubernetes manifests for the variables of `manifest`, as one multi-document YAML stream:
///
/// - a `Secret` (`<app>-resources`) whose `stringData` holds every locator and every setting
///   that may be a credential, each a placeholder (`<PostgreSQL URL>`), never a value;
/// - a `ConfigMap` (`<app>-settings`) whose `data` holds the other settings, each its default
///   or a placeholder;
/// - a `Deployment` (`<app>`) whose container reads the ConfigMap with `envFrom` and each
///   Secret key with an `env` entry and a `secretKeyRef` (`optional: true` for an optional one).
///
/// Optional keys are commented out. Variables read from `env` are fixed for the life of the
/// process: mount the Secret as a volume and read it with `SecretsDir` to rotate it live.
pub fn kubernetes(manifest: &'static Manifest) -> String {
    let app = object_name(manifest.type_name);
    let secret = format!("{app}-resources");
    let config = format!("{app}-settings");
    let vars = manifest.vars();
    let (settings, secrets): (Vec<&ResolvedVar>, Vec<&ResolvedVar>) =
        vars.iter().partition(|v| is_config(v));
    let mut out = format!(
        "# Backing services of `{}` on Kubernetes, generated by resources.\n\
         # Every value is a placeholder (`<…>`): fill in the Secret, never commit it filled in.\n\
         # Variables set through `env` are fixed for the life of the process; to rotate without a\n\
         # restart, mount the Secret as a volume and read it as a secrets directory.\n",
        manifest.type_name
    );
    out.push_str(&format!(
        "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {secret}\ntype: Opaque\nstringData:"
    ));
    data_block(&mut out, &secrets, false);
    out.push_str(&format!(
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {config}\ndata:"
    ));
    data_block(&mut out, &settings, true);
    out.push_str(&format!(
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {app}\nspec:\n  selector:\n    matchLabels:\n      app: {app}\n  template:\n    metadata:\n      labels:\n        app: {app}\n    spec:\n      containers:\n        - name: {app}\n          image: \"<image>\"\n          envFrom:\n            - configMapRef:\n                name: {config}\n          env:"
    ));
    let refs: Vec<(String, bool)> = secrets.iter().flat_map(|v| keys(v)).collect();
    if refs.is_empty() {
        out.push_str(" []\n");
    } else {
        out.push('\n');
        for (key, set) in refs {
            out.push_str(&format!(
                "            - name: {key}\n              valueFrom:\n                secretKeyRef:\n                  name: {secret}\n                  key: {key}\n"
            ));
            if !set {
                out.push_str("                  optional: true\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_names_are_dns_labels() {
        assert_eq!(object_name("Everything"), "everything");
        assert_eq!(object_name("MyApp"), "my-app");
        assert_eq!(object_name("Backing<T>"), "backing-t");
        assert_eq!(object_name("_"), "app");
    }

    #[test]
    fn quoting_escapes() {
        assert_eq!(quoted("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
