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
    /// The description (first paragraph of the field's doc comment): text, rendered as written,
    /// except that its code spans stay code spans.
    pub description: String,
    /// A setting's default as written in config, shown in the required column.
    pub default: Option<String>,
    /// Deprecated names, still read.
    pub deprecated: Vec<String>,
    /// The all-or-none group (field path) the variable is in, if any.
    pub group: Option<String>,
}

/// Escapes plain text for one cell of a Markdown table (CommonMark with GFM tables), so that
/// it renders as written: `|` and `\` are backslash-escaped, and so are the characters that
/// open inline Markdown (`` ` ``, `*`, `_` outside a word, `[`, `]`, `~`); `<`, `>` and `&` are
/// entities, so the text can open neither HTML nor an autolink nor an entity; line breaks
/// (`\n`, `\r\n`, `\r`) become `<br>`.
///
/// ```
/// use resources_core::doc::markdown_cell;
///
/// assert_eq!(markdown_cell("a | b *c* <i> APP_URL"), "a \\| b \\*c\\* &lt;i&gt; APP_URL");
/// ```
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
                out.push_str("<br>");
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `_` between two letters or digits can neither open nor close emphasis.
            '_' if i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) =>
            {
                out.push('_')
            }
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// A code span for one cell of a Markdown table, showing `text` exactly: nothing is escaped
/// inside it (CommonMark does not unescape a code span) except `|`, which a table cell needs
/// as `\|` even there. The fence is one backtick longer than the longest run of backticks in
/// `text`, and a space pads text that starts or ends with a backtick (or both starts and ends
/// with a space). A line break, which a table row cannot hold, is written as a space, as
/// CommonMark renders it in a code span anyway.
///
/// ```
/// use resources_core::doc::markdown_code;
///
/// assert_eq!(markdown_code("Secret<String>"), "`Secret<String>`");
/// assert_eq!(markdown_code("a`b"), "``a`b``");
/// assert_eq!(markdown_code("`x`"), "`` `x` ``");
/// assert_eq!(markdown_code("a|b"), "`a\\|b`");
/// ```
pub fn markdown_code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let body = text
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
        .replace('|', "\\|");
    if body.is_empty() {
        // An empty code span cannot be written: one space is the closest, and shows as such.
        return format!("{fence} {fence}");
    }
    let pad = body.starts_with('`')
        || body.ends_with('`')
        || (body.starts_with(' ') && body.ends_with(' ') && body.chars().any(|c| c != ' '));
    if pad {
        format!("{fence} {body} {fence}")
    } else {
        format!("{fence}{body}{fence}")
    }
}

/// A cell of text that may hold code spans (a description, a kind): each code span (a run of
/// backticks up to the next run of the same length, as CommonMark reads it) is written with
/// [`markdown_code`] and shows its content exactly; the rest is text, written with
/// [`markdown_cell`]; a backtick without its match is text too.
fn text_with_code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let run_at = |i: usize| chars[i..].iter().take_while(|c| **c == '`').count();
    let mut out = String::with_capacity(text.len());
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            plain.push(chars[i]);
            i += 1;
            continue;
        }
        let open = run_at(i);
        let mut j = i + open;
        let close = loop {
            if j >= chars.len() {
                break None;
            }
            if chars[j] == '`' {
                let run = run_at(j);
                if run == open {
                    break Some(j);
                }
                j += run;
            } else {
                j += 1;
            }
        };
        match close {
            Some(j) => {
                out.push_str(&markdown_cell(&plain));
                plain.clear();
                let content: String = chars[i + open..j].iter().collect();
                out.push_str(&markdown_code(&code_content(&content)));
                i = j + open;
            }
            None => {
                plain.extend(&chars[i..i + open]);
                i += open;
            }
        }
    }
    out.push_str(&markdown_cell(&plain));
    out
}

/// What a code span shows of the text between its fences (CommonMark): line endings become
/// spaces, and one space is stripped from each end when both ends have one and the content
/// is not all spaces.
fn code_content(content: &str) -> String {
    let content = content.replace("\r\n", " ").replace(['\r', '\n'], " ");
    if content.len() >= 2
        && content.starts_with(' ')
        && content.ends_with(' ')
        && content.chars().any(|c| c != ' ')
    {
        content[1..content.len() - 1].to_owned()
    } else {
        content
    }
}

/// How a variable is shown: `` `NAME` ``, or `` `NAME_0`, `NAME_1`, … `` for a list.
pub fn variable_label(name: &str, presence: Presence) -> String {
    match presence {
        Presence::List { .. } => format!(
            "{}, {}, …",
            markdown_code(&format!("{name}_0")),
            markdown_code(&format!("{name}_1"))
        ),
        _ => markdown_code(name),
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

/// Names as code spans, comma-separated.
fn code_list(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| markdown_code(n)).collect();
    names.join(", ")
}

/// The Markdown table: variable, kind, required, description; one row per variable. Every
/// cell renders as the text it was given, whatever it holds: names and defaults are code
/// spans ([`markdown_code`]); a kind or a description is text ([`markdown_cell`]) whose code
/// spans (`` `Secret<String>` ``) are kept as code spans showing their content exactly.
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
            variable.push_str(&format!(" (or {})", code_list(&row.aliases)));
        }
        if !row.deprecated.is_empty() {
            variable.push_str(&format!(" (deprecated: {})", code_list(&row.deprecated)));
        }
        let required = match (&row.default, &row.group, row.presence) {
            (Some(default), _, _) => format!("no (default {})", markdown_code(default)),
            (None, Some(group), Presence::Required) => {
                format!("with {} (all or none)", markdown_code(group))
            }
            (None, _, presence) => presence_label(presence),
        };
        out.push_str(&format!(
            "| {variable} | {} | {required} | {} |\n",
            text_with_code(&row.kind),
            text_with_code(&row.description),
        ));
    }
    out
}

/// The row of a flattened struct in the rustdoc table: its variables are listed on its own page.
pub fn markdown_flatten_row(prefix: &str, type_name: &str, description: &str) -> String {
    // An intra-doc link to the type: `[`Type`]`.
    let link = format!("[{}]", markdown_code(type_name));
    let variable = if prefix.is_empty() {
        format!("the variables of {link}")
    } else {
        let each = markdown_code(prefix);
        format!(
            "{}: the variables of {link}, each prefixed {each}",
            markdown_code(&format!("{prefix}…"))
        )
    };
    format!(
        "| {variable} | {} | see {link} | {} |\n",
        markdown_cell(type_name),
        text_with_code(description),
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
