//! The README's third-party recipes, compiled and loaded: each credential is redacted.

use resources::{ApiUrl, Kind, MapSource, Resources, S3Url, Scheme, Secret, ServiceUrl};

/// Loggly puts the customer token in the path.
pub struct Loggly;
impl Kind for Loggly {
    const NAME: &'static str = "Loggly";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
}

/// Third-party services this app is attached to.
#[derive(Debug, Resources)]
struct ThirdParty {
    /// Postmark.
    postmark: ApiUrl,
    /// New Relic's Log API.
    new_relic_log_url: ApiUrl,
    /// New Relic's Event API.
    new_relic_events_url: ApiUrl,
    /// Loggly.
    loggly: ServiceUrl<Loggly>,
    /// Amazon S3.
    uploads: S3Url,
    /// Twitter (X) API v2.
    twitter_api_url: ApiUrl,
    /// Google Maps.
    google_maps: ApiUrl,
    /// Last.fm.
    lastfm: ApiUrl,
    /// A key that is not part of a URL.
    stripe_key: Secret<String>,
}

#[test]
fn every_recipe_loads_and_redacts() {
    let source = MapSource::new([
        ("POSTMARK_URL", "https://tok-postmark@api.postmarkapp.com"),
        (
            "NEW_RELIC_LOG_URL",
            "https://log-api.newrelic.com/log/v1?Api-Key=tok-nrlog",
        ),
        (
            "NEW_RELIC_EVENTS_URL",
            "https://tok-nrins@insights-collector.newrelic.com/v1/accounts/12345/events",
        ),
        (
            "LOGGLY_URL",
            "https://logs-01.loggly.com/inputs/tok-loggly/tag/http/",
        ),
        (
            "UPLOADS_URL",
            "https://minio:tok-s3@localhost:9000/dev-bucket/up/",
        ),
        ("TWITTER_API_URL", "https://:tok-twitter@api.twitter.com/2"),
        (
            "GOOGLE_MAPS_URL",
            "https://maps.googleapis.com/maps/api?key=tok-maps",
        ),
        (
            "LASTFM_URL",
            "https://ws.audioscrobbler.com/2.0/?api_key=tok-lastfm&format=json",
        ),
        ("STRIPE_KEY", "tok-stripe"),
    ]);
    let apis = ThirdParty::load(&source).unwrap();
    let debug = format!("{apis:?}");
    assert_eq!(
        apis.new_relic_events_url.password().unwrap().expose(),
        "tok-nrins"
    );
    assert!(!debug.contains("tok-"), "{debug}");
    assert_eq!(apis.postmark.password().unwrap().expose(), "tok-postmark");
    assert_eq!(
        apis.new_relic_log_url
            .secret_param("Api-Key")
            .unwrap()
            .expose(),
        "tok-nrlog"
    );
    assert_eq!(
        apis.loggly.to_string(),
        "https://logs-01.loggly.com/inputs/***/tag/http/"
    );
    assert_eq!(
        (apis.uploads.bucket(), apis.uploads.prefix().as_deref()),
        (Some("dev-bucket"), Some("up/"))
    );
    assert_eq!(
        apis.twitter_api_url.password().unwrap().expose(),
        "tok-twitter"
    );
    assert_eq!(
        apis.google_maps.secret_param("key").unwrap().expose(),
        "tok-maps"
    );
    assert_eq!(apis.lastfm.param("format"), Some("json"));
    assert_eq!(apis.stripe_key.expose(), "tok-stripe");
}
