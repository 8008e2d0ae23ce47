//! Watching: real file changes on disk (a kubelet `..data` swap, a rename, an in-place write,
//! a broken update then a fixed one, a reload with no change); each test asserts exactly
//! which events arrive, and that none holds a secret.

use std::path::{Path, PathBuf};
use std::time::Duration;

use resources::watch::{Change, Event, Watch, WatchSources};
use resources::{MapSource, PostgresUrl, RedisUrl, Resources, Secret};

#[derive(Resources, Debug)]
struct App {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    cache: Option<RedisUrl>,
    /// Connections in the pool.
    #[setting(default = 10)]
    pool_size: u32,
}

/// Every password in these tests holds this marker: no event may show it.
const MARK: &str = "Zq9";

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("watch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The events until none arrives for 600 ms (the first one awaited up to 20 s), each checked
/// for secrets.
fn events<R: Resources>(watch: &mut Watch<R>) -> Vec<Event> {
    let mut out = Vec::new();
    let mut wait = Duration::from_secs(20);
    while let Some(event) = watch.next_event(wait) {
        let text = format!("{event} {event:?}");
        assert!(!text.contains(MARK), "an event shows a secret: {text}");
        out.push(event);
        wait = Duration::from_millis(600);
    }
    out
}

fn changes(events: &[Event]) -> Vec<Vec<Change>> {
    events
        .iter()
        .map(|e| match e {
            Event::Changed(c) => c.clone(),
            other => panic!("expected a change, got {other}"),
        })
        .collect()
}

fn change(field: &str, var: &str, old: &str, new: &str) -> Change {
    Change {
        field: field.into(),
        var: var.into(),
        old: old.into(),
        new: new.into(),
    }
}

fn host(app: &App) -> String {
    app.db.host().map(|h| h.to_string()).unwrap_or_default()
}

/// Lays out a Kubernetes secret volume: `..<ts>/` with the files, `..data -> ..<ts>`, and each
/// entry `NAME -> ..data/NAME`.
#[cfg(unix)]
fn kubelet_volume(dir: &Path, ts: &str, files: &[(&str, String)]) {
    use std::os::unix::fs::symlink;
    let data = dir.join(ts);
    std::fs::create_dir_all(&data).unwrap();
    for (name, text) in files {
        std::fs::write(data.join(name), text).unwrap();
        let link = dir.join(name);
        if std::fs::symlink_metadata(&link).is_err() {
            symlink(Path::new("..data").join(name), link).unwrap();
        }
    }
    if std::fs::symlink_metadata(dir.join("..data")).is_err() {
        symlink(ts, dir.join("..data")).unwrap();
    }
}

/// The kubelet's atomic update: a new timestamped directory, a `..data_tmp` symlink to it,
/// renamed over `..data`, then the old directory removed.
#[cfg(unix)]
fn kubelet_swap(dir: &Path, old_ts: &str, ts: &str, files: &[(&str, String)]) {
    use std::os::unix::fs::symlink;
    let data = dir.join(ts);
    std::fs::create_dir_all(&data).unwrap();
    for (name, text) in files {
        std::fs::write(data.join(name), text).unwrap();
    }
    symlink(ts, dir.join("..data_tmp")).unwrap();
    std::fs::rename(dir.join("..data_tmp"), dir.join("..data")).unwrap();
    std::fs::remove_dir_all(dir.join(old_ts)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_kubelet_data_swap_is_one_change_of_both_fields() {
    let dir = scratch("kubelet");
    kubelet_volume(
        &dir,
        "..2026_12_01_00_00_00.1",
        &[
            (
                "DATABASE_URL",
                format!("postgres://app:pw{MARK}a@db-a.internal/app"),
            ),
            (
                "REDIS_URL",
                format!("redis://:pw{MARK}r1@cache.internal:6379/0"),
            ),
        ],
    );
    let mut watch = Watch::<App>::start(WatchSources::new().secrets_dir(&dir)).unwrap();
    assert!(watch.uses_file_events());
    assert_eq!(host(watch.current()), "db-a.internal");

    kubelet_swap(
        &dir,
        "..2026_12_01_00_00_00.1",
        "..2026_12_01_00_05_00.2",
        &[
            (
                "DATABASE_URL",
                format!("postgres://app:pw{MARK}b@db-b.internal/app"),
            ),
            (
                "REDIS_URL",
                format!("redis://:pw{MARK}r2@cache.internal:6379/0"),
            ),
        ],
    );
    let got = events(&mut watch);
    assert_eq!(
        changes(&got),
        [vec![
            change(
                "db",
                "DATABASE_URL",
                "postgres://app:***@db-a.internal/app",
                "postgres://app:***@db-b.internal/app"
            ),
            change(
                "cache",
                "REDIS_URL",
                "redis://:***@cache.internal:6379/0",
                "redis://:***@cache.internal:6379/0"
            ),
        ]]
    );
    let Event::Changed(c) = &got[0] else {
        unreachable!()
    };
    assert!(c[1].secret_only());
    assert_eq!(host(watch.current()), "db-b.internal");
    let rotated = watch.current().cache.as_ref().and_then(|c| c.password());
    assert_eq!(
        rotated.map(|p| p.expose().to_owned()),
        Some(format!("pw{MARK}r2"))
    );
}

#[test]
fn a_dotenv_replaced_by_rename_is_one_change() {
    let dir = scratch("rename");
    let env = dir.join(".env");
    std::fs::write(
        &env,
        format!("DATABASE_URL=postgres://app:pw{MARK}@db-a/app\n"),
    )
    .unwrap();
    let mut watch = Watch::<App>::start(WatchSources::new().dotenv(&env)).unwrap();

    // An editor's save: write a new file beside it, rename it over the old one.
    let tmp = dir.join(".env.swp");
    std::fs::write(
        &tmp,
        format!("DATABASE_URL=postgres://app:pw{MARK}@db-b/app\nPOOL_SIZE=20\n"),
    )
    .unwrap();
    std::fs::rename(&tmp, &env).unwrap();
    assert_eq!(
        changes(&events(&mut watch)),
        [vec![
            change(
                "db",
                "DATABASE_URL",
                "postgres://app:***@db-a/app",
                "postgres://app:***@db-b/app"
            ),
            change("pool_size", "POOL_SIZE", "10", "20"),
        ]]
    );
    assert_eq!(watch.current().pool_size, 20);
}

#[test]
fn a_name_file_target_written_in_place_is_one_change() {
    let dir = scratch("in-place");
    let file = dir.join("database_url");
    std::fs::write(&file, format!("postgres://app:pw{MARK}@db-a/app\n")).unwrap();
    let fixed = MapSource::new([("DATABASE_URL_FILE", file.display().to_string())]);
    let mut watch = Watch::<App>::start(WatchSources::new().fixed(fixed)).unwrap();
    assert!(watch.watched_paths().contains(&file.as_path()));

    // `kubectl cp` and `echo >`: the same inode, truncated and written.
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&file)
            .unwrap();
        f.write_all(format!("postgres://app:pw{MARK}@db-b/app\n").as_bytes())
            .unwrap();
    }
    assert_eq!(
        changes(&events(&mut watch)),
        [vec![change(
            "db",
            "DATABASE_URL",
            "postgres://app:***@db-a/app",
            "postgres://app:***@db-b/app"
        )]]
    );
}

#[test]
fn a_broken_update_is_rejected_and_the_fixed_one_applies() {
    let dir = scratch("broken");
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-a/app"),
    )
    .unwrap();
    let mut watch = Watch::<App>::start(WatchSources::new().secrets_dir(&dir)).unwrap();

    // The wrong kind: rejected, and the old value stays.
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("mysql://app:pw{MARK}@db-b/app"),
    )
    .unwrap();
    let got = events(&mut watch);
    assert_eq!(got.len(), 1, "{got:?}");
    let Event::Rejected(why) = &got[0] else {
        panic!("expected a rejection: {}", got[0]);
    };
    assert!(why.to_string().contains("DATABASE_URL"), "{why}");
    assert_eq!(host(watch.current()), "db-a");

    // Fixed: one change, from the value that stayed.
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-c/app"),
    )
    .unwrap();
    assert_eq!(
        changes(&events(&mut watch)),
        [vec![change(
            "db",
            "DATABASE_URL",
            "postgres://app:***@db-a/app",
            "postgres://app:***@db-c/app"
        )]]
    );
    assert_eq!(host(watch.current()), "db-c");
}

