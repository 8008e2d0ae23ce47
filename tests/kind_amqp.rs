//! AMQP locators: default ports, refusals, vhosts (the RabbitMQ URI spec's appendix is a table of the
//! conformance suites).

use resources::{AmqpUrl, ErrorKind};

fn ok(s: &str) -> AmqpUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<AmqpUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

// The RabbitMQ URI spec's appendix is one table of the conformance suites
// (`tests/conformance_clients.rs`).

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
