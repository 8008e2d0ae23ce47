//! Every accessor against what the real client parses from the same string. Client-side
//! parsing only: no server needed.

use std::str::FromStr;

use resources::{AmqpUrl, Host, MySqlUrl, PostgresUrl, RedisUrl};

/// PostgreSQL: `postgres::Config` (tokio-postgres's parser).
#[test]
fn postgres_accessors_match_tokio_postgres() {
    let cases = [
        "postgres://app:s3cr%40t%3A%2F@db.internal:5433/orders",
        "postgresql://app@db.internal/orders?sslmode=require",
        "postgres://app@h1:5432,h2:5433/orders",
        "postgres://app@[::1]:5434/orders",
        "postgres://app@10.1.2.3/orders",
        "postgres://us%40er:pw@db/my%20db",
        "postgresql://app@%2Fvar%2Frun%2Fpostgresql/orders",
        "postgresql://app@/orders?host=/var/run/postgresql",
    ];
    for case in cases {
        let ours = PostgresUrl::from_str(case).unwrap_or_else(|e| panic!("{case}: {e}"));
        let theirs = postgres::Config::from_str(case)
            .unwrap_or_else(|e| panic!("{case}: tokio-postgres: {e}"));
        let hosts: Vec<String> = ours
            .hosts()
            .iter()
            .map(|e| match e.host() {
                Host::Unix(p) => format!("unix:{}", p.display()),
                h => h.to_string(),
            })
            .collect();
        let their_hosts: Vec<String> = theirs
            .get_hosts()
            .iter()
            .map(|h| match h {
                postgres::config::Host::Tcp(name) => name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_owned(),
                postgres::config::Host::Unix(p) => format!("unix:{}", p.display()),
            })
            .collect();
        assert_eq!(hosts, their_hosts, "hosts of {case}");
        let ports: Vec<u16> = ours
            .hosts()
            .iter()
            .map(|e| e.port().or(ours.port_or_default()).unwrap_or(5432))
            .collect();
        let their_ports: Vec<u16> = if theirs.get_ports().is_empty() {
            vec![5432; their_hosts.len()]
        } else if theirs.get_ports().len() == 1 {
            vec![theirs.get_ports()[0]; their_hosts.len()]
        } else {
            theirs.get_ports().to_vec()
        };
        assert_eq!(ports, their_ports, "ports of {case}");
        assert_eq!(ours.username(), theirs.get_user(), "user of {case}");
        assert_eq!(
            ours.password().map(|p| p.expose().as_bytes().to_vec()),
            theirs.get_password().map(<[u8]>::to_vec),
            "password of {case}"
        );
        assert_eq!(
            ours.database().as_deref(),
            theirs.get_dbname(),
            "database of {case}"
        );
    }
}

/// `?port=` with a host in the authority: libpq (the reference) uses the parameter for the
/// host; tokio-postgres appends it as a second port instead (`[5432, 6543]` for one host, which
/// it then refuses to connect with). We follow libpq.
#[test]
fn postgres_port_parameter_follows_libpq() {
    let case = "postgresql://app@localhost/orders?port=6543";
    let ours = PostgresUrl::from_str(case).unwrap();
    assert_eq!(ours.port(), Some(6543));
    let theirs = postgres::Config::from_str(case).unwrap();
    assert_eq!(theirs.get_ports(), [5432, 6543]);
}

/// Redis: `redis::Client::open` (redis-rs's parser).
#[test]
fn redis_accessors_match_redis_rs() {
    let cases = [
        "redis://127.0.0.1:6380/2",
        "redis://cache.internal",
        "redis://:s3cr%40t@cache.internal/0",
        "redis://app:s3cr%3At@cache.internal:6390/5",
        "redis+unix:///var/run/redis.sock",
        "unix:///var/run/redis.sock?db=3",
        "redis://[::1]:6379/1",
    ];
    for case in cases {
        let ours = RedisUrl::from_str(case).unwrap_or_else(|e| panic!("{case}: {e}"));
        let client = redis::Client::open(case).unwrap_or_else(|e| panic!("{case}: redis-rs: {e}"));
        let info = client.get_connection_info();
        match info.addr() {
            redis::ConnectionAddr::Tcp(host, port) => {
                assert_eq!(
                    ours.host().map(|h| h.to_string()).as_deref(),
                    Some(host.trim_start_matches('[').trim_end_matches(']')),
                    "host of {case}"
                );
                assert_eq!(ours.port_or_default(), Some(*port), "port of {case}");
            }
            redis::ConnectionAddr::Unix(path) => {
                assert_eq!(ours.socket_path(), Some(path.as_path()), "socket of {case}");
            }
            other => panic!("{case}: unexpected {other:?}"),
        }
        let settings = info.redis_settings();
        assert_eq!(
            i64::from(ours.db_index().unwrap_or(0)),
            settings.db(),
            "db of {case}"
        );
        assert_eq!(
            ours.username().filter(|u| !u.is_empty()),
            settings.username(),
            "user of {case}"
        );
        assert_eq!(
            ours.password().map(|p| p.expose()),
            settings.password(),
            "password of {case}"
        );
    }
}