#[test]
fn a_reload_with_no_change_delivers_nothing() {
    let dir = scratch("unchanged");
    let url = format!("postgres://app:pw{MARK}@db-a/app");
    std::fs::write(dir.join("DATABASE_URL"), &url).unwrap();
    let mut watch = Watch::<App>::start(WatchSources::new().secrets_dir(&dir)).unwrap();
    assert!(watch.reload().is_none());
    // The same content written again, and a new file nothing reads: nothing.
    std::fs::write(dir.join("DATABASE_URL"), &url).unwrap();
    std::fs::write(dir.join("UNRELATED"), "x").unwrap();
    assert!(watch.next_event(Duration::from_secs(2)).is_none());
    // An explicit reload from another thread, with nothing changed: nothing.
    let reloader = watch.reloader();
    std::thread::spawn(move || assert!(reloader.reload()))
        .join()
        .unwrap();
    assert!(watch.next_event(Duration::from_millis(600)).is_none());
}

#[test]
fn polling_and_an_explicit_reload_see_a_change() {
    let dir = scratch("poll");
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-a/app"),
    )
    .unwrap();
    // Polled every 50 ms: no file events.
    let mut watch = Watch::<App>::start(
        WatchSources::new()
            .secrets_dir(&dir)
            .poll(Duration::from_millis(50)),
    )
    .unwrap();
    assert!(!watch.uses_file_events());
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-b/app"),
    )
    .unwrap();
    assert_eq!(events(&mut watch).len(), 1);
    assert_eq!(host(watch.current()), "db-b");

    // Polled once an hour: only the explicit reload sees the change.
    let mut watch = Watch::<App>::start(
        WatchSources::new()
            .secrets_dir(&dir)
            .poll(Duration::from_secs(3600)),
    )
    .unwrap();
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("postgres://app:pw{MARK}@db-c/app"),
    )
    .unwrap();
    let reloader = watch.reloader();
    std::thread::spawn(move || assert!(reloader.reload()))
        .join()
        .unwrap();
    let got = watch.next_event(Duration::from_secs(20));
    assert!(
        matches!(&got, Some(Event::Changed(c)) if c.len() == 1),
        "{got:?}"
    );
    assert_eq!(host(watch.current()), "db-c");
}

