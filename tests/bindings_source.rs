//! Service Binding for Kubernetes: a laid-out `$SERVICE_BINDING_ROOT` tree with every entry
//! form, matched to fields by name and by type; origins name the binding and the entry file.

use std::path::{Path, PathBuf};

use resources::{
    Layered, MapSource, MatchedBy, MySqlUrl, PostgresUrl, RedisUrl, Resources,
    SERVICE_BINDING_ROOT, ServiceBindings, Source, Value,
};

const PW: &str = "s3cr:t/pw@x";

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bindings-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A binding as plain files.
fn binding(root: &Path, name: &str, entries: &[(&str, &str)]) {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (entry, text) in entries {
        std::fs::write(dir.join(entry), format!("{text}\n")).unwrap();
    }
}

/// A binding as the kubelet projects a Secret: entries are symlinks to `..data/<entry>`, and
/// `..data` is a symlink to a timestamped directory.
#[cfg(unix)]
fn kubelet_binding(root: &Path, name: &str, entries: &[(&str, &str)]) {
    use std::os::unix::fs::symlink;
    let dir = root.join(name);
    let data = dir.join("..2026_12_01_00_00_00.000000001");
    std::fs::create_dir_all(&data).unwrap();
    for (entry, text) in entries {
        std::fs::write(data.join(entry), text).unwrap();
        symlink(Path::new("..data").join(entry), dir.join(entry)).unwrap();
    }
    symlink("..2026_12_01_00_00_00.000000001", dir.join("..data")).unwrap();
}

#[derive(Resources, Debug)]
struct App {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    cache: Option<RedisUrl>,
    /// Reports.
    #[resource(env = "REPORTS_URL")]
    reports: Option<MySqlUrl>,
}

fn shown(x: &impl std::fmt::Debug) -> String {
    format!("{x:?}")
}

#[cfg(unix)]
#[test]
fn every_entry_form_answers_its_field() {
    let root = scratch("forms");
    // Parts, in the kubelet layout, matched by type (the only `postgresql` binding).
    kubelet_binding(
        &root,
        "orders",
        &[
            ("type", "postgresql"),
            ("provider", "crunchydata"),
            ("host", "db.internal"),
            ("port", "5433"),
            ("username", "app"),
            ("password", PW),
            ("database", "orders"),
            ("sslmode", "require"),
        ],
    );
    // A `uri` without credentials, completed by `username`/`password`; matched by name.
    binding(
        &root,
        "cache",
        &[
            ("type", "redis"),
            ("uri", "redis://cache.internal:6380/2"),
            ("password", PW),
        ],
    );
    // A `uri` that holds everything, matched by the variable's name.
    binding(
        &root,
        "REPORTS-url",
        &[
            ("type", "mysql"),
            ("uri", "mysql://rep:pw2@reports.internal/reports"),
        ],
    );
    // Hidden entries and stray files are not bindings.
    std::fs::write(root.join("README"), "not a binding").unwrap();

    let bindings = ServiceBindings::open(&root).unwrap().resolve(App::MANIFEST);
    assert_eq!(
        bindings
            .matches()
            .iter()
            .map(|m| (m.var.as_str(), m.binding.as_str(), m.by))
            .collect::<Vec<_>>(),
        [
            ("DATABASE_URL", "orders", MatchedBy::Type),
            ("REDIS_URL", "cache", MatchedBy::Name),
            ("REPORTS_URL", "REPORTS-url", MatchedBy::Name),
        ]
    );
    let app = App::load(&bindings).unwrap();
    assert_eq!(
        app.db.to_string(),
        "postgres://app:***@db.internal:5433/orders?sslmode=require"
    );
    assert_eq!(app.db.password().map(|p| p.expose()), Some(PW));
    let cache = app.cache.unwrap();
    assert_eq!(cache.to_string(), "redis://:***@cache.internal:6380/2");
    assert_eq!(cache.password().map(|p| p.expose()), Some(PW));
    assert_eq!(cache.db_index(), Some(2));
    assert_eq!(
        app.reports.unwrap().to_string(),
        "mysql://rep:***@reports.internal/reports"
    );

    let origin = |var: &str| bindings.lookup(var).unwrap().origin.to_string();
    assert_eq!(
        origin("DATABASE_URL"),
        format!(
            "service binding `orders` (its entries host, port, username, password, database, sslmode under {}) (matched by type)",
            root.join("orders").display()
        )
    );
    assert_eq!(
        origin("REDIS_URL"),
        format!(
            "service binding `cache` ({})",
            root.join("cache/uri").display()
        )
    );
    // Nothing the source shows holds the password.
    assert!(!shown(&bindings).contains("s3cr"), "{bindings:?}");
    assert!(!shown(&bindings.lookup("DATABASE_URL")).contains("s3cr"));
}

#[test]
fn bind_names_the_binding_and_ambiguous_types_match_nothing() {
    let root = scratch("bind");
    binding(
        &root,
        "a",
        &[("type", "postgresql"), ("host", "a.internal")],
    );
    binding(&root, "b", &[("type", "postgres"), ("host", "b.internal")]);
    // Two bindings of the type: no field is matched by type.
    let bindings = ServiceBindings::open(&root).unwrap().resolve(App::MANIFEST);
    assert_eq!(bindings.matches(), []);
    let err = App::load(&bindings).unwrap_err().to_string();
    assert!(err.contains("DATABASE_URL"), "{err}");

    let bindings = ServiceBindings::open(&root)
        .unwrap()
        .bind("DATABASE_URL", "b")
        .resolve(App::MANIFEST);
    assert_eq!(bindings.matches()[0].by, MatchedBy::Bind);
    assert_eq!(
        App::load(&bindings)
            .unwrap()
            .db
            .host()
            .map(|h| h.to_string())
            .as_deref(),
        Some("b.internal")
    );

    // A binding named that does not exist is a problem of the field.
    let bindings = ServiceBindings::open(&root)
        .unwrap()
        .bind("DATABASE_URL", "gone")
        .resolve(App::MANIFEST);
    let err = App::load(&bindings).unwrap_err().to_string();
    assert!(err.contains("no service binding named `gone`"), "{err}");
}

