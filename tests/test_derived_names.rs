//! Derived variable names: `_URL` only for URL-shaped locator types. A custom `Locator` says
//! whether it is URL-shaped (`Locator::URL_SHAPED`, `true` by default); the derive cannot see
//! that, so the choice is made in const evaluation from the type itself.

#![allow(dead_code)] // the structs here exist for their manifests

use std::fmt;

use resources::doc;
use resources::{
    Locator, LocatorError, LocatorInfo, MapSource, PemKey, Presence, RedisUrl, Resources, Secret,
};

/// A key that is not a URL: 64 hex digits.
struct EncryptionKey(String);

impl Locator for EncryptionKey {
    const URL_SHAPED: bool = false;

    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        if input.len() == 64 && input.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(EncryptionKey(input.to_owned()))
        } else {
            Err(LocatorError::invalid(
                "encryption key",
                "expected 64 hex digits",
            ))
        }
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: "encryption key",
            schemes: &[],
            example: "KEY",
            credentials: true,
            kinds: &[],
        }
    }
}

impl fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncryptionKey(***)")
    }
}

impl fmt::Display for EncryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// A custom locator that keeps the default: URL-shaped.
#[derive(Debug)]
struct Webhook(String);

impl Locator for Webhook {
    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        match input.strip_prefix("https://") {
            Some(rest) if !rest.is_empty() => Ok(Webhook(input.to_owned())),
            _ => Err(LocatorError::invalid("webhook", "expected https://…")),
        }
    }

    fn info() -> LocatorInfo {
        LocatorInfo {
            kind: "webhook",
            schemes: &[],
            example: "https://hooks.example.com/x",
            credentials: false,
            kinds: &[],
        }
    }
}

impl fmt::Display for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every way a name is derived.
#[derive(Debug, Resources)]
struct Keys {
    /// Encrypts tokens at rest.
    token_encryption_key: EncryptionKey,
    /// An optional second key.
    backup_key: Option<EncryptionKey>,
    /// Old keys, still accepted.
    old_keys: Vec<EncryptionKey>,
    /// Explicit names stay as written.
    #[resource(env = "SIGNING_KEY_URL")]
    signing_key: EncryptionKey,
    /// A field name ending in `url` keeps it.
    key_url: EncryptionKey,
    /// URL-shaped custom locator: `_URL` as for the built-in kinds.
    hook: Webhook,
    /// Built-in kinds as before.
    cache: RedisUrl,
    api_key: Secret<String>,
    tls: PemKey,
}

/// The same under a container prefix, and flattened.
#[derive(Debug, Resources)]
#[resources(prefix = "APP_")]
struct Prefixed {
    token_encryption_key: EncryptionKey,
    #[resource(flatten, prefix = "NESTED_")]
    nested: Nested,
}

#[derive(Debug, Resources)]
struct Nested {
    key: EncryptionKey,
}

fn names<R: Resources>() -> Vec<(String, Presence)> {
    R::manifest()
        .vars()
        .into_iter()
        .map(|v| (v.name, v.decl.presence))
        .collect()
}

#[test]
fn a_custom_locator_that_is_not_url_shaped_gets_no_url_suffix() {
    let keys: Vec<String> = names::<Keys>().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        keys,
        [
            "TOKEN_ENCRYPTION_KEY",
            "BACKUP_KEY",
            "OLD_KEYS",
            "SIGNING_KEY_URL",
            "KEY_URL",
            "HOOK_URL",
            "CACHE_URL",
            "API_KEY",
            "TLS",
        ]
    );
    assert_eq!(
        names::<Prefixed>(),
        [
            ("APP_TOKEN_ENCRYPTION_KEY".to_owned(), Presence::Required),
            ("APP_NESTED_KEY".to_owned(), Presence::Required),
        ]
    );
}

