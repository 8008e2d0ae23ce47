//! Live re-attach against real PostgreSQL: an app runs a query loop over a watched,
//! Kubernetes-style secret volume; the volume is switched from cluster A to cluster B, and
//! separately A's password is rotated with `ALTER ROLE` and the volume updated. The app moves
//! over without a restart, no query fails, and the rows written after the switch are in B.
//! Needs the services (`scripts/services.sh start`); prints the time from each file change to
//! the first query on the new target.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use resources::watch::{Event, Watch, WatchSources};
use resources::{PostgresUrl, Resources};
use resources_services::require_services;

#[derive(Debug, Resources)]
struct Clusters {
    #[resource(env = "PG_A_URL")]
    a: PostgresUrl,
    #[resource(env = "PG_B_URL")]
    b: PostgresUrl,
}

/// What the app reads: its database, from the mounted secret.
#[derive(Debug, Resources)]
struct App {
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
}

/// The kubelet's update of a secret volume: a new directory, `..data` swapped atomically.
fn publish(dir: &Path, generation: u32, url: &str) {
    let ts = format!("..gen{generation}");
    std::fs::create_dir_all(dir.join(&ts)).unwrap();
    std::fs::write(dir.join(&ts).join("DATABASE_URL"), url).unwrap();
    let _ = std::fs::remove_file(dir.join("..data_tmp"));
    symlink(&ts, dir.join("..data_tmp")).unwrap();
    std::fs::rename(dir.join("..data_tmp"), dir.join("..data")).unwrap();
    if std::fs::symlink_metadata(dir.join("DATABASE_URL")).is_err() {
        symlink("..data/DATABASE_URL", dir.join("DATABASE_URL")).unwrap();
    }
}

/// `url` with its user and password replaced.
fn as_role(url: &PostgresUrl, role: &str, password: &str) -> String {
    let host = url.hosts()[0].to_string();
    let db = url.database().map(|d| d.into_owned()).unwrap_or_default();
    format!("postgres://{role}:{password}@{host}/{db}")
}

fn admin(url: &PostgresUrl) -> postgres::Client {
    postgres::Client::connect(url.expose_url(), postgres::NoTls).expect("the cluster answers")
}

/// What the app thread reports.
#[derive(Debug)]
enum Report {
    /// The first query on a new target (its port), and when it ran.
    Moved { port: u16, at: Instant },
    /// A query failed.
    Failed(String),
}

/// The app: a query loop (one insert every 5 ms) that follows the watch.
fn app(dir: &Path, run: &str, stop: Receiver<()>, reports: Sender<Report>) -> (u32, u32) {
    let mut watch = Watch::<App>::start(
        WatchSources::new()
            .secrets_dir(dir)
            .settle(Duration::from_millis(20)),
    )
    .expect("the app loads");
    let connect = |db: &PostgresUrl| postgres::Client::connect(db.expose_url(), postgres::NoTls);
    let mut client = connect(&watch.current().db).expect("the app connects");
    let (mut seq, mut moved) = (0u32, false);
    let mut written = (0u32, 0u32);
    while stop.try_recv().is_err() {
        if let Some(event) = watch.next_event(Duration::from_millis(5)) {
            match event {
                Event::Changed(_) => match connect(&watch.current().db) {
                    Ok(c) => {
                        client = c;
                        moved = true;
                    }
                    Err(e) => reports.send(Report::Failed(e.to_string())).unwrap(),
                },
                other => reports.send(Report::Failed(other.to_string())).unwrap(),
            }
        }
        seq += 1;
        let port = watch.current().db.port().unwrap_or(5432);
        match client.execute(
            "INSERT INTO live_reattach (run, seq) VALUES ($1, $2)",
            &[&run, &(seq as i32)],
        ) {
            Ok(_) => {
                if moved {
                    moved = false;
                    let _ = reports.send(Report::Moved {
                        port,
                        at: Instant::now(),
                    });
                }
                if port == 55433 {
                    written.1 += 1;
                } else {
                    written.0 += 1;
                }
            }
            Err(e) => reports.send(Report::Failed(e.to_string())).unwrap(),
        }
    }
    written
}

