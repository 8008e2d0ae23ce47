//! How a finding shows its literal: the decoded value, redacted more strictly than the parser's
//! generic redaction, escaped, bounded. Nothing else of the source line is ever shown.
//!
//! The parser's generic redaction ends the userinfo at
//! the first `/` or `?`, as RFC 3986 does; a literal in source may hold a password with those
//! characters raw, so here everything from `://` to the *last* `@` is userinfo. A user name is
//! kept only when it looks like one, never when it may be a token.

use crate::REDACTED;
use crate::is_sensitive_param;

use super::work::tick;

/// Parameter names that carry a credential beyond the parser's common list.
const EXTRA_SENSITIVE: &[&str] = &[
    "pwd",
    "passwd",
    "access_token",
    "auth_token",
    "client_secret",
    "private_key",
    "sig",
    "signature",
    "credentials",
];

/// The most characters of a literal a finding shows.
const MAX_SHOWN: usize = 120;

/// Token prefixes of common providers (GitHub, GitLab, Slack, Stripe, npm, PyPI, AWS, OpenAI).
const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxs-",
    "sk_live_",
    "sk_test_",
    "rk_live_",
    "npm_",
    "pypi-",
    "AKIA",
    "ASIA",
    "sk-",
];

/// Whether a user name may be a token: a provider's token prefix, or a long run of
/// letters and digits (both) without dots.
pub(super) fn looks_like_token(user: &str) -> bool {
    tick(user.len());
    TOKEN_PREFIXES.iter().any(|p| user.starts_with(p))
        || (user.len() >= 20
            && user
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && user.bytes().any(|b| b.is_ascii_digit())
            && user.bytes().any(|b| b.is_ascii_alphabetic()))
}

/// Whether a user name is shown: short, plain, and not a token.
fn plain_user(user: &str) -> bool {
    !user.is_empty()
        && user.len() <= 32
        && user
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !looks_like_token(user)
}

/// The literal as a finding shows it: `prefix"…"`, its credentials replaced by `***`, escaped
/// (no control character or line break survives) and cut to a bounded length.
pub(super) fn shown_literal(prefix: &str, value: &str) -> String {
    let redacted = redact_value(value);
    let mut shown = String::with_capacity(redacted.len().min(MAX_SHOWN * 2) + 4);
    shown.push_str(prefix);
    shown.push('"');
    for (n, c) in redacted.chars().enumerate() {
        if n == MAX_SHOWN {
            shown.push('…');
            break;
        }
        shown.extend(c.escape_debug());
    }
    shown.push('"');
    tick(shown.len());
    shown
}

/// The value with its userinfo and sensitive parameters redacted.
pub(super) fn redact_value(value: &str) -> String {
    tick(value.len());
    let mut out = String::with_capacity(value.len());
    let Some(sep) = value.find("://") else {
        redact_params(value, &mut out);
        return out;
    };
    let after = sep + 3;
    redact_params(&value[..after], &mut out);
    let rest = &value[after..];
    match rest.rfind('@') {
        Some(at) => {
            let info = &rest[..at];
            if let Some((user, password)) = info.split_once(':')
                && plain_user(user)
                && !matches!(password, "x-oauth-basic" | "x-access-token")
            {
                out.push_str(user);
                out.push(':');
            }
            out.push_str(REDACTED);
            out.push('@');
            redact_params(&rest[at + 1..], &mut out);
        }
        None => redact_params(rest, &mut out),
    }
    out
}

/// Copies `text`, replacing the value of every `key=value` whose key is sensitive (the value
/// ends at `&`, `;`, a blank or the end).
fn redact_params(text: &str, out: &mut String) {
    tick(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut key_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'=' {
            let key = text.get(key_start..i).unwrap_or("");
            let end = bytes[i + 1..]
                .iter()
                .position(|c| matches!(c, b'&' | b';') || c.is_ascii_whitespace())
                .map_or(bytes.len(), |e| i + 1 + e);
            if end > i + 1 && (is_sensitive_param(key, EXTRA_SENSITIVE)) {
                out.push_str(&text[copied..=i]);
                out.push_str(REDACTED);
                copied = end;
            }
            i = end;
            key_start = end;
            continue;
        }
        if !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) {
            key_start = i + 1;
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_to_the_last_at() {
        assert_eq!(
            redact_value("postgres://app:s3cret@db.internal:5432/app"),
            "postgres://app:***@db.internal:5432/app"
        );
        assert_eq!(
            redact_value("postgres://app:p/a?s,s)w'o\"r d@db/app"),
            "postgres://app:***@db/app"
        );
        assert_eq!(
            redact_value("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@api.github.com"),
            "https://***@api.github.com"
        );
        assert_eq!(
            redact_value("https://ghp_abc123:x-oauth-basic@github.com/o/r"),
            "https://***@github.com/o/r"
        );
        assert_eq!(
            redact_value("redis://h/0?password=p/w,d&db=1"),
            "redis://h/0?password=***&db=1"
        );
        assert_eq!(
            redact_value("jdbc:sqlserver://h;user=u;password=pw;db=x"),
            "jdbc:sqlserver://h;user=u;password=***;db=x"
        );
        assert_eq!(
            redact_value("Password=pw;url=redis://h"),
            "Password=***;url=redis://h"
        );
    }

    #[test]
    fn shown_literals_are_escaped_and_bounded() {
        assert_eq!(shown_literal("b", "a\nb\"c"), "b\"a\\nb\\\"c\"");
        let long = "x".repeat(500);
        assert_eq!(shown_literal("", &long).chars().count(), MAX_SHOWN + 3);
    }
}
