//! Smaller reference suites, transcribed as data (see `tests/conformance/README.md`): the
//! RabbitMQ URI spec's appendix, redis-rs's URL tests and docs, and the forms the issue lists
//! for the other kinds (S3, SQLite, NATS, Kafka, MySQL, HTTP). Deliberate differences are in
//! [`DIFFERENCES`] with the reason; the test checks each is still real.

use resources::{
    AmqpUrl, ApiUrl, HttpUrl, KafkaBrokers, Locator, MySqlUrl, NatsUrl, RedisUrl, S3Url, SmtpUrl,
    SqliteUrl,
};

/// Deliberate differences: (suite, case, what the reference says, what we do, why).
pub const DIFFERENCES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "redis-rs",
        "redis+unix:///example.sock?pass=%26%3F%3D+%2A%2B&db=2&user=%25johndoe%25",
        "password `&?= *+` (`+` read as a space, form-encoding)",
        "password `&?=+*+` (`+` kept)",
        "the shared parser reads RFC 3986 (a `+` is a `+`), as libpq and the MongoDB spec do; the URL handed to redis-rs (`expose_url()`) is unchanged, so the client still reads a space: only `secret_param(\"pass\")` differs. Write a space as %20 to mean the same to both",
    ),
    (
        "issue",
        "kafka://",
        "(librdkafka) no default broker: `bootstrap.servers` is required",
        "refused: a host is required",
        "there is no client default to fall back on; an empty list is a configuration mistake",
    ),
    (
        "issue",
        "mysqlx://app:pw@db:33060/app",
        "MySQL's connectors: the X protocol on 33060",
        "refused: `MySqlUrl` takes `mysql`/`mariadb`",
        "the clients a `MySqlUrl` is handed to (mysql, mysql_async, sqlx) speak the classic protocol on 3306; an X-protocol URL would fail at the first connect",
    ),
    (
        "lettre",
        "smtp://relay.example.com?tls=required&tls=opportunistic",
        "STARTTLS required (lettre takes the first `tls`)",
        "STARTTLS opportunistic (the last)",
        "one rule for a repeated parameter in every kind: the last, as libpq, redis-rs and sqlx read it; both are STARTTLS on 587",
    ),
    (
        "lettre",
        "smtps://relay.example.com?tls=required",
        "accepted: implicit TLS, `tls` ignored",
        "refused: `tls=` applies to `smtp` URLs",
        "a contradictory setting is refused rather than silently ignored",
    ),
];

fn differs(case: &str) -> bool {
    DIFFERENCES.iter().any(|d| d.1 == case)
}

/// The RabbitMQ URI spec, appendix A: (uri, user, password, host, port, vhost).
type AmqpCase = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<u16>,
    Option<&'static str>,
);
const RABBITMQ: &[AmqpCase] = &[
    (
        "amqp://user:pass@host:10000/vhost",
        Some("user"),
        Some("pass"),
        Some("host"),
        Some(10000),
        Some("vhost"),
    ),
    (
        "amqp://user%61:%61pass@ho%61st:10000/v%2fhost",
        Some("usera"),
        Some("apass"),
        Some("hoast"),
        Some(10000),
        Some("v/host"),
    ),
    ("amqp://", None, None, None, None, None),
    ("amqp://:@/", Some(""), Some(""), None, None, Some("")),
    ("amqp://user@", Some("user"), None, None, None, None),
    (
        "amqp://user:pass@",
        Some("user"),
        Some("pass"),
        None,
        None,
        None,
    ),
    ("amqp://host", None, None, Some("host"), None, None),
    ("amqp://:10000", None, None, None, Some(10000), None),
    ("amqp:///vhost", None, None, None, None, Some("vhost")),
    ("amqp://host/", None, None, Some("host"), None, Some("")),
    ("amqp://host/%2f", None, None, Some("host"), None, Some("/")),
    ("amqp://[::1]", None, None, Some("::1"), None, None),
];