#[test]
fn the_variable_read_is_the_derived_name() {
    let key = "ab".repeat(32);
    let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIOHk1cw2kn0l9yB4mbjSkQ4sXmBQ5cX6vHo4x0yqPd3W\n-----END PRIVATE KEY-----";
    let source = MapSource::new([
        ("TOKEN_ENCRYPTION_KEY", key.clone()),
        ("OLD_KEYS_0", "cd".repeat(32)),
        ("SIGNING_KEY_URL", key.clone()),
        ("KEY_URL", key.clone()),
        ("HOOK_URL", "https://hooks.example.com/x".to_owned()),
        ("CACHE_URL", "redis://cache".to_owned()),
        ("API_KEY", "k".to_owned()),
        ("TLS", pem.to_owned()),
    ]);
    let keys = Keys::load(&source).unwrap();
    assert_eq!(keys.token_encryption_key.0, key);
    assert!(keys.backup_key.is_none());
    assert_eq!(keys.old_keys.len(), 1);
    assert_eq!(keys.hook.0, "https://hooks.example.com/x");

    // The `_URL` form of a non-URL type's name is not read.
    let wrong = MapSource::new([("TOKEN_ENCRYPTION_KEY_URL", key.clone())]);
    let err = Keys::load(&wrong).unwrap_err().to_string();
    assert!(err.contains("TOKEN_ENCRYPTION_KEY"), "{err}");
    assert!(!err.contains(&key), "{err}");
}

#[test]
fn rendered_docs_show_the_derived_names() {
    let m = Keys::manifest();
    let env = doc::dotenv(m);
    for line in [
        "TOKEN_ENCRYPTION_KEY=",
        "OLD_KEYS_0=",
        "HOOK_URL=",
        "API_KEY=",
    ] {
        assert!(
            env.lines()
                .any(|l| l.trim_start_matches("# ").starts_with(line)),
            "{line}: {env}"
        );
    }
    assert!(!env.contains("TOKEN_ENCRYPTION_KEY_URL"), "{env}");
    let markdown = doc::markdown(m);
    assert!(markdown.contains("`TOKEN_ENCRYPTION_KEY`"), "{markdown}");
    assert!(!markdown.contains("TOKEN_ENCRYPTION_KEY_URL"), "{markdown}");
}

/// Names that would clash with the `_URL` form of a name, but not with the name the type
/// decides: the const check compares the name as read, so these compile.
#[derive(Debug, Resources)]
struct NearMisses {
    /// Reads `KEY`: `KEY_URL_FILE` is no file form of it.
    key: EncryptionKey,
    #[resource(env = "KEY_URL_FILE")]
    other_key: EncryptionKey,
    /// Reads `KEYS_0`, `KEYS_1`, …: `KEYS_URL_0` is none of them.
    keys: Vec<EncryptionKey>,
    #[resource(env = "KEYS_URL_0")]
    first_key: EncryptionKey,
    /// Reads `HOOK_URL`: `HOOK_FILE` and `HOOK_0` are neither its file form nor an index.
    hook: Webhook,
    #[resource(env = "HOOK_FILE")]
    hook_file: Webhook,
    #[resource(env = "HOOK_URL_0")]
    hook_0: Webhook,
}

#[test]
fn near_misses_of_a_decided_name_compile_and_read_their_own_variables() {
    let keys: Vec<String> = names::<NearMisses>().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        keys,
        [
            "KEY",
            "KEY_URL_FILE",
            "KEYS",
            "KEYS_URL_0",
            "HOOK_URL",
            "HOOK_FILE",
            "HOOK_URL_0"
        ]
    );
    let (a, b) = ("ab".repeat(32), "cd".repeat(32));
    let source = MapSource::new([
        ("KEY", a.clone()),
        ("KEY_URL_FILE", b.clone()),
        ("KEYS_0", a.clone()),
        ("KEYS_URL_0", b.clone()),
        ("HOOK_URL", "https://hooks.example.com/a".to_owned()),
        ("HOOK_FILE", "https://hooks.example.com/b".to_owned()),
        ("HOOK_URL_0", "https://hooks.example.com/c".to_owned()),
    ]);
    let loaded = NearMisses::load(&source).unwrap();
    assert_eq!(
        (loaded.key.0.as_str(), loaded.other_key.0.as_str()),
        (a.as_str(), b.as_str())
    );
    assert_eq!(loaded.keys.len(), 1);
    assert_eq!(loaded.first_key.0, b);
    assert_eq!(loaded.hook.0, "https://hooks.example.com/a");
    assert_eq!(loaded.hook_0.0, "https://hooks.example.com/c");
}