#[test]
fn a_first_load_that_fails_is_an_error_without_secrets() {
    let dir = scratch("first");
    std::fs::write(
        dir.join("DATABASE_URL"),
        format!("mysql://app:pw{MARK}@db/app"),
    )
    .unwrap();
    let err = Watch::<App>::start(WatchSources::new().secrets_dir(&dir)).unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        text.contains("DATABASE_URL") && !text.contains(MARK),
        "{text}"
    );
}

/// Many swaps in a row, each changing both files: every delivered change holds both files of
/// one update (never the database of one and the cache of another), and the last one wins.
#[cfg(unix)]
#[test]
fn rapid_swaps_are_never_read_torn() {
    let dir = scratch("torn");
    let files = |generation: usize| {
        vec![
            (
                "DATABASE_URL",
                format!("postgres://app:pw{MARK}@db-g{generation}/app"),
            ),
            (
                "REDIS_URL",
                format!("redis://:pw{MARK}@cache-g{generation}:6379/0"),
            ),
        ]
    };
    kubelet_volume(&dir, "..gen0", &files(0));
    // A settle time of 1 ms: the check after the read is what keeps a reload whole.
    let sources = WatchSources::new()
        .secrets_dir(&dir)
        .settle(Duration::from_millis(1));
    let mut watch = Watch::<App>::start(sources).unwrap();
    let writer = {
        let dir = dir.clone();
        std::thread::spawn(move || {
            for generation in 1..=30 {
                let (old, new) = (
                    format!("..gen{}", generation - 1),
                    format!("..gen{generation}"),
                );
                kubelet_swap(&dir, &old, &new, &files(generation));
                // Pauses of 0 to 4 ms: some reloads start in the middle of the run.
                std::thread::sleep(Duration::from_millis((generation as u64 * 3) % 5));
            }
        })
    };
    let mut seen = Vec::new();
    while let Some(event) = watch.next_event(Duration::from_secs(20)) {
        let text = format!("{event} {event:?}");
        assert!(!text.contains(MARK), "{text}");
        let Event::Changed(changes) = event else {
            panic!("expected a change: {text}");
        };
        assert_eq!(changes.len(), 2, "{text}");
        let generation = |s: &str| {
            s.split("-g")
                .nth(1)
                .and_then(|r| r.split(['/', ':']).next())
                .map(str::to_owned)
        };
        let (db, cache) = (generation(&changes[0].new), generation(&changes[1].new));
        assert_eq!(db, cache, "a torn read: {text}");
        seen.push(db.unwrap());
        if seen.last().map(String::as_str) == Some("30") {
            break;
        }
    }
    writer.join().unwrap();
    assert_eq!(seen.last().map(String::as_str), Some("30"), "{seen:?}");
    assert_eq!(host(watch.current()), "db-g30");
    assert!(watch.next_event(Duration::from_millis(600)).is_none());
}

