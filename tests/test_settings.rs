//! Settings beside the resources: typed values, defaults, `Option`, problems and docs.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use resources::{MapSource, PostgresUrl, Resources, Setting};

/// A deploy: a database and the knobs beside it.
#[derive(Resources, Debug)]
#[resources(prefix = "APP_")]
#[allow(dead_code)]
struct Deploy {
    /// Primary database.
    db: PostgresUrl,
    /// Connections in the pool.
    #[setting(default = 10)]
    db_pool_size: u32,
    /// Give up on a connect after this long.
    #[setting(default = Duration::from_secs(5))]
    connect_timeout: Duration,
    /// Sender of outgoing mail.
    #[setting]
    smtp_from: String,
    /// Verbose logs.
    #[setting(default = false)]
    debug: bool,
    /// Where to listen.
    #[setting(env = "LISTEN", alias = "BIND", default = SocketAddr::from(([0, 0, 0, 0], 8080)))]
    listen: SocketAddr,
    /// An admin's address, if any.
    #[setting]
    admin_ip: Option<IpAddr>,
    /// Data directory.
    #[setting(default = "/var/lib/app")]
    data_dir: PathBuf,
    /// Ratio of requests traced.
    #[setting(default = 0.25)]
    trace_ratio: f64,
    /// Regions served.
    #[setting(default = vec!["eu".to_owned()])]
    regions: Vec<String>,
}

fn base() -> Vec<(&'static str, &'static str)> {
    vec![
        ("APP_DB_URL", "postgres://app:hunter2@db/app"),
        ("APP_SMTP_FROM", "noreply@example.com"),
    ]
}

#[test]
fn defaults_apply_when_unset() {
    let d = Deploy::load(&MapSource::new(base())).map_err(|e| e.to_string());
    let d = d.as_ref().map_err(String::as_str);
    let Ok(d) = d else {
        panic!("load failed: {d:?}");
    };
    assert_eq!(d.db_pool_size, 10);
    assert_eq!(d.connect_timeout, Duration::from_secs(5));
    assert_eq!(d.smtp_from, "noreply@example.com");
    assert!(!d.debug);
    assert_eq!(d.listen, SocketAddr::from(([0, 0, 0, 0], 8080)));
    assert_eq!(d.admin_ip, None);
    assert_eq!(d.data_dir, PathBuf::from("/var/lib/app"));
    assert_eq!(d.trace_ratio, 0.25);
    assert_eq!(d.regions, vec!["eu".to_owned()]);
}

#[test]
fn values_override_defaults_and_every_type_parses() {
    let mut vars = base();
    vars.extend([
        ("APP_DB_POOL_SIZE", "32"),
        ("APP_CONNECT_TIMEOUT", "1m30s"),
        ("APP_DEBUG", "Yes"),
        ("APP_BIND", "[::1]:9000"),
        ("APP_ADMIN_IP", "10.0.0.7"),
        ("APP_DATA_DIR", "/srv/data"),
        ("APP_TRACE_RATIO", "1"),
        ("APP_REGIONS", "eu, us ,ap"),
    ]);
    let Ok(d) = Deploy::load(&MapSource::new(vars)) else {
        panic!("load failed");
    };
    assert_eq!(d.db_pool_size, 32);
    assert_eq!(d.connect_timeout, Duration::from_secs(90));
    assert!(d.debug);
    assert_eq!(d.listen, "[::1]:9000".parse().unwrap_or(d.listen));
    assert_eq!(d.listen.port(), 9000);
    assert_eq!(d.admin_ip, "10.0.0.7".parse().ok());
    assert_eq!(d.data_dir, PathBuf::from("/srv/data"));
    assert_eq!(d.trace_ratio, 1.0);
    assert_eq!(d.regions, ["eu", "us", "ap"]);
}

#[test]
fn every_bad_setting_is_a_problem_in_the_one_report() {
    let vars = vec![
        ("APP_DB_URL", "mysql://app:hunter2@db/app"),
        ("APP_DB_POOL_SIZE", "-3"),
        ("APP_CONNECT_TIMEOUT", "5"),
        ("APP_DEBUG", "maybe"),
        ("APP_ADMIN_IP", "not-an-ip"),
    ];
    let err = Deploy::load(&MapSource::new(vars))
        .err()
        .map(|e| e.to_string());
    let err = err.unwrap_or_default();
    for expected in [
        "APP_DB_URL",
        "APP_DB_POOL_SIZE",
        "\"-3\"",
        "a whole number from 0 to 4294967295",
        "APP_CONNECT_TIMEOUT",
        "a duration such as 30s",
        "APP_DEBUG",
        "\"maybe\"",
        "APP_ADMIN_IP",
        "APP_SMTP_FROM",
    ] {
        assert!(err.contains(expected), "{expected} missing from:\n{err}");
    }
    assert!(!err.contains("hunter2"), "{err}");
}

