//! NATS, HTTP, third-party API, S3, SQLite, CouchDB and Beanstalkd locators, and a user kind.

use resources::{
    ApiUrl, BeanstalkdUrl, CouchDbUrl, ErrorKind, HttpUrl, Kind, LocatorError, NatsUrl, S3Url,
    Scheme, ServiceUrl, SqliteUrl,
};
use std::path::PathBuf;

fn kind_of<T: std::str::FromStr<Err = LocatorError> + std::fmt::Debug>(s: &str) -> ErrorKind {
    match s.parse::<T>() {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => e.kind().clone(),
    }
}

#[test]
fn nats() {
    let u: NatsUrl = "nats://app:s3cret@nats.internal".parse().unwrap();
    assert_eq!(u.port_or_default(), Some(4222));
    assert_eq!(u.username(), Some("app"));
    // A lone user name is a token: redacted, and only given as the password.
    let u: NatsUrl = "nats://t0ken@nats.internal:4222".parse().unwrap();
    assert_eq!(u.username(), None);
    assert_eq!(u.password().unwrap().expose(), "t0ken");
    assert_eq!(u.to_string(), "nats://***@nats.internal:4222");
    assert_eq!(
        "tls://nats.internal"
            .parse::<NatsUrl>()
            .unwrap()
            .port_or_default(),
        Some(4222)
    );
    assert_eq!(
        "wss://nats.internal"
            .parse::<NatsUrl>()
            .unwrap()
            .port_or_default(),
        Some(443)
    );
    assert!(matches!(
        kind_of::<NatsUrl>("http://nats.internal"),
        ErrorKind::WrongScheme { .. }
    ));
    // No host: the client's default server (conformance_clients.rs).
    assert!(
        "nats://"
            .parse::<NatsUrl>()
            .is_ok_and(|u| u.hosts().is_empty())
    );
}

#[test]
fn http() {
    let u: HttpUrl = "https://search.internal:9200".parse().unwrap();
    assert_eq!(u.port(), Some(9200));
    assert_eq!(
        "http://search.internal"
            .parse::<HttpUrl>()
            .unwrap()
            .port_or_default(),
        Some(80)
    );
    assert_eq!(
        "https://search.internal"
            .parse::<HttpUrl>()
            .unwrap()
            .port_or_default(),
        Some(443)
    );
    let u: HttpUrl = "https://elastic:s3cret@search.internal/logs?token=abc"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://elastic:***@search.internal/logs?token=***"
    );
    assert!(matches!(
        kind_of::<HttpUrl>("ftp://files.internal"),
        ErrorKind::WrongScheme {
            found: Some("ftp"),
            ..
        }
    ));
    assert_eq!(kind_of::<HttpUrl>("https:///path"), ErrorKind::MissingHost);
}

#[test]
fn third_party_apis() {
    // Google Maps: the key is a query parameter.
    let u: ApiUrl = "https://maps.googleapis.com/maps/api/geocode/json?key=AIzaEXAMPLE"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://maps.googleapis.com/maps/api/geocode/json?key=***"
    );
    assert_eq!(u.secret_param("key").unwrap().expose(), "AIzaEXAMPLE");
    // Last.fm: api_key.
    let u: ApiUrl = "https://ws.audioscrobbler.com/2.0/?api_key=abc123&format=json"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://ws.audioscrobbler.com/2.0/?api_key=***&format=json"
    );
    // Postmark: a server token as the userinfo.
    let u: ApiUrl = "https://server-token-123@api.postmarkapp.com"
        .parse()
        .unwrap();
    assert_eq!(u.to_string(), "https://***@api.postmarkapp.com");
    assert_eq!(u.password().unwrap().expose(), "server-token-123");
    // Twitter (X): a bearer token in the userinfo.
    let u: ApiUrl = "https://:AAAAbearer@api.twitter.com/2".parse().unwrap();
    assert_eq!(u.to_string(), "https://:***@api.twitter.com/2");
    // New Relic's Log API takes its key as `Api-Key` (or `License-Key`).
    let u: ApiUrl = "https://log-api.newrelic.com/log/v1?Api-Key=NRAK-EXAMPLE"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://log-api.newrelic.com/log/v1?Api-Key=***"
    );
    assert_eq!(u.secret_param("Api-Key").unwrap().expose(), "NRAK-EXAMPLE");
    // Its Event API takes an insert key: carried as the userinfo.
    let u: ApiUrl = "https://INSERTKEY@insights-collector.newrelic.com/v1/accounts/12345/events"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://***@insights-collector.newrelic.com/v1/accounts/12345/events"
    );
    // access_token and client_secret are secret for APIs.
    let u: ApiUrl = "https://api.example.com/v1?access_token=x1&client_secret=x2&page=2"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://api.example.com/v1?access_token=***&client_secret=***&page=2"
    );
    assert_eq!(u.param("page"), Some("2"));
    // Sensitive names are matched case-insensitively.
    let u: ApiUrl = "https://api.example.com/?API_KEY=x1&Token=x2"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://api.example.com/?API_KEY=***&Token=***"
    );
    // Credentials are never sent in clear.
    assert!(matches!(
        kind_of::<ApiUrl>("http://api.example.com"),
        ErrorKind::WrongScheme {
            found: Some("http"),
            ..
        }
    ));
}

