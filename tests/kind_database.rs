//! `DatabaseUrl`: one variable that is a PostgreSQL, MySQL or SQLite URL, chosen by scheme.

use std::path::PathBuf;

use proptest::prelude::*;
use resources::{
    DatabaseUrl, ErrorKind, Loader, Locator, LocatorError, MapSource, MySqlUrl, PostgresUrl,
    Resources, SqliteUrl, doc,
};

fn ok(s: &str) -> DatabaseUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> LocatorError {
    match s.parse::<DatabaseUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e,
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("kind-database-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_scheme_chooses_the_kind() {
    let pg = ok("postgres://app:pw@db.internal:6543/orders?sslmode=require");
    assert_eq!(pg.kind_name(), "PostgreSQL");
    assert!(pg.as_postgres().is_some() && pg.as_mysql().is_none() && pg.as_sqlite().is_none());
    assert_eq!(pg.as_postgres().unwrap().sslmode(), Some("require"));
    assert_eq!(ok("postgresql:///app").scheme(), "postgresql");

    let my = ok("mariadb://root:pw@db.internal/shop");
    assert_eq!((my.kind_name(), my.scheme()), ("MySQL", "mariadb"));
    assert!(my.as_mysql().is_some() && my.as_postgres().is_none());

    let lite = ok("sqlite::memory:");
    assert_eq!(lite.kind_name(), "SQLite");
    assert!(lite.as_sqlite().unwrap().is_memory());
    assert_eq!(lite.database(), None);
}

#[test]
fn schemes_are_matched_in_any_case() {
    assert_eq!(ok("POSTGRES://db/app").kind_name(), "PostgreSQL");
    assert_eq!(ok("PostgreSQL://db/app").kind_name(), "PostgreSQL");
    assert_eq!(ok("MySQL://db/app").kind_name(), "MySQL");
    assert_eq!(ok("SQLite:data.db").kind_name(), "SQLite");
}

#[test]
fn common_accessors_work_on_every_kind() {
    let pg = ok("postgres://app%40corp:s3cr%40t@db1:5433,db2/orders");
    assert_eq!(pg.username(), Some("app@corp"));
    assert_eq!(pg.password().map(|p| p.expose()), Some("s3cr@t"));
    assert_eq!(pg.host().map(|h| h.to_string()).as_deref(), Some("db1"));
    assert_eq!(pg.hosts().len(), 2);
    assert_eq!((pg.port(), pg.port_or_default()), (Some(5433), Some(5433)));
    assert_eq!(pg.database().as_deref(), Some("orders"));
    assert_eq!(
        pg.expose_url(),
        "postgres://app%40corp:s3cr%40t@db1:5433,db2/orders"
    );
    assert!(pg.has_credentials());
    assert_eq!(
        ok("postgres://db/x?dbname=other").database().as_deref(),
        Some("other")
    );

    let my = ok("mysql://root@db.internal/shop?ssl-mode=REQUIRED");
    assert_eq!(
        (my.username(), my.password().is_none()),
        (Some("root"), true)
    );
    assert_eq!((my.port(), my.port_or_default()), (None, Some(3306)));
    assert_eq!(my.database().as_deref(), Some("shop"));
    assert_eq!(my.param("ssl-mode"), Some("REQUIRED"));
    assert_eq!(my.path(), "/shop");
    assert_eq!(my.path_segments().collect::<Vec<_>>(), ["shop"]);
    let pg_param = ok("postgres://db/app?password=hunter2&sslmode=require");
    assert_eq!(
        pg_param.secret_param("password").map(|p| p.expose()),
        Some("hunter2")
    );
    assert_eq!(pg_param.param("password"), None);
    assert!(!my.has_credentials());

    let lite = ok("sqlite://data/my%20app.db?mode=ro");
    assert_eq!(
        (lite.username(), lite.host(), lite.port_or_default()),
        (None, None, None)
    );
    assert!(lite.hosts().is_empty());
    assert_eq!(lite.database().as_deref(), Some("data/my app.db"));
    assert_eq!(lite.param("mode"), Some("ro"));
    assert_eq!(lite.expose_url(), "sqlite://data/my%20app.db?mode=ro");
}

#[test]
fn display_and_debug_are_the_kinds_own() {
    let cases = [
        "postgres://app:hunter2@db.internal/app?password=hunter2",
        "mysql://app:hunter2@db.internal/app",
        "sqlite://data/app.db",
    ];
    for input in cases {
        let any = ok(input);
        let (display, debug) = (any.to_string(), format!("{any:?}"));
        assert!(
            !display.contains("hunter2") && !debug.contains("hunter2"),
            "{debug}"
        );
        let (own_display, own_debug) = match &any {
            DatabaseUrl::Postgres(u) => (u.to_string(), format!("{u:?}")),
            DatabaseUrl::MySql(u) => (u.to_string(), format!("{u:?}")),
            DatabaseUrl::Sqlite(u) => (u.to_string(), format!("{u:?}")),
        };
        assert_eq!((display, debug), (own_display, own_debug));
    }
    assert_eq!(
        format!("{:?}", ok("mysql://app:hunter2@db/app")),
        r#"MySQL("mysql://app:***@db/app")"#
    );
}

#[test]
fn an_unknown_scheme_lists_the_accepted_ones_and_never_the_value() {
    let expected = "expected postgres, postgresql, mysql, mariadb, sqlite";
    for input in [
        "hunter2://app:pw@db/app",
        "mongodb://app:hunter2@db/app",
        "hunter2",
        "db.internal:5432/hunter2",
        "hunter2@db/app",
    ] {
        let e = err(input);
        let shown = format!("{e} {e:?}");
        assert_eq!(e.kind_name(), "PostgreSQL, MySQL or SQLite", "{input}");
        assert!(shown.contains(expected), "{input}: {shown}");
        assert!(!shown.contains("hunter2"), "{input}: {shown}");
    }
    assert_eq!(
        err("redis://cache/0").to_string(),
        "invalid PostgreSQL, MySQL or SQLite locator: scheme `redis` is not accepted (expected postgres, postgresql, mysql, mariadb, sqlite) at byte 0"
    );
    assert_eq!(err("").kind(), &ErrorKind::Empty);
    assert_eq!(err(" postgres://db/app").kind(), &ErrorKind::Whitespace);
}

#[test]
fn a_known_scheme_gives_its_kinds_own_error() {
    let e = err("mysql:///db");
    assert_eq!(
        (e.kind_name(), e.kind()),
        ("MySQL", &ErrorKind::MissingHost)
    );
    assert_eq!(e, "mysql:///db".parse::<MySqlUrl>().unwrap_err());

    let e = err("postgres://db/app?sslmode=maybe");
    assert_eq!(e.kind_name(), "PostgreSQL");
    assert!(matches!(e.kind(), ErrorKind::BadParam { name, .. } if name == "sslmode"));
    assert_eq!(
        e,
        "postgres://db/app?sslmode=maybe"
            .parse::<PostgresUrl>()
            .unwrap_err()
    );

    let e = err("sqlite://data.db?mode=fast");
    assert_eq!(e.kind_name(), "SQLite");
    assert_eq!(
        e,
        "sqlite://data.db?mode=fast"
            .parse::<SqliteUrl>()
            .unwrap_err()
    );
    assert_eq!(err("postgres://db:99999/app").kind(), &ErrorKind::BadPort);
}

#[test]
fn info_is_the_union_without_a_single_default_port() {
    let info = DatabaseUrl::info();
    assert_eq!(info.kind, "PostgreSQL, MySQL or SQLite");
    let schemes: Vec<&str> = info.schemes.iter().map(|s| s.name).collect();
    assert_eq!(
        schemes,
        ["postgres", "postgresql", "mysql", "mariadb", "sqlite"]
    );
    assert_eq!(info.kinds, ["PostgreSQL", "MySQL", "SQLite"]);
    assert!(info.credentials);
    assert_eq!(info.default_port(), None);
    assert_eq!(ok(info.example).kind_name(), "PostgreSQL");
    // Single-kind locators keep theirs.
    assert_eq!(PostgresUrl::info().default_port(), Some(5432));
    assert_eq!(MySqlUrl::info().default_port(), Some(3306));
    assert!(PostgresUrl::info().kinds.is_empty());
}

/// The backing services of an app that runs on any of the three databases.
#[derive(Debug, Resources)]
struct App {
    /// Main database.
    #[resource(
        env = "DATABASE_URL",
        example = "mysql://app:PASSWORD@db.example.com/app"
    )]
    db: DatabaseUrl,
    /// Reporting replica.
    replica: Option<DatabaseUrl>,
}

