//! Renderings of the variables a struct reads, from its [`Manifest`]: Markdown, `.env.example`,
//! JSON and Heroku's `app.json` `env` block; a drift check for committed docs; and the
//! `--env-docs` flag. The Markdown table here is the one source of both the rustdoc table
//! `#[derive(Resources)]` writes and [`markdown`].

use crate::load::Presence;
use crate::manifest::Manifest;

/// One row of the variables table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// The variable (with prefixes), as it is set.
    pub variable: String,
    /// Other names it is read from, in order.
    pub aliases: Vec<String>,
    /// The locator kind (`PostgreSQL`).
    pub kind: String,
    /// Required, optional, or a list.
    pub presence: Presence,
    /// The description (first paragraph of the field's doc comment).
    pub description: String,
}

/// Escapes text for one cell of a Markdown table: `|` and `\` are escaped, line breaks become
/// `<br>`, and `<`/`>`/`&` are entities so a description cannot open HTML.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        for c in line.chars() {
            match c {
                '|' => out.push_str("\\|"),
                '\\' => out.push_str("\\\\"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

/// How a variable is shown: `` `NAME` ``, or `` `NAME_0`, `NAME_1`, … `` for a list.
pub fn variable_label(name: &str, presence: Presence) -> String {
    match presence {
        Presence::List { .. } => format!("`{name}_0`, `{name}_1`, …"),
        _ => format!("`{name}`"),
    }
}

/// How presence is shown: `yes`, `no`, `list` or `list, at least N`.
pub fn presence_label(presence: Presence) -> String {
    match presence {
        Presence::Required => "yes".to_owned(),
        Presence::Optional => "no".to_owned(),
        Presence::List { min: 0 } => "no (list)".to_owned(),
        Presence::List { min } => format!("yes (list, at least {min})"),
    }
}

/// The Markdown table: variable, kind, required, description; one row per variable.
///
/// ```
/// use resources_core::doc::{TableRow, markdown_table};
/// use resources_core::Presence;
///
/// let table = markdown_table(&[TableRow {
///     variable: "DATABASE_URL".into(),
///     aliases: vec!["HEROKU_POSTGRESQL_URL".into()],
///     kind: "PostgreSQL".into(),
///     presence: Presence::Required,
///     description: "Primary | database.".into(),
/// }]);
/// assert_eq!(table, "\
/// | variable | kind | required | description |
/// | --- | --- | --- | --- |
/// | `DATABASE_URL` (or `HEROKU_POSTGRESQL_URL`) | PostgreSQL | yes | Primary \\| database. |
/// ");
/// ```
pub fn markdown_table(rows: &[TableRow]) -> String {
    let mut out =
        String::from("| variable | kind | required | description |\n| --- | --- | --- | --- |\n");
    for row in rows {
        let mut variable = variable_label(&row.variable, row.presence);
        if !row.aliases.is_empty() {
            let aliases: Vec<String> = row.aliases.iter().map(|a| format!("`{a}`")).collect();
            variable.push_str(&format!(" (or {})", aliases.join(", ")));
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            markdown_cell(&variable),
            markdown_cell(&row.kind),
            presence_label(row.presence),
            markdown_cell(&row.description),
        ));
    }
    out
}

/// The row of a flattened struct in the rustdoc table: its variables are listed on its own page.
pub fn markdown_flatten_row(prefix: &str, type_name: &str, description: &str) -> String {
    let variable = if prefix.is_empty() {
        format!("the variables of [`{type_name}`]")
    } else {
        format!("`{prefix}…`: the variables of [`{type_name}`], each prefixed `{prefix}`")
    };
    format!(
        "| {} | {} | see [`{type_name}`] | {} |\n",
        markdown_cell(&variable),
        markdown_cell(type_name),
        markdown_cell(description),
    )
}

/// The rows of every variable of `manifest`, flattened fields expanded.
pub fn rows(manifest: &'static Manifest) -> Vec<TableRow> {
    manifest
        .vars()
        .into_iter()
        .map(|v| TableRow {
            kind: v.info().kind.to_owned(),
            presence: v.decl.presence,
            description: v.description,
            variable: v.name,
            aliases: v.aliases,
        })
        .collect()
}

/// Markdown: a table a README can include, one row per variable (the rustdoc table's format).
pub fn markdown(manifest: &'static Manifest) -> String {
    markdown_table(&rows(manifest))
}

/// A value for a `.env` file, quoted when the `DotEnv` reader (or a shell) needs it.
fn dotenv_value(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| !c.is_whitespace() && !matches!(c, '#' | '"' | '\'' | '$' | '\\' | '`'));
    if plain {
        value.to_owned()
    } else if !value.contains('\'') && !value.contains('\n') {
        format!("'{value}'")
    } else {
        let mut out = String::from("\"");
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '$' => out.push_str("\\$"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

/// Writes text as `#` comment lines.
fn comment(out: &mut String, text: &str) {
    for line in text.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
}

/// `.env.example`: one block per variable, its description, kind and whether it is required as
/// comments; required variables set to their (redacted) example, optional ones commented out.
pub fn dotenv(manifest: &'static Manifest) -> String {
    let mut out = format!(
        "# Backing services of `{}`: copy to .env and fill in real values.\n# Generated by resources; credentials in examples are shown as ***.\n",
        manifest.type_name
    );
    for v in manifest.vars() {
        out.push('\n');
        if !v.description.is_empty() {
            comment(&mut out, &v.description);
        }
        let info = v.info();
        let schemes: Vec<&str> = info.schemes.iter().map(|s| s.name).collect();
        let mut facts = info.kind.to_owned();
        if !schemes.is_empty() {
            facts.push_str(&format!(" ({})", schemes.join(", ")));
        }
        facts.push_str(&format!("; {}", presence_text(v.decl.presence)));
        comment(&mut out, &facts);
        if !v.aliases.is_empty() {
            comment(
                &mut out,
                &format!("aliases, tried in order: {}", v.aliases.join(", ")),
            );
        }
        comment(
            &mut out,
            &format!("or set {} to a file holding the value", v.file_name()),
        );
        let example = dotenv_value(&v.example_redacted());
        // (name, set): optional variables and list entries past the minimum are commented out.
        let lines: Vec<(String, bool)> = match v.decl.presence {
            Presence::Required => vec![(v.name.clone(), true)],
            Presence::Optional => vec![(v.name.clone(), false)],
            Presence::List { min } => (0..min.max(1))
                .map(|i| (format!("{}_{i}", v.name), i < min))
                .collect(),
        };
        for (name, set) in lines {
            if !set {
                out.push_str("# ");
            }
            out.push_str(&format!("{name}={example}\n"));
        }
    }
    out
}

fn presence_text(presence: Presence) -> String {
    match presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional => "optional".to_owned(),
        Presence::List { min } => format!("list NAME_0, NAME_1, …, at least {min}"),
    }
}

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

fn json_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The version of the JSON schema [`json`] writes.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// JSON, for other tools. The schema (version 1):
///
/// ```text
/// {
///   "version": 1,
///   "type": "Backing",                   // the Rust type
///   "variables": [                       // declaration order, flattened fields expanded
///     {
///       "name": "APP_DATABASE_URL",      // with every prefix; for a list, the stem
///       "aliases": ["APP_PG_URL"],       // tried in order after name
///       "file_name": "APP_DATABASE_URL_FILE", // for a list: "APP_SHARDS_URL_<i>_FILE"
///       "field": "db",                   // dotted path: "replica.url"
///       "kind": "PostgreSQL",
///       "schemes": ["postgres", "postgresql"],
///       "default_port": 5432,            // or null
///       "required": true,                // false for Option and for lists with min 0
///       "list": null,                    // or {"min": N}: read as NAME_0, NAME_1, …
///       "description": "Primary database.",  // flattened: the outer field's doc first
///       "example": "postgres://app:***@db.example.com:5432/app",  // credentials as ***
///       "credentials": true              // whether values may carry credentials
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
            "    {{\n      \"name\": {},\n      \"aliases\": {},\n      \"file_name\": {},\n      \"field\": {},\n      \"kind\": {},\n      \"schemes\": {},\n      \"default_port\": {port},\n      \"required\": {required},\n      \"list\": {list},\n      \"description\": {},\n      \"example\": {},\n      \"credentials\": {}\n    }}",
            json_string(&v.name),
            json_list(&v.aliases),
            json_string(&v.file_name()),
            json_string(&v.field_path),
            json_string(info.kind),
            json_list(&schemes),
            json_string(&v.description),
            json_string(&v.example_redacted()),
            info.credentials,
        ));
    }
    format!(
        "{{\n  \"version\": {JSON_SCHEMA_VERSION},\n  \"type\": {},\n  \"variables\": [\n{}\n  ]\n}}\n",
        json_string(manifest.type_name),
        vars.join(",\n")
    )
}