#[test]
fn bad_entries_are_problems_that_never_show_the_password() {
    let root = scratch("bad");
    binding(
        &root,
        "db",
        &[
            ("type", "postgresql"),
            ("host", "db.internal"),
            ("port", "99999"),
            ("password", PW),
        ],
    );
    let bindings = ServiceBindings::open(&root).unwrap().resolve(App::MANIFEST);
    let err = App::load(&bindings).unwrap_err();
    let text = format!("{err}\n{err:?}");
    assert!(
        text.contains("the binding's port: the port must be a number"),
        "{text}"
    );
    assert!(text.contains("service binding `db`"), "{text}");
    assert!(!text.contains("s3cr"), "{text}");

    // An entry that is a directory: a problem naming the entry file.
    let root = scratch("dir-entry");
    binding(&root, "db", &[("type", "postgresql"), ("host", "h")]);
    std::fs::create_dir_all(root.join("db/password")).unwrap();
    let bindings = ServiceBindings::open(&root).unwrap().resolve(App::MANIFEST);
    let found = bindings.lookup("DATABASE_URL").unwrap();
    assert_eq!(
        found.value,
        Value::Unreadable("it is a directory, not a regular file")
    );
    assert!(found.origin.to_string().ends_with("db/password)"));
}

#[test]
fn the_root_comes_from_its_variable_and_layers_under_the_environment() {
    let root = scratch("root");
    binding(
        &root,
        "db",
        &[("type", "postgresql"), ("uri", "postgres://u:p@bound/app")],
    );
    let env = MapSource::new([(SERVICE_BINDING_ROOT, root.display().to_string())]);
    let bindings = ServiceBindings::from_root_in(&env)
        .unwrap()
        .unwrap()
        .resolve(App::MANIFEST);
    assert!(
        ServiceBindings::from_root_in(&MapSource::new([("X", "y")]))
            .unwrap()
            .is_none()
    );
    // The environment above the bindings wins for a variable it sets.
    let layered = Layered::new()
        .with(MapSource::new([("DATABASE_URL", "postgres://env/app")]))
        .with(bindings.clone());
    assert_eq!(
        App::load(&layered)
            .unwrap()
            .db
            .host()
            .map(|h| h.to_string())
            .as_deref(),
        Some("env")
    );
    assert_eq!(
        App::load(&bindings)
            .unwrap()
            .db
            .host()
            .map(|h| h.to_string())
            .as_deref(),
        Some("bound")
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(14), ..Default::default() })]

    /// Whatever the password and whichever entry is broken, no error or Debug shows it.
    #[test]
    fn no_password_reaches_an_error(pw in "Zq[a-z0-9:/@%?#]{6,20}", port in "[0-9a-z]{0,7}", uri in proptest::bool::ANY) {
        let root = scratch(&format!("prop-{}", pw.len() + port.len()));
        let mut entries = vec![("type", "postgresql"), ("host", "db.internal"), ("port", port.as_str()), ("password", pw.as_str())];
        let with_uri = format!("postgres://app@db.internal:{port}/app");
        if uri {
            entries.push(("uri", with_uri.as_str()));
        }
        binding(&root, "db", &entries);
        let bindings = ServiceBindings::open(&root).unwrap().resolve(App::MANIFEST);
        let text = match App::load(&bindings) {
            Ok(app) => format!("{app:?} {} {bindings:?}", app.db),
            Err(err) => format!("{err}\n{err:?}\n{bindings:?}"),
        };
        proptest::prop_assert!(!text.contains(&pw), "{}", text);
    }
}

/// The attribute names a field's binding, whatever its directory name or type.
#[derive(Resources, Debug)]
struct Named {
    /// Primary database: the binding `orders-db`.
    #[resource(env = "DATABASE_URL", binding = "orders-db")]
    db: PostgresUrl,
}

#[test]
fn the_binding_attribute_names_the_binding() {
    let root = scratch("attribute");
    binding(
        &root,
        "a",
        &[("type", "postgresql"), ("host", "a.internal")],
    );
    binding(
        &root,
        "orders-db",
        &[
            ("type", "postgresql"),
            ("host", "orders.internal"),
            ("password", PW),
        ],
    );
    let bindings = ServiceBindings::open(&root)
        .unwrap()
        .resolve(Named::MANIFEST);
    assert_eq!(bindings.matches()[0].by, MatchedBy::Bind);
    let db = Named::load(&bindings).unwrap().db;
    assert_eq!(
        db.host().map(|h| h.to_string()).as_deref(),
        Some("orders.internal")
    );
    assert_eq!(db.password().map(|p| p.expose()), Some(PW));
    assert!(!shown(&db).contains(PW));
    // `bind` in code still wins over the attribute.
    let bindings = ServiceBindings::open(&root)
        .unwrap()
        .bind("DATABASE_URL", "a")
        .resolve(Named::MANIFEST);
    let db = Named::load(&bindings).unwrap().db;
    assert_eq!(
        db.host().map(|h| h.to_string()).as_deref(),
        Some("a.internal")
    );
}