/// A string setting's value may be a credential: a problem never echoes it.
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct Strings {
    /// A list of ports, one bad.
    #[setting]
    ports: Vec<u16>,
    /// A list of names (strings may hold anything).
    #[setting]
    names: Vec<SecretLike>,
}

#[derive(Debug)]
struct SecretLike;

impl Setting for SecretLike {
    const TYPE_NAME: &'static str = "token-like";
    const ACCEPTS: &'static str = "a token starting with tk_";
    const EXAMPLE: &'static str = "tk_x";
    const SENSITIVE: bool = true;
    fn parse_setting(text: &str) -> Result<Self, String> {
        if text.starts_with("tk_") {
            Ok(SecretLike)
        } else {
            Err(format!("expected {}", Self::ACCEPTS))
        }
    }
    fn to_config(&self) -> String {
        "tk_".into()
    }
}

#[test]
fn sensitive_values_are_never_echoed() {
    let vars = vec![("PORTS", "80,http"), ("NAMES", "tk_a,s3cr3t-value")];
    let err = Strings::load(&MapSource::new(vars))
        .err()
        .map(|e| format!("{e}\n{e:?}"));
    let err = err.unwrap_or_default();
    assert!(err.contains("PORTS") && err.contains("item 2"), "{err}");
    assert!(err.contains("NAMES") && err.contains("tk_"), "{err}");
    assert!(!err.contains("s3cr3t-value"), "{err}");
}

#[test]
fn manifest_and_docs_show_settings_and_defaults() {
    let vars = Deploy::manifest().vars();
    let pool = vars.iter().find(|v| v.name == "APP_DB_POOL_SIZE");
    let pool = pool.map(|v| (v.decl.setting, v.decl.default.map(|d| d.text())));
    assert_eq!(pool, Some((true, Some("10".to_owned()))));
    let names: Vec<&str> = vars.iter().map(|v| v.name.as_str()).collect();
    assert!(names.contains(&"APP_LISTEN") && names.contains(&"APP_SMTP_FROM"));

    let md = resources::doc::markdown(Deploy::manifest());
    assert!(
        md.contains("| `APP_CONNECT_TIMEOUT` | duration | no (default `5s`) |"),
        "{md}"
    );
    assert!(md.contains("| `APP_SMTP_FROM` | string | yes |"), "{md}");
    let env = resources::doc::dotenv(Deploy::manifest());
    assert!(env.contains("# APP_DB_POOL_SIZE=10\n"), "{env}");
    assert!(env.contains("\nAPP_SMTP_FROM=\n"), "{env}");
    let json = resources::doc::json(Deploy::manifest());
    assert!(json.contains("\"name\": \"APP_CONNECT_TIMEOUT\""), "{json}");
    assert!(
        json.contains("\"setting\": true,\n      \"default\": \"5s\""),
        "{json}"
    );
    assert!(
        json.contains("\"setting\": false,\n      \"default\": null"),
        "{json}"
    );
    let app = resources::doc::app_json(Deploy::manifest());
    assert!(app.contains("\"APP_DEBUG\": {\n      \"description\": \"Verbose logs.\",\n      \"required\": false,\n      \"value\": \"false\""), "{app}");
    assert!(
        !app.contains("hunter2") && !app.contains("postgres://"),
        "{app}"
    );
}

/// A type with only `FromStr`, whose error quotes the value.
#[derive(Debug, PartialEq)]
struct Region(String);

impl std::str::FromStr for Region {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.len() == 9 && s.starts_with("eu-") {
            Ok(Region(s.to_owned()))
        } else {
            Err(format!("bad region {s}"))
        }
    }
}

#[derive(Resources, Debug)]
#[allow(dead_code)]
struct WithFromStr {
    /// The region.
    #[setting(from_str, default = Region("eu-west-1".into()))]
    region: Region,
    /// A second one, required.
    #[setting(from_str)]
    backup_region: Region,
}

