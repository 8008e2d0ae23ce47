//! Generated docs: the four formats, their escaping, the drift check, `--env-docs`, and the
//! committed docs of the examples.

#![allow(dead_code)] // the structs here exist for their manifests

use std::path::PathBuf;

use expect_test::expect_file;
use resources::doc::{self, Format};
use resources::{
    DotEnv, Entry, KafkaBrokers, LocatorFns, Manifest, PostgresUrl, Presence, RedisUrl, Resources,
    Secret, Source, Value, VarDecl,
};
use serde::Deserialize;

#[path = "../examples/quickstart/backing.rs"]
mod backing;

/// A replica: a database and its cache.
#[derive(Debug, Resources)]
struct Replica {
    /// The replica's database.
    url: PostgresUrl,
    /// The replica's cache, if any.
    cache: Option<RedisUrl>,
}

/// Every field form.
#[derive(Debug, Resources)]
#[resources(prefix = "APP_")]
struct Everything {
    /// Primary database.
    ///
    /// This second paragraph stays out of the docs.
    #[resource(
        env = "DATABASE_URL",
        alias = "HEROKU_POSTGRESQL_URL",
        example = "postgres://app:hunter2@db.example.com:5432/app"
    )]
    db: PostgresUrl,
    /// Cache; the app runs without it.
    cache: Option<RedisUrl>,
    /// Shards, at least two.
    #[resource(min = 2)]
    shards: Vec<PostgresUrl>,
    /// Kafka brokers.
    kafka: KafkaBrokers,
    /// API token | for the "tracker" — ñandú.
    api_token: Secret<String>,
    /// Replica in Europe.
    #[resource(flatten, prefix = "EU_")]
    eu: Replica,
    /// Replica in the US.
    #[resource(flatten, prefix = "US_")]
    us: Replica,
    /// Connections in the pool.
    #[setting(default = 10)]
    pool_size: u32,
    /// Sender of outgoing mail.
    #[setting]
    mail_from: String,
    /// Timeout of a request, if any.
    #[setting]
    request_timeout: Option<std::time::Duration>,
}

#[test]
fn snapshots_of_every_format() {
    let m = Everything::manifest();
    expect_file!["snapshots/everything.md"].assert_eq(&doc::markdown(m));
    expect_file!["snapshots/everything.env"].assert_eq(&doc::dotenv(m));
    expect_file!["snapshots/everything.json"].assert_eq(&doc::json(m));
    expect_file!["snapshots/everything.app.json"].assert_eq(&doc::app_json(m));
}

#[test]
fn no_rendering_shows_an_example_password() {
    let m = Everything::manifest();
    for format in [
        Format::Markdown,
        Format::Dotenv,
        Format::Json,
        Format::AppJson,
    ] {
        let text = format.render(m);
        assert!(!text.contains("hunter2"), "{format:?}: {text}");
    }
    assert!(doc::dotenv(m).contains("APP_DATABASE_URL=postgres://app:***@db.example.com:5432/app"));
}

/// The documented JSON schema, read back strictly.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Schema {
    version: u32,
    r#type: String,
    variables: Vec<SchemaVar>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SchemaVar {
    name: String,
    aliases: Vec<String>,
    deprecated: Vec<String>,
    parts: Vec<serde_json::Value>,
    group: Option<String>,
    file_name: String,
    field: String,
    kind: String,
    schemes: Vec<String>,
    default_port: Option<u16>,
    required: bool,
    list: Option<SchemaList>,
    description: String,
    example: String,
    example_source: String,
    credentials: bool,
    setting: bool,
    default: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaList {
    min: usize,
}

#[test]
fn json_parses_back_into_the_documented_schema() {
    let schema: Schema = serde_json::from_str(&doc::json(Everything::manifest())).unwrap();
    assert_eq!(schema.version, doc::JSON_SCHEMA_VERSION);
    assert_eq!(schema.r#type, "Everything");
    let names: Vec<&str> = schema.variables.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "APP_DATABASE_URL",
            "APP_CACHE_URL",
            "APP_SHARDS_URL",
            "APP_KAFKA_URL",
            "APP_API_TOKEN",
            "APP_EU_URL",
            "APP_EU_CACHE_URL",
            "APP_US_URL",
            "APP_US_CACHE_URL",
            "APP_POOL_SIZE",
            "APP_MAIL_FROM",
            "APP_REQUEST_TIMEOUT"
        ]
    );
    let db = &schema.variables[0];
    assert_eq!(db.aliases, ["APP_HEROKU_POSTGRESQL_URL"]);
    assert_eq!(db.file_name, "APP_DATABASE_URL_FILE");
    assert_eq!((db.default_port, db.required), (Some(5432), true));
    assert_eq!(db.schemes, ["postgres", "postgresql"]);
    assert_eq!(schema.variables[2].list.as_ref().map(|l| l.min), Some(2));
    assert!(!schema.variables[1].required);
    assert_eq!(
        schema.variables[4].description,
        "API token | for the \"tracker\" — ñandú."
    );
    assert_eq!(schema.variables[6].field, "eu.cache");
    let pool = &schema.variables[9];
    assert_eq!((pool.setting, pool.default.as_deref()), (true, Some("10")));
    assert_eq!((pool.kind.as_str(), pool.required), ("u32", false));
    assert!(schema.variables[10].required && schema.variables[10].default.is_none());
    assert!(!db.setting && db.default.is_none());
    // The field's own example, or its kind's sample: marked so a tool can tell them apart.
    assert_eq!(db.example_source, "field");
    assert_eq!(schema.variables[3].example_source, "kind");
    assert_eq!(
        schema.variables[3].example,
        "kafka1.example.com:9092,kafka2.example.com:9092"
    );
}

