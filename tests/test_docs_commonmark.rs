//! The Markdown docs read back through a CommonMark parser (pulldown-cmark, with GFM tables):
//! every cell shows the text it was given, code spans show their content exactly, and no
//! description or default can break the table.

#![allow(dead_code)] // the structs here exist for their manifests

use proptest::prelude::*;
use pulldown_cmark::{Options, Parser, html};
use resources::doc::{self, TableRow};
use resources::{KafkaBrokers, PostgresUrl, Presence, RedisUrl, Resources, Secret, SmtpUrl};

/// A cell of the rendered HTML table.
#[derive(Debug, Default, PartialEq)]
struct Cell {
    /// The visible text: entities decoded, tags removed, `<br>` as a line break.
    text: String,
    /// The content of each `<code>` element, in order.
    code: Vec<String>,
    /// Every other tag met in the cell (`em`, `a`, `b`, …): a cell that shows its text has none.
    tags: Vec<String>,
}

/// Renders Markdown to HTML as GitHub does (tables, strikethrough).
fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

/// Decodes the entities pulldown-cmark writes in text.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').expect("an entity ends with `;`");
        let entity = &rest[1..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "#39" | "#x27" => '\'',
            other => panic!("unexpected entity &{other};"),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The rows of the one table that `markdown` must render to, each a list of cells (header
/// row first). Panics when the HTML is anything but one table.
fn table(markdown: &str) -> Vec<Vec<Cell>> {
    let html = to_html(markdown);
    assert!(
        html.starts_with("<table>") && html.ends_with("</table>\n"),
        "not one table:\n{markdown}\n{html}"
    );
    assert_eq!(html.matches("<table>").count(), 1, "{html}");
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut in_cell = false;
    let mut code: Option<String> = None;
    let mut rest = html.as_str();
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix('<') {
            let end = tail.find('>').expect("a tag ends with `>`");
            let tag = &tail[..end];
            rest = &tail[end + 1..];
            let name = tag.split_whitespace().next().unwrap_or("");
            match name {
                "table" | "/table" | "thead" | "/thead" | "tbody" | "/tbody" | "/tr" => {}
                "tr" => rows.push(Vec::new()),
                "th" | "td" => {
                    rows.last_mut()
                        .expect("a cell is in a row")
                        .push(Cell::default());
                    in_cell = true;
                }
                "/th" | "/td" => in_cell = false,
                "code" => code = Some(String::new()),
                "/code" => {
                    let cell = rows
                        .last_mut()
                        .and_then(|r| r.last_mut())
                        .expect("in a cell");
                    cell.code.push(code.take().expect("an open <code>"));
                }
                "br" | "br /" => {
                    let cell = rows
                        .last_mut()
                        .and_then(|r| r.last_mut())
                        .expect("in a cell");
                    cell.text.push('\n');
                }
                other => {
                    let cell = rows
                        .last_mut()
                        .and_then(|r| r.last_mut())
                        .expect("in a cell");
                    cell.tags.push(other.to_owned());
                }
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end]);
            rest = &rest[end..];
            if in_cell {
                let cell = rows
                    .last_mut()
                    .and_then(|r| r.last_mut())
                    .expect("in a cell");
                cell.text.push_str(&text);
                if let Some(code) = code.as_mut() {
                    code.push_str(&text);
                }
            } else {
                assert!(text.trim().is_empty(), "text outside the cells: {text:?}");
            }
        }
    }
    rows
}

/// The table of `markdown`, checked to have `columns` cells in every row, no markup but code
/// spans and line breaks, and `markdown.lines()` rows.
fn checked_table(markdown: &str, columns: usize) -> Vec<Vec<Cell>> {
    let rows = table(markdown);
    // The header, the delimiter row (not a row in HTML), one row per line after them.
    assert_eq!(rows.len() + 1, markdown.lines().count(), "{markdown}");
    for row in &rows {
        assert_eq!(row.len(), columns, "{markdown}\n{row:?}");
        for cell in row {
            assert!(
                cell.tags.is_empty(),
                "markup in a cell: {cell:?}\n{markdown}"
            );
        }
    }
    assert_eq!(
        rows[0].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["variable", "kind", "required", "description"]
    );
    rows
}

/// The row of `variable` (its first code span).
fn row<'t>(rows: &'t [Vec<Cell>], variable: &str) -> &'t [Cell] {
    rows.iter()
        .find(|r| r[0].code.first().map(String::as_str) == Some(variable))
        .unwrap_or_else(|| panic!("no row for {variable}: {rows:?}"))
}

/// A `FromStr` setting type with generic parameters, so its kind (its type name) has `<`.
#[derive(Debug, Clone, PartialEq)]
struct Tagged<T>(T);

impl std::str::FromStr for Tagged<u8> {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Tagged)
    }
}