#[test]
fn rabbitmq_uri_spec_appendix() {
    let mut failures = Vec::new();
    for &(uri, user, password, host, port, vhost) in RABBITMQ {
        let u = match uri.parse::<AmqpUrl>() {
            Ok(u) => u,
            Err(e) => {
                failures.push(format!("{uri}: refused ({e})"));
                continue;
            }
        };
        let got = (
            u.username(),
            u.password().map(|p| p.expose()),
            u.host().map(|h| h.to_string()),
            u.port(),
            u.vhost().map(|v| v.into_owned()),
        );
        let want = (
            user,
            password,
            host.map(str::to_owned),
            port,
            vhost.map(str::to_owned),
        );
        if got != want {
            failures.push(format!("{uri}: read as {got:?}, the spec says {want:?}"));
        }
    }
    eprintln!(
        "RabbitMQ URI appendix: {} cases, {} agreed, 0 deliberate differences",
        RABBITMQ.len(),
        RABBITMQ.len() - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rabbitmq_numeric_parameters() {
    for bad in [
        "amqp://h?heartbeat=soon",
        "amqp://h?channel_max=-1",
        "amqp://h?channel_max=70000",
        "amqp://h?frame_max=big",
        "amqp://h?connection_timeout=",
    ] {
        assert!(bad.parse::<AmqpUrl>().is_err(), "{bad}");
    }
    let u: AmqpUrl = "amqp://h?heartbeat=30&channel_max=2047&frame_max=131072"
        .parse()
        .expect("numeric");
    assert_eq!(u.param("heartbeat"), Some("30"));
}

/// redis-rs's `test_url_to_*` cases and its documented forms:
/// (uri, accepted, host or socket, port_or_default, db, user, password, protocol, insecure).
type RedisCase = (
    &'static str,
    bool,
    Option<&'static str>,
    Option<u16>,
    u32,
    Option<&'static str>,
    Option<&'static str>,
    u8,
    bool,
);
const REDIS: &[RedisCase] = &[
    (
        "redis://127.0.0.1",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://[::1]",
        true,
        Some("::1"),
        Some(6379),
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis+unix:///run/redis.sock",
        true,
        Some("/run/redis.sock"),
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "unix:///run/redis.sock",
        true,
        Some("/run/redis.sock"),
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "http://127.0.0.1",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "tcp://127.0.0.1",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://%25johndoe%25:%23%40%3C%3E%24@example.com/2",
        true,
        Some("example.com"),
        Some(6379),
        2,
        Some("%johndoe%"),
        Some("#@<>$"),
        2,
        false,
    ),
    (
        "redis://127.0.0.1/?protocol=2",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://127.0.0.1/?protocol=resp3",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        None,
        None,
        3,
        false,
    ),
    ("redis://", false, None, None, 0, None, None, 2, false),
    (
        "redis://127.0.0.1/db",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://C3%B0@127.0.0.1",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://:C3%B0@127.0.0.1",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis://127.0.0.1/?protocol=4",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "unix:///var/run/redis.sock",
        true,
        Some("/var/run/redis.sock"),
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    (
        "redis+unix:///var/run/redis.sock?db=1",
        true,
        Some("/var/run/redis.sock"),
        None,
        1,
        None,
        None,
        2,
        false,
    ),
    (
        "unix:///example.sock?user=%25johndoe%25&pass=%23%40%3C%3E%24&db=2",
        true,
        Some("/example.sock"),
        None,
        2,
        Some("%johndoe%"),
        Some("#@<>$"),
        2,
        false,
    ),
    (
        "redis+unix:///example.sock?pass=%26%3F%3D+%2A%2B&db=2&user=%25johndoe%25",
        true,
        Some("/example.sock"),
        None,
        2,
        Some("%johndoe%"),
        Some("&?= *+"),
        2,
        false,
    ),
    (
        "redis+unix:///var/run/redis.sock?protocol=3",
        true,
        Some("/var/run/redis.sock"),
        None,
        0,
        None,
        None,
        3,
        false,
    ),
    // The documented forms (`IntoConnectionInfo for &str`).
    (
        "redis://user:password@127.0.0.1:6379",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        Some("user"),
        Some("password"),
        2,
        false,
    ),
    (
        "redis://:password@127.0.0.1:6379",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        Some(""),
        Some("password"),
        2,
        false,
    ),
    (
        "rediss://127.0.0.1:6379/#insecure",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        None,
        None,
        2,
        true,
    ),
    (
        "rediss://127.0.0.1:6379/#other",
        false,
        None,
        None,
        0,
        None,
        None,
        2,
        false,
    ),
    // url (and so redis-rs) reads a raw space in the user info as %20.
    (
        "redis://my user:my pass@127.0.0.1",
        true,
        Some("127.0.0.1"),
        Some(6379),
        0,
        Some("my user"),
        Some("my pass"),
        2,
        false,
    ),
];

#[test]
fn redis_rs_url_cases() {
    let (mut agreed, mut differ) = (0, 0);
    let mut failures = Vec::new();
    for &(uri, accepted, host, port, db, user, password, protocol, insecure) in REDIS {
        let verdict = match (uri.parse::<RedisUrl>(), accepted) {
            (Err(_), false) => Ok(()),
            (Ok(u), false) => Err(format!("accepted as {u}")),
            (Err(e), true) => Err(format!("refused ({e})")),
            (Ok(u), true) => {
                let unix_user = u.param("user");
                let unix_pass = u.secret_param("pass").map(|p| p.expose());
                let got = (
                    u.host().map(|h| h.to_string()),
                    u.port_or_default(),
                    u.db_index().unwrap_or(0),
                    u.username().or(unix_user),
                    u.password().map(|p| p.expose()).or(unix_pass),
                    u.protocol().unwrap_or(2),
                    u.is_insecure(),
                );
                let want = (
                    host.map(str::to_owned),
                    port,
                    db,
                    user,
                    password,
                    protocol,
                    insecure,
                );
                if got == want {
                    Ok(())
                } else {
                    Err(format!("read as {got:?}, redis-rs: {want:?}"))
                }
            }
        };
        match (differs(uri), verdict) {
            (true, Err(_)) => differ += 1,
            (true, Ok(())) => failures.push(format!("{uri}: listed as a difference, but agrees")),
            (false, Ok(())) => agreed += 1,
            (false, Err(why)) => failures.push(format!("{uri}: {why}")),
        }
    }
    eprintln!(
        "redis-rs URL cases: {} cases, {agreed} agreed, {differ} deliberate differences",
        REDIS.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn redis_timeouts_are_numbers() {
    assert!(
        "redis://h/0?connect_timeout=soon"
            .parse::<RedisUrl>()
            .is_err()
    );
    assert!("redis://h/0?timeout=".parse::<RedisUrl>().is_err());
    for ok in [
        "redis://h/0?connect_timeout=5",
        "redis://h/0?response_timeout=0.5",
        "redis://h/0?connect_timeout=500ms",
    ] {
        assert!(ok.parse::<RedisUrl>().is_ok(), "{ok}");
    }
    // `#insecure` turns off verification of TLS only.
    assert!("redis://h/0#insecure".parse::<RedisUrl>().is_err());
}

fn verdict<L: Locator>(s: &str) -> bool {
    L::parse_locator(s).is_ok()
}

/// The other forms the issue lists: (case, accepted).
#[test]
fn other_kinds() {
    let mut failures = Vec::new();
    let cases: &[(&str, bool, bool)] = &[
        ("nats://", verdict::<NatsUrl>("nats://"), true),
        ("tls://", verdict::<NatsUrl>("tls://"), true),
        ("tls://:4443", verdict::<NatsUrl>("tls://:4443"), true),
        ("kafka://", verdict::<KafkaBrokers>("kafka://"), true),
        (
            "s3a://bucket/key",
            verdict::<S3Url>("s3a://bucket/key"),
            true,
        ),
        (
            "http://minio:9000",
            verdict::<S3Url>("http://minio:9000"),
            true,
        ),
        ("s3://", verdict::<S3Url>("s3://"), false),
        ("sqlite://", verdict::<SqliteUrl>("sqlite://"), true),
        ("sqlite:", verdict::<SqliteUrl>("sqlite:"), true),
        (
            "sqlite://?mode=memory",
            verdict::<SqliteUrl>("sqlite://?mode=memory"),
            true,
        ),
        (
            "sqlite::memory:",
            verdict::<SqliteUrl>("sqlite::memory:"),
            true,
        ),
        (
            "sqlite://:memory:",
            verdict::<SqliteUrl>("sqlite://:memory:"),
            true,
        ),
        (
            "mysqlx://app:pw@db:33060/app",
            verdict::<MySqlUrl>("mysqlx://app:pw@db:33060/app"),
            true,
        ),
    ];
    for &(case, ours, reference) in cases {
        match (differs(case), ours == reference) {
            (true, false) | (false, true) => {}
            (true, true) => failures.push(format!("{case}: listed as a difference, but agrees")),
            (false, false) => {
                failures.push(format!("{case}: we say {ours}, the reference {reference}"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let s3: S3Url = "s3a://my-bucket/uploads/".parse().expect("s3a");
    assert_eq!(s3.bucket(), Some("my-bucket"));
    assert_eq!(s3.endpoint(), None);
    let minio: S3Url = "http://minio:9000".parse().expect("endpoint");
    assert_eq!(minio.bucket(), None);
    assert_eq!(minio.endpoint().as_deref(), Some("http://minio:9000"));
    for memory in [
        "sqlite://",
        "sqlite://?mode=memory",
        "sqlite::memory:",
        "sqlite://:memory:",
    ] {
        let db: SqliteUrl = memory.parse().expect(memory);
        assert!(db.is_memory(), "{memory}");
        assert_eq!(db.file_path(), None, "{memory}");
    }
    let nats: NatsUrl = "tls://".parse().expect("tls");
    assert!(nats.hosts().is_empty());
    assert_eq!(nats.port_or_default(), Some(4222));
}

/// Internationalised host names: accepted, and given in the ASCII form `url` gives.
#[test]
fn idn_hosts_match_the_url_crate() {
    for name in [
        "bücher.example",
        "MÜNCHEN.de",
        "пример.испытание",
        "例え.テスト",
        "straße.de",
        "café-ü.example.com",
        "ascii.example",
    ] {
        let input = format!("https://{name}/v1");
        let ours: HttpUrl = input.parse().expect(&input);
        let theirs = url::Url::parse(&input).expect("url");
        assert_eq!(ours.ascii_host().as_deref(), theirs.host_str(), "{name}");
        let api: ApiUrl = format!("https://TOKEN@{name}/").parse().expect("api");
        assert_eq!(api.ascii_host().as_deref(), theirs.host_str(), "{name}");
    }
}

/// lettre's `from_url` (its `connection_url.rs`, and the forms its docs list):
/// (uri, accepted, host, port_or_default, user given with a password, password, implicit TLS,
/// STARTTLS mode).
type SmtpCase = (
    &'static str,
    bool,
    Option<&'static str>,
    Option<u16>,
    Option<&'static str>,
    Option<&'static str>,
    bool,
    Option<&'static str>,
);
const LETTRE: &[SmtpCase] = &[
    (
        "smtp://127.0.0.1:2525",
        true,
        Some("127.0.0.1"),
        Some(2525),
        None,
        None,
        false,
        None,
    ),
    (
        "smtp://relay.example.com",
        true,
        Some("relay.example.com"),
        Some(25),
        None,
        None,
        false,
        None,
    ),
    (
        "smtps://user:pass@hostname:465",
        true,
        Some("hostname"),
        Some(465),
        Some("user"),
        Some("pass"),
        true,
        None,
    ),
    (
        "smtps://user:pass@hostname",
        true,
        Some("hostname"),
        Some(465),
        Some("user"),
        Some("pass"),
        true,
        None,
    ),
    (
        "smtp://user:pass@hostname:587?tls=required",
        true,
        Some("hostname"),
        Some(587),
        Some("user"),
        Some("pass"),
        false,
        Some("required"),
    ),
    (
        "smtp://user:pass@hostname?tls=required",
        true,
        Some("hostname"),
        Some(587),
        Some("user"),
        Some("pass"),
        false,
        Some("required"),
    ),
    (
        "smtp://user:pass@hostname?tls=opportunistic",
        true,
        Some("hostname"),
        Some(587),
        Some("user"),
        Some("pass"),
        false,
        Some("opportunistic"),
    ),
    (
        "smtp://user:pass@hostname:2525",
        true,
        Some("hostname"),
        Some(2525),
        Some("user"),
        Some("pass"),
        false,
        None,
    ),
    (
        "smtp://user:pass@hostname:587/ehlo-name",
        true,
        Some("hostname"),
        Some(587),
        Some("user"),
        Some("pass"),
        false,
        None,
    ),
    (
        "smtp://us%40er:p%40ss@hostname",
        true,
        Some("hostname"),
        Some(25),
        Some("us@er"),
        Some("p@ss"),
        false,
        None,
    ),
    (
        "smtp://user@hostname",
        true,
        Some("hostname"),
        Some(25),
        None,
        None,
        false,
        None,
    ),
    (
        "smtp://relay.example.com?tls=required&tls=opportunistic",
        true,
        Some("relay.example.com"),
        Some(587),
        None,
        None,
        false,
        Some("required"),
    ),
    (
        "smtps://relay.example.com?tls=required",
        true,
        Some("relay.example.com"),
        Some(465),
        None,
        None,
        true,
        None,
    ),
    (
        "smtp://hostname?tls=bogus",
        false,
        None,
        None,
        None,
        None,
        false,
        None,
    ),
    ("smtp://", false, None, None, None, None, false, None),
    (
        "submission://hostname",
        false,
        None,
        None,
        None,
        None,
        false,
        None,
    ),
    (
        "smtp://:pass@hostname",
        true,
        Some("hostname"),
        Some(25),
        Some(""),
        Some("pass"),
        false,
        None,
    ),
];

#[test]
fn lettre_from_url_cases() {
    let (mut agreed, mut differ) = (0, 0);
    let mut failures = Vec::new();
    for &(uri, accepted, host, port, user, password, implicit, starttls) in LETTRE {
        let verdict = match (uri.parse::<SmtpUrl>(), accepted) {
            (Err(_), false) => Ok(()),
            (Ok(u), false) => Err(format!("accepted as {u}")),
            (Err(e), true) => Err(format!("refused ({e})")),
            (Ok(u), true) => {
                let pw = u.password().map(|p| p.expose());
                let got = (
                    u.host().map(|h| h.to_string()),
                    u.port_or_default(),
                    // lettre authenticates only when a password is written.
                    pw.and(u.username()),
                    pw,
                    u.is_implicit_tls(),
                    u.starttls(),
                );
                let want = (
                    host.map(str::to_owned),
                    port,
                    user,
                    password,
                    implicit,
                    starttls,
                );
                if got == want {
                    Ok(())
                } else {
                    Err(format!("read as {got:?}, lettre: {want:?}"))
                }
            }
        };
        match (differs(uri), verdict) {
            (true, Err(_)) => differ += 1,
            (true, Ok(())) => failures.push(format!("{uri}: listed as a difference, but agrees")),
            (false, Ok(())) => agreed += 1,
            (false, Err(why)) => failures.push(format!("{uri}: {why}")),
        }
    }
    eprintln!(
        "lettre from_url cases: {} cases, {agreed} agreed, {differ} deliberate differences",
        LETTRE.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