#[test]
fn app_json_has_herokus_shape() {
    let v: serde_json::Value =
        serde_json::from_str(&doc::app_json(Everything::manifest())).unwrap();
    let env = v["env"].as_object().unwrap();
    for (name, entry) in env {
        let entry = entry.as_object().unwrap();
        assert!(entry["description"].is_string(), "{name}");
        assert!(entry["required"].is_boolean(), "{name}");
        // A setting's default is its value; a locator never gets one.
        let is_setting =
            ["APP_POOL_SIZE", "APP_MAIL_FROM", "APP_REQUEST_TIMEOUT"].contains(&name.as_str());
        if !is_setting {
            assert!(
                !entry.contains_key("value"),
                "{name}: a locator never gets a default value"
            );
        }
    }
    assert_eq!(env["APP_POOL_SIZE"]["value"], "10");
    assert!(
        !env["APP_MAIL_FROM"]
            .as_object()
            .is_some_and(|e| e.contains_key("value"))
    );
    assert_eq!(env["APP_DATABASE_URL"]["required"], true);
    assert_eq!(env["APP_CACHE_URL"]["required"], false);
    assert_eq!(env["APP_SHARDS_URL_0"]["required"], true);
    assert_eq!(env["APP_SHARDS_URL_1"]["required"], true);
    assert!(!env.contains_key("APP_SHARDS_URL"));
}

#[test]
fn dotenv_example_reads_back_with_the_dotenv_source() {
    let text = doc::dotenv(Everything::manifest());
    let parsed = DotEnv::parse(".env.example", &text).unwrap();
    let value = |name: &str| match parsed.lookup(name).map(|f| f.value) {
        Some(Value::Text(t)) => Some(t.to_owned()),
        _ => None,
    };
    assert_eq!(
        value("APP_DATABASE_URL").as_deref(),
        Some("postgres://app:***@db.example.com:5432/app")
    );
    // Without an example of its own, a variable gets its kind's format as a comment and an
    // empty value: the kind's sample is no value for this field.
    assert_eq!(value("APP_SHARDS_URL_0").as_deref(), Some(""));
    assert_eq!(value("APP_KAFKA_URL").as_deref(), Some(""));
    assert_eq!(value("APP_API_TOKEN").as_deref(), Some(""));
    assert!(text.contains(
        "# format: kafka1.example.com:9092,kafka2.example.com:9092\n# or set APP_KAFKA_URL_FILE"
    ));
    // A secret's format would be `***` alone: not shown.
    assert!(!text.contains("# format: ***"), "{text}");
    // Optional variables are present but commented out.
    assert_eq!(value("APP_CACHE_URL"), None);
    assert!(text.contains("# format: redis://:***@cache.example.com:6379/0\n"));
    assert!(text.contains("\n# APP_CACHE_URL=\n"));
    // A copied .env.example does not load as a working config: each required variable is a
    // problem that says to fill it in (the `***` of an example, or an empty value).
    let err = Everything::load(&parsed)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.lines().any(|l| l.contains("APP_DATABASE_URL")
            && l.contains("`***` placeholder of a generated .env.example")),
        "{err}"
    );
    for var in [
        "APP_SHARDS_URL_0",
        "APP_SHARDS_URL_1",
        "APP_KAFKA_URL",
        "APP_API_TOKEN",
        "APP_EU_URL",
        "APP_US_URL",
        "APP_MAIL_FROM",
    ] {
        assert!(
            err.lines().any(|l| l.contains(&format!("{var} (field "))
                && l.contains(&format!(
                    "set but empty, and it is required; give {var} a value"
                ))),
            "{var}:\n{err}"
        );
    }
    // Nothing a sample holds is loaded: every required variable is a problem.
    assert!(err.starts_with("8 problems"), "{err}");
}

/// A description holding every character a format must escape.
const NASTY: &str = "pipe | quote \" apostrophe ' backslash \\ dollar $ hash # <b>html</b> & amp\nsecond line — ünïcode";

