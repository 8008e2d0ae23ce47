//! `Debug` of a locator starts with a Rust-like name: the kind's name when it reads as one
//! (`PostgreSQL`, `Loggly`), else the kind's type name (`Api` for "HTTPS API"), and always
//! shows the URL redacted.

#![allow(dead_code)] // the structs here exist for their manifests

use std::marker::PhantomData;

use proptest::prelude::*;
use resources::{
    ApiUrl, DatabaseUrl, Kind, MapSource, PostgresUrl, RedisUrl, Resources, Scheme, ServiceUrl,
};

/// A kind whose display name has a space.
struct LocalApi;
impl Kind for LocalApi {
    const NAME: &'static str = "HTTP API";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443), Scheme::new("http", 80)];
    const EXAMPLE: &'static str = "https://TOKEN@api.example.com/v1";
    const TOKEN_USERNAME: bool = true;
}

/// A kind whose display name is lowercase words.
struct TokenPath;
impl Kind for TokenPath {
    const NAME: &'static str = "token path";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://logs.example.com/inputs/TOKEN";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
}

/// A kind whose display name already reads as a type name.
struct Loggly;
impl Kind for Loggly {
    const NAME: &'static str = "Loggly";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
}

/// A region marker, for a generic kind.
struct Eu;

/// A generic kind, named with punctuation.
struct Tenant<R>(PhantomData<fn() -> R>);
impl<R: 'static> Kind for Tenant<R> {
    const NAME: &'static str = "tenant-API (v2)";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://app:PASSWORD@tenant.example.com/";
}

fn debug<K: Kind>(url: &str) -> String {
    let parsed: ServiceUrl<K> = url.parse().unwrap();
    format!("{parsed:?}")
}

#[test]
fn custom_kinds_debug_as_their_type_when_their_name_is_no_type_name() {
    assert_eq!(
        debug::<LocalApi>("https://s3cr3t@api.example.com/v1"),
        r#"LocalApi("https://***@api.example.com/v1")"#
    );
    assert_eq!(
        debug::<TokenPath>("https://logs.example.com/inputs/s3cr3t"),
        r#"TokenPath("https://logs.example.com/inputs/***")"#
    );
    assert_eq!(
        debug::<Tenant<Eu>>("https://app:s3cr3t@tenant.example.com/"),
        r#"Tenant<Eu>("https://app:***@tenant.example.com/")"#
    );
    // A name that reads as a type name stays.
    assert_eq!(
        debug::<Loggly>("https://logs-01.loggly.com/inputs/s3cr3t/tag/http/"),
        r#"Loggly("https://logs-01.loggly.com/inputs/***/tag/http/")"#
    );
    // `{:#?}` too.
    let url: ServiceUrl<LocalApi> = "https://s3cr3t@api.example.com/v1".parse().unwrap();
    assert_eq!(
        format!("{url:#?}"),
        "LocalApi(\n    \"https://***@api.example.com/v1\",\n)"
    );
}

#[test]
fn built_in_kinds_keep_their_names_but_the_https_api_kind() {
    let pg: PostgresUrl = "postgres://app:s3cr3t@db/app".parse().unwrap();
    assert_eq!(
        format!("{pg:?}"),
        r#"PostgreSQL("postgres://app:***@db/app")"#
    );
    let redis: RedisUrl = "redis://:s3cr3t@cache:6379/0".parse().unwrap();
    assert_eq!(
        format!("{redis:?}"),
        r#"Redis("redis://:***@cache:6379/0")"#
    );
    let any: DatabaseUrl = "mysql://app:s3cr3t@db/app".parse().unwrap();
    assert_eq!(format!("{any:?}"), r#"MySQL("mysql://app:***@db/app")"#);
    // "HTTPS API" has a space: the kind's type, `resources::kind::Api`, names it.
    let api: ApiUrl = "https://s3cr3t@api.example.com/v1".parse().unwrap();
    assert_eq!(
        format!("{api:?}"),
        r#"Api("https://***@api.example.com/v1")"#
    );
}

#[test]
fn a_struct_of_custom_kinds_debugs_as_rust() {
    #[derive(Debug, Resources)]
    struct Apis {
        /// The API.
        api: ServiceUrl<LocalApi>,
        /// Logs.
        logs: Option<ServiceUrl<TokenPath>>,
    }
    let apis = Apis::load(&MapSource::new([
        ("API_URL", "https://s3cr3t@api.example.com/v1"),
        ("LOGS_URL", "https://logs.example.com/inputs/t0ken"),
    ]))
    .unwrap();
    assert_eq!(
        format!("{apis:?}"),
        r#"Apis { api: LocalApi("https://***@api.example.com/v1"), logs: Some(TokenPath("https://logs.example.com/inputs/***")) }"#
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, rng_seed: proptest::test_runner::RngSeed::Fixed(4), ..ProptestConfig::default() })]

    /// Whatever the secret, no `Debug` of a custom kind shows it, plain or pretty.
    #[test]
    fn debug_never_shows_a_secret(secret in "Zq[a-zA-Z0-9._~-]{6,24}") {
        let outputs = [
            format!("{:?}", "https://TOKEN@api.example.com/v1".replace("TOKEN", &secret).parse::<ServiceUrl<LocalApi>>().unwrap()),
            format!("{:#?}", format!("https://logs.example.com/inputs/{secret}").parse::<ServiceUrl<TokenPath>>().unwrap()),
            format!("{:?}", format!("https://app:{secret}@tenant.example.com/").parse::<ServiceUrl<Tenant<Eu>>>().unwrap()),
            format!("{:#?}", format!("https://{secret}@api.example.com/v1").parse::<ApiUrl>().unwrap()),
        ];
        for out in outputs {
            prop_assert!(!out.contains(&secret), "{}", out);
            prop_assert!(out.contains("***"), "{}", out);
            let name = out.split('(').next().unwrap_or_default();
            prop_assert!(!name.is_empty() && !name.contains(' '), "a Rust-like name: {}", out);
        }
    }
}
