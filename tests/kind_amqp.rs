//! AMQP locators, with the examples of the RabbitMQ URI spec's appendix.

use resources::{AmqpUrl, ErrorKind, Host};

fn ok(s: &str) -> AmqpUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<AmqpUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

/// (uri, user, password, host, port, vhost) from the spec's table.
#[allow(clippy::type_complexity)]
const SPEC: &[(
    &str,
    Option<&str>,
    Option<&str>,
    Option<&str>,
    Option<u16>,
    Option<&str>,
)] = &[
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
fn rabbitmq_spec_appendix() {
    for &(uri, user, pass, host, port, vhost) in SPEC {
        let u = ok(uri);
        assert_eq!(u.username(), user, "{uri}");
        assert_eq!(u.password().map(|p| p.expose()), pass, "{uri}");
        assert_eq!(u.host().map(Host::to_string).as_deref(), host, "{uri}");
        assert_eq!(u.port(), port, "{uri}");
        assert_eq!(u.vhost().as_deref(), vhost, "{uri}");
    }
}

#[test]
fn default_ports() {
    assert_eq!(ok("amqp://mq").port_or_default(), Some(5672));
    assert_eq!(ok("amqps://mq").port_or_default(), Some(5671));
    assert_eq!(ok("amqps://mq:5673").port_or_default(), Some(5673));
    assert_eq!(ok("amqp://mq").expose_url(), "amqp://mq");
}

#[test]
fn redaction() {
    let u = ok("amqps://jobs:s%2Fcret@mq.internal/%2Fjobs?heartbeat=30");
    assert_eq!(
        u.to_string(),
        "amqps://jobs:***@mq.internal/%2Fjobs?heartbeat=30"
    );
    assert_eq!(u.vhost().as_deref(), Some("/jobs"));
    assert_eq!(u.param("heartbeat"), Some("30"));
}

#[test]
fn rejects() {
    assert!(matches!(err("amqp://host/a/b"), ErrorKind::BadPath(_)));
    assert!(matches!(err("amqp://host//"), ErrorKind::BadPath(_)));
    assert_eq!(err("amqp://host:99999"), ErrorKind::BadPort);
    assert_eq!(err("amqp://h1,h2"), ErrorKind::TooManyHosts { max: 1 });
    assert!(matches!(err("amqp1://host"), ErrorKind::WrongScheme { .. }));
    assert_eq!(err("amqp://host/%zz"), ErrorKind::BadPercentEncoding);
    assert_eq!(err("amqp://us@er:p@host"), ErrorKind::UnescapedAt);
    assert_eq!(err("amqp:host"), ErrorKind::MissingAuthority);
}