#[test]
fn from_str_settings_parse_and_never_echo() {
    let ok = WithFromStr::load(&MapSource::new([("BACKUP_REGION", "eu-north1")]));
    let ok = ok.ok().map(|w| (w.region, w.backup_region));
    assert_eq!(
        ok,
        Some((Region("eu-west-1".into()), Region("eu-north1".into())))
    );
    let err = WithFromStr::load(&MapSource::new([("BACKUP_REGION", "s3cr3t-ish")]));
    let err = err.err().map(|e| format!("{e} {e:?}")).unwrap_or_default();
    assert!(
        err.contains("BACKUP_REGION") && err.contains("Region"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t-ish"), "{err}");
    // Docs show a default the type cannot write as it was written.
    let md = resources::doc::markdown(WithFromStr::manifest());
    assert!(
        md.contains("no (default `Region(\"eu-west-1\".into())`)"),
        "{md}"
    );
}

/// Typed defaults of every family; `Option` settings stay `None`.
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct Families {
    /// u8.
    #[setting(default = 7)]
    a: u8,
    /// i64.
    #[setting(default = -5)]
    b: i64,
    /// f32.
    #[setting(default = 1.5)]
    c: f32,
    /// usize list.
    #[setting(default = vec![1, 2])]
    d: Vec<usize>,
    /// bool option.
    #[setting]
    e: Option<bool>,
}

#[test]
fn every_family_loads_and_bool_spellings_work() {
    let Ok(f) = Families::load(&MapSource::new(Vec::<(&str, &str)>::new())) else {
        panic!("defaults load");
    };
    assert_eq!((f.a, f.b, f.c, f.d, f.e), (7, -5, 1.5, vec![1, 2], None));
    for (text, want) in [
        ("TRUE", true),
        ("on", true),
        ("1", true),
        ("No", false),
        ("OFF", false),
        ("0", false),
    ] {
        let f = Families::load(&MapSource::new([("E", text)]))
            .ok()
            .and_then(|f| f.e);
        assert_eq!(f, Some(want), "{text}");
    }
    let err = Families::load(&MapSource::new([("A", "300"), ("C", "NaN"), ("D", "1,,2")]));
    let err = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        err.contains("A (field `a`, u8)") && err.contains("\"300\""),
        "{err}"
    );
    assert!(err.contains("C (field `c`, f32)"), "{err}");
    assert!(
        err.contains("D (field `d`, list)") && err.contains("item 2"),
        "{err}"
    );
}

/// Renamed variables: the old names still load, with a warning naming the new one.
#[derive(Resources, Debug)]
#[resources(prefix = "APP_")]
#[allow(dead_code)]
struct Renamed {
    /// The database.
    #[resource(env = "DATABASE_URL", alias = "PG_URL", deprecated = "DB_URL")]
    db: PostgresUrl,
    /// Pool size.
    #[setting(deprecated = "POOL", default = 5)]
    pool_size: u32,
}

#[test]
fn deprecated_names_load_with_a_warning() {
    let source = MapSource::new([
        ("APP_DB_URL", "postgres://app:hunter2@db/app"),
        ("APP_POOL", "7"),
    ]);
    let loaded = Renamed::load_with_warnings(&source).ok();
    let Some((value, warnings)) = loaded else {
        panic!("loads");
    };
    assert_eq!(value.pool_size, 7);
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "APP_DB_URL is deprecated: set APP_DATABASE_URL instead (it is read the same way)",
            "APP_POOL is deprecated: set APP_POOL_SIZE instead (it is read the same way)",
        ]
    );
    // The new name and the alias come first, and give no warning.
    let source = MapSource::new([
        ("APP_PG_URL", "postgres://app:hunter2@db/app"),
        ("APP_DB_URL", "postgres://old/app"),
    ]);
    let loaded = Renamed::load_with_warnings(&source).ok();
    let (value, warnings) = loaded.unwrap_or_else(|| panic!("loads"));
    assert_eq!(
        value.db.host().map(|h| h.to_string()),
        Some("db".to_owned())
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    // A bad value under a deprecated name is a problem naming that name.
    let err = Renamed::load(&MapSource::new([("APP_DB_URL", "mysql://x@db/app")]));
    let err = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("APP_DB_URL (field `db`"), "{err}");
    let md = resources::doc::markdown(Renamed::manifest());
    assert!(
        md.contains("`APP_DATABASE_URL` (or `APP_PG_URL`) (deprecated: `APP_DB_URL`)"),
        "{md}"
    );
}

