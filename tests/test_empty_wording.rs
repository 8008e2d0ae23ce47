//! An empty value's problem says the fix that works: a required variable needs a value
//! (unsetting it fails too); an optional one may also be unset, or read as unset with
//! `empty_is_unset`; a part variable may be unset.

#![allow(dead_code)] // the structs here exist for their manifests

use resources::{
    Loader, MapSource, PostgresUrl, Problem, ProblemKind, RedisUrl, Resources, SmtpUrl,
};

#[derive(Debug, Resources)]
struct Deploy {
    /// Required.
    db: PostgresUrl,
    /// Optional.
    cache: Option<RedisUrl>,
    /// A list, at least one.
    #[resource(min = 1)]
    shards: Vec<PostgresUrl>,
    /// Optional, with parts.
    #[resource(env = "SMTP_URL", parts(host = "SMTP_HOST"))]
    mail: Option<SmtpUrl>,
    /// A required setting.
    #[setting]
    mail_from: String,
    /// A setting with a default: it may be unset.
    #[setting(default = 10)]
    pool_size: u32,
}

const REQUIRED: &str = "set but empty, and it is required; give {} a value";
const OPTIONAL: &str = "set but empty; give {} a value or unset it (or mark the field `empty_is_unset` to read an empty value as unset)";
const PART: &str = "set but empty; give {} a value or unset it";

fn wording(template: &str, var: &str) -> String {
    template.replace("{}", var)
}

/// The problem line of `var` in `report`.
fn line<'r>(report: &'r str, var: &str) -> &'r str {
    report
        .lines()
        .find(|l| l.starts_with(&format!("  - {var} (")))
        .unwrap_or_else(|| panic!("no problem for {var}:\n{report}"))
}

fn report(pairs: &[(&'static str, &'static str)]) -> String {
    Deploy::load(&MapSource::new(pairs.iter().copied()))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
}

#[test]
fn required_and_optional_empty_values_say_their_own_fix() {
    let all_empty = report(&[
        ("DB_URL", ""),
        ("CACHE_URL", ""),
        ("SHARDS_URL_0", ""),
        ("SMTP_HOST", ""),
        ("MAIL_FROM", ""),
        ("POOL_SIZE", ""),
    ]);
    for var in ["DB_URL", "SHARDS_URL_0", "MAIL_FROM"] {
        let l = line(&all_empty, var);
        assert!(l.contains(&wording(REQUIRED, var)), "{l}");
        assert!(
            !l.contains("unset it") && !l.contains("empty_is_unset"),
            "{l}"
        );
    }
    for var in ["CACHE_URL", "POOL_SIZE"] {
        let l = line(&all_empty, var);
        assert!(l.contains(&wording(OPTIONAL, var)), "{l}");
    }
    let l = line(&all_empty, "SMTP_HOST");
    assert!(l.contains(&wording(PART, "SMTP_HOST")), "{l}");
    assert!(!l.contains("empty_is_unset"), "{l}");
}

#[test]
fn the_fixes_said_work() {
    // Unsetting the optional ones (and the part) removes their problems...
    let unset = report(&[("DB_URL", ""), ("SHARDS_URL_0", ""), ("MAIL_FROM", "")]);
    for var in ["CACHE_URL", "POOL_SIZE", "SMTP_HOST", "SMTP_URL"] {
        assert!(!unset.contains(&format!("  - {var} (")), "{var}:\n{unset}");
    }
    // ...but unsetting a required one is a problem too: what the message does not suggest.
    let missing = report(&[]);
    assert!(line(&missing, "DB_URL").contains("not set"), "{missing}");
    assert!(line(&missing, "MAIL_FROM").contains("not set"), "{missing}");
    // Values fix every one.
    let ok = Deploy::load(&MapSource::new([
        ("DB_URL", "postgres://db/app"),
        ("SHARDS_URL_0", "postgres://s0/app"),
        ("MAIL_FROM", "app@example.com"),
    ]));
    assert!(ok.is_ok(), "{ok:?}");

    // `empty_is_unset`, which the optional wording names, reads an empty value as unset.
    #[derive(Debug, Resources)]
    struct Opted {
        /// Optional, empty reads as unset.
        #[resource(empty_is_unset)]
        cache: Option<RedisUrl>,
    }
    let opted = Opted::load(&MapSource::new([("CACHE_URL", "")]));
    assert!(opted.is_ok_and(|o| o.cache.is_none()));
}

#[test]
fn the_loader_words_them_alike() {
    let source = MapSource::new([("DATABASE_URL", ""), ("CACHE_URL", "")]);
    let mut loader = Loader::new(&source);
    let _db = loader.required::<PostgresUrl>("DATABASE_URL");
    let _cache = loader.optional::<RedisUrl>("CACHE_URL");
    let shown = loader.finish().unwrap_err().to_string();
    assert!(
        line(&shown, "DATABASE_URL").contains(&wording(REQUIRED, "DATABASE_URL")),
        "{shown}"
    );
    assert!(
        line(&shown, "CACHE_URL").contains(&wording(OPTIONAL, "CACHE_URL")),
        "{shown}"
    );
}

#[test]
fn an_empty_file_of_a_required_variable_says_to_give_it_a_value() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("empty-wording-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("db_url");
    std::fs::write(&file, "\n").unwrap();
    let path: &'static str = Box::leak(file.display().to_string().into_boxed_str());
    let shown = report(&[
        ("DB_URL_FILE", path),
        ("SHARDS_URL_0", "postgres://s0/app"),
        ("MAIL_FROM", "app@example.com"),
    ]);
    let l = line(&shown, "DB_URL");
    assert!(l.contains(&wording(REQUIRED, "DB_URL")), "{l}");
    assert!(l.contains(path), "the origin names the file: {l}");
}

#[test]
fn a_problem_is_about_a_required_variable_unless_marked() {
    let required = Problem::new("X_URL", "Redis", ProblemKind::Empty);
    assert!(!required.is_optional());
    assert_eq!(
        required.to_string(),
        "X_URL (Redis): set but empty, and it is required; give X_URL a value"
    );
    let optional = required.clone().with_optional();
    assert!(optional.is_optional());
    assert_eq!(
        optional.to_string(),
        format!("X_URL (Redis): {}", wording(OPTIONAL, "X_URL"))
    );
    assert_eq!(
        required.with_part().to_string(),
        "X_URL (Redis): set but empty; give X_URL a value or unset it"
    );
}

#[test]
fn an_empty_list_entry_past_the_minimum_may_be_unset() {
    const ENTRY: &str = "set but empty; give {} a value, or unset it and every entry after it";
    // `shards` needs one entry: SHARDS_URL_0 is required, SHARDS_URL_1 is not.
    let shown = report(&[
        ("DB_URL", "postgres://db/app"),
        ("MAIL_FROM", "app@example.com"),
        ("SHARDS_URL_0", "postgres://s0/app"),
        ("SHARDS_URL_1", ""),
    ]);
    let l = line(&shown, "SHARDS_URL_1");
    assert!(l.contains(&wording(ENTRY, "SHARDS_URL_1")), "{l}");
    assert!(
        !l.contains("required") && !l.contains("empty_is_unset"),
        "{l}"
    );
    // The fix it says works.
    let unset = Deploy::load(&MapSource::new([
        ("DB_URL", "postgres://db/app"),
        ("MAIL_FROM", "app@example.com"),
        ("SHARDS_URL_0", "postgres://s0/app"),
    ]));
    assert!(unset.is_ok_and(|d| d.shards.len() == 1));
}
