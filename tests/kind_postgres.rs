//! PostgreSQL locators, with the connection URI examples of libpq's documentation.

use resources::{ErrorKind, Host, PostgresUrl, SecretPart};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

fn ok(s: &str) -> PostgresUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<PostgresUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

fn name(n: &str) -> Host {
    Host::Name(n.to_owned())
}

#[test]
fn libpq_documented_uris() {
    let u = ok("postgresql://");
    assert!(u.hosts().is_empty());
    assert_eq!(u.port_or_default(), Some(5432));
    assert_eq!(u.database(), None);

    let u = ok("postgresql://localhost");
    assert_eq!(u.host(), Some(&name("localhost")));
    assert_eq!(u.port(), None);
    assert_eq!(u.port_or_default(), Some(5432));
    assert_eq!(u.expose_url(), "postgresql://localhost");

    assert_eq!(ok("postgresql://localhost:5433").port(), Some(5433));
    assert_eq!(
        ok("postgresql://localhost/mydb").database().as_deref(),
        Some("mydb")
    );
    assert_eq!(ok("postgresql://user@localhost").username(), Some("user"));

    let u = ok("postgresql://user:secret@localhost");
    assert_eq!(u.password().map(|p| p.expose()), Some("secret"));
    assert_eq!(u.to_string(), "postgresql://user:***@localhost");

    let u = ok("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp");
    assert_eq!(u.username(), Some("other"));
    assert_eq!(u.database().as_deref(), Some("otherdb"));
    assert_eq!(u.param("connect_timeout"), Some("10"));
    assert_eq!(u.param("application_name"), Some("myapp"));

    let u = ok(
        "postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp",
    );
    let hosts: Vec<(Host, Option<u16>)> = u
        .hosts()
        .iter()
        .map(|e| (e.host().clone(), e.port()))
        .collect();
    assert_eq!(
        hosts,
        vec![(name("host1"), Some(123)), (name("host2"), Some(456))]
    );
    assert_eq!(u.database().as_deref(), Some("somedb"));
}

#[test]
fn host_and_port_in_query() {
    let u = ok("postgresql:///mydb?host=localhost&port=5433");
    assert_eq!(u.host(), Some(&name("localhost")));
    assert_eq!(u.port(), Some(5433));
    assert_eq!(u.database().as_deref(), Some("mydb"));
}

#[test]
fn ipv6_hosts() {
    let u = ok("postgresql://[2001:db8::1234]/database");
    assert_eq!(
        u.host(),
        Some(&Host::Ipv6("2001:db8::1234".parse::<Ipv6Addr>().unwrap()))
    );
    assert_eq!(u.hosts()[0].to_string(), "[2001:db8::1234]");
    let u = ok("postgres://[::1]:5433/db");
    assert_eq!(u.port(), Some(5433));
    assert_eq!(u.host().unwrap().to_string(), "::1");
}

#[test]
fn ipv4_host() {
    let u = ok("postgres://app@10.0.0.5:6432/app");
    assert_eq!(u.host(), Some(&Host::Ipv4(Ipv4Addr::new(10, 0, 0, 5))));
}

#[test]
fn unix_socket_directories() {
    let u = ok("postgresql:///dbname?host=/var/lib/postgresql");
    assert_eq!(
        u.host(),
        Some(&Host::Unix(PathBuf::from("/var/lib/postgresql")))
    );
    assert_eq!(u.database().as_deref(), Some("dbname"));

    let u = ok("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname");
    assert_eq!(
        u.host().and_then(Host::unix_path),
        Some(PathBuf::from("/var/lib/postgresql").as_path())
    );
    assert_eq!(u.database().as_deref(), Some("dbname"));
    // The string is handed to the driver as configured, not rewritten.
    assert_eq!(
        u.expose_url(),
        "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"
    );

    let u = ok("postgres://app@/app?host=/run/postgresql,/tmp&port=5433");
    assert_eq!(u.hosts().len(), 2);
    assert!(u.hosts().iter().all(|e| e.port() == Some(5433)));
}