/// New Relic's event API: the account id is a path segment, the insert key a header, here
/// carried in the userinfo; Loggly puts its token in the path.
struct Loggly;
impl Kind for Loggly {
    const NAME: &'static str = "Loggly";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
    fn validate(url: &ServiceUrl<Self>) -> Result<(), LocatorError> {
        match url.path_segments().next() {
            Some("inputs" | "bulk") => Ok(()),
            _ => Err(LocatorError::invalid(
                Self::NAME,
                "the path must start with /inputs/ or /bulk/",
            )),
        }
    }
}

#[test]
fn user_kind_with_secret_path_segment() {
    let u: ServiceUrl<Loggly> = "https://logs-01.loggly.com/inputs/b1a2c3d4/tag/http/"
        .parse()
        .unwrap();
    assert_eq!(
        u.to_string(),
        "https://logs-01.loggly.com/inputs/***/tag/http/"
    );
    assert_eq!(
        format!("{u:?}"),
        "Loggly(\"https://logs-01.loggly.com/inputs/***/tag/http/\")"
    );
    assert_eq!(u.path_segments().nth(1), Some("b1a2c3d4"));
    let e = "https://logs-01.loggly.com/other"
        .parse::<ServiceUrl<Loggly>>()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid Loggly locator: the path must start with /inputs/ or /bulk/"
    );
}

#[test]
fn s3() {
    let u: S3Url = "s3://my-bucket/uploads/images/".parse().unwrap();
    assert_eq!(u.bucket(), Some("my-bucket"));
    assert_eq!(u.prefix().as_deref(), Some("uploads/images/"));
    assert_eq!(u.endpoint(), None);

    let u: S3Url = "https://s3.eu-west-1.amazonaws.com/my-bucket/logs"
        .parse()
        .unwrap();
    assert_eq!(u.bucket(), Some("my-bucket"));
    assert_eq!(u.prefix().as_deref(), Some("logs"));
    assert_eq!(
        u.endpoint().as_deref(),
        Some("https://s3.eu-west-1.amazonaws.com")
    );

    let u: S3Url = "https://my-bucket.s3.eu-west-1.amazonaws.com/logs/2026"
        .parse()
        .unwrap();
    assert_eq!(u.bucket(), Some("my-bucket"));
    assert_eq!(u.prefix().as_deref(), Some("logs/2026"));

    let u: S3Url = "http://minio:minio-s3cret@localhost:9000/dev-bucket"
        .parse()
        .unwrap();
    assert_eq!(u.bucket(), Some("dev-bucket"));
    assert_eq!(u.prefix(), None);
    assert_eq!(u.to_string(), "http://minio:***@localhost:9000/dev-bucket");

    let u: S3Url =
        "https://my-bucket.s3.amazonaws.com/f.png?X-Amz-Credential=AKIA&X-Amz-Signature=abc"
            .parse()
            .unwrap();
    assert_eq!(
        u.to_string(),
        "https://my-bucket.s3.amazonaws.com/f.png?X-Amz-Credential=***&X-Amz-Signature=***"
    );

    assert!(matches!(
        kind_of::<S3Url>("s3://My_Bucket/x"),
        ErrorKind::Invalid(_)
    ));
    assert!(matches!(kind_of::<S3Url>("s3://ab"), ErrorKind::Invalid(_)));
    // An endpoint without a bucket is accepted (the bucket is chosen in code); `s3://`
    // without one is not.
    assert!(
        "https://s3.amazonaws.com/"
            .parse::<S3Url>()
            .is_ok_and(|u| u.bucket().is_none())
    );
    assert!(matches!(
        kind_of::<S3Url>("s3://"),
        ErrorKind::MissingHost | ErrorKind::BadPath(_)
    ));
    assert_eq!(
        kind_of::<S3Url>("s3://my-bucket:443/x"),
        ErrorKind::PortNotAllowed
    );
    assert_eq!(kind_of::<S3Url>("s3://"), ErrorKind::MissingHost);
}

