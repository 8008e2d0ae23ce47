//! MongoDB locators, with cases from the connection-string spec.

use resources::{ErrorKind, Host, MongoUrl};
use std::path::Path;

fn ok(s: &str) -> MongoUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<MongoUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

#[test]
fn valid_uris() {
    let u = ok("mongodb://localhost");
    assert_eq!(u.port_or_default(), Some(27017));
    assert_eq!(ok("mongodb://localhost:27018").port(), Some(27018));

    let u = ok("mongodb://user:pass@localhost/admin");
    assert_eq!(u.database().as_deref(), Some("admin"));
    assert_eq!(u.to_string(), "mongodb://user:***@localhost/admin");

    let u = ok("mongodb://h1:27017,h2:27018,h3/?replicaSet=rs0");
    assert_eq!(u.hosts().len(), 3);
    assert_eq!(u.hosts()[2].port(), None);
    assert_eq!(u.param("replicaSet"), Some("rs0"));
    assert_eq!(u.database(), None);

    let u = ok("mongodb+srv://cluster0.example.mongodb.net/app?retryWrites=true");
    assert!(u.is_srv());
    assert_eq!(u.port_or_default(), None);
    assert_eq!(u.database().as_deref(), Some("app"));

    let u = ok("mongodb://%2Ftmp%2Fmongodb-27017.sock");
    assert_eq!(
        u.host().and_then(Host::unix_path),
        Some(Path::new("/tmp/mongodb-27017.sock"))
    );

    assert_eq!(
        ok("mongodb://[::1]:27017").host().unwrap().to_string(),
        "::1"
    );
    assert_eq!(
        ok("mongodb://user%40domain:pass@localhost/?authMechanism=PLAIN").username(),
        Some("user@domain")
    );
    assert_eq!(ok("mongodb://localhost/?authSource=admin").database(), None);
}

#[test]
fn rejects_spec_invalid_uris() {
    assert_eq!(err("mongodb://"), ErrorKind::MissingHost);
    assert_eq!(err("mongodb://localhost:65536"), ErrorKind::BadPort);
    assert_eq!(err("mongodb://localhost:0"), ErrorKind::BadPort);
    assert_eq!(
        err("mongodb+srv://cluster0.example.net:27017"),
        ErrorKind::PortNotAllowed
    );
    assert_eq!(
        err("mongodb+srv://h1.example.net,h2.example.net"),
        ErrorKind::TooManyHosts { max: 1 }
    );
    // Inside the password: the part is named, not the character or its place.
    assert_eq!(
        err("mongodb://user:pa:ss@localhost"),
        ErrorKind::UnencodedInSecret
    );
    assert_eq!(
        err("mongodb://us@er:pass@localhost"),
        ErrorKind::UnescapedAt
    );
    assert!(matches!(
        err("mongodb://%2Ftmp%2Fmongodb.socket"),
        ErrorKind::Invalid(_)
    ));
    // A dotted database name is valid (the spec's valid-db-with-dotted-name).
    assert_eq!(
        ok("mongodb://localhost/a.b").database().as_deref(),
        Some("a.b")
    );
    assert!(matches!(
        err("mongodb://localhost/a$b"),
        ErrorKind::BadPath(_)
    ));
    assert_eq!(err("mongodb://localhost,,h2"), ErrorKind::MissingHost);
    assert!(matches!(
        err("mongodb://:pass@localhost"),
        ErrorKind::Invalid(_)
    ));
    assert!(matches!(
        err("mongo://localhost"),
        ErrorKind::WrongScheme { .. }
    ));
    assert_eq!(err("mongodb://local%2fhost"), ErrorKind::SmuggledHost);
}
