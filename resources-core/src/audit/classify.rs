//! Whether a literal's content is a locator, and of which scheme.
//!
//! A literal is a finding when it *names a resource*: after a backing-service scheme comes a
//! host, a socket, a path or credentials. A scheme alone (`"s3://"` in `starts_with`), a list
//! of schemes (`"mysql://, postgresql://"`) or a template of placeholders only
//! (`"redis://{}:{}"`) names nothing.

use super::findings::FindingKind;
use super::redact::looks_like_token;
use super::work::tick;
use crate::locator::parse::BACKING_SCHEMES;

/// The extra schemes checked by default; replace them with
/// [`Audit::extra_schemes`](super::scan::Audit::extra_schemes).
pub const DEFAULT_EXTRA_SCHEMES: &[&str] = crate::locator::parse::OTHER_SERVICE_SCHEMES;

/// Whether a literal's decoded content holds a locator.
pub(super) fn classify(value: &str, extra: &[String]) -> Option<FindingKind> {
    tick(value.len());
    let bytes = value.as_bytes();
    let mut credentials = false;
    let mut previous_colon = 0;
    for (i, _) in value.match_indices(':') {
        // The scheme: letters, digits, `+ - .` back from the colon to a boundary (never past
        // the previous colon, so the scans stay linear).
        let start = scheme_start(&value[previous_colon..i]) + previous_colon;
        previous_colon = i + 1;
        let scheme = &value[start..i];
        if scheme.is_empty() || !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let scheme = scheme.to_ascii_lowercase();
        let slashes = bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) == Some(&b'/');
        let known = BACKING_SCHEMES.contains(&scheme.as_str()) || extra.contains(&scheme);
        // `jdbc:postgresql://…` and `sqlite:data.db` have no `//` after their scheme.
        let opaque = matches!(scheme.as_str(), "jdbc" | "sqlite")
            && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
        if known && (slashes || opaque) {
            let body = &value[i + 1..];
            if scheme == "sqlite" && body.trim_start_matches('/').starts_with(":memory:") {
                continue;
            }
            if names_resource(body) {
                return Some(FindingKind::HardCodedLocator { scheme });
            }
            continue;
        }
        if slashes && has_credentials(&value[i + 3..]) {
            credentials = true;
        }
    }
    credentials.then_some(FindingKind::Credentials)
}

/// Whether the text after a scheme's `:` names something: a host, a socket, a path or
/// credentials, as opposed to nothing, punctuation, or `{…}` placeholders. A nested scheme
/// (`jdbc:postgresql://…`) is looked through once.
fn names_resource(body: &str) -> bool {
    let end = body
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '`' | ')' | ']' | '>' | '<' | '|')
        })
        .unwrap_or(body.len());
    let mut body = &body[..end];
    tick(body.len());
    // `jdbc:postgresql://…`: skip the inner scheme.
    if let Some(colon) = body.find(':')
        && body[..colon]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        && body[colon + 1..].starts_with("//")
    {
        body = &body[colon + 1..];
    }
    let mut in_placeholder = false;
    for c in body.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ if in_placeholder => {}
            c if c.is_alphanumeric() || matches!(c, '.' | '_' | '~' | '%' | '-') => return true,
            _ => {}
        }
    }
    false
}

/// Where a scheme ending `text` starts: after the last char that cannot be in a scheme.
fn scheme_start(text: &str) -> usize {
    tick(text.len());
    text.char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Whether the authority after `scheme://` holds credentials: `user:password@` with a
/// non-empty password, or a lone user name that is a token (`ghp_…@api.github.com`). A
/// password in source may hold a raw `/ ? # ' " ,` or blank: the userinfo runs to the last
/// `@` before the next `://`, as long as the user name itself has none of them.
fn has_credentials(rest: &str) -> bool {
    let end = rest.find("://").unwrap_or(rest.len());
    let window = &rest[..end];
    tick(window.len());
    let Some(at) = window.rfind('@') else {
        return false;
    };
    let info = &window[..at];
    let plain = |user: &str| {
        !user.is_empty()
            && !user.contains(|c: char| c.is_whitespace() || matches!(c, '/' | '?' | '#' | '@'))
    };
    match info.split_once(':') {
        Some((user, password)) => plain(user) && !password.is_empty(),
        None => plain(info) && looks_like_token(info),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(value: &str) -> Option<FindingKind> {
        classify(value, &[])
    }

    #[test]
    fn a_scheme_alone_names_nothing() {
        for value in [
            "s3://",
            "sqlite://",
            "expected one of mysql://, postgresql://, sqlite://",
            "redis://{}",
            "redis://{host}:{port}",
            "(postgres://)",
            "jdbc:postgresql://",
        ] {
            assert_eq!(kind(value), None, "{value}");
        }
    }

    #[test]
    fn a_named_resource_is_a_finding() {
        for value in [
            "postgres://db.internal/app",
            "postgresql://{user}@{host}/app",
            "redis+unix:///run/redis.sock",
            "sqlite:data/app.db",
            "jdbc:postgresql://db/app",
            "redis://:6379",
        ] {
            assert!(
                matches!(kind(value), Some(FindingKind::HardCodedLocator { .. })),
                "{value}"
            );
        }
    }

    #[test]
    fn tokens_as_user_names_are_credentials() {
        for value in [
            "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@api.github.com",
            "https://TOKEN:x-oauth-basic@github.com/o/r.git",
            "https://deploy:t0ken@api.example.com/v1",
            "https://deploy:a/b?c d#e@api.example.com/v1",
        ] {
            assert_eq!(kind(value), Some(FindingKind::Credentials), "{value}");
        }
        assert_eq!(kind("ssh://git@github.com/o/r"), None);
        assert_eq!(kind("https://docs.rs/resources"), None);
        assert_eq!(kind("https://example.com/a?x=b:c@d"), None);
        assert_eq!(
            kind("see https://docs.rs/x and write to me@example.com"),
            None
        );
    }
}
