//! Live re-attach: a struct watched over a Kubernetes-style secret volume and a service
//! binding; the database is switched by a `..data` swap, a broken update is rejected, a
//! rotated password is a change. Run with
//! `cargo run --example live_reattach --features watch` (add `-- --env-docs kubernetes` for the
//! manifests).

use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

use resources::watch::{Watch, WatchSources};
use resources::{PostgresUrl, RedisUrl, Resources};

/// The backing services of the orders app.
#[derive(Resources, Debug)]
struct Orders {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    cache: RedisUrl,
    /// Connections in the pool.
    #[setting(default = 10)]
    pool_size: u32,
}

/// A Kubernetes secret volume: `NAME -> ..data/NAME`, `..data -> <ts>`.
fn volume(dir: &Path, ts: &str, db: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join(ts))?;
    std::fs::write(dir.join(ts).join("DATABASE_URL"), db)?;
    symlink(ts, dir.join("..data_tmp"))?;
    std::fs::rename(dir.join("..data_tmp"), dir.join("..data"))?;
    if std::fs::symlink_metadata(dir.join("DATABASE_URL")).is_err() {
        symlink("..data/DATABASE_URL", dir.join("DATABASE_URL"))?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `--env-docs kubernetes` prints the Secret, ConfigMap and Deployment of `Orders`.
    resources::doc::handle_env_docs_flag::<Orders>();
    let root = std::env::temp_dir().join("live-reattach");
    let _ = std::fs::remove_dir_all(&root);
    let (secrets, bindings) = (root.join("secrets"), root.join("bindings"));
    std::fs::create_dir_all(bindings.join("cache"))?;
    for (entry, text) in [
        ("type", "redis"),
        ("host", "cache.internal"),
        ("password", "r3dis-pw"),
    ] {
        std::fs::write(bindings.join("cache").join(entry), text)?;
    }
    volume(
        &secrets,
        "..2026_12_01_00_00",
        "postgres://app:pw-a@cluster-a:5432/orders",
    )?;

    let sources = WatchSources::new()
        .secrets_dir(&secrets)
        .bindings(&bindings);
    let mut watch = Watch::<Orders>::start(sources)?;
    let now = watch.current();
    println!(
        "loaded: db = {}, cache = {}, pool_size = {}",
        now.db, now.cache, now.pool_size
    );

    // The operator points the Secret at cluster B: the kubelet swaps `..data`.
    volume(
        &secrets,
        "..2026_12_01_00_05",
        "postgres://app:pw-b@cluster-b:5432/orders",
    )?;
    if let Some(event) = watch.next_event(Duration::from_secs(10)) {
        println!("{event}");
    }
    // A broken update: the old value stays.
    volume(
        &secrets,
        "..2026_12_01_00_10",
        "mysql://app:pw-c@cluster-c/orders",
    )?;
    if let Some(event) = watch.next_event(Duration::from_secs(10)) {
        println!("{event}");
    }
    println!("still: db = {}", watch.current().db);
    // A rotated password, nothing else: a change all the same.
    volume(
        &secrets,
        "..2026_12_01_00_15",
        "postgres://app:pw-d@cluster-b:5432/orders",
    )?;
    if let Some(event) = watch.next_event(Duration::from_secs(10)) {
        println!("{event}");
    }
    // An explicit reload (a SIGHUP handler) with nothing changed delivers nothing.
    println!(
        "reload with no change: {:?}",
        watch.reload().map(|e| e.to_string())
    );
    std::fs::remove_dir_all(&root)?;
    Ok(())
}
