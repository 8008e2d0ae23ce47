//! Whether a literal's content is a locator, and of which scheme.

use super::findings::FindingKind;
use crate::locator::parse::redact_generic;

/// The extra schemes checked by default; replace them with [`Audit::extra_schemes`](super::Audit::extra_schemes).
pub const DEFAULT_EXTRA_SCHEMES: &[&str] = crate::locator::parse::OTHER_SERVICE_SCHEMES;

/// Whether a literal's decoded content holds a locator.
pub(crate) fn classify(value: &str, extra: &[String]) -> Option<FindingKind> {
    if !value.contains(':') {
        return None;
    }
    let bytes = value.as_bytes();
    let mut credentials = false;
    for (i, _) in value.match_indices(':') {
        // The scheme: letters, digits, `+ - .` back from the colon to a boundary.
        let start = scheme_start(&value[..i]);
        let scheme = &value[start..i];
        if scheme.is_empty() || !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let scheme = scheme.to_ascii_lowercase();
        let slashes = bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2) == Some(&b'/');
        let known = crate::locator::parse::BACKING_SCHEMES.contains(&scheme.as_str());
        let extra = extra.contains(&scheme);
        // `jdbc:postgresql://…` and `sqlite:data.db` have no `//` after their scheme.
        let opaque_ok = matches!(scheme.as_str(), "jdbc" | "sqlite")
            && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
        if (known || extra) && (slashes || opaque_ok) {
            if scheme == "sqlite"
                && value[i + 1..]
                    .trim_start_matches('/')
                    .starts_with(":memory:")
            {
                continue;
            }
            return Some(FindingKind::HardCodedLocator { scheme });
        }
        if slashes && has_password(&value[i + 3..]) {
            credentials = true;
        }
    }
    credentials.then_some(FindingKind::Credentials)
}

/// Where a scheme ending `text` starts: after the last char that cannot be in a scheme.
fn scheme_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Whether the authority after `scheme://` holds `user:password@` with a non-empty password.
fn has_password(rest: &str) -> bool {
    let authority = rest
        .split(['/', '?', '#', ' ', '"', '\''])
        .next()
        .unwrap_or("");
    match authority.rfind('@') {
        Some(at) => authority[..at]
            .split_once(':')
            .is_some_and(|(_, password)| !password.is_empty()),
        None => false,
    }
}

/// The source line with the credentials of any URL in it replaced by `***`.
pub(super) fn redact_line(line: &str) -> String {
    // Redact each `scheme://…` run separately, so text around it is kept.
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("://") {
        let start = scheme_start(&rest[..i]);
        let end = rest[i..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | ')' | ','))
            .map_or(rest.len(), |e| i + e);
        out.push_str(&rest[..start]);
        out.push_str(&redact_generic(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