#[test]
fn check_config_says_ok_with_warnings_or_reports() {
    let (text, code) = resources::doc::check_config::<Renamed>(&MapSource::new([(
        "APP_DB_URL",
        "postgres://app:hunter2@db/app",
    )]));
    assert_eq!(code, 0);
    assert_eq!(
        text,
        "ok\nwarning: APP_DB_URL is deprecated: set APP_DATABASE_URL instead (it is read the same way)\n"
    );
    let (text, code) = resources::doc::check_config::<Renamed>(&MapSource::new([
        ("APP_DATABASE_URL", "postgres://app:hunter2@db/app"),
        ("APP_POOL_SIZE", "many"),
    ]));
    assert_eq!(code, 1);
    assert!(
        text.contains("APP_POOL_SIZE (field `pool_size`, u32)"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
    assert!(resources::doc::wants_check_config([
        "--check-config".to_owned()
    ]));
    assert!(!resources::doc::wants_check_config([
        "--env-docs".to_owned()
    ]));
}

/// A struct under a prefix: what else is set under it is reported.
#[derive(Resources, Debug)]
#[resources(prefix = "APP_")]
#[allow(dead_code)]
struct Prefixed {
    /// The database.
    database_url: PostgresUrl,
    /// Shards.
    #[resource(min = 0)]
    shards: Vec<PostgresUrl>,
    /// Pool size.
    #[setting(default = 5)]
    pool_size: u32,
}

/// The same, strict.
#[derive(Resources, Debug)]
#[resources(prefix = "APP_", strict)]
#[allow(dead_code)]
struct Strict {
    /// The database.
    database_url: PostgresUrl,
}

#[test]
fn unknown_variables_under_the_prefix_are_warnings_or_strict_problems() {
    let source = MapSource::new([
        ("APP_DATABASE_URL", "postgres://app:hunter2@db/app"),
        ("APP_DATABSE_URL", "postgres://typo/app"),
        ("APP_DATABASE_URL_FILE_X", "x"),
        ("APP_SHARDS_URL_0", "postgres://s0/app"),
        ("APP_SHARDS_URL_1_FILE", "/dev/null/none"),
        ("APP_POOL_SIZE_FILE", "/dev/null/none"),
        ("APP_UNRELATED_THING", "1"),
        ("OTHER_VAR", "not under the prefix"),
    ]);
    let Some((_, warnings)) = Prefixed::load_with_warnings(&MapSource::new([
        ("APP_DATABASE_URL", "postgres://app:hunter2@db/app"),
        ("APP_DATABSE_URL", "postgres://typo/app"),
        ("APP_SHARDS_URL_0", "postgres://s0/app"),
        ("APP_UNRELATED_THING", "1"),
        ("OTHER_VAR", "x"),
    ]))
    .ok() else {
        panic!("loads");
    };
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "APP_DATABSE_URL is set but nothing reads it; did you mean APP_DATABASE_URL?",
            "APP_UNRELATED_THING is set but nothing reads it",
        ]
    );
    // Under `strict` the same are problems, in the one report; the value is never shown.
    let err = Strict::load(&source)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains(
            "APP_DATABSE_URL (Strict): set but nothing reads it; did you mean APP_DATABASE_URL?"
        ),
        "{err}"
    );
    assert!(
        err.contains("APP_SHARDS_URL_0 (Strict)") && err.contains("APP_UNRELATED_THING (Strict)"),
        "{err}"
    );
    assert!(!err.contains("typo") && !err.contains("hunter2"), "{err}");
}

/// Fields of one built-in type share one column of the generated table; each still loads its
/// own variable, with its own presence.
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct Shared {
    primary: PostgresUrl,
    #[setting]
    http_port: u16,
    replica: PostgresUrl,
    analytics: Option<PostgresUrl>,
    #[setting]
    admin_port: u16,
    #[setting]
    metrics_port: Option<u16>,
    #[setting(default = 9)]
    debug_port: u16,
    archive: Option<PostgresUrl>,
}

#[test]
fn fields_sharing_a_column_each_load_their_own_variable() {
    let vars = [
        ("PRIMARY_URL", "postgres://p/app"),
        ("HTTP_PORT", "8080"),
        ("REPLICA_URL", "postgres://r/app"),
        ("ADMIN_PORT", "8081"),
        ("ARCHIVE_URL", "postgres://a/app"),
    ];
    let s = Shared::load(&MapSource::new(vars)).map_err(|e| e.to_string());
    let Ok(s) = s else {
        panic!("loads: {s:?}");
    };
    assert_eq!(
        s.primary.host().map(ToString::to_string).as_deref(),
        Some("p")
    );
    assert_eq!(
        s.replica.host().map(ToString::to_string).as_deref(),
        Some("r")
    );
    assert!(s.analytics.is_none());
    assert_eq!(
        s.archive
            .as_ref()
            .and_then(|a| a.host())
            .map(ToString::to_string)
            .as_deref(),
        Some("a")
    );
    assert_eq!((s.http_port, s.admin_port), (8080, 8081));
    assert_eq!((s.metrics_port, s.debug_port), (None, 9));
    // A missing required field of a shared column is reported under its own name.
    let err = Shared::load(&MapSource::new([("PRIMARY_URL", "postgres://p/app")]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    for var in ["HTTP_PORT", "REPLICA_URL", "ADMIN_PORT"] {
        assert!(err.contains(var), "{var} in {err}");
    }
    for var in ["ANALYTICS_URL", "METRICS_PORT", "DEBUG_PORT", "ARCHIVE_URL"] {
        assert!(!err.contains(var), "{var} not in {err}");
    }
}
