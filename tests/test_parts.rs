//! A resource as deploys write it: its URL, or its parts, or its URL with the credentials
//! beside it.

use resources::{MapSource, PostgresUrl, RedisUrl, Resources, S3Url, SmtpUrl};

/// The forms of a password-manager server, a platform add-on, libpq and the AWS tools.
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct Deploy {
    /// Primary database: DATABASE_URL, or libpq's PG* variables.
    #[resource(env = "DATABASE_URL", parts = "libpq")]
    db: PostgresUrl,
    /// Outgoing mail, as split variables.
    #[resource(
        env = "SMTP_URL",
        parts(
            host = "SMTP_HOST",
            port = "SMTP_PORT",
            security = "SMTP_SECURITY",
            user = "SMTP_USERNAME",
            password = "SMTP_PASSWORD"
        )
    )]
    mail: Option<SmtpUrl>,
    /// The platform's mail add-on.
    #[resource(env = "MAILGUN_URL", parts = "mailgun")]
    mailgun: Option<SmtpUrl>,
    /// The URL in a ConfigMap, its password in a Secret.
    #[resource(env = "CACHE_URL", parts(password = "CACHE_PASSWORD"))]
    cache: Option<RedisUrl>,
    /// Uploads, as the AWS tools configure them.
    #[resource(env = "UPLOADS_URL", parts(aws, bucket = "UPLOADS_BUCKET"))]
    uploads: Option<S3Url>,
}

const PW: &str = "p@ss:w/rd%?";

fn load(vars: &[(&str, &str)]) -> Result<Deploy, String> {
    Deploy::load(&MapSource::new(vars.iter().copied())).map_err(|e| e.to_string())
}

#[test]
fn libpq_variables_make_the_same_typed_value() {
    let d = load(&[
        ("PGHOST", "db1.internal,db2.internal"),
        ("PGPORT", "5432,5433"),
        ("PGUSER", "app"),
        ("PGPASSWORD", PW),
        ("PGDATABASE", "orders"),
        ("PGSSLMODE", "require"),
    ]);
    let db = d.map(|d| d.db).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(db.hosts().len(), 2);
    assert_eq!(db.hosts()[1].port(), Some(5433));
    assert_eq!(db.username(), Some("app"));
    assert_eq!(db.password().map(|p| p.expose()), Some(PW));
    assert_eq!(db.database().as_deref(), Some("orders"));
    assert_eq!(db.param("sslmode"), Some("require"));
    assert_eq!(
        db.expose_url(),
        "postgres://app:p%40ss%3Aw%2Frd%25%3F@db1.internal:5432,db2.internal:5433/orders?sslmode=require"
    );
    assert!(!format!("{db} {db:?}").contains("p@ss"));
}

#[test]
fn a_socket_directory_in_pghost() {
    let d = load(&[("PGHOST", "/var/run/postgresql"), ("PGDATABASE", "app")]);
    let db = d.map(|d| d.db).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        db.host()
            .and_then(|h| h.unix_path())
            .map(|p| p.display().to_string()),
        Some("/var/run/postgresql".to_owned())
    );
}

