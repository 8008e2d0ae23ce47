//! The boundary between settings and resources: a setting's default that is really a locator.

use crate::locator::parse::{BACKING_SCHEMES, OTHER_SERVICE_SCHEMES};

/// Ports of backing services: a bare `host:port` on one of them names a resource.
const SERVICE_PORTS: &[u16] = &[
    5432, 3306, 6379, 6380, 5672, 5671, 27017, 11211, 9092, 4222, 5984, 11300, 9200, 25, 465, 587,
    1433, 1521, 9042, 8086,
];

/// Whether `text` hard-codes a resource handle: a URL of a backing-service scheme, any URL with
/// credentials, or a bare `host:port` on a backing service's port (`db.internal:5432`).
///
/// ```
/// use resources_core::looks_like_locator;
///
/// assert!(looks_like_locator("postgres://app@db/app"));
/// assert!(looks_like_locator("https://user:pw@api.example.com"));
/// assert!(looks_like_locator("cache.internal:6379"));
/// assert!(!looks_like_locator("noreply@example.com"));
/// assert!(!looks_like_locator("0.0.0.0:8080"));
/// ```
pub fn looks_like_locator(text: &str) -> bool {
    let text = text.trim();
    if let Some((scheme, rest)) = text.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        if BACKING_SCHEMES
            .iter()
            .chain(OTHER_SERVICE_SCHEMES)
            .any(|s| *s == scheme)
        {
            return true;
        }
        // Credentials before the host: `user:password@`, or a bare token as the user.
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        return authority.contains('@');
    }
    let Some((host, port)) = text.rsplit_once(':') else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port_ok = port
        .parse::<u16>()
        .is_ok_and(|p| SERVICE_PORTS.contains(&p));
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    port_ok && host_ok
}