#[test]
fn derive_loads_it_and_documents_it() {
    let source = MapSource::new([
        ("DATABASE_URL", "sqlite://var/app.db?mode=rwc"),
        ("REPLICA_URL", "postgres://ro:hunter2@replica.internal/app"),
    ]);
    let app = App::load(&source).unwrap();
    assert!(app.db.as_sqlite().is_some());
    let replica = app.replica.as_ref().unwrap();
    assert_eq!(replica.password().unwrap().expose(), "hunter2");
    assert_eq!(
        format!("{app:?}"),
        r#"App { db: SQLite("sqlite://var/app.db?mode=rwc"), replica: Some(PostgreSQL("postgres://ro:***@replica.internal/app")) }"#
    );

    let json: serde_json::Value = serde_json::from_str(&doc::json(App::manifest())).unwrap();
    let db = &json["variables"][0];
    assert_eq!(db["name"], "DATABASE_URL");
    assert_eq!(db["kind"], "PostgreSQL, MySQL or SQLite");
    assert_eq!(db["default_port"], serde_json::Value::Null);
    assert_eq!(db["example"], "mysql://app:***@db.example.com/app");
    assert_eq!(db["schemes"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        json["variables"][1]["example"],
        "postgres://app:***@db.example.com:5432/app"
    );
}

#[test]
fn derive_reports_problems_without_the_password() {
    let source = MapSource::new([
        ("DATABASE_URL", "mongodb://app:hunter2@db/app"),
        ("REPLICA_URL", "mysql://ro:hunter2@replica.internal:0/app"),
    ]);
    let e = App::load(&source).unwrap_err();
    let (shown, debug) = (e.to_string(), format!("{e:?}"));
    assert_eq!(e.problems().len(), 2, "{shown}");
    assert!(
        !shown.contains("hunter2") && !debug.contains("hunter2"),
        "{shown}\n{debug}"
    );
    assert!(
        shown.contains("DATABASE_URL (field `db`, PostgreSQL, MySQL or SQLite)"),
        "{shown}"
    );
    assert!(shown.contains("invalid MySQL locator: the port"), "{shown}");
}

#[test]
fn loads_through_a_file_variable() {
    let dir = scratch("file");
    let path = dir.join("database_url");
    std::fs::write(&path, "mysql://app:from-file@db.internal/app\n").unwrap();
    let source = MapSource::new([("DATABASE_URL_FILE", path.display().to_string())]);
    let app = App::load(&source).unwrap();
    assert_eq!(app.db.password().unwrap().expose(), "from-file");
    assert_eq!(app.db.kind_name(), "MySQL");
}

#[cfg(feature = "serde")]
#[test]
fn deserializes_without_echoing() {
    #[derive(serde::Deserialize)]
    struct Config {
        database: DatabaseUrl,
    }
    let c: Config =
        serde_json::from_str(r#"{"database": "postgres://app:hunter2@db/app"}"#).unwrap();
    assert_eq!(c.database.kind_name(), "PostgreSQL");
    let e = serde_json::from_str::<Config>(r#"{"database": "hunter2://app:hunter2@db/app"}"#)
        .err()
        .unwrap();
    assert!(
        e.to_string().contains("expected postgres, postgresql"),
        "{e}"
    );
    assert!(!e.to_string().contains("hunter2"), "{e}");
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `Display` and `Debug` of the value or of its error, and of the load error of a derive
/// struct holding it.
fn outputs(input: &str) -> Vec<String> {
    let mut out = match DatabaseUrl::parse_locator(input) {
        Ok(v) => vec![v.to_string(), format!("{v:?}"), format!("{v:#?}")],
        Err(e) => vec![e.to_string(), format!("{e:?}")],
    };
    let source = MapSource::new([("DATABASE_URL", input)]);
    let mut loader = Loader::new(&source);
    let _slot = loader.required::<DatabaseUrl>("DATABASE_URL");
    if let Err(e) = loader.finish() {
        out.push(e.to_string());
        out.push(format!("{e:?}"));
    }
    if let Err(e) = App::load(&source) {
        out.push(e.to_string());
        out.push(format!("{e:?}"));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_output_holds_the_password(tail in "[A-Za-z0-9@:/%?&=+!$~*;,'()-]{6,20}") {
        // A distinctive start: no message or host name contains it by chance.
        let pw = format!("Zq{tail}");
        let e = encode(&pw);
        let inputs = [
            format!("postgres://app:{e}@db.internal:5432/app"),
            format!("postgresql://app:{e}@db.internal:99999/app"),
            format!("postgres://db.internal/app?password={e}&sslmode=require"),
            format!("postgres://app:{e}@db.internal/app?sslmode=never"),
            format!("mysql://app:{e}@db.internal/app"),
            format!("MARIADB://app:{e}@db.internal/a/b"),
            format!("mysql://app:{e}@h1,h2/app"),
            format!("sqlite://data/app.db?password={e}"),
            format!("mongodb://app:{e}@db.internal/app"),
            format!("redis://:{e}@cache.internal"),
            format!("postgres://app:{pw}@db.internal/app"),
            format!("mysql://app:{pw}@db.internal/app"),
            pw.clone(),
            e.clone(),
        ];
        for input in &inputs {
            for out in outputs(input) {
                prop_assert!(!out.contains(&pw), "{input}: {out}");
                prop_assert!(!out.contains(&e), "{input}: {out}");
            }
        }
    }

    #[test]
    fn an_unknown_scheme_is_never_echoed(scheme in "Zq[a-z0-9+.-]{4,12}") {
        let input = format!("{scheme}://app:pw@db.internal/app");
        for out in outputs(&input) {
            prop_assert!(!out.contains(&scheme), "{out}");
        }
    }
}
