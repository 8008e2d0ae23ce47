//! The twelve-factor swap, end to end: the same binary, unchanged, detached from cluster A and
//! attached to cluster B by changing `DATABASE_URL` alone; then a second shard attached by a
//! new variable. Needs the services (`scripts/services.sh start`).

use std::process::Command;

use resources::{PostgresUrl, Resources};
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

/// Runs the app with `vars` set for the child process only.
fn app(args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swap-app"));
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
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
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