/// Heroku's `app.json` `env` object: `description` and `required` for each variable (each
/// required index of a list too).
///
/// No `value` is written. Heroku sets a `value` on deploy, and the only safe default of a
/// locator is none: a filled-in example would attach the app to a host that does not exist (or
/// to someone else's), and a required variable must come from the operator or an add-on.
pub fn app_json(manifest: &'static Manifest) -> String {
    let mut entries = Vec::new();
    for v in manifest.vars() {
        let names: Vec<(String, bool)> = match v.decl.presence {
            Presence::List { min } => (0..min.max(1))
                .map(|i| (format!("{}_{i}", v.name), i < min))
                .collect(),
            Presence::Required => vec![(v.name.clone(), true)],
            Presence::Optional => vec![(v.name.clone(), false)],
        };
        for (name, required) in names {
            entries.push(format!(
                "    {}: {{\n      \"description\": {},\n      \"required\": {required}\n    }}",
                json_string(&name),
                json_string(&v.description),
            ));
        }
    }
    format!("{{\n  \"env\": {{\n{}\n  }}\n}}\n", entries.join(",\n"))
}

/// A rendering format of the docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// [`markdown`]
    Markdown,
    /// [`dotenv`]
    Dotenv,
    /// [`json`]
    Json,
    /// [`app_json`]
    AppJson,
}

