//! `#[derive(Resources)]` through the facade: every attribute, loading from `MapSource`.

use std::path::PathBuf;

use resources::{
    AmqpUrl, KafkaBrokers, MapSource, MemcachedServers, PostgresUrl, Presence, ProblemKind,
    RedisUrl, Resources, S3Url, Secret, SmtpUrl,
};

/// A database with its cache.
#[derive(Debug, Resources)]
struct Replica {
    /// The database.
    url: PostgresUrl,
    /// Its cache, if any.
    cache: Option<RedisUrl>,
}

/// Backing services this deploy is attached to.
#[derive(Debug, Resources)]
#[resources(prefix = "APP_")]
struct Backing {
    /// Primary database.
    ///
    /// Only the first paragraph is the description.
    #[resource(
        env = "DATABASE_URL",
        alias = "HEROKU_POSTGRESQL_URL",
        alias = "PG_URL"
    )]
    db: PostgresUrl,
    /// Jobs.
    queue: AmqpUrl,
    /// Cache; the app runs without it.
    cache: Option<RedisUrl>,
    /// Outgoing mail.
    #[resource(example = "smtp://mailer:hunter2@smtp.example.com:587?tls=required")]
    mail_url: SmtpUrl,
    /// Shards, at least one.
    #[resource(min = 1)]
    shards: Vec<PostgresUrl>,
    /// Token of the error tracker.
    tracker_token: Secret<String>,
    /// Read replica in the first region.
    #[resource(flatten, prefix = "EU_")]
    eu: Replica,
    /// Read replica in the second region.
    #[resource(flatten, prefix = "US_")]
    us: Replica,
}