/// Fields of generic types and descriptions holding everything Markdown reads.
#[derive(Debug, Resources)]
#[resources(prefix = "APP_")]
struct Awkward {
    /// The tracker's token, a `Secret<String>` (`***` when printed).
    api_token: Secret<String>,
    /// Cache | optional <b>not bold</b> *not emphasis* _nor this_ ~~nor this~~ [no link](x) &amp; & 1 < 2 > 0 \ backslash \* escaped-looking.
    cache: Option<RedisUrl>,
    /// Shards: a `Vec<PostgresUrl>` of at least two; ``code with a ` inside`` and one ` alone.
    #[resource(min = 2)]
    shards: Vec<PostgresUrl>,
    /// Brokers, an `Option<KafkaBrokers>`: ` spaced code ` keeps its inner spaces.
    brokers: Option<KafkaBrokers>,
    /// Mail, given as parts too.
    #[resource(parts(host = "SMTP_HOST", port = "SMTP_PORT"))]
    mail: SmtpUrl,
    /// A default holding a pipe, a backtick and angle brackets.
    #[setting(default = "a|b `<c>` &amp;")]
    banner: String,
    /// A type whose name is generic.
    #[setting(from_str, default = Tagged::<u8>(7))]
    tag: Tagged<u8>,
}

#[test]
fn generic_types_and_awkward_descriptions_render_as_written() {
    let md = doc::markdown(Awkward::manifest());
    let rows = checked_table(&md, 4);

    let token = row(&rows, "APP_API_TOKEN");
    assert_eq!(token[1].text, "secret");
    assert_eq!(
        token[3].text,
        "The tracker's token, a Secret<String> (*** when printed)."
    );
    assert_eq!(token[3].code, ["Secret<String>", "***"]);

    let cache = row(&rows, "APP_CACHE_URL");
    assert_eq!(
        (cache[1].text.as_str(), cache[2].text.as_str()),
        ("Redis", "no")
    );
    assert_eq!(
        cache[3].text,
        "Cache | optional <b>not bold</b> *not emphasis* _nor this_ ~~nor this~~ [no link](x) &amp; & 1 < 2 > 0 \\ backslash \\* escaped-looking."
    );
    assert!(cache[3].code.is_empty());

    let shards = row(&rows, "APP_SHARDS_URL_0");
    assert_eq!(shards[0].code, ["APP_SHARDS_URL_0", "APP_SHARDS_URL_1"]);
    assert_eq!(shards[0].text, "APP_SHARDS_URL_0, APP_SHARDS_URL_1, …");
    assert_eq!(shards[2].text, "yes (list, at least 2)");
    assert_eq!(
        shards[3].text,
        "Shards: a Vec<PostgresUrl> of at least two; code with a ` inside and one ` alone."
    );
    assert_eq!(shards[3].code, ["Vec<PostgresUrl>", "code with a ` inside"]);

    let brokers = row(&rows, "APP_BROKERS_URL");
    // CommonMark strips one space from each end of ` spaced code `, and only one.
    assert_eq!(brokers[3].code, ["Option<KafkaBrokers>", "spaced code"]);

    let port = row(&rows, "APP_SMTP_PORT");
    assert_eq!(port[1].text, "port of APP_MAIL_URL");
    assert_eq!(port[1].code, ["APP_MAIL_URL"]);
    assert_eq!(port[3].text, "The port, when APP_MAIL_URL is unset.");

    let banner = row(&rows, "APP_BANNER");
    assert_eq!(banner[2].code, ["a|b `<c>` &amp;"]);
    assert_eq!(banner[2].text, "no (default a|b `<c>` &amp;)");

    let tag = row(&rows, "APP_TAG");
    assert_eq!(tag[1].text, "Tagged<u8>");
    assert_eq!(tag[1].code, Vec::<String>::new());
    // The default as written in the attribute (the derive's spelling of it), one code span.
    assert_eq!(tag[2].code.len(), 1, "{tag:?}");
    assert!(
        tag[2].code[0].starts_with("Tagged::<") && tag[2].code[0].ends_with(">(7)"),
        "{tag:?}"
    );
    assert_eq!(tag[2].text, format!("no (default {})", tag[2].code[0]));
}

#[test]
fn code_spans_take_a_longer_fence_and_never_entities() {
    let rows = [TableRow {
        variable: "DATABASE_URL".into(),
        aliases: vec!["PG`URL".into(), "`X`".into()],
        kind: "Option<RedisUrl>".into(),
        presence: Presence::Required,
        description: "Holds ``` `` ``` and `Secret&lt;String&gt;` as written.".into(),
        default: Some("Secret<String>".into()),
        deprecated: vec!["OLD|URL".into()],
        group: None,
    }];
    let md = doc::markdown_table(&rows);
    let table = checked_table(&md, 4);
    let cells = &table[1];
    assert_eq!(
        cells[0].code,
        ["DATABASE_URL", "PG`URL", "`X`", "OLD|URL"],
        "{md}"
    );
    assert_eq!(cells[1].text, "Option<RedisUrl>");
    assert_eq!(cells[2].code, ["Secret<String>"]);
    // An entity inside a code span is code: shown as typed, not decoded.
    assert_eq!(cells[3].code, ["``", "Secret&lt;String&gt;"]);
    assert_eq!(
        cells[3].text,
        "Holds `` and Secret&lt;String&gt; as written."
    );
}

