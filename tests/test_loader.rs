//! Loading: aliases, `NAME_FILE`, prefixes, lists, and every problem reported at once.

use std::path::PathBuf;

use resources::{
    AmqpUrl, Loader, MapSource, PostgresUrl, ProblemKind, RedisUrl, Secret, SmtpUrl, Var,
};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("loader-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn loads_required_optional_and_lists() {
    let source = MapSource::new([
        ("DATABASE_URL", "postgres://app:pw1@db/app"),
        ("SHARD_URL_0", "postgres://s0/app"),
        ("SHARD_URL_1", "postgres://s1/app"),
    ]);
    let mut loader = Loader::new(&source);
    let db = loader.required::<PostgresUrl>("DATABASE_URL");
    let cache = loader.optional::<RedisUrl>("REDIS_URL");
    let shards = loader.list::<PostgresUrl>("SHARD_URL", 1);
    let none = loader.list::<PostgresUrl>("REPLICA_URL", 0);
    let mut loaded = loader.finish().unwrap();
    assert_eq!(loaded.take(db).database().as_deref(), Some("app"));
    assert!(loaded.take(cache).is_none());
    let shards = loaded.take(shards);
    assert_eq!(
        shards
            .iter()
            .map(|s| s.host().unwrap().to_string())
            .collect::<Vec<_>>(),
        ["s0", "s1"]
    );
    assert!(loaded.take(none).is_empty());
}

#[test]
fn aliases_are_tried_in_order_and_named_in_problems() {
    let source = MapSource::new([
        ("HEROKU_POSTGRESQL_URL", "postgres://heroku/app"),
        ("REDISCLOUD_URL", "redis://cloud:0"),
    ]);
    let mut loader = Loader::new(&source);
    let db = loader.required::<PostgresUrl>(
        Var::new("DATABASE_URL").aliases(&["HEROKU_POSTGRESQL_URL", "PG_URL"]),
    );
    let cache = loader.required::<RedisUrl>(Var::new("REDIS_URL").aliases(&["REDISCLOUD_URL"]));
    let err = loader.finish().unwrap_err();
    // The problem names the alias that was used, not the main name.
    assert_eq!(err.problems().len(), 1);
    assert_eq!(err.problems()[0].var(), "REDISCLOUD_URL");
    let _ = (db, cache);
}

#[test]
fn file_indirection() {
    let dir = scratch("file");
    let secret = dir.join("db_url");
    std::fs::write(&secret, "postgres://app:from-file@db/app\n").unwrap();
    let source = MapSource::new([
        ("DATABASE_URL_FILE", secret.display().to_string()),
        ("TOKEN_FILE", dir.join("missing").display().to_string()),
        ("REDIS_URL", "redis://cache".to_owned()),
        ("REDIS_URL_FILE", "/somewhere".to_owned()),
    ]);
    let mut loader = Loader::new(&source);
    let db = loader.required::<PostgresUrl>("DATABASE_URL");
    let _token = loader.required::<Secret<String>>("TOKEN");
    let _cache = loader.required::<RedisUrl>("REDIS_URL");
    let err = loader.finish().unwrap_err();
    let kinds: Vec<&ProblemKind> = err.problems().iter().map(|p| p.what()).collect();
    assert!(
        matches!(kinds[0], ProblemKind::FileUnreadable { file_var, .. } if file_var == "TOKEN_FILE"),
        "{err}"
    );
    assert!(
        matches!(kinds[1], ProblemKind::BothSet { file_var } if file_var == "REDIS_URL_FILE"),
        "{err}"
    );
    assert_eq!(kinds.len(), 2);

    let source = MapSource::new([("DATABASE_URL_FILE", secret.display().to_string())]);
    let mut loader = Loader::new(&source);
    let db2 = loader.required::<PostgresUrl>("DATABASE_URL");
    let mut loaded = loader.finish().unwrap();
    let db2 = loaded.take(db2);
    assert_eq!(db2.password().unwrap().expose(), "from-file");
    let _ = db;
}

#[test]
fn every_problem_at_once_and_never_the_secret() {
    let source = MapSource::new([
        ("APP_DATABASE_URL", "mysql://app:hunter2@db/app"),
        ("APP_QUEUE_URL", ""),
        ("APP_MAIL_URL", "smtp://mailer:hunter2@smtp:99999"),
        ("APP_SHARD_URL_0", "postgres://s0/app"),
        ("APP_SHARD_URL_2", "postgres://s2/app"),
    ])
    .named("test config");
    let mut loader = Loader::new(&source).prefix("APP_");
    let _db = loader.required::<PostgresUrl>(Var::new("DATABASE_URL").field("db"));
    let _queue = loader.required::<AmqpUrl>("QUEUE_URL");
    let _mail = loader.required::<SmtpUrl>("MAIL_URL");
    let _cache = loader.required::<RedisUrl>("CACHE_URL");
    let _shards = loader.list::<PostgresUrl>("SHARD_URL", 3);
    let err = loader.finish().unwrap_err();
    let shown = err.to_string();
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(!format!("{err:?}").contains("hunter2"));
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(
        lines[0],
        "6 problems in the configuration of backing services:"
    );
    assert_eq!(
        lines[1],
        "  - APP_DATABASE_URL (field `db`, PostgreSQL) from test config: invalid PostgreSQL locator: scheme `mysql` is not accepted (expected postgres, postgresql) at byte 0 (for example postgres://app:***@db.example.com:5432/app)"
    );
    assert_eq!(
        lines[2],
        "  - APP_QUEUE_URL (AMQP) from test config: set but empty, and it is required; give APP_QUEUE_URL a value (for example amqp://app:***@mq.example.com:5672/%2F)"
    );
    assert!(lines[3].starts_with("  - APP_MAIL_URL (SMTP) from test config: invalid SMTP locator: the port must be a number from 1 to 65535 at byte 27"), "{}", lines[3]);
    assert!(
        lines[4].starts_with("  - APP_CACHE_URL (Redis): not set; set APP_CACHE_URL"),
        "{}",
        lines[4]
    );
    assert_eq!(
        lines[5],
        "  - APP_SHARD_URL (PostgreSQL): APP_SHARD_URL_2 is set but APP_SHARD_URL_1 is not; list entries are numbered from 0 without gaps"
    );
    assert!(lines[6].starts_with("  - APP_SHARD_URL (PostgreSQL): the list has 1 set (APP_SHARD_URL_0, APP_SHARD_URL_1, …) and needs at least 3"), "{}", lines[6]);
}

#[test]
fn secret_strings() {
    let source = MapSource::new([("API_TOKEN", "tok-123"), ("BAD_TOKEN", " tok")]);
    let mut loader = Loader::new(&source);
    let token = loader.required::<Secret<String>>("API_TOKEN");
    let mut loaded = loader.finish().unwrap();
    let token = loaded.take(token);
    assert_eq!(format!("{token:?} {token}"), "*** ***");
    assert_eq!(token.expose(), "tok-123");

    let mut loader = Loader::new(&source);
    let _bad = loader.required::<Secret<String>>("BAD_TOKEN");
    let err = loader.finish().unwrap_err().to_string();
    assert!(err.contains("whitespace"), "{err}");
    assert!(!err.contains("tok"), "{err}");
}