/// A service binding projected from a Secret: its `..data` swap moves the field to the new host.
#[cfg(unix)]
#[test]
fn a_service_binding_swap_is_one_change() {
    let root = scratch("bindings");
    let binding = root.join("orders");
    let entries = |host: &str| {
        vec![
            ("type", "postgresql".to_owned()),
            ("host", host.to_owned()),
            ("username", "app".to_owned()),
            ("password", format!("pw{MARK}")),
            ("database", "orders".to_owned()),
        ]
    };
    kubelet_volume(&binding, "..ts1", &entries("db-a.internal"));
    let mut watch = Watch::<App>::start(WatchSources::new().bindings(&root)).unwrap();
    assert_eq!(host(watch.current()), "db-a.internal");
    kubelet_swap(&binding, "..ts1", "..ts2", &entries("db-b.internal"));
    assert_eq!(
        changes(&events(&mut watch)),
        [vec![change(
            "db",
            "DATABASE_URL",
            "postgres://app:***@db-a.internal/orders",
            "postgres://app:***@db-b.internal/orders"
        )]]
    );
}

#[derive(Resources, Debug)]
struct Worker {
    /// The tracker's token.
    #[resource(env = "TOKEN")]
    token: Secret<String>,
    /// Cache shards.
    #[resource(env = "SHARD")]
    shards: Vec<RedisUrl>,
}

/// A secret and a list: a rotated token prints `***` both sides and is marked; a new list
/// entry shows the list before and after.
#[test]
fn a_rotated_secret_and_a_new_list_entry() {
    let dir = scratch("secret-list");
    std::fs::write(dir.join("TOKEN"), format!("tok{MARK}1")).unwrap();
    std::fs::write(dir.join("SHARD_0"), format!("redis://:pw{MARK}@s0:6379/0")).unwrap();
    let mut watch = Watch::<Worker>::start(WatchSources::new().secrets_dir(&dir)).unwrap();
    // Both in one update: the shard first, the token last (the settle time joins them).
    std::fs::write(dir.join("SHARD_1"), format!("redis://:pw{MARK}@s1:6379/0")).unwrap();
    std::fs::write(dir.join("TOKEN"), format!("tok{MARK}2")).unwrap();
    let got = events(&mut watch);
    assert_eq!(
        changes(&got),
        [vec![
            change("token", "TOKEN", "***", "***"),
            change(
                "shards",
                "SHARD",
                "[redis://:***@s0:6379/0]",
                "[redis://:***@s0:6379/0, redis://:***@s1:6379/0]"
            ),
        ]]
    );
    assert!(
        got[0]
            .to_string()
            .contains("token (TOKEN): *** → *** (a credential changed)")
    );
    assert_eq!(watch.current().token.expose(), &format!("tok{MARK}2"));
    assert_eq!(watch.current().shards.len(), 2);
}