#[test]
fn a_flattened_row_keeps_its_link_and_code() {
    let mut md = doc::markdown_table(&[]);
    md.push_str(&doc::markdown_flatten_row(
        "APP_REPLICA_",
        "Replica",
        "Read | replica, a `Option<Replica>`.",
    ));
    let table = checked_table(&md, 4);
    let cells = &table[1];
    assert_eq!(cells[0].code, ["APP_REPLICA_…", "Replica", "APP_REPLICA_"]);
    assert_eq!(cells[1].text, "Replica");
    assert_eq!(cells[2].code, ["Replica"]);
    assert_eq!(cells[3].text, "Read | replica, a Option<Replica>.");
}

/// Line endings as a table cell shows them: each a line break.
fn lines_as_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a table cell keeps of `text`: GFM trims the cell.
fn trimmed(text: &str) -> String {
    text.trim_matches([' ', '\t']).to_owned()
}

/// Characters a description may hold: every ASCII punctuation, letters, digits, spaces, tabs,
/// line endings and a few non-ASCII ones.
const CHARS: &str = "[ -~\t\n\ré—ñ→😀]";

/// [`CHARS`] without the backtick.
const NO_BACKTICK: &str = "[ -_a-~\t\n\ré—ñ→😀]";

/// One row with `description` and `default`, rendered and read back.
fn one_row(description: &str, default: Option<&str>) -> Vec<Cell> {
    let md = doc::markdown_table(&[TableRow {
        variable: "APP_X_URL".into(),
        aliases: vec![],
        kind: "PostgreSQL".into(),
        presence: Presence::Required,
        description: description.into(),
        default: default.map(str::to_owned),
        deprecated: vec![],
        group: None,
    }]);
    assert_eq!(md.lines().count(), 3, "a row is one line:\n{md}");
    let mut rows = checked_table(&md, 4);
    rows.remove(1)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, rng_seed: proptest::test_runner::RngSeed::Fixed(7), ..ProptestConfig::default() })]

    /// A description without backticks shows exactly as written (line endings as breaks).
    #[test]
    fn any_text_round_trips(description in proptest::string::string_regex(&format!("{NO_BACKTICK}{{0,60}}")).unwrap()) {
        let cells = one_row(&description, None);
        prop_assert_eq!(&cells[3].text, &trimmed(&lines_as_breaks(&description)));
        prop_assert!(cells[3].code.is_empty());
    }

    /// Text and code spans: the text shows as written, each code span its content exactly.
    #[test]
    fn text_and_code_spans_round_trip(
        segments in proptest::collection::vec(
            // Text between two code spans: without it their fences would merge into one
            // run of two backticks, which opens no code span.
            (proptest::string::string_regex("[ -_a-~é—→]{1,12}").unwrap(),
             proptest::string::string_regex("[!-_a-~é]([ -_a-~é]{0,10}[!-_a-~é])?").unwrap()),
            0..4,
        ),
        last in proptest::string::string_regex("[!-_a-~é]{1,8}").unwrap(),
    ) {
        let mut description = String::from("x");
        let mut text = String::from("x");
        let mut code = Vec::new();
        for (plain, span) in &segments {
            description.push_str(&format!("{plain}`{span}`"));
            text.push_str(plain);
            text.push_str(span);
            code.push(span.clone());
        }
        description.push_str(&last);
        text.push_str(&last);
        let cells = one_row(&description, None);
        prop_assert_eq!(&cells[3].text, &text, "{}", description);
        prop_assert_eq!(&cells[3].code, &code, "{}", description);
    }

    /// Whatever a description holds, backticks included, the table keeps its shape and every
    /// other character shows, in order.
    #[test]
    fn any_description_keeps_the_table(description in proptest::string::string_regex(&format!("{CHARS}{{0,60}}")).unwrap()) {
        let cells = one_row(&description, None);
        let kept = |s: &str| s.chars().filter(|c| *c != '`' && !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(kept(&cells[3].text), kept(&description), "{:?}", description);
    }

    /// Whatever a default holds, it shows as one code span with its exact text (a line
    /// ending as a space, as in any code span).
    #[test]
    fn any_default_is_one_exact_code_span(default in proptest::string::string_regex(&format!("{CHARS}{{1,40}}")).unwrap()) {
        let cells = one_row("The x.", Some(&default));
        let shown = default.replace("\r\n", " ").replace(['\r', '\n'], " ");
        prop_assert_eq!(&cells[2].code, &vec![shown], "{:?}", default);
    }
}
