//! The twelve-factor swap, end to end: the same binary, unchanged, detached from cluster A and
//! attached to cluster B by changing `DATABASE_URL` alone; then a second shard attached by a
//! new variable. Once with PostgreSQL, once with MySQL (two MariaDB instances). Needs the
//! services (`scripts/services.sh start`).

use std::process::Command;

use resources::{MySqlUrl, PostgresUrl, Resources};
use resources_services::require_services;

/// What the test reads from the services' `.env`.
#[derive(Debug, Resources)]
struct Clusters {
    /// Cluster A.
    #[resource(env = "PG_A_URL")]
    a: PostgresUrl,
    /// Cluster B.
    #[resource(env = "PG_B_URL")]
    b: PostgresUrl,
}

/// What the MySQL swap reads from the services' `.env`.
#[derive(Debug, Resources)]
struct Instances {
    /// MariaDB instance A, database `app`.
    #[resource(env = "MYSQL_A_URL")]
    a: MySqlUrl,
    /// MariaDB instance B, database `app`.
    #[resource(env = "MYSQL_B_URL")]
    b: MySqlUrl,
    /// A second database on instance B, `shard`.
    #[resource(env = "MYSQL_SHARD_URL")]
    shard: MySqlUrl,
}

/// Runs the PostgreSQL app with `vars` set for the child process only.
fn app(args: &[&str], vars: &[(&str, &str)]) -> String {
    run_app(env!("CARGO_BIN_EXE_swap-app"), args, vars)
}

