//! Redis and Valkey locators, with the forms redis-rs accepts.

use resources::{ErrorKind, Host, RedisUrl};
use std::path::Path;

fn ok(s: &str) -> RedisUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<RedisUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

#[test]
fn tcp_forms() {
    let u = ok("redis://127.0.0.1");
    assert_eq!(u.host().unwrap().to_string(), "127.0.0.1");
    assert_eq!(u.port(), None);
    assert_eq!(u.port_or_default(), Some(6379));
    assert_eq!(u.db_index(), None);
    assert!(!u.is_tls());

    let u = ok("redis://127.0.0.1:6380/2");
    assert_eq!((u.port(), u.db_index()), (Some(6380), Some(2)));

    let u = ok("redis://:password@127.0.0.1/0");
    assert_eq!(u.username(), Some(""));
    assert_eq!(u.password().unwrap().expose(), "password");
    assert_eq!(u.db_index(), Some(0));
    assert_eq!(u.to_string(), "redis://:***@127.0.0.1/0");

    let u = ok("redis://default:s3cret@cache.internal:6379/1");
    assert_eq!(u.username(), Some("default"));
    assert_eq!(u.db_index(), Some(1));

    assert_eq!(ok("redis://cache/").db_index(), None);
    assert_eq!(ok("redis://cache?db=3").db_index(), Some(3));
    assert_eq!(
        ok("redis://cache/?protocol=resp3").param("protocol"),
        Some("resp3")
    );
}

#[test]
fn tls_and_valkey() {
    let u = ok("rediss://cache.internal:6380");
    assert!(u.is_tls());
    assert_eq!(u.scheme(), "rediss");
    assert!(ok("valkeys://cache").is_tls());
    assert_eq!(ok("valkey://cache/4").db_index(), Some(4));
}

#[test]
fn unix_forms() {
    let u = ok("redis+unix:///tmp/redis.sock");
    assert_eq!(u.socket_path(), Some(Path::new("/tmp/redis.sock")));
    assert_eq!(u.port_or_default(), None);

    let u = ok("unix:///var/run/redis/redis.sock?db=1&pass=s3cret");
    assert_eq!(
        u.host(),
        Some(&Host::Unix("/var/run/redis/redis.sock".into()))
    );
    assert_eq!(u.db_index(), Some(1));
    assert_eq!(u.secret_param("pass").unwrap().expose(), "s3cret");
    assert_eq!(
        u.to_string(),
        "unix:///var/run/redis/redis.sock?db=1&pass=***"
    );

    let u = ok("redis+unix://:s3cret@/tmp/redis.sock");
    assert_eq!(u.password().unwrap().expose(), "s3cret");
    assert_eq!(u.to_string(), "redis+unix://:***@/tmp/redis.sock");
    assert_eq!(
        ok("valkey+unix:///tmp/v.sock").socket_path(),
        Some(Path::new("/tmp/v.sock"))
    );
}

#[test]
fn rejects() {
    assert!(matches!(err("redis://cache/abc"), ErrorKind::Invalid(_)));
    assert!(matches!(err("redis://cache?db=x"), ErrorKind::Invalid(_)));
    assert!(matches!(err("redis://cache?db="), ErrorKind::Invalid(_)));
    assert!(matches!(err("redis://cache/-1"), ErrorKind::Invalid(_)));
    assert!(matches!(err("redis://cache/1/2"), ErrorKind::BadPath(_)));
    assert!(matches!(
        err("redis+unix://cache/tmp/redis.sock"),
        ErrorKind::BadPath(_)
    ));
    assert!(matches!(err("redis+unix://"), ErrorKind::BadPath(_)));
    assert!(matches!(
        err("redis+unix:///tmp/../etc/x.sock"),
        ErrorKind::BadPath(_)
    ));
    assert_eq!(
        err("redis+unix:/tmp/redis.sock"),
        ErrorKind::MissingAuthority
    );
    assert_eq!(err("redis://:pw@"), ErrorKind::MissingHost);
    assert_eq!(err("redis://"), ErrorKind::MissingHost);
    assert_eq!(err("redis://h1,h2"), ErrorKind::TooManyHosts { max: 1 });
    assert_eq!(err("redis://cache:0"), ErrorKind::BadPort);
    assert!(matches!(
        err("redis://cache/?protocol=resp4"),
        ErrorKind::BadParam { .. }
    ));
    assert!(matches!(
        err("memcache://cache"),
        ErrorKind::WrongScheme {
            found: Some("memcache"),
            ..
        }
    ));
    assert_eq!(err("redis://cache%2Fevil/0"), ErrorKind::SmuggledHost);
}