static ESCAPING: Manifest = Manifest {
    type_name: "Escaping",
    prefix: "",
    entries: &[Entry::Var(VarDecl {
        field: "db",
        name: "DATABASE_URL",
        aliases: &[],
        deprecated: &[],
        parts: &[],
        empty_is_unset: false,
        binding: None,
        presence: Presence::Required,
        description: NASTY,
        example: Some("postgres://db.example.com/it's$1"),
        locator: LocatorFns::get::<PostgresUrl>(),
        setting: false,
        default: None,
    })],
};

#[test]
fn every_format_escapes_what_it_needs() {
    let md = doc::markdown(&ESCAPING);
    let row = md.lines().nth(2).unwrap();
    assert_eq!(
        row,
        "| `DATABASE_URL` | PostgreSQL | yes | pipe \\| quote \" apostrophe ' backslash \\\\ dollar $ hash # &lt;b&gt;html&lt;/b&gt; &amp; amp<br>second line — ünïcode |"
    );
    assert_eq!(
        md.lines().count(),
        3,
        "a description never breaks the table: {md}"
    );

    let env = doc::dotenv(&ESCAPING);
    assert!(env.contains("# pipe | quote \" apostrophe ' backslash \\ dollar $ hash # <b>html</b> & amp\n# second line — ünïcode\n"), "{env}");
    // The example holds a quote and a `$`: it is quoted so the .env reader gets it back whole.
    // (An example that does not parse as its kind is not shown at all.)
    let parsed = DotEnv::parse(".env", &env).unwrap();
    assert_eq!(
        parsed.lookup("DATABASE_URL").unwrap().value,
        Value::Text("postgres://db.example.com/it's$1")
    );

    let json: serde_json::Value = serde_json::from_str(&doc::json(&ESCAPING)).unwrap();
    assert_eq!(json["variables"][0]["description"], NASTY);
    let app: serde_json::Value = serde_json::from_str(&doc::app_json(&ESCAPING)).unwrap();
    assert_eq!(app["env"]["DATABASE_URL"]["description"], NASTY);
}

#[test]
fn drift_check_fails_with_a_diff_and_the_command() {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("drift-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ENV.md");
    std::fs::write(&path, "| a |\n| old |\n").unwrap();
    let err = doc::check_file(&path, "| a |\n| new |\n", false).unwrap_err();
    assert_eq!(err.diff, "  | a |\n+ | new |\n- | old |\n");
    let shown = err.to_string();
    assert!(
        shown.contains("is not current with the code that loads the config"),
        "{shown}"
    );
    assert!(
        shown.ends_with("rewrite it with: RESOURCES_BLESS=1 cargo test"),
        "{shown}"
    );
    assert!(doc::check_file(&path, "| a |\n| old |\n", false).is_ok());
    assert!(doc::check_file(dir.join("missing.md"), "x\n", false).is_err());
}

#[test]
fn env_docs_flag_parsing() {
    let req = |args: &[&str]| doc::env_docs_request(args.iter().map(|s| s.to_string()));
    assert_eq!(req(&[]), None);
    assert_eq!(req(&["--verbose"]), None);
    assert_eq!(req(&["--env-docs", "markdown"]), Some(Ok(Format::Markdown)));
    assert_eq!(
        req(&["-v", "--env-docs=app-json"]),
        Some(Ok(Format::AppJson))
    );
    assert_eq!(req(&["--env-docs", "dotenv"]), Some(Ok(Format::Dotenv)));
    assert_eq!(req(&["--env-docs", "json"]), Some(Ok(Format::Json)));
    assert!(
        req(&["--env-docs"])
            .unwrap()
            .unwrap_err()
            .contains("needs a format")
    );
    assert!(
        req(&["--env-docs", "yaml"])
            .unwrap()
            .unwrap_err()
            .contains("unknown format `yaml`")
    );
}

/// The committed docs of the quickstart match its declaration.
#[test]
fn example_docs_are_current() {
    let m = backing::Backing::manifest();
    doc::assert_current(
        "examples/ENVIRONMENT.md",
        &format!(
            "# Environment of the quickstart\n\n<!-- Generated from examples/quickstart/backing.rs by `cargo run --example quickstart -- --env-docs markdown`; `RESOURCES_BLESS=1 cargo test --test test_docs` rewrites it. -->\n\n{}",
            doc::markdown(m)
        ),
    );
    doc::assert_current("examples/quickstart.env.example", &doc::dotenv(m));
}

/// The README quotes the quickstart's docs as they are rendered.
#[test]
fn readme_quotes_current_docs() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let m = backing::Backing::manifest();
    for format in [
        Format::Markdown,
        Format::Dotenv,
        Format::Json,
        Format::AppJson,
    ] {
        let text = format.render(m);
        assert!(
            readme.contains(&text),
            "README.md does not quote the current {format:?} rendering:\n{text}"
        );
    }
}
