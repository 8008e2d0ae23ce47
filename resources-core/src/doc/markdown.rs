//! Markdown: the variables table, shared by [`markdown`] and the rustdoc table the derive writes.

use crate::load::{Manifest, Presence};

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
    /// A setting's default as written in config, shown in the required column.
    pub default: Option<String>,
    /// Deprecated names, still read.
    pub deprecated: Vec<String>,
    /// The all-or-none group (field path) the variable is in, if any.
    pub group: Option<String>,
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
///     default: None,
///     deprecated: vec![],
///     group: None,
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
        if !row.deprecated.is_empty() {
            let old: Vec<String> = row.deprecated.iter().map(|a| format!("`{a}`")).collect();
            variable.push_str(&format!(" (deprecated: {})", old.join(", ")));
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            markdown_cell(&variable),
            markdown_cell(&row.kind),
            match (&row.default, &row.group, row.presence) {
                (Some(default), _, _) => markdown_cell(&format!("no (default `{default}`)")),
                (None, Some(group), Presence::Required) => {
                    markdown_cell(&format!("with `{group}` (all or none)"))
                }
                (None, _, presence) => presence_label(presence),
            },
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
    let mut rows = Vec::new();
    for v in manifest.vars() {
        let parts = part_rows(&v.name, &v.parts);
        rows.push(TableRow {
            group: v.group.clone(),
            kind: v.info().kind.to_owned(),
            presence: v.decl.presence,
            default: v.decl.default.map(|d| d.text()),
            description: v.description,
            variable: v.name,
            aliases: v.aliases,
            deprecated: v.deprecated,
        });
        rows.extend(parts);
    }
    rows
}

/// The rows of the part variables of `variable`: each optional, read when `variable` is unset
/// (the user and password also complete a URL written without them).
pub fn part_rows(variable: &str, parts: &[(crate::Part, String)]) -> Vec<TableRow> {
    parts
        .iter()
        .map(|(part, name)| TableRow {
            variable: name.clone(),
            aliases: Vec::new(),
            kind: format!("{part} of `{variable}`"),
            presence: Presence::Optional,
            description: if part.is_credential() {
                format!("The {part}, when `{variable}` is unset or written without it.")
            } else {
                format!("The {part}, when `{variable}` is unset.")
            },
            default: None,
            deprecated: Vec::new(),
            group: None,
        })
        .collect()
}

/// Markdown: a table a README can include, one row per variable (the rustdoc table's format).
pub fn markdown(manifest: &'static Manifest) -> String {
    markdown_table(&rows(manifest))
}

/// The presence in words, for the `.env` and JSON renderings.
pub(super) fn presence_text(presence: Presence) -> String {
    match presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional => "optional".to_owned(),
        Presence::List { min } => format!("list NAME_0, NAME_1, …, at least {min}"),
    }
}
