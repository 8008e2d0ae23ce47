//! Serde settings (`#[setting(serde)]`), decoded the way envy decodes a variable.

use resources::{MapSource, Resources};
use serde::Deserialize;

/// SMTP security, as mail servers' configs write it.
#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Security {
    Starttls,
    ForceTls,
    Off,
}

#[derive(Resources, Debug)]
struct Mail {
    /// How to secure the connection.
    #[setting(serde, default = Security::Starttls)]
    smtp_security: Security,
    /// Ports tried in order.
    #[setting(serde)]
    smtp_ports: Option<Vec<u16>>,
}

#[test]
fn a_user_enum_decodes_like_envy() {
    let m = Mail::load(&MapSource::new([
        ("SMTP_SECURITY", "force_tls"),
        ("SMTP_PORTS", "587,465"),
    ]));
    let m = m.ok().map(|m| (m.smtp_security, m.smtp_ports));
    assert_eq!(m, Some((Security::ForceTls, Some(vec![587, 465]))));
    let d = Mail::load(&MapSource::new(Vec::<(&str, &str)>::new()));
    assert_eq!(d.ok().map(|m| m.smtp_security), Some(Security::Starttls));
    let off = Mail::load(&MapSource::new([("SMTP_SECURITY", "off")]));
    assert_eq!(off.ok().map(|m| m.smtp_security), Some(Security::Off));
}

#[test]
fn a_bad_value_names_what_is_expected_without_echoing_it() {
    let err = Mail::load(&MapSource::new([("SMTP_SECURITY", "hunter2-tls")]));
    let err = err.err().map(|e| format!("{e} {e:?}")).unwrap_or_default();
    assert!(
        err.contains("SMTP_SECURITY (field `smtp_security`, Security)"),
        "{err}"
    );
    assert!(
        err.contains("starttls") && err.contains("force_tls"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
    let md = resources::doc::markdown(Mail::manifest());
    assert!(md.contains("no (default `Security::Starttls`)"), "{md}");
}