fn full() -> Vec<(&'static str, String)> {
    [
        ("APP_DATABASE_URL", "postgres://app:pw-db@db/app"),
        ("APP_QUEUE_URL", "amqp://jobs:pw-mq@mq/%2Fjobs"),
        (
            "APP_MAIL_URL",
            "smtp://mailer:pw-mail@smtp:587?tls=required",
        ),
        ("APP_SHARDS_URL_0", "postgres://s0/app"),
        ("APP_SHARDS_URL_1", "postgres://u:pw-shard@s1/app"),
        ("APP_TRACKER_TOKEN", "pw-token"),
        ("APP_EU_URL", "postgres://u:pw-eu@eu/app"),
        ("APP_US_URL", "postgres://us/app"),
        ("APP_US_CACHE_URL", "redis://:pw-uscache@us-cache/1"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

#[test]
fn loads_every_field_form() {
    let b = Backing::load(&MapSource::new(full())).unwrap();
    assert_eq!(b.db.host().unwrap().to_string(), "db");
    assert_eq!(b.queue.vhost().as_deref(), Some("/jobs"));
    assert!(b.cache.is_none());
    assert_eq!(b.mail_url.port_or_default(), Some(587));
    assert_eq!(b.shards.len(), 2);
    assert_eq!(b.tracker_token.expose(), "pw-token");
    assert_eq!(b.eu.url.host().unwrap().to_string(), "eu");
    assert!(b.eu.cache.is_none());
    assert_eq!(b.us.url.host().unwrap().to_string(), "us");
    assert_eq!(b.us.cache.as_ref().and_then(|c| c.db_index()), Some(1));
}

#[test]
fn debug_of_the_loaded_struct_redacts_every_field_type() {
    let b = Backing::load(&MapSource::new(full())).unwrap();
    let debug = format!("{b:?} {b:#?}");
    for (_, value) in full() {
        if let Some(i) = value.find("pw-") {
            let secret: String = value[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(!debug.contains(&secret), "{secret} in {debug}");
        }
    }
    assert!(debug.contains("postgres://app:***@db/app"), "{debug}");
    assert!(debug.contains("tracker_token: ***"), "{debug}");
}

#[test]
fn aliases_are_tried_in_order_and_prefixed() {
    let mut vars = full();
    vars.retain(|(k, _)| *k != "APP_DATABASE_URL");
    vars.push(("APP_PG_URL", "postgres://second/app".to_owned()));
    vars.push((
        "APP_HEROKU_POSTGRESQL_URL",
        "postgres://first/app".to_owned(),
    ));
    let b = Backing::load(&MapSource::new(vars)).unwrap();
    assert_eq!(b.db.host().unwrap().to_string(), "first");
}

#[test]
fn file_indirection_through_the_derive() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("derive-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("token");
    std::fs::write(&file, "pw-from-file\n").unwrap();
    let mut vars = full();
    vars.retain(|(k, _)| *k != "APP_TRACKER_TOKEN");
    vars.push(("APP_TRACKER_TOKEN_FILE", file.display().to_string()));
    let b = Backing::load(&MapSource::new(vars)).unwrap();
    assert_eq!(b.tracker_token.expose(), "pw-from-file");
}

#[test]
fn every_problem_at_once_nested_included() {
    let vars = [
        ("APP_DATABASE_URL", "mysql://app:hunter2@db/app"),
        ("APP_MAIL_URL", "smtp://mailer:hunter2@smtp:0"),
        ("APP_SHARDS_URL_1", "postgres://s1/app"),
        ("APP_TRACKER_TOKEN", ""),
        ("APP_EU_URL", "postgres://eu/app"),
        ("APP_EU_CACHE_URL", "redis://:hunter2@eu-cache/x"),
    ];
    let err = Backing::load(&MapSource::new(vars)).unwrap_err();
    let shown = err.to_string();
    assert!(!shown.contains("hunter2"), "{shown}");
    let summary: Vec<(&str, Option<&str>)> = err
        .problems()
        .iter()
        .map(|p| (p.var(), p.field()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("APP_DATABASE_URL", Some("db")),
            ("APP_QUEUE_URL", Some("queue")),
            ("APP_MAIL_URL", Some("mail_url")),
            ("APP_SHARDS_URL", Some("shards")),
            ("APP_SHARDS_URL", Some("shards")),
            ("APP_TRACKER_TOKEN", Some("tracker_token")),
            ("APP_EU_CACHE_URL", Some("eu.cache")),
            ("APP_US_URL", Some("us.url")),
        ],
        "{shown}"
    );
    assert!(matches!(
        err.problems()[3].what(),
        ProblemKind::ListGap {
            missing: 0,
            found: 1
        }
    ));
    assert!(matches!(
        err.problems()[4].what(),
        ProblemKind::TooFew { min: 1, found: 0 }
    ));
    assert!(matches!(err.problems()[5].what(), ProblemKind::Empty));
    // The declared example is shown in messages with its password redacted.
    assert!(
        shown.contains("(for example smtp://mailer:***@smtp.example.com:587?tls=required)"),
        "{shown}"
    );
    // Missing names its aliases.
    let err = Backing::load(&MapSource::new([("X", "y")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("APP_DATABASE_URL (field `db`, PostgreSQL): not set, nor its aliases APP_HEROKU_POSTGRESQL_URL, APP_PG_URL; set APP_DATABASE_URL"), "{err}");
}

#[test]
fn manifest_in_declaration_order_with_prefixes() {
    let vars = Backing::manifest().vars();
    let names: Vec<(&str, &str)> = vars
        .iter()
        .map(|v| (v.name.as_str(), v.field_path.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("APP_DATABASE_URL", "db"),
            ("APP_QUEUE_URL", "queue"),
            ("APP_CACHE_URL", "cache"),
            ("APP_MAIL_URL", "mail_url"),
            ("APP_SHARDS_URL", "shards"),
            ("APP_TRACKER_TOKEN", "tracker_token"),
            ("APP_EU_URL", "eu.url"),
            ("APP_EU_CACHE_URL", "eu.cache"),
            ("APP_US_URL", "us.url"),
            ("APP_US_CACHE_URL", "us.cache"),
        ]
    );
    assert_eq!(vars[0].aliases, ["APP_HEROKU_POSTGRESQL_URL", "APP_PG_URL"]);
    assert_eq!(vars[0].decl.description, "Primary database.");
    assert_eq!(vars[0].file_name(), "APP_DATABASE_URL_FILE");
    assert_eq!(vars[2].decl.presence, Presence::Optional);
    assert_eq!(vars[4].decl.presence, Presence::List { min: 1 });
    assert_eq!(
        vars[3].example_redacted(),
        "smtp://mailer:***@smtp.example.com:587?tls=required"
    );
    assert_eq!(vars[5].info().kind, "secret");
    assert_eq!(vars[7].decl.description, "Its cache, if any.");
    assert_eq!(Backing::MANIFEST.type_name, "Backing");
}

/// Derived names: SCREAMING_SNAKE_CASE plus `_URL`, unless the field ends in `url`; a
/// `Secret` keeps its name.
#[derive(Debug, Resources)]
#[allow(dead_code)]
struct Names {
    database_url: PostgresUrl,
    cache: RedisUrl,
    dburl: PostgresUrl,
    r#type: AmqpUrl,
    kafka: KafkaBrokers,
    memcache: MemcachedServers,
    uploads: S3Url,
    api_key: Secret<String>,
}

#[test]
fn derived_names() {
    let names: Vec<String> = Names::manifest()
        .vars()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(
        names,
        [
            "DATABASE_URL",
            "CACHE_URL",
            "DBURL",
            "TYPE_URL",
            "KAFKA_URL",
            "MEMCACHE_URL",
            "UPLOADS_URL",
            "API_KEY"
        ]
    );
}

/// The same struct flattened twice, nested under a struct flattened itself.
#[derive(Debug, Resources)]
#[resources(prefix = "SVC_")]
struct Outer {
    #[resource(flatten, prefix = "PRIMARY_")]
    primary: Backing,
    #[resource(flatten, prefix = "SECONDARY_")]
    secondary: Backing,
}

#[test]
fn nested_flatten_prefixes_compose() {
    let vars = Outer::manifest().vars();
    assert_eq!(vars.len(), 20);
    assert_eq!(vars[0].name, "SVC_PRIMARY_APP_DATABASE_URL");
    assert_eq!(vars[0].aliases[0], "SVC_PRIMARY_APP_HEROKU_POSTGRESQL_URL");
    assert_eq!(vars[19].name, "SVC_SECONDARY_APP_US_CACHE_URL");
    assert_eq!(vars[19].field_path, "secondary.us.cache");
    let mut source = Vec::new();
    for side in ["PRIMARY", "SECONDARY"] {
        for (k, v) in full() {
            source.push((
                format!("SVC_{side}_{k}"),
                v.replace("@db/", &format!("@{}/", side.to_lowercase())),
            ));
        }
    }
    let o = Outer::load(&MapSource::new(source)).unwrap();
    assert_eq!(o.primary.db.host().unwrap().to_string(), "primary");
    assert_eq!(o.secondary.db.host().unwrap().to_string(), "secondary");
}

#[test]
fn rustdoc_table_is_on_the_impl() {
    // The derive writes the table as the doc of `impl Resources for Backing`; the same rows
    // come out of the runtime manifest.
    let rows = resources::doc::markdown_table(&[resources::doc::TableRow {
        variable: "APP_DATABASE_URL".into(),
        aliases: vec!["APP_HEROKU_POSTGRESQL_URL".into(), "APP_PG_URL".into()],
        kind: "PostgreSQL".into(),
        presence: Presence::Required,
        description: "Primary database.".into(),
        default: None,
        deprecated: vec![],
        group: None,
    }]);
    assert!(rows.contains("| `APP_DATABASE_URL` (or `APP_HEROKU_POSTGRESQL_URL`, `APP_PG_URL`) | PostgreSQL | yes | Primary database. |"));
}

#[test]
fn from_env_reads_the_process_environment() {
    // Nothing here sets variables; a struct whose one variable is surely unset fails cleanly.
    #[derive(Debug, Resources)]
    struct Unset {
        #[resource(env = "RESOURCES_TEST_SURELY_UNSET_VARIABLE_7F3A")]
        db: Option<PostgresUrl>,
    }
    assert!(Unset::from_env().unwrap().db.is_none());
}

/// A hand-written impl whose builder disagrees with its manifest: the build is a move per field
/// with no early exit, and the disagreement is reported as an error, not a panic in the caller.
#[test]
fn a_builder_that_disagrees_with_its_manifest_is_an_error() {
    use resources::__private as r;

    struct Mismatched {
        _cache: resources::RedisUrl,
    }
    const ENTRIES: [r::Entry; 1] = r::entries(
        ["cache"],
        ["CACHE_URL"],
        [r::req::<PostgresUrl>()],
        ["The cache."],
        [r::NONE],
    );
    impl Resources for Mismatched {
        const MANIFEST: &'static r::Manifest = &r::Manifest {
            type_name: "Mismatched",
            prefix: "",
            entries: &ENTRIES,
        };
        fn __build(values: &mut r::Values) -> Self {
            Mismatched {
                _cache: values.required(),
            }
        }
    }
    let source = MapSource::new([("CACHE_URL", "postgres://db/app")]);
    let err = Mismatched::load(&source).err().map(|e| e.to_string());
    let err = err.unwrap_or_default();
    assert!(
        err.contains("builder does not match its manifest"),
        "unexpected: {err}"
    );
}