fn moved(reports: &Receiver<Report>, since: Instant) -> (u16, Duration) {
    match reports.recv_timeout(Duration::from_secs(20)) {
        Ok(Report::Moved { port, at }) => (port, at.duration_since(since)),
        other => panic!("expected the app to move: {other:?}"),
    }
}

#[test]
fn the_app_moves_to_cluster_b_and_follows_a_rotated_password() {
    let Some(source) = require_services("live_reattach") else {
        return;
    };
    let clusters = Clusters::load(&source).expect("the services' .env names both clusters");
    let run = format!("run-{}", std::process::id());
    let role = format!("live_{}", std::process::id());
    for cluster in [&clusters.a, &clusters.b] {
        admin(cluster)
            .batch_execute(&format!(
                "CREATE TABLE IF NOT EXISTS live_reattach (id serial PRIMARY KEY, run text NOT NULL, seq int NOT NULL);
                 DROP ROLE IF EXISTS {role};
                 CREATE ROLE {role} LOGIN PASSWORD 'first-pw';
                 GRANT INSERT, SELECT ON live_reattach TO {role};
                 GRANT USAGE ON SEQUENCE live_reattach_id_seq TO {role};"
            ))
            .expect("setup");
    }
    let dir = std::env::temp_dir().join(format!("live-reattach-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    publish(&dir, 1, &as_role(&clusters.a, &role, "first-pw"));

    let (stop_tx, stop_rx) = channel();
    let (tx, reports) = channel();
    let app_thread = {
        let (dir, run) = (dir.clone(), run.clone());
        std::thread::spawn(move || app(&dir, &run, stop_rx, tx))
    };
    std::thread::sleep(Duration::from_millis(300));

    // A's password is rotated: ALTER ROLE, then the secret updated.
    admin(&clusters.a)
        .batch_execute(&format!("ALTER ROLE {role} PASSWORD 'second-pw'"))
        .unwrap();
    let changed = Instant::now();
    publish(&dir, 2, &as_role(&clusters.a, &role, "second-pw"));
    let (port, rotation) = moved(&reports, changed);
    assert_eq!(port, 55432);
    // The old password no longer works: the app really reconnected with the new one.
    let old = postgres::Client::connect(&as_role(&clusters.a, &role, "first-pw"), postgres::NoTls);
    assert!(old.is_err());
    std::thread::sleep(Duration::from_millis(300));

    // The database is switched to cluster B.
    let changed = Instant::now();
    publish(&dir, 3, &as_role(&clusters.b, &role, "first-pw"));
    let (port, switch) = moved(&reports, changed);
    assert_eq!(port, 55433);
    std::thread::sleep(Duration::from_millis(300));
    stop_tx.send(()).unwrap();
    let (on_a, on_b) = app_thread.join().expect("the app ran");
    match reports.try_recv() {
        Ok(Report::Failed(why)) => panic!("a query failed: {why}"),
        Ok(other) => panic!("an unexpected report: {other:?}"),
        Err(_) => {}
    }

    // The rows: those before the switch in A, those after it in B, none lost.
    let count = |c: &PostgresUrl| -> (i64, i32, i32) {
        let row = admin(c)
            .query_one(
                "SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM live_reattach WHERE run = $1",
                &[&run],
            )
            .unwrap();
        (row.get(0), row.get(1), row.get(2))
    };
    let (a, b) = (count(&clusters.a), count(&clusters.b));
    assert_eq!((a.0, b.0), (i64::from(on_a), i64::from(on_b)));
    assert!(
        a.2 < b.1,
        "a row written after the switch is in A: {a:?} {b:?}"
    );
    assert_eq!(b.2 - a.1 + 1, (on_a + on_b) as i32, "a query was lost");
    println!(
        "rows on A: {}, rows on B: {}; password rotation: first query with the new password {} ms after the file change; switch A → B: first query on B {} ms after the file change; failed queries: 0",
        a.0,
        b.0,
        rotation.as_millis(),
        switch.as_millis()
    );
    for cluster in [&clusters.a, &clusters.b] {
        admin(cluster)
            .batch_execute(&format!(
                "DELETE FROM live_reattach WHERE run = '{run}'; REVOKE ALL ON live_reattach FROM {role}; REVOKE ALL ON SEQUENCE live_reattach_id_seq FROM {role}; DROP ROLE {role};"
            ))
            .unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}
