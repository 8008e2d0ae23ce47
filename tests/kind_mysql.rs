//! MySQL and MariaDB locators.

use resources::{ErrorKind, MySqlUrl};

fn ok(s: &str) -> MySqlUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<MySqlUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

#[test]
fn valid_urls() {
    let u = ok("mysql://root:pass@localhost:3306/db");
    assert_eq!(
        (u.username(), u.port(), u.database().as_deref()),
        (Some("root"), Some(3306), Some("db"))
    );
    assert_eq!(u.to_string(), "mysql://root:***@localhost:3306/db");
    assert_eq!(
        ok("mysql://root@localhost/db").port_or_default(),
        Some(3306)
    );
    assert_eq!(ok("mariadb://app@db").scheme(), "mariadb");
    assert_eq!(ok("mysql://root@127.0.0.1").database(), None);
    let u = ok("mysql://app:p@/db?socket=/var/run/mysqld/mysqld.sock");
    assert!(u.hosts().is_empty());
    assert_eq!(u.param("socket"), Some("/var/run/mysqld/mysqld.sock"));
    assert_eq!(ok("mysql://[::1]:3307/db").port(), Some(3307));
    assert_eq!(
        ok("mysql://db/app?ssl-mode=REQUIRED").param("ssl-mode"),
        Some("REQUIRED")
    );
}

#[test]
fn rejects() {
    assert_eq!(err("mysql:///db"), ErrorKind::MissingHost);
    assert_eq!(err("mysql://h1,h2/db"), ErrorKind::TooManyHosts { max: 1 });
    assert!(matches!(err("mysql://db/a/b"), ErrorKind::BadPath(_)));
    assert!(matches!(
        err("mysql://db?ssl-mode=maybe"),
        ErrorKind::BadParam { .. }
    ));
    assert!(matches!(
        err("postgres://db"),
        ErrorKind::WrongScheme {
            found: Some("postgres"),
            ..
        }
    ));
    assert_eq!(err("mysql://db:3306x/app"), ErrorKind::BadPort);
    assert_eq!(err("mysql://db:0/app"), ErrorKind::BadPort);
    assert_eq!(err("mysql://root:p@ss@db/app"), ErrorKind::UnescapedAt);
    assert_eq!(
        err("mysql://root:p%2@db/app"),
        ErrorKind::BadPercentEncoding
    );
    assert_eq!(err("mysql://db%2Fx/app"), ErrorKind::SmuggledHost);
    assert_eq!(err("mysql:db/app"), ErrorKind::MissingAuthority);
    assert_eq!(err(" mysql://db/app"), ErrorKind::Whitespace);
    assert_eq!(err("mysql://db/app#x"), ErrorKind::Fragment);
}

#[test]
fn credentials_and_redaction() {
    let u = ok("mysql://app%40corp:p%3Ass@db.internal/app?ssl-mode=VERIFY_IDENTITY");
    assert_eq!(u.username(), Some("app@corp"));
    assert_eq!(u.password().unwrap().expose(), "p:ss");
    assert_eq!(
        u.to_string(),
        "mysql://app%40corp:***@db.internal/app?ssl-mode=VERIFY_IDENTITY"
    );
    assert_eq!(
        format!("{u:?}"),
        "MySQL(\"mysql://app%40corp:***@db.internal/app?ssl-mode=VERIFY_IDENTITY\")"
    );
    assert_eq!(ok("MYSQL://db/app").scheme(), "mysql");
    assert_eq!(
        ok("mysql://db/my%20app").database().as_deref(),
        Some("my app")
    );
    assert_eq!(ok("mariadb://db:3307").port_or_default(), Some(3307));
}
