//! One real round trip per service, through the derive and the real clients. Needs the
//! services (`scripts/services.sh start`); skipped, and said so, without them (required under
//! `CI=true`).

use resources::{Resources, S3Url, Secret};
use resources_services::{
    Attached, amqp_round_trip, api_round_trip, beanstalkd_round_trip, couchdb_round_trip,
    memcached_round_trip, mysql_round_trip, postgres_round_trip, read_bounded, redis_round_trip,
    require_services, s3_key, s3_round_trip, s3_target, setting, smtp_round_trip,
};

/// The longest request log or recording a test reads.
const MAX_LOG: u64 = 16 << 20;

/// `%XX` decoded (the test's own, to compare a path segment with what a server decodes).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// A marker no earlier run used (the request log and the recording outlive the runs).
fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{prefix}-{}-{nanos}", std::process::id())
}

#[test]
fn every_service_round_trips() {
    let Some(source) = require_services("attach") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let marker = unique("test");
    let mail_dir = setting(&source, "MAIL_DIR").expect("MAIL_DIR in the services' .env");
    assert_eq!(postgres_round_trip(&attached.db, &marker).unwrap(), marker);
    assert_eq!(redis_round_trip(&attached.cache, &marker).unwrap(), marker);
    assert_eq!(amqp_round_trip(&attached.queue, &marker).unwrap(), marker);
    assert_eq!(
        smtp_round_trip(&attached.mail, &mail_dir, &marker).unwrap(),
        marker
    );
    assert_eq!(
        memcached_round_trip(&attached.memcached, &marker).unwrap(),
        marker
    );
    assert_eq!(mysql_round_trip(&attached.mysql, &marker).unwrap(), marker);
    assert_eq!(
        beanstalkd_round_trip(&attached.beanstalkd, &marker).unwrap(),
        marker
    );
    assert_eq!(s3_round_trip(&attached.s3, &marker).unwrap(), marker);
    assert_eq!(
        couchdb_round_trip(&attached.couchdb, &marker)
            .unwrap()
            .marker,
        marker
    );
    let apis = api_round_trip(&attached, &marker).unwrap();
    assert_eq!(
        (
            apis.new_relic_log,
            apis.new_relic_events,
            apis.loggly,
            apis.google_maps,
            apis.twitter,
            apis.lastfm,
            apis.postmark
        ),
        (202, 200, 200, 200, 200, 200, 200)
    );
    // The generated passwords hold `@ : / %`: they reached every server through the locators.
    let debug = format!("{attached:?}");
    for p in [
        attached.db.password(),
        attached.cache.password(),
        attached.queue.password(),
        attached.mail.password(),
        attached.mysql.password(),
        attached.s3.password(),
        attached.couchdb.password(),
        attached.new_relic_log.secret_param("Api-Key"),
        attached.google_maps.secret_param("key"),
        attached.twitter.password(),
        attached.lastfm.secret_param("api_key"),
    ] {
        let p = p.expect("every service has a password").expose();
        assert!(p.contains('@') && p.contains(':') && p.contains('/') && p.contains('%'));
        assert!(!debug.contains(p), "{debug}");
    }
    assert!(!debug.contains(attached.new_relic_insert_key.expose().as_str()));
    let server_token = attached.postmark.password().expect("a server token");
    assert!(!debug.contains(server_token.expose()));
}

