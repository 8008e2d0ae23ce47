//! `Deserialize` under the `serde` feature: values parse, errors stay redacted.

use resources::{PostgresUrl, RedisUrl, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Settings {
    database_url: PostgresUrl,
    cache_url: Option<RedisUrl>,
    api_token: Secret<String>,
}

#[test]
fn deserializes_locators_and_secrets() {
    let json = r#"{"database_url":"postgres://app:hunter2@db/app","cache_url":"redis://cache/3","api_token":"tok-123"}"#;
    let s: Settings = serde_json::from_str(json).unwrap();
    assert_eq!(s.database_url.database().as_deref(), Some("app"));
    assert_eq!(s.cache_url.as_ref().and_then(|c| c.db_index()), Some(3));
    assert_eq!(s.api_token.expose(), "tok-123");
    let debug = format!("{s:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(!debug.contains("tok-123"), "{debug}");
}

#[test]
fn deserialize_error_is_redacted() {
    let json = r#"{"database_url":"mysql://app:hunter2@db/app","api_token":"x"}"#;
    let err = serde_json::from_str::<Settings>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("scheme `mysql` is not accepted"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");

    let json = r#"{"database_url":"postgres://app:hunter2@db:99999/app","api_token":"x"}"#;
    let err = serde_json::from_str::<Settings>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("port must be a number"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn wrong_json_type_names_the_kind() {
    let err = serde_json::from_str::<PostgresUrl>("42")
        .unwrap_err()
        .to_string();
    assert!(err.contains("a PostgreSQL locator"), "{err}");
}
