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

mod no_value_in_errors {
    use proptest::prelude::*;
    use resources::{KafkaBrokers, MemcachedServers, PostgresUrl, RedisUrl, Secret};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Creds {
        token: Secret<String>,
        pin: Option<Secret<u32>>,
        keys: Option<Secret<Vec<String>>>,
    }

    fn error_of<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> String {
        match serde_json::from_str::<T>(json) {
            Ok(v) => panic!("accepted {json}: {v:?}"),
            Err(e) => format!("{e} {e:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Item 9: a value of the wrong type is not echoed by a `Secret<T>` or a locator error.
        #[test]
        fn wrong_typed_values_are_not_echoed(
            text in "[A-Za-z0-9]{10,24}",
            number in 1_000_000_000u64..u64::MAX,
        ) {
            let n = number.to_string();
            for (json, secret) in [
                (format!(r#"{{"token":{n}}}"#), n.as_str()),
                (format!(r#"{{"token":"ok","pin":"{text}"}}"#), text.as_str()),
                (format!(r#"{{"token":"ok","pin":{n}}}"#), n.as_str()),
                (format!(r#"{{"token":"ok","keys":"{text}"}}"#), text.as_str()),
                (format!(r#"{{"token":"ok","keys":[{n}]}}"#), n.as_str()),
                (format!(r#"{{"token":{{"{text}":1}}}}"#), text.as_str()),
                (format!(r#"{{"token":[true,"{text}"]}}"#), text.as_str()),
            ] {
                let shown = error_of::<Creds>(&json);
                prop_assert!(!shown.contains(secret), "{json}: {shown}");
                prop_assert!(shown.contains("invalid secret: expected a `"), "{shown}");
            }
            let shown = error_of::<Secret<u64>>(&format!(r#""{text}""#));
            prop_assert!(!shown.contains(&text), "{shown}");
            prop_assert!(shown.contains("expected a `u64`"), "{shown}");

            for json in [n.clone(), format!("[{n}]"), format!(r#"{{"{text}":1}}"#), format!("{n}.5")] {
                for shown in [
                    error_of::<PostgresUrl>(&json),
                    error_of::<RedisUrl>(&json),
                    error_of::<KafkaBrokers>(&json),
                    error_of::<MemcachedServers>(&json),
                ] {
                    prop_assert!(!shown.contains(&n) && !shown.contains(&text), "{json}: {shown}");
                    prop_assert!(shown.contains("locator (a string; the value is not shown)"), "{shown}");
                }
            }
            // A string that does not parse: the locator's own (redacted) message.
            let shown = error_of::<PostgresUrl>(&format!(r#""postgres://app:{text}@db:99999/app""#));
            prop_assert!(!shown.contains(&text), "{shown}");
            prop_assert!(shown.contains("port must be a number"), "{shown}");
        }
    }
}