#[test]
fn smtp_from_split_variables_and_mailgun() {
    let d = load(&[
        ("DATABASE_URL", "postgres://db/app"),
        ("SMTP_HOST", "smtp.example.com"),
        ("SMTP_SECURITY", "force_tls"),
        ("SMTP_USERNAME", "mailer"),
        ("SMTP_PASSWORD", PW),
        ("MAILGUN_SMTP_SERVER", "smtp.mailgun.org"),
        ("MAILGUN_SMTP_PORT", "587"),
        ("MAILGUN_SMTP_LOGIN", "postmaster@mg.example.com"),
        ("MAILGUN_SMTP_PASSWORD", PW),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let mail = d.mail.unwrap_or_else(|| panic!("mail"));
    assert!(mail.is_implicit_tls());
    assert_eq!(mail.port_or_default(), Some(465));
    assert_eq!(mail.password().map(|p| p.expose()), Some(PW));
    let mg = d.mailgun.unwrap_or_else(|| panic!("mailgun"));
    assert_eq!(mg.starttls(), Some("required"));
    assert_eq!(mg.username(), Some("postmaster@mg.example.com"));
    assert_eq!(mg.port(), Some(587));
}

#[test]
fn a_password_beside_the_url_completes_it() {
    let d = load(&[
        ("DATABASE_URL", "postgres://db/app"),
        ("CACHE_URL", "redis://cache.internal:6379/2"),
        ("CACHE_PASSWORD", PW),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let cache = d.cache.unwrap_or_else(|| panic!("cache"));
    assert_eq!(cache.password().map(|p| p.expose()), Some(PW));
    assert_eq!(cache.db_index(), Some(2));
    assert!(!format!("{cache:?}").contains("p@ss"));
    // The same password in both places is a problem naming both.
    let err = load(&[
        ("DATABASE_URL", "postgres://db/app"),
        ("CACHE_URL", "redis://:other@cache.internal:6379/2"),
        ("CACHE_PASSWORD", PW),
    ])
    .err()
    .unwrap_or_default();
    assert!(
        err.contains("CACHE_PASSWORD (part of field `cache`, Redis)"),
        "{err}"
    );
    assert!(err.contains("in CACHE_URL and in CACHE_PASSWORD"), "{err}");
    assert!(!err.contains("other") && !err.contains("p@ss"), "{err}");
}

#[test]
fn s3_from_the_aws_variables() {
    let d = load(&[
        ("DATABASE_URL", "postgres://db/app"),
        ("UPLOADS_BUCKET", "my-uploads"),
        ("AWS_REGION", "eu-west-1"),
        ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "wJalr/XUtnFEMI+K7MDENG"),
        ("AWS_ENDPOINT_URL", "http://127.0.0.1:9000"),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let s3 = d.uploads.unwrap_or_else(|| panic!("uploads"));
    assert_eq!(s3.bucket(), Some("my-uploads"));
    assert_eq!(s3.param("region"), Some("eu-west-1"));
    assert_eq!(s3.endpoint().as_deref(), Some("http://127.0.0.1:9000"));
    assert_eq!(s3.username(), Some("AKIAEXAMPLE"));
    assert_eq!(
        s3.password().map(|p| p.expose()),
        Some("wJalr/XUtnFEMI+K7MDENG")
    );
    assert!(!format!("{s3} {s3:?}").contains("wJalr"));
}

#[test]
fn mistakes_name_the_part_variable_and_its_field() {
    let err = load(&[
        ("PGHOST", "db"),
        ("SMTP_PORT", "99999"),
        ("SMTP_HOST", "smtp.example.com"),
        ("SMTP_SECURITY", "ssl"),
        ("MAILGUN_SMTP_PORT", "587"),
        ("CACHE_URL", "redis://cache"),
        ("CACHE_PASSWORD", PW),
        ("UPLOADS_URL", "s3://b"),
        ("AWS_REGION", "eu-west-1"),
    ])
    .err()
    .unwrap_or_default();
    for expected in [
        "SMTP_SECURITY (part of field `mail`, SMTP) from the map source: expected starttls, force_tls or off",
        "MAILGUN_SMTP_SERVER (part of field `mailgun`, SMTP): not set, but the host is required because MAILGUN_SMTP_PORT is set",
        "UPLOADS_URL (field `uploads`, S3) from the map source: set UPLOADS_URL or its parts, not both: AWS_REGION is set too",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(!err.contains("p@ss"), "{err}");
    let err = load(&[
        ("PGHOST", "db"),
        ("SMTP_HOST", "smtp"),
        ("SMTP_PORT", "99999"),
    ])
    .err()
    .unwrap_or_default();
    assert!(
        err.contains("SMTP_PORT (part of field `mail`, SMTP) from the map source: the port must be a number from 1 to 65535"),
        "{err}"
    );
    let err = load(&[]).err().unwrap_or_default();
    assert!(
        err.contains("DATABASE_URL (field `db`, PostgreSQL): not set, nor any of its parts; set DATABASE_URL (or DATABASE_URL_FILE to a file holding it), or its parts PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE"),
        "{err}"
    );
}

#[test]
fn every_part_is_in_the_manifest_and_the_docs() {
    let vars = Deploy::manifest().vars();
    let db = vars.iter().find(|v| v.name == "DATABASE_URL");
    let parts: Vec<String> = db
        .map(|v| v.parts.iter().map(|(_, n)| n.clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        parts,
        [
            "PGHOST",
            "PGPORT",
            "PGUSER",
            "PGPASSWORD",
            "PGDATABASE",
            "PGSSLMODE"
        ]
    );
    let md = resources::doc::markdown(Deploy::manifest());
    assert!(
        md.contains(
            "| `SMTP_PORT` | port of `SMTP_URL` | no | The port, when `SMTP_URL` is unset. |"
        ),
        "{md}"
    );
    assert!(md.contains("| `CACHE_PASSWORD` | password of `CACHE_URL` | no | The password, when `CACHE_URL` is unset or written without it. |"), "{md}");
    let env = resources::doc::dotenv(Deploy::manifest());
    assert!(
        env.contains("# or give SMTP_URL as parts (each optional):\n# SMTP_HOST=    (host)\n"),
        "{env}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&resources::doc::json(Deploy::manifest())).unwrap_or_default();
    assert_eq!(json["variables"][0]["parts"][0]["name"], "PGHOST");
    assert_eq!(json["variables"][0]["parts"][5]["part"], "security");
    let app: serde_json::Value =
        serde_json::from_str(&resources::doc::app_json(Deploy::manifest())).unwrap_or_default();
    assert_eq!(app["env"]["AWS_SECRET_ACCESS_KEY"]["required"], false);
    assert!(app["env"]["AWS_SECRET_ACCESS_KEY"].get("value").is_none());
}

/// A convention with one part of its own: the explicit variable replaces the convention's.
#[derive(Resources, Debug)]
struct Override {
    /// The database.
    #[resource(env = "DATABASE_URL", parts(libpq, password = "DATABASE_PASSWORD"))]
    db: PostgresUrl,
}

#[test]
fn an_explicit_part_replaces_the_conventions() {
    let parts: Vec<String> = Override::manifest().vars()[0]
        .parts
        .iter()
        .map(|(_, n)| n.clone())
        .collect();
    assert_eq!(
        parts,
        [
            "PGHOST",
            "PGPORT",
            "PGUSER",
            "PGDATABASE",
            "PGSSLMODE",
            "DATABASE_PASSWORD"
        ]
    );
    let o = Override::load(&MapSource::new([
        ("DATABASE_URL", "postgres://app@db.internal/app"),
        ("DATABASE_PASSWORD", PW),
    ]));
    let db = o.map(|o| o.db).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(db.password().map(|p| p.expose()), Some(PW));
    assert_eq!(db.username(), Some("app"));
}

/// A CDN's queue: optional as a whole.
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct CdnQueue {
    /// The queue.
    url: resources::AmqpUrl,
    /// Its signing key.
    secret_key: resources::Secret<String>,
    /// Batch size.
    #[setting(default = 10)]
    batch: u32,
    /// An optional tag.
    tag: Option<resources::HttpUrl>,
}

#[derive(Resources, Debug)]
#[allow(dead_code)]
struct WithGroup {
    /// The database.
    db: PostgresUrl,
    /// Purges sent to the CDN: all or none.
    #[resource(flatten, prefix = "CDN_QUEUE_")]
    cdn_queue: Option<CdnQueue>,
}

#[test]
fn an_optional_group_is_all_or_none() {
    let none = WithGroup::load(&MapSource::new([("DB_URL", "postgres://db/app")]));
    let none = none
        .map(|w| w.cdn_queue.is_none())
        .map_err(|e| e.to_string());
    assert_eq!(none, Ok(true));
    let all = WithGroup::load(&MapSource::new([
        ("DB_URL", "postgres://db/app"),
        ("CDN_QUEUE_URL", "amqp://cdn:s3cret@mq/%2F"),
        ("CDN_QUEUE_SECRET_KEY", "k3y"),
    ]));
    let q = all
        .ok()
        .and_then(|w| w.cdn_queue)
        .unwrap_or_else(|| panic!("present"));
    assert_eq!((q.batch, q.secret_key.expose().as_str()), (10, "k3y"));
    // Partly set: each missing required variable is a problem naming the set one, in the one
    // report beside the other problems.
    let err = WithGroup::load(&MapSource::new([
        ("CDN_QUEUE_URL", "amqp://cdn:s3cret@mq/%2F"),
        ("CDN_QUEUE_BATCH", "20"),
    ]))
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(err.starts_with("2 problems"), "{err}");
    assert!(
        err.contains("DB_URL (field `db`, PostgreSQL): not set"),
        "{err}"
    );
    assert!(
        err.contains("CDN_QUEUE_SECRET_KEY (field `cdn_queue.secret_key`, secret): not set, but required because CDN_QUEUE_URL is set (the group is all or none)"),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
    // A setting alone makes the group present too.
    let err = WithGroup::load(&MapSource::new([
        ("DB_URL", "postgres://db/app"),
        ("CDN_QUEUE_BATCH", "x"),
    ]))
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        err.contains("CDN_QUEUE_BATCH") && err.contains("required because CDN_QUEUE_BATCH is set"),
        "{err}"
    );
    // Docs show the group and its rule.
    let md = resources::doc::markdown(WithGroup::manifest());
    assert!(
        md.contains("| `CDN_QUEUE_URL` | AMQP | with `cdn_queue` (all or none) |"),
        "{md}"
    );
    assert!(md.contains("| `CDN_QUEUE_TAG_URL` | HTTP | no |"), "{md}");
    let env = resources::doc::dotenv(WithGroup::manifest());
    assert!(
        env.contains("# in the all-or-none group `cdn_queue`: required when any of it is set\n"),
        "{env}"
    );
    assert!(env.contains("\n# CDN_QUEUE_URL="), "{env}");
}

/// A server whose empty admin token means "admin off".
#[derive(Resources, Debug)]
#[allow(dead_code)]
struct Admin {
    /// Admin token; empty turns the admin page off.
    #[resource(empty_is_unset)]
    admin_token: Option<resources::Secret<String>>,
    /// Without the opt-in, empty stays a problem.
    other_token: Option<resources::Secret<String>>,
}

#[test]
fn empty_is_unset_is_an_explicit_opt_in() {
    let a = Admin::load(&MapSource::new([("ADMIN_TOKEN", "")]));
    assert_eq!(a.map(|a| a.admin_token.is_none()).ok(), Some(true));
    let err = Admin::load(&MapSource::new([("OTHER_TOKEN", "")]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains(
            "OTHER_TOKEN (field `other_token`, secret) from the map source: set but empty"
        ),
        "{err}"
    );
}

/// The README shows what an operator sees for a config with mistakes in its parts.
#[test]
fn readme_quotes_the_report_of_mistaken_parts() {
    let err = load(&[
        ("PGHOST", "db1.internal,db2.internal"),
        ("PGPORT", "5432,5433,5434"),
        ("SMTP_HOST", "smtp.example.com"),
        ("SMTP_SECURITY", "ssl"),
        ("MAILGUN_SMTP_LOGIN", "postmaster@mg.example.com"),
        ("CACHE_URL", "redis://:p%40ss@cache.internal:6379/0"),
        ("CACHE_PASSWORD", "p@ss"),
    ])
    .err()
    .unwrap_or_default();
    let readme = std::fs::read_to_string("README.md").unwrap_or_default();
    assert!(
        readme.contains(&err),
        "README.md does not quote the current report:\n{err}"
    );
    assert!(!err.contains("p@ss") && !err.contains("p%40ss"), "{err}");
}

/// A secrets-directory file loses its trailing newline (`\n` or `\r\n`) like a `NAME_FILE`
/// target, and a problem of its value names the file, never a `_FILE` variable.
#[test]
fn secrets_directory_files_are_trimmed_and_named() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("secrets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    std::fs::write(
        dir.join("DATABASE_URL"),
        "postgres://app@db.internal/app\r\n",
    )
    .unwrap_or_default();
    std::fs::write(dir.join("CACHE_PASSWORD"), "p@ss\n").unwrap_or_default();
    std::fs::write(dir.join("CACHE_URL"), "redis://cache.internal\n").unwrap_or_default();
    let source = resources::SecretsDir::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    let d = Deploy::load(&source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.db.expose_url(), "postgres://app@db.internal/app");
    let cache = d.cache.unwrap_or_else(|| panic!("cache"));
    assert_eq!(cache.password().map(|p| p.expose()), Some("p@ss"));
    std::fs::write(dir.join("DATABASE_URL"), "mysql://app@db/app\n").unwrap_or_default();
    let source = resources::SecretsDir::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    let err = Deploy::load(&source)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("DATABASE_URL (field `db`, PostgreSQL) from "),
        "{err}"
    );
    assert!(!err.contains("_FILE"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap_or_default();
}

#[test]
fn a_placeholder_part_is_refused() {
    let err = load(&[("PGHOST", "db"), ("PGPASSWORD", "***")])
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("PGPASSWORD (part of field `db`, PostgreSQL) from the map source: it holds the `***` placeholder"),
        "{err}"
    );
}

#[test]
fn credentials_in_the_query_read_like_user_info() {
    let db: PostgresUrl = "postgres://db/app?user=app&password=s3cr%40t"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(db.username(), Some("app"));
    assert_eq!(db.password().map(|p| p.expose()), Some("s3cr@t"));
    assert!(!format!("{db} {db:?}").contains("s3cr"), "{db:?}");
    // The user info first, as the clients read it.
    let db: PostgresUrl = "postgres://me:pw@db/app?user=app&password=other"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (db.username(), db.password().map(|p| p.expose())),
        (Some("me"), Some("pw"))
    );
    let cache: RedisUrl = "redis+unix:///run/redis.sock?db=1&user=app&pass=t0k%3Aen"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cache.username(), Some("app"));
    assert_eq!(cache.password().map(|p| p.expose()), Some("t0k:en"));
    assert!(!format!("{cache} {cache:?}").contains("t0k"), "{cache:?}");
}