#[test]
fn credentials_decoded_and_redacted() {
    let u = ok("postgres://us%40er:p%40ss%3Aw%2Frd@db/app?sslmode=verify-full&sslpassword=k3y");
    assert_eq!(u.username(), Some("us@er"));
    assert_eq!(u.password().unwrap().expose(), "p@ss:w/rd");
    assert_eq!(u.sslmode(), Some("verify-full"));
    assert_eq!(u.param("sslpassword"), None);
    assert_eq!(u.secret_param("sslpassword").unwrap().expose(), "k3y");
    assert_eq!(
        u.to_string(),
        "postgres://us%40er:***@db/app?sslmode=verify-full&sslpassword=***"
    );
    assert_eq!(
        format!("{u:?}"),
        "PostgreSQL(\"postgres://us%40er:***@db/app?sslmode=verify-full&sslpassword=***\")"
    );
}

#[test]
fn password_as_query_parameter_is_redacted() {
    let u = ok("postgres://db/app?user=app&password=hunter2");
    assert_eq!(u.to_string(), "postgres://db/app?user=app&password=***");
    assert!(u.has_credentials());
}

#[test]
fn dbname_parameter_wins() {
    assert_eq!(
        ok("postgres://db/ignored?dbname=real")
            .database()
            .as_deref(),
        Some("real")
    );
    assert_eq!(
        ok("postgres://db/my%20db").database().as_deref(),
        Some("my db")
    );
}

#[test]
fn schemes_case_insensitive_and_canonical() {
    assert_eq!(ok("POSTGRES://db/app").scheme(), "postgres");
    assert_eq!(ok("postgresql://db/app").scheme(), "postgresql");
}

#[test]
fn rejects_wrong_scheme_with_list() {
    match err("mysql://db/app") {
        ErrorKind::WrongScheme { found, expected } => {
            assert_eq!(found, Some("mysql"));
            assert_eq!(expected, vec!["postgres", "postgresql"]);
        }
        other => panic!("{other:?}"),
    }
    // An unknown "scheme" is not echoed: it may be a pasted password.
    assert_eq!(
        err("hunter2:x"),
        ErrorKind::WrongScheme {
            found: None,
            expected: vec!["postgres", "postgresql"]
        }
    );
}

#[test]
fn rejects_malformed() {
    assert_eq!(err(""), ErrorKind::Empty);
    assert_eq!(err("db.example.com/app"), ErrorKind::MissingScheme);
    assert_eq!(err("postgres:db/app"), ErrorKind::MissingAuthority);
    assert_eq!(err("postgres://db:0/app"), ErrorKind::BadPort);
    assert_eq!(err("postgres://db:65536/app"), ErrorKind::BadPort);
    assert_eq!(err("postgres://db:54x2/app"), ErrorKind::BadPort);
    // `db:/app` is libpq's default port (RFC 3986's empty port): see `conformance_libpq.rs`.
    assert_eq!(ok("postgres://db:/app").port(), None);
    assert_eq!(err("postgres://h1,,h2/app"), ErrorKind::MissingHost);
    assert_eq!(err("postgres://[::1/app"), ErrorKind::BadIpv6);
    assert_eq!(err("postgres://[zz::1]/app"), ErrorKind::BadIpv6);
    assert_eq!(err("postgres://u:p@ss@db/app"), ErrorKind::UnescapedAt);
    assert_eq!(err("postgres://u:pa#ss@db/app"), ErrorKind::Fragment);
    assert_eq!(
        err("postgres://u:p%zzss@db/app"),
        ErrorKind::BadPercentEncoding
    );
    assert_eq!(
        err("postgres://u:p%ffss@db/app"),
        ErrorKind::BadPercentEncoding
    );
    assert_eq!(
        err("postgres://db/app?sslmode=sometimes").to_string(),
        "query parameter `sslmode`: expected disable, allow, prefer, require, verify-ca or verify-full"
    );
    assert!(matches!(
        err("postgres://db/app?connect_timeout=soon"),
        ErrorKind::BadParam { .. }
    ));
    // libpq: `?port=` overrides the authority's ports, one for all or one per host.
    let u = ok("postgres://h1:1,h2:2/app?port=5433");
    assert_eq!(u.hosts()[1].port(), Some(5433));
    assert!(matches!(
        err("postgres://h1,h2/app?port=1,2,3"),
        ErrorKind::BadParam { .. }
    ));
    assert!(matches!(
        err("postgres://db/app?zzz"),
        ErrorKind::Invalid(_)
    ));
    assert!(matches!(
        err("postgres://db/app?a=b=c"),
        ErrorKind::Invalid(_)
    ));
    assert!(matches!(
        err("postgres://db/app?uzer=x"),
        ErrorKind::BadParam { .. }
    ));
    assert_eq!(
        err("postgres://u:a%00b@db/app"),
        ErrorKind::ControlCharacter
    );
    assert_eq!(ok("postgres:///app?port=1234").port(), Some(1234));
    assert_eq!(
        ok("postgres://db/app?sslmode=disable&sslmode=require").sslmode(),
        Some("require")
    );
}

