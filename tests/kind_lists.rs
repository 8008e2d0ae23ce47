//! List-shaped locators: Kafka brokers and memcached servers.

use resources::{ErrorKind, Host, KafkaBrokers, Locator, MemcachedServers};

fn kafka(s: &str) -> KafkaBrokers {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn kafka_err(s: &str) -> ErrorKind {
    match s.parse::<KafkaBrokers>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

fn memcached(s: &str) -> MemcachedServers {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn kafka_forms() {
    let b = kafka("kafka1:9092,kafka2:9093");
    assert_eq!(b.scheme(), None);
    assert_eq!(b.servers().len(), 2);
    assert_eq!(b.bootstrap_servers(), "kafka1:9092,kafka2:9093");

    let b = kafka("kafka://k1,k2:9094");
    assert_eq!(b.scheme(), Some("kafka"));
    assert_eq!(b.bootstrap_servers(), "k1:9092,k2:9094");
    assert!(!b.is_tls());

    let heroku = "kafka+ssl://ec2-1-2-3-4.compute-1.amazonaws.com:9096,kafka+ssl://ec2-5-6-7-8.compute-1.amazonaws.com:9096";
    let b = kafka(heroku);
    assert!(b.is_tls());
    assert_eq!(b.servers().len(), 2);
    assert_eq!(b.expose_url(), heroku);
    assert_eq!(b.to_string(), heroku);

    let b = kafka("[::1]:9092,10.0.0.7");
    assert_eq!(b.bootstrap_servers(), "[::1]:9092,10.0.0.7:9092");
    assert_eq!(KafkaBrokers::info().kind, "Kafka");
}

#[test]
fn kafka_rejects() {
    assert!(matches!(
        kafka_err("kafka://k1,kafka+ssl://k2"),
        ErrorKind::Invalid(_)
    ));
    assert!(matches!(kafka_err("kafka://u:p@k1"), ErrorKind::Invalid(_)));
    assert!(matches!(
        kafka_err("amqp://k1"),
        ErrorKind::WrongScheme { .. }
    ));
    assert_eq!(kafka_err("k1,,k2"), ErrorKind::MissingHost);
    assert_eq!(kafka_err("k1:99999"), ErrorKind::BadPort);
    assert_eq!(kafka_err(""), ErrorKind::Empty);
    assert_eq!(kafka_err(" k1"), ErrorKind::Whitespace);
    assert!(matches!(
        kafka_err("kafka://k1/topic"),
        ErrorKind::BadPath(_)
    ));
    assert_eq!(kafka_err("k1%2f.evil"), ErrorKind::SmuggledHost);
}

#[test]
fn memcached_forms() {
    let m = memcached("cache1,cache2:11212");
    assert_eq!(m.addresses(), vec!["cache1:11211", "cache2:11212"]);
    let m = memcached("memcache://cache1:11211,cache2?timeout=10&tcp_nodelay=true");
    assert_eq!(m.scheme(), Some("memcache"));
    assert_eq!(m.servers().len(), 2);
    assert_eq!(m.param("timeout"), Some("10"));
    let m = memcached("memcached://c1,memcached://c2");
    assert_eq!(m.addresses(), vec!["c1:11211", "c2:11211"]);
    let m = memcached("memcache:///var/run/memcached.sock");
    assert_eq!(
        m.servers()[0].host(),
        &Host::Unix("/var/run/memcached.sock".into())
    );
    let m = memcached("memcache://app:s3cret@cache1:11211");
    assert_eq!(m.username(), Some("app"));
    assert_eq!(m.to_string(), "memcache://app:***@cache1:11211");
    assert_eq!(
        format!("{m:?}"),
        "MemcachedServers(\"memcache://app:***@cache1:11211\")"
    );
}

#[test]
fn memcached_rejects() {
    assert!(
        "memcache://c1,redis://c2"
            .parse::<MemcachedServers>()
            .is_err()
    );
    assert!("c1:0".parse::<MemcachedServers>().is_err());
    assert!("memcache://c1,u:p@c2".parse::<MemcachedServers>().is_err());
}