/// Runs an app binary with `vars` set for the child process only.
fn run_app(binary: &str, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(binary);
    cmd.args(args)
        .env_remove("DATABASE_URL")
        .env_remove("SHARD_URL_0")
        .env_remove("SHARD_URL_1");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("swap-app runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "swap-app {args:?}: {stdout}{stderr}");
    stdout
}

fn tool(program: &str, args: &[&str]) {
    tool_with(program, args, &[]);
}

/// Runs a tool with `vars` set for it; its stdout.
fn tool_with(program: &str, args: &[&str], vars: &[(&str, &str)]) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .envs(vars.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn swap_database_by_config_alone_then_attach_a_shard() {
    let Some(source) = require_services("swap") else {
        return;
    };
    let clusters = Clusters::load(&source).expect("the services' .env names both clusters");
    let (a, b) = (clusters.a.expose_url(), clusters.b.expose_url());

    // The app writes its orders to cluster A.
    app(
        &["reset"],
        &[("DATABASE_URL", a), ("SHARD_URL_0", a), ("SHARD_URL_1", b)],
    );
    app(&["reset"], &[("DATABASE_URL", b)]);
    app(&["write", "25"], &[("DATABASE_URL", a)]);
    let on_a = app(&["read"], &[("DATABASE_URL", a)]);
    assert_eq!(on_a.trim(), "orders: 25 sum: 2275");

    // An operator moves the data: dump A, restore into B.
    let dump = std::env::temp_dir().join(format!("swap-{}.dump", std::process::id()));
    let dump_path = dump.to_str().expect("a UTF-8 temp path");
    tool(
        "pg_dump",
        &[
            "--format=custom",
            "--table=orders",
            "--file",
            dump_path,
            "--dbname",
            a,
        ],
    );
    tool(
        "pg_restore",
        &[
            "--clean",
            "--if-exists",
            "--no-owner",
            "--dbname",
            b,
            dump_path,
        ],
    );
    let _ = std::fs::remove_file(&dump);

    // Only DATABASE_URL changes: the same binary reads the same rows from B.
    let on_b = app(&["read"], &[("DATABASE_URL", b)]);
    assert_eq!(on_b, on_a);

    // A second shard is attached as a new variable, SHARD_URL_1: again no code change.
    let one = app(&["shards"], &[("DATABASE_URL", b), ("SHARD_URL_0", a)]);
    assert_eq!(one.lines().count(), 1, "{one}");
    let two = app(
        &["shards"],
        &[("DATABASE_URL", b), ("SHARD_URL_0", a), ("SHARD_URL_1", b)],
    );
    let lines: Vec<&str> = two.lines().collect();
    assert_eq!(lines.len(), 2, "{two}");
    assert!(
        lines[0].starts_with("shard 0 postgres://app:***@127.0.0.1:55432/app: 2 events"),
        "{two}"
    );
    assert!(
        lines[1].starts_with("shard 1 postgres://app:***@127.0.0.1:55433/app: 1 events"),
        "{two}"
    );
    assert!(
        !two.contains(clusters.a.password().map_or("", |p| p.expose())),
        "{two}"
    );
}

/// The client tools' connection arguments, from the locator's accessors (`mariadb-dump` and
/// `mariadb` take no URL); the password goes in `MYSQL_PWD`, never on the command line.
fn mysql_args(url: &MySqlUrl) -> (Vec<String>, String) {
    let args = vec![
        "--no-defaults".to_owned(),
        format!("--host={}", url.host().expect("a host")),
        format!("--port={}", url.port_or_default().expect("a port")),
        format!("--user={}", url.username().expect("a user")),
    ];
    let password = url.password().expect("a password").expose().to_owned();
    (args, password)
}

#[test]
fn mysql_swap_by_config_alone_then_attach_a_second_database_as_a_shard() {
    let Some(source) = require_services("mysql swap") else {
        return;
    };
    let db = Instances::load(&source).expect("the services' .env names both MariaDB instances");
    let (a, b, shard) = (db.a.expose_url(), db.b.expose_url(), db.shard.expose_url());
    let app = |args: &[&str], vars: &[(&str, &str)]| {
        run_app(env!("CARGO_BIN_EXE_swap-app-mysql"), args, vars)
    };

    // The app writes its orders to instance A.
    app(
        &["reset"],
        &[
            ("DATABASE_URL", a),
            ("SHARD_URL_0", a),
            ("SHARD_URL_1", shard),
        ],
    );
    app(&["reset"], &[("DATABASE_URL", b)]);
    app(&["write", "25"], &[("DATABASE_URL", a)]);
    let on_a = app(&["read"], &[("DATABASE_URL", a)]);
    assert_eq!(on_a.trim(), "orders: 25 sum: 2275");

    // An operator moves the data: dump A, restore into B.
    let (mut dump_args, password) = mysql_args(&db.a);
    dump_args.extend([
        "--no-tablespaces".to_owned(),
        "app".to_owned(),
        "orders".to_owned(),
    ]);
    let dump_args: Vec<&str> = dump_args.iter().map(String::as_str).collect();
    let dump = tool_with("mariadb-dump", &dump_args, &[("MYSQL_PWD", &password)]);
    assert!(String::from_utf8_lossy(&dump).contains("CREATE TABLE `orders`"));
    let path = std::env::temp_dir().join(format!("swap-mysql-{}.sql", std::process::id()));
    std::fs::write(&path, &dump).expect("the dump is written");
    let (mut restore_args, password) = mysql_args(&db.b);
    restore_args.extend([
        "--database=app".to_owned(),
        "--execute".to_owned(),
        format!("source {}", path.display()),
    ]);
    let restore_args: Vec<&str> = restore_args.iter().map(String::as_str).collect();
    tool_with("mariadb", &restore_args, &[("MYSQL_PWD", &password)]);
    let _ = std::fs::remove_file(&path);

    // Only DATABASE_URL changes: the same binary reads the same rows from B.
    let on_b = app(&["read"], &[("DATABASE_URL", b)]);
    assert_eq!(on_b, on_a);

    // A second database, on B, is attached as a shard by a new variable: no code change.
    let one = app(&["shards"], &[("DATABASE_URL", b), ("SHARD_URL_0", a)]);
    assert_eq!(one.lines().count(), 1, "{one}");
    let two = app(
        &["shards"],
        &[
            ("DATABASE_URL", b),
            ("SHARD_URL_0", a),
            ("SHARD_URL_1", shard),
        ],
    );
    let lines: Vec<&str> = two.lines().collect();
    assert_eq!(lines.len(), 2, "{two}");
    assert!(
        lines[0].starts_with("shard 0 mysql://app:***@127.0.0.1:53306/app: 2 events"),
        "{two}"
    );
    assert!(
        lines[1].starts_with("shard 1 mysql://app:***@127.0.0.1:53307/shard: 1 events"),
        "{two}"
    );
    assert!(!two.contains(password.as_str()), "{two}");
}