#[test]
fn rejects_smuggled_hosts() {
    assert_eq!(
        err("postgres://localhost%2f.evil.example/app"),
        ErrorKind::SmuggledHost
    );
    assert_eq!(
        err("postgres://localhost%40evil.example/app"),
        ErrorKind::SmuggledHost
    );
    assert_eq!(err("postgres://db%3a5432/app"), ErrorKind::SmuggledHost);
    assert_eq!(err("postgres://%2F..%2Fetc/app"), ErrorKind::SmuggledHost);
    assert_eq!(err("postgres://db!x/app"), ErrorKind::BadHost);
}

#[test]
fn rejects_whitespace_and_control_characters() {
    assert_eq!(err(" postgres://db/app"), ErrorKind::Whitespace);
    assert_eq!(err("postgres://db/app\n"), ErrorKind::Whitespace);
    assert_eq!(err("postgres://db/a\npp"), ErrorKind::ControlCharacter);
    assert_eq!(err("postgres://db/app "), ErrorKind::Whitespace);
    assert_eq!(err("postgres://db\0/app"), ErrorKind::ControlCharacter);
    assert_eq!(
        err("postgres://db/my app"),
        ErrorKind::UnencodedCharacter(' ')
    );
}

#[test]
fn unescaped_slash_or_question_mark_in_password_is_refused() {
    // Read naively, these put part of the password in the port or the path.
    assert_eq!(err("postgres://u:pa/ss@db/app"), ErrorKind::UnescapedAt);
    assert_eq!(err("postgres://u:1234?5678@db/app"), ErrorKind::UnescapedAt);
}

#[test]
fn error_positions_point_into_the_string() {
    let e = "postgres://db:99999/app"
        .parse::<PostgresUrl>()
        .unwrap_err();
    assert_eq!(e.position(), Some(14));
    let e = "postgres://db/a%zzpp".parse::<PostgresUrl>().unwrap_err();
    assert_eq!(e.position(), Some(15));
    assert_eq!(
        e.to_string(),
        "invalid PostgreSQL locator: malformed percent-encoding (`%` must start `%XX` and decode to UTF-8) at byte 15"
    );
    // Inside a credential, the part is named instead: an offset would tell where in the
    // password the mistake is.
    let e = "postgres://u:p%zz@db/app"
        .parse::<PostgresUrl>()
        .unwrap_err();
    assert_eq!(e.position(), None);
    assert_eq!(e.secret_part(), Some(&SecretPart::Password));
    assert_eq!(
        e.to_string(),
        "invalid PostgreSQL locator: in the password: malformed percent-encoding (`%` must start `%XX` and decode to UTF-8)"
    );
}