/// AMQP: `lapin`'s `AMQPUri` (amq-protocol-uri, the RabbitMQ URI spec).
#[test]
fn amqp_accessors_match_lapin() {
    let cases = [
        "amqp://user:pass@host:10000/vhost",
        "amqp://user%61:%61pass@ho%61st:10000/v%2fhost",
        "amqp://host",
        "amqp://host/%2f",
        "amqps://jobs:s3cr%40t@mq.internal/%2Fjobs",
        "amqp://guest:guest@127.0.0.1:5672/%2F",
    ];
    for case in cases {
        let ours = AmqpUrl::from_str(case).unwrap_or_else(|e| panic!("{case}: {e}"));
        let theirs =
            lapin::uri::AMQPUri::from_str(case).unwrap_or_else(|e| panic!("{case}: lapin: {e}"));
        assert_eq!(
            ours.host()
                .map(|h| h.to_string())
                .unwrap_or_else(|| "localhost".into()),
            theirs.authority.host,
            "host of {case}"
        );
        assert_eq!(
            ours.port_or_default(),
            Some(theirs.authority.port),
            "port of {case}"
        );
        assert_eq!(
            ours.username().unwrap_or("guest"),
            theirs.authority.userinfo.username,
            "user of {case}"
        );
        assert_eq!(
            ours.password().map_or("guest", |p| p.expose()),
            theirs.authority.userinfo.password,
            "password of {case}"
        );
        assert_eq!(
            ours.vhost().as_deref().unwrap_or("/"),
            theirs.vhost,
            "vhost of {case}"
        );
    }
}

/// MySQL: `mysql::Opts::from_url` (the `mysql` crate's parser).
#[test]
fn mysql_accessors_match_the_mysql_crate() {
    let cases = [
        "mysql://app:s3cr%40t%3A%2F@db.internal:3307/orders",
        "mysql://app@db.internal/orders",
        "mysql://db.internal",
        "mysql://app:pw@[::1]:3308/orders",
        "mysql://us%40er:p%25w@10.1.2.3/my%20db",
        "mysql://app@localhost/orders?socket=%2Fvar%2Frun%2Fmysqld%2Fmysqld.sock",
        "mysql://app:my%40sq%3Al%2Fp%25x@127.0.0.1:53306/app",
    ];
    for case in cases {
        let ours = MySqlUrl::from_str(case).unwrap_or_else(|e| panic!("{case}: {e}"));
        let theirs =
            mysql::Opts::from_url(case).unwrap_or_else(|e| panic!("{case}: mysql crate: {e}"));
        assert_eq!(
            ours.host().map(|h| h.to_string()).as_deref(),
            Some(
                theirs
                    .get_ip_or_hostname()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
            ),
            "host of {case}"
        );
        assert_eq!(
            ours.port_or_default(),
            Some(theirs.get_tcp_port()),
            "port of {case}"
        );
        assert_eq!(ours.username(), theirs.get_user(), "user of {case}");
        assert_eq!(
            ours.password().map(|p| p.expose()),
            theirs.get_pass(),
            "password of {case}"
        );
        assert_eq!(
            ours.database().as_deref(),
            theirs.get_db_name(),
            "database of {case}"
        );
        assert_eq!(
            ours.param("socket"),
            theirs.get_socket(),
            "socket of {case}"
        );
    }
}

/// Where we accept more than the `mysql` crate: the `mariadb` scheme (sqlx's), and `ssl-mode`
/// (sqlx's and the MySQL clients' spelling). Hand that crate a `mysql://` URL without it.
#[test]
fn mysql_crate_refuses_what_sqlx_accepts() {
    for case in [
        "mariadb://app:pw@db.internal/orders",
        "mysql://app:pw@db.internal/orders?ssl-mode=REQUIRED",
    ] {
        assert!(MySqlUrl::from_str(case).is_ok(), "{case}");
        assert!(mysql::Opts::from_url(case).is_err(), "{case}");
    }
}