#[test]
fn sqlite() {
    let u: SqliteUrl = "sqlite:data.db".parse().unwrap();
    assert_eq!(u.file_path(), Some(PathBuf::from("data.db")));
    let u: SqliteUrl = "sqlite://data/app.db?mode=rwc".parse().unwrap();
    assert_eq!(u.file_path(), Some(PathBuf::from("data/app.db")));
    assert_eq!(u.param("mode"), Some("rwc"));
    let u: SqliteUrl = "sqlite:///var/lib/app/app.db".parse().unwrap();
    assert_eq!(u.file_path(), Some(PathBuf::from("/var/lib/app/app.db")));
    assert!("sqlite::memory:".parse::<SqliteUrl>().unwrap().is_memory());
    assert!(
        "sqlite://:memory:"
            .parse::<SqliteUrl>()
            .unwrap()
            .is_memory()
    );
    assert!(
        "sqlite://shared?mode=memory"
            .parse::<SqliteUrl>()
            .unwrap()
            .is_memory()
    );
    assert_eq!(
        "sqlite:my%20data.db"
            .parse::<SqliteUrl>()
            .unwrap()
            .file_path(),
        Some(PathBuf::from("my data.db"))
    );
    // An empty path is SQLite's temporary database, as sqlx reads it.
    assert!("sqlite:".parse::<SqliteUrl>().is_ok_and(|u| u.is_memory()));
    assert!(
        "sqlite://"
            .parse::<SqliteUrl>()
            .is_ok_and(|u| u.is_memory())
    );
    assert!(matches!(
        kind_of::<SqliteUrl>("sqlite:app.db?mode=append"),
        ErrorKind::BadParam { .. }
    ));
    assert!(matches!(
        kind_of::<SqliteUrl>("sqlite3:app.db"),
        ErrorKind::WrongScheme { .. }
    ));
    // A `user:password@host` pasted where the file path goes is refused, not printed as a
    // path, even when the password holds a raw `/` or `?`.
    for input in [
        "sqlite://app:hunter2@h1/app.db",
        "sqlite://app:hun/ter2@h1",
        "sqlite://app:hun?ter2@h1",
    ] {
        let e = input.parse::<SqliteUrl>().unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::UnescapedAt, "{input}");
        assert!(!format!("{e} {e:?}").contains("ter2"), "{e}");
    }
    assert_eq!(
        "sqlite:backup%402024.db"
            .parse::<SqliteUrl>()
            .unwrap()
            .file_path(),
        Some(PathBuf::from("backup@2024.db"))
    );
}

#[test]
fn couchdb() {
    let u: CouchDbUrl = "http://admin:s3cret@couch.internal/app".parse().unwrap();
    assert_eq!(u.port_or_default(), Some(5984));
    assert_eq!(u.database().as_deref(), Some("app"));
    assert_eq!(u.to_string(), "http://admin:***@couch.internal/app");
    assert_eq!(
        "https://couch.internal"
            .parse::<CouchDbUrl>()
            .unwrap()
            .port_or_default(),
        Some(6984)
    );
    assert_eq!(
        "http://couch.internal/my%2Bdb"
            .parse::<CouchDbUrl>()
            .unwrap()
            .database()
            .as_deref(),
        Some("my+db")
    );
    assert!(matches!(
        kind_of::<CouchDbUrl>("couchdb://couch"),
        ErrorKind::WrongScheme { .. }
    ));
}

#[test]
fn beanstalkd() {
    let u: BeanstalkdUrl = "beanstalk://queue.internal".parse().unwrap();
    assert_eq!(u.port_or_default(), Some(11300));
    assert_eq!(
        "beanstalkd://queue:11301"
            .parse::<BeanstalkdUrl>()
            .unwrap()
            .port(),
        Some(11301)
    );
    assert!(matches!(
        kind_of::<BeanstalkdUrl>("beanstalk://queue/tube"),
        ErrorKind::BadPath(_)
    ));
    assert_eq!(
        kind_of::<BeanstalkdUrl>("beanstalk://"),
        ErrorKind::MissingHost
    );
}