/// What the S3-compatible server received, one JSON object a request (moto's recorder).
fn s3_recording(source: &resources::Layered) -> Vec<serde_json::Value> {
    let path = setting(source, "S3_RECORDING").expect("S3_RECORDING in the services' .env");
    read_bounded(&path, MAX_LOG)
        .expect("moto's recording")
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Both forms of `S3Url` reach the store: `s3://KEY:SECRET@bucket?region=…&endpoint=…` and the
/// path-style endpoint `http://KEY:SECRET@host:port/bucket?region=…`. moto checks no signature,
/// so what the client signed with is read on the wire: the access key id and the region of the
/// locator in each request's SigV4 credential scope.
#[test]
fn s3_both_forms_sign_with_the_locators_key_and_region() {
    #[derive(Debug, Resources)]
    struct Forms {
        /// The `s3://` form.
        #[resource(env = "S3_URL")]
        s3_form: S3Url,
        /// The endpoint form.
        #[resource(env = "S3_ENDPOINT_URL")]
        endpoint_form: S3Url,
    }
    let Some(source) = require_services("s3") else {
        return;
    };
    let forms = Forms::load(&source).expect("the services' .env names both S3 forms");
    for (name, url) in [("s3", &forms.s3_form), ("endpoint", &forms.endpoint_form)] {
        let target = s3_target(url).unwrap();
        assert_eq!(target.bucket, "attach-bucket", "{name}");
        assert_eq!(target.region, "eu-west-3", "{name}");
        assert_eq!(
            target.endpoint.as_deref(),
            Some("http://127.0.0.1:59000"),
            "{name}"
        );
        let marker = unique(&format!("test-{name}"));
        assert_eq!(s3_round_trip(url, &marker).unwrap(), marker, "{name}");

        let key = s3_key(url, &marker);
        let access_key = target.access_key.expect("an access key id");
        let secret = target.secret_key.expect("a secret key").expose();
        let scope = format!("Credential={access_key}/");
        let recording = s3_recording(&source);
        let ours: Vec<&serde_json::Value> = recording
            .iter()
            .filter(|r| r["url"].as_str().is_some_and(|u| u.contains(&key)))
            .collect();
        let methods: Vec<&str> = ours.iter().filter_map(|r| r["method"].as_str()).collect();
        assert_eq!(methods, ["PUT", "GET"], "{name}");
        for r in ours {
            let auth = r["headers"]["Authorization"].as_str().unwrap_or_default();
            assert!(auth.starts_with("AWS4-HMAC-SHA256 "), "{name}: {auth}");
            assert!(auth.contains(&scope), "{name}: {auth}");
            assert!(
                auth.contains("/eu-west-3/s3/aws4_request"),
                "{name}: {auth}"
            );
            assert!(
                !r.to_string().contains(secret),
                "{name}: the secret went on the wire"
            );
        }
    }
}

/// CouchDB-compatible server: the locator's credentials are checked by the server. The
/// database is restricted to its admin, so a read without them, or with a wrong password, is
/// refused; with them it returns the document.
#[test]
fn couchdb_checks_the_locators_credentials() {
    let Some(source) = require_services("couchdb") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let marker = unique("couch");
    let check = couchdb_round_trip(&attached.couchdb, &marker).unwrap();
    assert_eq!(check.marker, marker);
    assert_eq!(check.anonymous_read, 401);
    assert_eq!(check.wrong_password_read, 401);
}

/// Third-party APIs: what the stand-in received is the locator's value, unchanged (raw path
/// and query as configured, the `Secret` as the header), a wrong key is refused, and nothing
/// we print holds a key, not even an error of the HTTP client.
#[test]
fn api_values_and_keys_reach_the_http_client_unchanged_and_are_never_printed() {
    let Some(source) = require_services("apis") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let marker = unique("api");
    let check = api_round_trip(&attached, &marker).unwrap();
    assert_eq!(
        (
            check.new_relic_log,
            check.new_relic_events,
            check.loggly,
            check.google_maps,
            check.twitter,
            check.lastfm,
            check.postmark
        ),
        (202, 200, 200, 200, 200, 200, 200)
    );

    let path = setting(&source, "API_REQUESTS").expect("API_REQUESTS in the services' .env");
    let requests: Vec<serde_json::Value> = read_bounded(&path, MAX_LOG)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|r: &serde_json::Value| r["headers"]["x-attach-marker"] == marker.as_str())
        .collect();
    // The recorded requests hold the keys: compared, never printed.
    assert_eq!(requests.len(), 7, "requests with this run's marker");
    let origin = "http://127.0.0.1:58080";
    let sent = |url: &str| url.strip_prefix(origin).unwrap().to_owned();
    // Compared without printing: the values hold the keys.
    let same = |i: usize, field: &str, want: String| {
        let got = &requests[i][field];
        let got = if field == "path" {
            got
        } else {
            &requests[i]["headers"][field]
        };
        assert!(
            *got == want.as_str(),
            "request {i}: {field} is not the configured value"
        );
    };
    same(0, "path", sent(attached.new_relic_log.expose_url()));
    same(1, "path", sent(attached.new_relic_events.expose_url()));
    same(
        1,
        "x-insert-key",
        attached.new_relic_insert_key.expose().clone(),
    );
    same(2, "path", sent(attached.loggly.expose_url()));
    same(3, "path", sent(attached.google_maps.expose_url()));
    same(4, "path", "/2/users/me".to_owned());
    same(
        4,
        "authorization",
        format!("Bearer {}", attached.twitter.password().unwrap().expose()),
    );
    same(5, "path", sent(attached.lastfm.expose_url()));
    same(6, "path", "/email".to_owned());
    same(
        6,
        "x-postmark-server-token",
        attached.postmark.password().unwrap().expose().to_owned(),
    );

    // The stand-in checks the keys: a wrong one is refused, so the statuses above were earned.
    let mut forged = Attached::load(&source).unwrap();
    forged.new_relic_log = format!("{origin}/log/v1?Api-Key=wrong").parse().unwrap();
    forged.new_relic_insert_key = Secret::new("wrong".to_owned());
    forged.loggly = format!("{origin}/inputs/wrong/tag/http/").parse().unwrap();
    forged.google_maps = format!("{origin}/maps/api/geocode/json?key=wrong")
        .parse()
        .unwrap();
    forged.twitter = "http://:wrong@127.0.0.1:58080/2".parse().unwrap();
    forged.lastfm = format!("{origin}/2.0/?api_key=wrong").parse().unwrap();
    forged.postmark = "http://wrong@127.0.0.1:58080".parse().unwrap();
    let refused = api_round_trip(&forged, &marker).unwrap();
    assert_eq!(
        (
            refused.new_relic_log,
            refused.new_relic_events,
            refused.loggly,
            refused.google_maps,
            refused.twitter,
            refused.lastfm,
            refused.postmark
        ),
        (403, 403, 403, 403, 401, 403, 401)
    );

    // Nothing printed holds a key: the locators, the checks, a client error.
    let keys = [
        attached
            .new_relic_log
            .secret_param("Api-Key")
            .unwrap()
            .expose()
            .to_owned(),
        attached.new_relic_insert_key.expose().clone(),
        attached.loggly.path_segments().nth(1).unwrap().to_owned(),
        attached
            .google_maps
            .secret_param("key")
            .unwrap()
            .expose()
            .to_owned(),
        attached.twitter.password().unwrap().expose().to_owned(),
        attached
            .lastfm
            .secret_param("api_key")
            .unwrap()
            .expose()
            .to_owned(),
        attached.postmark.password().unwrap().expose().to_owned(),
    ];
    let mut unreachable = Attached::load(&source).unwrap();
    unreachable.new_relic_log = attached
        .new_relic_log
        .expose_url()
        .replace("127.0.0.1:58080", "127.0.0.1:9")
        .parse()
        .unwrap();
    let error = api_round_trip(&unreachable, &marker)
        .unwrap_err()
        .to_string();
    assert!(!error.is_empty());
    let printed = format!(
        "{attached:?}\n{attached:#?}\n{} {} {} {} {} {}\n{check:?}\n{error}",
        attached.new_relic_log,
        attached.new_relic_events,
        attached.new_relic_insert_key,
        attached.loggly,
        attached.google_maps,
        attached.twitter
    ) + &format!("\n{} {}", attached.lastfm, attached.postmark);
    let loggly_token = percent_decode(&keys[2]);
    for key in keys.iter().chain([&loggly_token]) {
        // The message names the key's position, never the text that held it.
        let at = keys.iter().position(|k| k == key);
        assert!(!printed.contains(key.as_str()), "key {at:?} is printed");
    }
}