impl Format {
    /// The names `--env-docs` takes.
    pub const NAMES: &'static [&'static str] = &["markdown", "dotenv", "json", "app-json"];

    /// The format named `name` (one of [`Format::NAMES`]).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "markdown" | "md" => Some(Format::Markdown),
            "dotenv" | "env" => Some(Format::Dotenv),
            "json" => Some(Format::Json),
            "app-json" | "app.json" => Some(Format::AppJson),
            _ => None,
        }
    }

    /// Renders `manifest` in this format.
    pub fn render(self, manifest: &'static Manifest) -> String {
        match self {
            Format::Markdown => markdown(manifest),
            Format::Dotenv => dotenv(manifest),
            Format::Json => json(manifest),
            Format::AppJson => app_json(manifest),
        }
    }
}

/// What `--env-docs` in a command line asks for: `None` when the flag is absent, else the
/// format or the message for a missing or unknown one. Takes the arguments after the program
/// name; accepts `--env-docs FORMAT` and `--env-docs=FORMAT`.
pub fn env_docs_request<I: IntoIterator<Item = String>>(args: I) -> Option<Result<Format, String>> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let name = if arg == "--env-docs" {
            args.next()
        } else if let Some(name) = arg.strip_prefix("--env-docs=") {
            Some(name.to_owned())
        } else {
            continue;
        };
        let expected = Format::NAMES.join(", ");
        return Some(match name {
            None => Err(format!("--env-docs needs a format: {expected}")),
            Some(name) => Format::from_name(&name)
                .ok_or_else(|| format!("--env-docs: unknown format `{name}`; expected {expected}")),
        });
    }
    None
}

/// Call first thing in `main`: when the command line holds `--env-docs FORMAT` (`markdown`,
/// `dotenv`, `json` or `app-json`), prints the docs of `R`'s variables and exits, without
/// loading or validating any config; otherwise returns.
///
/// ```no_run
/// # use resources_core::{PostgresUrl, Resources};
/// # fn run<Backing: Resources>() {
/// resources_core::doc::handle_env_docs_flag::<Backing>();
/// let backing = Backing::from_env();
/// # }
/// ```
pub fn handle_env_docs_flag<R: crate::Resources>() {
    match env_docs_request(std::env::args().skip(1)) {
        None => {}
        Some(Ok(format)) => {
            print!("{}", format.render(R::manifest()));
            std::process::exit(0);
        }
        Some(Err(message)) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    }
}

/// The variable that makes [`check_current`] rewrite a stale file instead of failing.
pub const BLESS_VAR: &str = "RESOURCES_BLESS";

/// A committed doc that differs from its fresh rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    /// The file.
    pub path: std::path::PathBuf,
    /// A line diff: `-` what the file says, `+` what it should say.
    pub diff: String,
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is not current with the code that loads the config:\n{}\nrewrite it with: {BLESS_VAR}=1 cargo test",
            self.path.display(),
            self.diff
        )
    }
}

impl std::error::Error for Drift {}

/// Compares the file at `path` with `rendered`. With `RESOURCES_BLESS=1` in the environment, a
/// missing or stale file is (re)written instead. An unreadable file counts as stale.
pub fn check_current(path: impl AsRef<std::path::Path>, rendered: &str) -> Result<(), Drift> {
    let bless = std::env::var(BLESS_VAR).is_ok_and(|v| v == "1");
    check_file(path, rendered, bless)
}

/// [`check_current`] with the choice to rewrite made by the caller.
pub fn check_file(
    path: impl AsRef<std::path::Path>,
    rendered: &str,
    bless: bool,
) -> Result<(), Drift> {
    let path = path.as_ref();
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == rendered {
        return Ok(());
    }
    if bless {
        if let Err(e) = std::fs::write(path, rendered) {
            return Err(Drift {
                path: path.to_owned(),
                diff: format!("cannot write it: {e}"),
            });
        }
        return Ok(());
    }
    Err(Drift {
        path: path.to_owned(),
        diff: line_diff(&current, rendered),
    })
}

/// [`check_current`] for tests: panics with the diff and the command that rewrites the file.
///
/// # Panics
/// When the file is not current (and `RESOURCES_BLESS=1` is not set).
pub fn assert_current(path: impl AsRef<std::path::Path>, rendered: &str) {
    if let Err(drift) = check_current(path, rendered) {
        panic!("{drift}");
    }
}

/// A minimal line diff (longest common subsequence): ` ` kept, `-` old, `+` new.
pub fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}
