//! SMTP locators, as lettre's `from_url` reads them.

use resources::{ErrorKind, SmtpUrl};

fn ok(s: &str) -> SmtpUrl {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn err(s: &str) -> ErrorKind {
    match s.parse::<SmtpUrl>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

#[test]
fn ports_follow_lettre() {
    assert_eq!(ok("smtp://localhost:2525").port_or_default(), Some(2525));
    assert_eq!(ok("smtp://smtp.example.com").port_or_default(), Some(25));
    assert_eq!(ok("smtps://smtp.example.com").port_or_default(), Some(465));
    assert_eq!(
        ok("smtp://smtp.example.com?tls=required").port_or_default(),
        Some(587)
    );
    assert_eq!(
        ok("smtp://smtp.example.com?tls=opportunistic").port_or_default(),
        Some(587)
    );
    // The default is applied, not written into the string.
    assert_eq!(
        ok("smtps://smtp.example.com").expose_url(),
        "smtps://smtp.example.com"
    );
}

#[test]
fn tls_modes() {
    let u = ok("smtps://user:pass@smtp.example.com");
    assert!(u.is_implicit_tls());
    assert_eq!(u.starttls(), None);
    let u = ok("smtp://smtp.example.com:587?tls=required");
    assert!(!u.is_implicit_tls());
    assert_eq!(u.starttls(), Some("required"));
}

#[test]
fn credentials() {
    let u = ok("smtp://user%40example.com:p%40ss@smtp.example.com:587?tls=opportunistic");
    assert_eq!(u.username(), Some("user@example.com"));
    assert_eq!(u.password().unwrap().expose(), "p@ss");
    assert_eq!(
        u.to_string(),
        "smtp://user%40example.com:***@smtp.example.com:587?tls=opportunistic"
    );
    assert_eq!(
        ok("smtp://relay?ehlo_domain=app.example.com").param("ehlo_domain"),
        Some("app.example.com")
    );
}

#[test]
fn rejects() {
    assert!(matches!(
        err("smtp://host?tls=maybe"),
        ErrorKind::BadParam { .. }
    ));
    assert!(matches!(
        err("smtps://host?tls=required"),
        ErrorKind::BadParam { .. }
    ));
    assert_eq!(err("smtp://"), ErrorKind::MissingHost);
    assert_eq!(err("smtp://h1,h2"), ErrorKind::TooManyHosts { max: 1 });
    assert!(matches!(
        err("http://host"),
        ErrorKind::WrongScheme {
            found: Some("http"),
            ..
        }
    ));
    assert_eq!(err("smtp://host:99999"), ErrorKind::BadPort);
    // Inside the password the character is not named (nor its place).
    assert_eq!(err("smtp://user:pa\"ss@host"), ErrorKind::UnencodedInSecret);
    // A raw space in the user info is read as `%20`, as lettre (through `url`) reads it.
    let u = ok("smtp://user:pa ss@host");
    assert_eq!(u.password().map(|p| p.expose()), Some("pa ss"));
    assert_eq!(u.to_string(), "smtp://user:***@host");
    assert_eq!(err("smtp://user:pa@ss@host"), ErrorKind::UnescapedAt);
    assert_eq!(err("smtp://host:0"), ErrorKind::BadPort);
    assert_eq!(err("smtp://user:p%zz@host"), ErrorKind::BadPercentEncoding);
    assert_eq!(err("smtp://relay%2Fx"), ErrorKind::SmuggledHost);
    assert_eq!(err("smtp:relay"), ErrorKind::MissingAuthority);
    assert_eq!(err("smtp://relay\t"), ErrorKind::Whitespace);
}

#[test]
fn hosts() {
    assert_eq!(
        ok("smtp://[2001:db8::25]:587").host().unwrap().to_string(),
        "2001:db8::25"
    );
    assert_eq!(
        ok("smtp://192.0.2.25").host().unwrap().to_string(),
        "192.0.2.25"
    );
    assert_eq!(ok("SMTPS://relay").scheme(), "smtps");
}
