//! The Kubernetes doc format: a snapshot, YAML a parser accepts, placeholders only.

#![allow(dead_code)] // the structs here exist for their manifests

use expect_test::expect_file;
use resources::doc::{self, Format};
use resources::{KafkaBrokers, PostgresUrl, RedisUrl, Resources, Secret};
use serde_yaml::Value;

/// A replica: a database and its cache.
#[derive(Debug, Resources)]
struct Replica {
    /// The replica's database.
    url: PostgresUrl,
    /// The replica's cache, if any.
    cache: Option<RedisUrl>,
}

/// Every field form.
#[derive(Debug, Resources)]
#[resources(prefix = "APP_")]
struct OrdersApp {
    /// Primary database.
    #[resource(
        env = "DATABASE_URL",
        alias = "HEROKU_POSTGRESQL_URL",
        example = "postgres://app:hunter2@db.example.com:5432/app",
        parts = "libpq"
    )]
    db: PostgresUrl,
    /// Cache; the app runs without it.
    cache: Option<RedisUrl>,
    /// Shards, at least two.
    #[resource(min = 2)]
    shards: Vec<PostgresUrl>,
    /// Kafka brokers.
    kafka: KafkaBrokers,
    /// API token | for the "tracker" — ñandú.
    api_token: Secret<String>,
    /// Replica in Europe.
    #[resource(flatten, prefix = "EU_")]
    eu: Replica,
    /// Connections in the pool.
    #[setting(default = 10)]
    pool_size: u32,
    /// Sender of outgoing mail.
    #[setting]
    mail_from: String,
    /// Timeout of a request, if any.
    #[setting]
    request_timeout: Option<std::time::Duration>,
}

#[test]
fn snapshot() {
    expect_file!["snapshots/everything.k8s.yaml"]
        .assert_eq(&doc::kubernetes(OrdersApp::manifest()));
    assert_eq!(Format::from_name("kubernetes"), Some(Format::Kubernetes));
    assert_eq!(
        Format::Kubernetes.render(OrdersApp::manifest()),
        doc::kubernetes(OrdersApp::manifest())
    );
}

fn docs(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .filter(|v: &Value| !v.is_null())
        .collect()
}

fn keys(map: &Value) -> Vec<String> {
    map.as_mapping()
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn yaml_parses_into_a_secret_a_configmap_and_a_deployment() {
    let text = doc::kubernetes(OrdersApp::manifest());
    assert!(!text.contains("hunter2"), "{text}");
    let docs = docs(&text);
    let kinds: Vec<&str> = docs.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["Secret", "ConfigMap", "Deployment"]);
    let (secret, config, deploy) = (&docs[0], &docs[1], &docs[2]);

    // The Secret: the locators and what may be a secret, each a placeholder; optional ones left out.
    assert_eq!(secret["metadata"]["name"], "orders-app-resources");
    let data = &secret["stringData"];
    assert_eq!(
        keys(data),
        [
            "APP_DATABASE_URL",
            "APP_SHARDS_URL_0",
            "APP_SHARDS_URL_1",
            "APP_KAFKA_URL",
            "APP_API_TOKEN",
            "APP_EU_URL",
            // A `String` setting may be a credential: it goes in the Secret.
            "APP_MAIL_FROM"
        ]
    );
    for key in keys(data) {
        let value = data[key.as_str()].as_str().unwrap();
        assert!(
            value.starts_with('<') && value.ends_with('>'),
            "{key}: {value}"
        );
    }
    // The ConfigMap: settings, a default as its value.
    assert_eq!(config["metadata"]["name"], "orders-app-settings");
    assert_eq!(keys(&config["data"]), ["APP_POOL_SIZE"]);
    assert_eq!(config["data"]["APP_POOL_SIZE"], "10");

    // The Deployment: envFrom the ConfigMap, a secretKeyRef per Secret key.
    let container = &deploy["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        container["envFrom"][0]["configMapRef"]["name"],
        "orders-app-settings"
    );
    let env = container["env"].as_sequence().unwrap();
    let mut optional = Vec::new();
    for entry in env {
        let r = &entry["valueFrom"]["secretKeyRef"];
        assert_eq!(r["name"], "orders-app-resources");
        assert_eq!(r["key"], entry["name"]);
        let key = r["key"].as_str().unwrap();
        if r["optional"] == Value::Bool(true) {
            // An optional key is commented out in the Secret.
            assert!(data.get(key).is_none(), "{key}");
            optional.push(key.to_owned());
        } else {
            assert!(data.get(key).is_some(), "{key}");
        }
    }
    assert_eq!(env.len(), 9);
    assert_eq!(optional, ["APP_CACHE_URL", "APP_EU_CACHE_URL"]);
}

/// Whatever password an example holds, the manifests never show it.
#[test]
fn no_example_password_in_any_rendering() {
    let text = Format::Kubernetes.render(OrdersApp::manifest());
    assert!(
        text.contains("postgres://app:***@db.example.com:5432/app"),
        "{text}"
    );
    assert!(!text.contains("hunter2"));
}

/// A field's own example is an example; its kind's sample only says the format.
#[test]
fn a_kinds_sample_is_a_format_not_an_example() {
    let text = doc::kubernetes(OrdersApp::manifest());
    assert!(
        text.contains("  # PostgreSQL; required; e.g. postgres://app:***@db.example.com:5432/app\n  APP_DATABASE_URL:"),
        "{text}"
    );
    assert!(
        text.contains("  # Kafka; required; format: kafka1.example.com:9092,kafka2.example.com:9092\n  APP_KAFKA_URL:"),
        "{text}"
    );
    assert!(!text.contains("e.g. kafka1"), "{text}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(14), ..Default::default() })]

    /// Whatever password an example or a default holds, the manifests never show it.
    #[test]
    fn no_password_in_an_example_is_rendered(pw in "Zq[a-zA-Z0-9:/@%?#]{6,20}", setting in proptest::bool::ANY) {
        use resources::{Entry, LocatorFns, Manifest, Presence, VarDecl};
        let example: &'static str = Box::leak(format!("postgres://app:{pw}@db.example.com/app").into_boxed_str());
        let decl = VarDecl {
            field: "db",
            name: "DATABASE_URL",
            aliases: &[],
            deprecated: &[],
            parts: &[],
            empty_is_unset: false,
            binding: None,
            presence: if setting { Presence::Optional } else { Presence::Required },
            description: "The database.",
            example: Some(example),
            locator: LocatorFns::get::<PostgresUrl>(),
            setting: false,
            default: None,
        };
        let entries: &'static [Entry] = Box::leak(vec![Entry::Var(decl)].into_boxed_slice());
        let manifest: &'static Manifest = Box::leak(Box::new(Manifest { type_name: "App", prefix: "", entries }));
        let text = doc::kubernetes(manifest);
        proptest::prop_assert!(!text.contains(&pw), "{}", text);
        proptest::prop_assert_eq!(docs(&text).len(), 3);
    }
}
