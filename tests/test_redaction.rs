//! For any password or token, no `Debug`, `Display` or error output of any locator holds it,
//! whether it is percent-encoded as it should be or pasted raw.

use proptest::prelude::*;
use resources::{
    AmqpUrl, ApiUrl, HttpUrl, KafkaBrokers, Kind, Loader, Locator, MapSource, MemcachedServers,
    MongoUrl, MySqlUrl, NatsUrl, PostgresUrl, RedisUrl, S3Url, Scheme, Secret, ServiceUrl, SmtpUrl,
};

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

struct TokenPath;
impl Kind for TokenPath {
    const NAME: &'static str = "token path";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
    const EXAMPLE: &'static str = "https://logs.example.com/inputs/TOKEN";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
}

/// Every output a locator type can give for `input`: `Display` and `Debug` of the value, or
/// `Display` and `Debug` of the parse error and of the load error built from it.
fn outputs<L: Locator + std::fmt::Debug + std::fmt::Display>(input: &str) -> Vec<String> {
    let mut out = match L::parse_locator(input) {
        Ok(v) => vec![v.to_string(), format!("{v:?}"), format!("{v:#?}")],
        Err(e) => vec![e.to_string(), format!("{e:?}")],
    };
    let source = MapSource::new([("X_URL", input)]);
    let mut loader = Loader::new(&source);
    let _slot = loader.required::<L>("X_URL");
    if let Err(e) = loader.finish() {
        out.push(e.to_string());
        out.push(format!("{e:?}"));
    }
    out
}

fn templates(pw: &str) -> Vec<(&'static str, Vec<String>)> {
    let e = encode(pw);
    let mut all = Vec::new();
    // Credentials in the userinfo are protected even when pasted raw: a raw `@`, `/`, `?`
    // or `#` there is detected. In a query value or a path segment, a raw `&`, `/`, `?`, `#`,
    // `=` or `%` cannot be told from the URL's own, so those placements are checked encoded,
    // and raw only when the credential holds none of them.
    let raw_ok_in_query_or_path = !pw.contains(['&', '/', '?', '#', '=', '%']);
    for (p, raw) in [(e.as_str(), false), (pw, true)] {
        all.push((
            "postgres",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db.internal:5432/app")),
        ));
        all.push((
            "postgres bad port",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db.internal:99999/app")),
        ));
        all.push((
            "postgres wrong scheme",
            outputs::<PostgresUrl>(&format!("mysql://app:{p}@db.internal/app")),
        ));
        all.push((
            "postgres smuggled host",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db%2Fx/app")),
        ));
        all.push((
            "mysql",
            outputs::<MySqlUrl>(&format!("mysql://app:{p}@db.internal/app")),
        ));
        all.push((
            "redis",
            outputs::<RedisUrl>(&format!("rediss://:{p}@cache.internal:6380/1")),
        ));
        all.push((
            "redis bad db",
            outputs::<RedisUrl>(&format!("redis://:{p}@cache.internal/x")),
        ));
        all.push((
            "amqp",
            outputs::<AmqpUrl>(&format!("amqp://jobs:{p}@mq.internal/%2F")),
        ));
        all.push((
            "smtp",
            outputs::<SmtpUrl>(&format!("smtp://mailer:{p}@smtp.internal:587?tls=required")),
        ));
        all.push((
            "mongodb",
            outputs::<MongoUrl>(&format!("mongodb://app:{p}@m1.internal,m2.internal/app")),
        ));
        all.push((
            "nats token",
            outputs::<NatsUrl>(&format!("nats://{p}@nats.internal")),
        ));
        all.push((
            "http",
            outputs::<HttpUrl>(&format!("https://elastic:{p}@search.internal")),
        ));
        all.push((
            "api token user",
            outputs::<ApiUrl>(&format!("https://{p}@api.example.com")),
        ));
        all.push((
            "s3",
            outputs::<S3Url>(&format!("https://minio:{p}@s3.internal/bucket")),
        ));
        all.push((
            "memcached",
            outputs::<MemcachedServers>(&format!("memcache://app:{p}@c1.internal,c2.internal")),
        ));
        all.push((
            "kafka",
            outputs::<KafkaBrokers>(&format!("kafka://app:{p}@k1.internal")),
        ));
        all.push(("secret", outputs::<Secret<String>>(p)));
        if !raw || raw_ok_in_query_or_path {
            all.push((
                "postgres param",
                outputs::<PostgresUrl>(&format!(
                    "postgres://db.internal/app?password={p}&sslmode=require"
                )),
            ));
            all.push((
                "redis unix",
                outputs::<RedisUrl>(&format!("unix:///tmp/redis.sock?pass={p}")),
            ));
            all.push((
                "api key",
                outputs::<ApiUrl>(&format!("https://maps.example.com/json?key={p}")),
            ));
            all.push((
                "api apikey",
                outputs::<ApiUrl>(&format!("https://api.example.com/?ApiKey={p}&q=1")),
            ));
            all.push((
                "token path",
                outputs::<ServiceUrl<TokenPath>>(&format!(
                    "https://logs.example.com/inputs/{p}/tag"
                )),
            ));
        }
    }
    all
}

const SKELETON: &str = "postgres://app:@db.internal:5432/app mysql rediss://cache.internal:6380/1 \
    unix:///tmp/redis.sock?pass= amqp://jobs:@mq.internal/%2F smtp://mailer:@smtp.internal:587?tls=required \
    mongodb://m1.internal,m2.internal nats.internal https://elastic:@search.internal maps.example.com/json?key= \
    api.example.com ApiKey s3.internal/bucket memcache://c1.internal,c2.internal kafka://k1.internal \
    logs.example.com/inputs/tag PostgreSQL MySQL Redis AMQP SMTP MongoDB NATS HTTP HTTPS API S3 Memcached Kafka \
    invalid locator scheme accepted expected port number percent encoding host password credentials \
    problem problems configuration backing services field the map source X_URL LocatorError kind_name \
    position Some None WrongScheme BadPort UnescapedAt SmuggledHost BadPercentEncoding Invalid secret";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_output_holds_the_secret(pw in "[A-Za-z0-9@:/%?&=+!$~*;,'()\\[\\]{}^|-]{8,24}") {
        prop_assume!(!SKELETON.contains(&pw));
        let encoded = encode(&pw);
        for (case, outs) in templates(&pw) {
            for out in outs {
                prop_assert!(!out.contains(&pw), "{case}: {out}");
                if encoded != pw {
                    prop_assert!(!out.contains(&encoded), "{case}: {out}");
                }
            }
        }
    }
}

#[test]
fn every_template_parses_when_encoded() {
    // The property above means something only if the well-formed inputs are accepted.
    let pw = "p@ss:w/rd?#1";
    let e = encode(pw);
    assert!(
        format!("postgres://app:{e}@db.internal:5432/app")
            .parse::<PostgresUrl>()
            .is_ok()
    );
    assert!(
        format!("rediss://:{e}@cache.internal:6380/1")
            .parse::<RedisUrl>()
            .is_ok()
    );
    assert!(
        format!("nats://{e}@nats.internal")
            .parse::<NatsUrl>()
            .is_ok()
    );
    assert!(
        format!("https://logs.example.com/inputs/{e}/tag")
            .parse::<ServiceUrl<TokenPath>>()
            .is_ok()
    );
    assert!(
        format!("memcache://app:{e}@c1.internal,c2.internal")
            .parse::<MemcachedServers>()
            .is_ok()
    );
    assert!(
        format!("https://maps.example.com/json?key={e}")
            .parse::<ApiUrl>()
            .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// No input makes a parser panic: arbitrary Unicode, and URL-ish text.
    #[test]
    fn parsers_never_panic(text in any::<String>(), urlish in "[a-z+]{1,8}:(//)?[a-zA-Z0-9@:/%?#&=.,\\[\\]é€ _-]{0,40}") {
        for input in [text.as_str(), urlish.as_str()] {
            if let Ok(u) = PostgresUrl::parse_locator(input) {
                let _ = (u.to_string(), format!("{u:?}"), u.database(), u.hosts().len(), u.port_or_default());
            }
            let _ = MySqlUrl::parse_locator(input).map(|u| (u.to_string(), u.database().map(|d| d.len())));
            let _ = RedisUrl::parse_locator(input).map(|u| (u.to_string(), u.db_index(), u.socket_path().map(|p| p.to_owned())));
            let _ = AmqpUrl::parse_locator(input).map(|u| (u.to_string(), u.vhost().map(|v| v.len())));
            let _ = resources::SqliteUrl::parse_locator(input).map(|u| (u.to_string(), u.file_path(), u.is_memory()));
            let _ = resources::CouchDbUrl::parse_locator(input).map(|u| u.database().map(|d| d.len()));
            let _ = resources::BeanstalkdUrl::parse_locator(input).map(|u| u.to_string());
            let _ = SmtpUrl::parse_locator(input);
            let _ = MongoUrl::parse_locator(input);
            let _ = NatsUrl::parse_locator(input);
            let _ = HttpUrl::parse_locator(input);
            let _ = ApiUrl::parse_locator(input);
            let _ = S3Url::parse_locator(input).map(|u| (u.bucket().map(str::len), u.prefix().map(|p| p.len()), u.endpoint()));
            let _ = KafkaBrokers::parse_locator(input);
            let _ = MemcachedServers::parse_locator(input);
            let _ = ServiceUrl::<TokenPath>::parse_locator(input);
            let _ = resources::DotEnv::parse(".env", input);
            let _ = resources::redact_example(&resources::LocatorFns::of::<PostgresUrl>(), input);
        }
    }
}

/// Every parameter name issue 13 lists, as written by real clients.
const SENSITIVE_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "sslpassword",
    "token",
    "auth_token",
    "access_token",
    "refresh_token",
    "session_token",
    "id_token",
    "jwt",
    "secret",
    "client_secret",
    "private_key",
    "key",
    "api_key",
    "apikey",
    "api-key",
    "x-api-key",
    "credential",
    "credentials",
    "sig",
    "signature",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
    "x-amz-server-side-encryption-customer-key",
    "X-Goog-Signature",
    "X-Goog-Credential",
    "authMechanismProperties",
    "tlsCertificateKeyFilePassword",
    "proxyPassword",
];

/// `name` respelled: upper or lower case, and `-` and `_` swapped or kept.
fn respell(name: &str, upper: bool, swap: bool) -> String {
    name.chars()
        .map(|c| match c {
            '-' if swap => '_',
            '_' if swap => '-',
            c if upper => c.to_ascii_uppercase(),
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// One query-bearing locator per kind, with `{q}` for the query.
fn query_templates(q: &str) -> Vec<(&'static str, Vec<String>, Option<String>)> {
    fn run<L: Locator>(input: String) -> (Vec<String>, Option<String>) {
        let shown = L::parse_locator(&input).ok().map(|l| l.to_string());
        (outputs::<L>(&input), shown)
    }
    let mut all = Vec::new();
    macro_rules! case {
        ($name:expr, $ty:ty, $url:expr) => {{
            let (outs, shown) = run::<$ty>($url);
            all.push(($name, outs, shown));
        }};
    }
    case!(
        "postgres",
        PostgresUrl,
        format!("postgres://db.internal/app?{q}")
    );
    case!("mysql", MySqlUrl, format!("mysql://db.internal/app?{q}"));
    case!("redis", RedisUrl, format!("redis://cache.internal/0?{q}"));
    case!(
        "redis unix",
        RedisUrl,
        format!("redis+unix:///tmp/r.sock?{q}")
    );
    case!("amqp", AmqpUrl, format!("amqp://mq.internal/%2F?{q}"));
    case!("smtp", SmtpUrl, format!("smtp://smtp.internal?{q}"));
    case!(
        "mongodb",
        MongoUrl,
        format!("mongodb://m1.internal/app?{q}")
    );
    case!("nats", NatsUrl, format!("nats://nats.internal?{q}"));
    case!("http", HttpUrl, format!("https://search.internal/x?{q}"));
    case!("api", ApiUrl, format!("https://api.example.com/v1?{q}"));
    case!(
        "s3",
        S3Url,
        format!("https://bucket.s3.amazonaws.com/f?{q}")
    );
    case!(
        "sqlite",
        resources::SqliteUrl,
        format!("sqlite://app.db?{q}")
    );
    case!(
        "couchdb",
        resources::CouchDbUrl,
        format!("http://couch.internal/app?{q}")
    );
    case!(
        "beanstalkd",
        resources::BeanstalkdUrl,
        format!("beanstalk://q.internal?{q}")
    );
    case!(
        "memcached",
        MemcachedServers,
        format!("memcache://c1.internal,c2.internal?{q}")
    );
    case!("kafka", KafkaBrokers, format!("kafka://k1.internal?{q}"));
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Item 4: every sensitive name, in any case and with `-`/`_` folded, in every kind.
    #[test]
    fn every_sensitive_parameter_is_redacted_in_every_kind(
        pw in "[A-Za-z0-9@:/%?&=+!$~*;,'()-]{8,24}",
        which in 0..SENSITIVE_NAMES.len(),
        upper in any::<bool>(),
        swap in any::<bool>(),
        first in any::<bool>(),
    ) {
        prop_assume!(!SKELETON.contains(&pw));
        let name = respell(SENSITIVE_NAMES[which], upper, swap);
        prop_assert!(resources::is_sensitive_param(&name, &[]), "{name}");
        let e = encode(&pw);
        // The credential first (followed by a parameter every kind knows: none, so alone) or
        // after a harmless parameter.
        let q = if first { format!("{name}={e}") } else { format!("timeout=5&{name}={e}") };
        for (case, outs, shown) in query_templates(&q) {
            for out in &outs {
                prop_assert!(!out.contains(&pw) && !out.contains(&e), "{case} {name}: {out}");
            }
            if let Some(shown) = shown {
                prop_assert!(shown.contains(&format!("{name}=***")), "{case}: {shown}");
            }
        }
        // Well-formed in the kinds that take any parameter: it must parse, so the check above
        // is not vacuous.
        let u: HttpUrl = format!("https://search.internal/x?{q}").parse().unwrap();
        let tail = format!("{name}=***");
        prop_assert!(u.to_string().ends_with(&tail), "{}", u);
        prop_assert_eq!(u.secret_param(&name).map(|s| s.expose()), Some(pw.as_str()));
        prop_assert_eq!(u.param(&name), None);
    }

    /// Item 5: a token written as the user name, alone, with an empty password or GitHub's
    /// `x-oauth-basic`, is redacted in every kind; it stays the user name outside token kinds.
    #[test]
    fn token_user_names_are_redacted(tok in "[A-Za-z0-9_-]{8,40}", form in 0..3usize) {
        prop_assume!(!SKELETON.contains(&tok) && tok != "x-oauth-basic");
        let info = match form {
            0 => tok.clone(),
            1 => format!("{tok}:"),
            _ => format!("{tok}:x-oauth-basic"),
        };
        let inputs: Vec<(&str, Vec<String>)> = vec![
            ("http", outputs::<HttpUrl>(&format!("https://{info}@api.github.com/repos"))),
            ("api", outputs::<ApiUrl>(&format!("https://{info}@api.github.com"))),
            ("s3", outputs::<S3Url>(&format!("https://{info}@s3.internal/bucket"))),
            ("couchdb", outputs::<resources::CouchDbUrl>(&format!("http://{info}@couch.internal/app"))),
            ("postgres", outputs::<PostgresUrl>(&format!("postgres://{info}@db.internal/app"))),
            ("mysql", outputs::<MySqlUrl>(&format!("mysql://{info}@db.internal/app"))),
            ("redis", outputs::<RedisUrl>(&format!("redis://{info}@cache.internal/0"))),
            ("amqp", outputs::<AmqpUrl>(&format!("amqp://{info}@mq.internal/%2F"))),
            ("smtp", outputs::<SmtpUrl>(&format!("smtp://{info}@smtp.internal:587"))),
            ("mongodb", outputs::<MongoUrl>(&format!("mongodb://{info}@m1.internal/app"))),
            ("nats", outputs::<NatsUrl>(&format!("nats://{info}@nats.internal"))),
            ("beanstalkd", outputs::<resources::BeanstalkdUrl>(&format!("beanstalk://{info}@q.internal"))),
            ("memcached", outputs::<MemcachedServers>(&format!("memcache://{info}@c1.internal"))),
        ];
        for (case, outs) in inputs {
            for out in outs {
                prop_assert!(!out.contains(&tok), "{case}: {out}");
            }
        }
        let u: HttpUrl = format!("https://{info}@api.github.com").parse().unwrap();
        prop_assert!(u.to_string().starts_with("https://***"), "{}", u);
        // Not a token kind: the driver still gets the name as the user name.
        prop_assert_eq!(u.username(), Some(tok.as_str()));
        let pg: PostgresUrl = format!("postgres://{info}@db/app").parse().unwrap();
        prop_assert_eq!(pg.username(), Some(tok.as_str()));
        prop_assert_eq!(pg.has_credentials(), form == 2);
        // A token kind: the lone name is the credential.
        let api: ApiUrl = format!("https://{tok}@api.github.com").parse().unwrap();
        prop_assert_eq!(api.password().map(|p| p.expose()), Some(tok.as_str()));
        prop_assert_eq!(api.username(), None);
    }

    /// Item 6: a credential parameter holding a raw `&` is refused, never half printed, with
    /// the percent-encoding hint. Text without `=` after it is refused by every kind; a name
    /// a closed kind does not know is refused by that kind.
    #[test]
    fn raw_ampersand_in_a_credential_is_refused(
        head in "[A-Za-z0-9]{4,12}",
        rest in "[A-Za-z0-9!$*+,;:/?-]{4,12}",
        key in "[a-z]{3,8}",
        value in "[A-Za-z0-9]{3,8}",
        which in 0..SENSITIVE_NAMES.len(),
    ) {
        let name = SENSITIVE_NAMES[which];
        prop_assume!(!SKELETON.contains(&head) && !SKELETON.contains(&rest));
        // `rest` has no `=`: whatever the kind, it is not a parameter.
        let q = format!("{name}={head}&{rest}");
        for (case, outs, shown) in query_templates(&q) {
            prop_assert!(shown.is_none(), "{case} accepted {q}: {shown:?}");
            for out in &outs {
                prop_assert!(!out.contains(&head) && !out.contains(&rest), "{case}: {out}");
            }
            prop_assert!(outs[0].contains("%26"), "{case}: {}", outs[0]);
        }
        // `key=value` with a name the closed kinds do not know.
        prop_assume!(!resources::is_sensitive_param(&key, &[]));
        prop_assume!(!["host", "port", "user", "dbname", "options", "service", "replication",
            "keepalives", "db", "pass", "protocol", "verify", "locale", "heartbeat", "tls", "ssl",
            "w", "journal", "appname", "keyfile", "certfile", "sslcrl", "sslsni", "sslkey", "sslcert",
            "gsslib", "sslmode", "cacertfile", "framemax", "channelmax", "requiressl", "krbsrvname",
            "passfile", "tlscafile", "proxyhost", "proxyport", "requirepeer", "authsource",
            "compressors", "retryreads", "retrywrites", "replicaset", "timeoutms",
            "minpoolsize", "maxpoolsize", "tlsinsecure", "srvmaxhosts", "gssencmode"]
            .contains(&key.as_str()));
        prop_assume!(!SKELETON.contains(&value));
        let tail = format!("{key}={value}");
        let closed: Vec<(&str, Vec<String>)> = vec![
            ("postgres", outputs::<PostgresUrl>(&format!("postgres://db.internal/app?{name}={head}&{tail}"))),
            ("redis", outputs::<RedisUrl>(&format!("redis://cache.internal/0?{name}={head}&{tail}"))),
            ("amqp", outputs::<AmqpUrl>(&format!("amqp://mq.internal/%2F?{name}={head}&{tail}"))),
            ("mongodb", outputs::<MongoUrl>(&format!("mongodb://m1.internal/app?{name}={head}&{tail}"))),
        ];
        for (case, outs) in closed {
            prop_assert!(outs[0].starts_with("invalid "), "{case}: {}", outs[0]);
            prop_assert!(outs[0].contains("%26"), "{case}: {}", outs[0]);
            for out in &outs {
                prop_assert!(!out.contains(&head) && !out.contains(&tail), "{case}: {out}");
            }
        }
    }

    /// Item 7: empty, `.`, `..` and percent-encoded dot segments cannot shift which segment
    /// holds the credential.
    #[test]
    fn odd_paths_never_print_the_path_token(
        tok in "[A-Za-z0-9_-]{8,24}",
        odd in prop::sample::select(vec!["", ".", "..", "%2e", "%2E", "%2e%2e", ".%2E", "%2E."]),
        layout in 0..4usize,
    ) {
        prop_assume!(!SKELETON.contains(&tok));
        let input = match layout {
            0 => format!("https://logs.example.com/inputs/{odd}/{tok}/tag"),
            1 => format!("https://logs.example.com/{odd}/inputs/x/{tok}"),
            2 => format!("https://logs.example.com/{odd}/{tok}"),
            _ => format!("https://logs.example.com/inputs/{tok}/{odd}/tag"),
        };
        let outs = outputs::<ServiceUrl<TokenPath>>(&input);
        for out in &outs {
            prop_assert!(!out.contains(&tok), "{input}: {out}");
        }
        // Refused (an odd segment anywhere): the index of the credential stays unambiguous.
        prop_assert!(outs[0].starts_with("invalid token path locator: in the path"), "{input}: {}", outs[0]);
    }

    /// Item 11: a mistake inside the user info is reported by part, without its byte offset
    /// or the character, for every kind with a user info.
    #[test]
    fn errors_inside_credentials_name_the_part_only(
        a in "[A-Za-z0-9]{4,12}",
        b in "[A-Za-z0-9]{4,12}",
        bad in prop::sample::select(vec!["\"", "<", ">", "\\", "`", "%zz", "%ff", "#", "\t", "\u{0}", "\u{a0}"]),
    ) {
        let pw = format!("{a}{bad}{b}");
        fn check<L: Locator>(input: &str) -> Result<(), TestCaseError> {
            let e = match L::parse_locator(input) {
                Err(e) => e,
                Ok(v) => return Err(TestCaseError::fail(format!("accepted {input}: {v}"))),
            };
            prop_assert_eq!(e.position(), None, "{}: {}", input, e);
            prop_assert_eq!(e.secret_part(), Some(&resources::SecretPart::Password), "{}: {}", input, e);
            prop_assert!(!matches!(e.kind(), resources::ErrorKind::UnencodedCharacter(_)), "{e:?}");
            prop_assert!(!e.to_string().contains(" at byte "), "{e}");
            Ok(())
        }
        check::<PostgresUrl>(&format!("postgres://app:{pw}@db.internal/app"))?;
        check::<MySqlUrl>(&format!("mysql://app:{pw}@db.internal/app"))?;
        check::<RedisUrl>(&format!("redis://:{pw}@cache.internal/0"))?;
        check::<RedisUrl>(&format!("redis+unix://:{pw}@/tmp/r.sock"))?;
        check::<AmqpUrl>(&format!("amqp://app:{pw}@mq.internal"))?;
        check::<SmtpUrl>(&format!("smtp://app:{pw}@smtp.internal"))?;
        check::<MongoUrl>(&format!("mongodb://app:{pw}@m1.internal,m2.internal/app"))?;
        check::<NatsUrl>(&format!("nats://app:{pw}@nats.internal"))?;
        check::<HttpUrl>(&format!("https://app:{pw}@search.internal"))?;
        check::<ApiUrl>(&format!("https://app:{pw}@api.example.com"))?;
        check::<S3Url>(&format!("https://key:{pw}@s3.internal/bucket"))?;
        check::<resources::CouchDbUrl>(&format!("http://admin:{pw}@couch.internal/app"))?;
        check::<resources::BeanstalkdUrl>(&format!("beanstalk://u:{pw}@q.internal"))?;
        check::<MemcachedServers>(&format!("memcache://app:{pw}@c1.internal,c2.internal"))?;
        check::<ServiceUrl<TokenPath>>(&format!("https://u:{pw}@logs.example.com/inputs/x"))?;
    }
}

/// Item 8: a custom kind's example that its own validation refuses is never shown.
#[test]
fn an_example_its_kind_refuses_is_not_shown() {
    struct Picky;
    impl Kind for Picky {
        const NAME: &'static str = "picky";
        const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443)];
        // The validation wants `/v2/`: this example, with a raw token in it, is refused.
        const EXAMPLE: &'static str = "https://svc.example.com/v1?k3y_in_example=hunter2";
        fn validate(url: &ServiceUrl<Self>) -> Result<(), resources::LocatorError> {
            match url.path().starts_with("/v2/") {
                true => Ok(()),
                false => Err(resources::LocatorError::invalid(
                    Self::NAME,
                    "the path starts /v2/",
                )),
            }
        }
    }
    let fns = &resources::LocatorFns::of::<ServiceUrl<Picky>>();
    assert_eq!(resources::redact_example(fns, Picky::EXAMPLE), "");
    let ok = resources::redact_example(fns, "https://svc.example.com/v2/x?token=abc");
    assert_eq!(ok, "https://svc.example.com/v2/x?token=***");
    // Nor in a load problem's message.
    let source = MapSource::new([("X_URL", "https://svc.example.com/v1")]);
    let mut loader = Loader::new(&source);
    let _slot = loader.required::<ServiceUrl<Picky>>("X_URL");
    let shown = loader.finish().unwrap_err().to_string();
    assert!(shown.contains("the path starts /v2/"), "{shown}");
    assert!(!shown.contains("for example"), "{shown}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("k3y_in_example"),
        "{shown}"
    );
}

#[test]
fn closed_kinds_accept_their_own_parameters_after_a_credential() {
    // The tail rule must not refuse what the clients take.
    for url in [
        "postgres://db/app?password=x&sslmode=require&application_name=app&connect_timeout=5",
        "postgres://db/app?sslpassword=x&sslkey=/k.pem&sslMode=require",
    ] {
        assert!(url.parse::<PostgresUrl>().is_ok(), "{url}");
    }
    assert!(
        "mongodb://m1/app?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:abc&replicaSet=rs0&tls=true"
            .parse::<MongoUrl>()
            .is_ok()
    );
    assert!(
        "redis+unix:///tmp/r.sock?pass=x&db=2"
            .parse::<RedisUrl>()
            .is_ok()
    );
    assert!(
        "https://api.example.com/v1?access_token=x&page=2"
            .parse::<ApiUrl>()
            .is_ok()
    );
    let e = "postgres://db/app?password=s3cr&t=1"
        .parse::<PostgresUrl>()
        .unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(shown.contains("query parameter `password`"), "{shown}");
    assert!(shown.contains("%26"), "{shown}");
    assert!(!shown.contains("s3cr") && !shown.contains("t=1"), "{shown}");
    let e = "https://api.example.com/v1?password=s3cr&t"
        .parse::<ApiUrl>()
        .unwrap_err();
    assert!(e.to_string().contains("%26"), "{e}");
}

/// The forms accepted since the conformance suites (issue 12): raw spaces in the user info,
/// redis-rs's `#insecure`, IDN hosts, `?port=` overrides, repeated and relative forms, `s3a`,
/// endpoints without a bucket, NATS without a host, SQLite's memory forms.
fn conformance_templates(pw: &str) -> Vec<(&'static str, Vec<String>)> {
    let e = encode(pw);
    let raw_ok_in_query = !pw.contains(['&', '/', '?', '#', '=', '%', '+', ' ']);
    let mut all = Vec::new();
    for (p, raw) in [(e.as_str(), false), (pw, true)] {
        let mut add = |case, outs| all.push((case, outs));
        add(
            "redis insecure",
            outputs::<RedisUrl>(&format!("rediss://:{p}@cache.internal:6380/1#insecure")),
        );
        add(
            "redis insecure user",
            outputs::<RedisUrl>(&format!("rediss://app:{p}@cache.internal/#insecure")),
        );
        add(
            "redis plain insecure",
            outputs::<RedisUrl>(&format!("redis://app:{p}@cache.internal/#insecure")),
        );
        add(
            "redis protocol",
            outputs::<RedisUrl>(&format!("redis://:{p}@cache.internal/0?protocol=3")),
        );
        add(
            "redis bad timeout",
            outputs::<RedisUrl>(&format!("redis://:{p}@cache.internal/0?connect_timeout=x")),
        );
        add(
            "http idn",
            outputs::<HttpUrl>(&format!("https://elastic:{p}@bücher.example/")),
        );
        add(
            "api idn token",
            outputs::<ApiUrl>(&format!("https://{p}@пример.испытание/v1")),
        );
        add(
            "postgres port override",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@h1:1,h2:2/app?port=3,4")),
        );
        add(
            "postgres default host port",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@/app?port=1234")),
        );
        add(
            "postgres empty port",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db.internal:/app")),
        );
        add(
            "postgres entry without =",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db.internal/app?zzz")),
        );
        add(
            "postgres unknown key",
            outputs::<PostgresUrl>(&format!("postgres://app:{p}@db.internal/app?uzer=x")),
        );
        add(
            "mongodb relative socket",
            outputs::<MongoUrl>(&format!("mongodb://app:{p}@rel%2Fmongodb-27017.sock/admin")),
        );
        add(
            "mongodb dotted db",
            outputs::<MongoUrl>(&format!("mongodb://app:{p}@m1.internal/admin.sock?w=1")),
        );
        add(
            "mongodb numeric host",
            outputs::<MongoUrl>(&format!("mongodb://app:{p}@256.0.0.1/app")),
        );
        add(
            "mongodb option without value",
            outputs::<MongoUrl>(&format!("mongodb://app:{p}@m1.internal/app?w")),
        );
        add(
            "amqp heartbeat",
            outputs::<AmqpUrl>(&format!("amqp://jobs:{p}@mq.internal/%2F?heartbeat=30")),
        );
        add(
            "amqp bad heartbeat",
            outputs::<AmqpUrl>(&format!("amqp://jobs:{p}@mq.internal/%2F?heartbeat=soon")),
        );
        add(
            "s3a",
            outputs::<S3Url>(&format!("s3a://AKIDEXAMPLE:{p}@my-bucket/x")),
        );
        add(
            "s3 endpoint without bucket",
            outputs::<S3Url>(&format!("http://minio:{p}@minio.internal:9000")),
        );
        add(
            "nats tls default host",
            outputs::<NatsUrl>(&format!("tls://{p}@")),
        );
        add(
            "nats default host",
            outputs::<NatsUrl>(&format!("nats://app:{p}@:4222")),
        );
        if !raw || raw_ok_in_query {
            add(
                "api idn key",
                outputs::<ApiUrl>(&format!("https://api.bücher.example/?api_key={p}")),
            );
            add(
                "postgres repeated password",
                outputs::<PostgresUrl>(&format!(
                    "postgres://db.internal/app?password={p}&password={p}"
                )),
            );
            add(
                "postgres password and port",
                outputs::<PostgresUrl>(&format!("postgres:///app?password={p}&port=1234")),
            );
            add(
                "redis unix insecure",
                outputs::<RedisUrl>(&format!("redis+unix:///tmp/r.sock?pass={p}#insecure")),
            );
            add(
                "sqlite memory",
                outputs::<resources::SqliteUrl>(&format!("sqlite://?mode=memory&password={p}")),
            );
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Item 12: no output of a newly accepted form holds a generated secret, raw spaces
    /// included.
    #[test]
    fn no_output_of_the_conformance_forms_holds_the_secret(
        pw in "[A-Za-z0-9@:/%?&=+!$~*;,'() -]{8,24}",
    ) {
        prop_assume!(!SKELETON.contains(&pw) && !pw.starts_with(' ') && !pw.ends_with(' '));
        let encoded = encode(&pw);
        for (case, outs) in conformance_templates(&pw) {
            for out in outs {
                prop_assert!(!out.contains(&pw), "{case}: {out}");
                if encoded != pw {
                    prop_assert!(!out.contains(&encoded), "{case}: {out}");
                }
            }
        }
    }

    /// A raw space inside a password is accepted (as `url` reads it) and never printed.
    #[test]
    fn raw_spaces_in_the_user_info_are_redacted(
        a in "[A-Za-z0-9]{4,12}",
        b in "[A-Za-z0-9]{4,12}",
    ) {
        let pw = format!("{a} {b}");
        for input in [
            format!("redis://app:{pw}@cache.internal/0"),
            format!("rediss://:{pw}@cache.internal/0#insecure"),
            format!("postgres://app:{pw}@db.internal/app"),
            format!("smtp://mailer:{pw}@smtp.internal:587?tls=required"),
        ] {
            for out in outputs::<RedisUrl>(&input)
                .into_iter()
                .chain(outputs::<PostgresUrl>(&input))
                .chain(outputs::<SmtpUrl>(&input))
            {
                prop_assert!(!out.contains(&pw), "{input}: {out}");
            }
        }
        let url: RedisUrl = format!("redis://app:{pw}@cache.internal/0").parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(url.password().map(|p| p.expose()), Some(pw.as_str()));
    }
}

#[test]
fn conformance_templates_parse_when_encoded() {
    // The property above means something only if the well-formed forms are accepted.
    let e = encode("p@ss w/rd?1");
    for (kind, ok) in [
        (
            "redis insecure",
            format!("rediss://:{e}@cache.internal:6380/1#insecure")
                .parse::<RedisUrl>()
                .is_ok_and(|u| u.is_insecure()),
        ),
        (
            "http idn",
            format!("https://elastic:{e}@bücher.example/")
                .parse::<HttpUrl>()
                .is_ok_and(|u| u.ascii_host().as_deref() == Some("xn--bcher-kva.example")),
        ),
        (
            "postgres port override",
            format!("postgres://app:{e}@h1:1,h2:2/app?port=3,4")
                .parse::<PostgresUrl>()
                .is_ok(),
        ),
        (
            "postgres default host port",
            format!("postgres://app:{e}@/app?port=1234")
                .parse::<PostgresUrl>()
                .is_ok_and(|u| u.port() == Some(1234)),
        ),
        (
            "mongodb relative socket",
            format!("mongodb://app:{e}@rel%2Fmongodb-27017.sock/admin")
                .parse::<MongoUrl>()
                .is_ok(),
        ),
        (
            "mongodb numeric host",
            format!("mongodb://app:{e}@256.0.0.1/app")
                .parse::<MongoUrl>()
                .is_ok(),
        ),
        (
            "s3a",
            format!("s3a://AKIDEXAMPLE:{e}@my-bucket/x")
                .parse::<S3Url>()
                .is_ok(),
        ),
        (
            "s3 endpoint",
            format!("http://minio:{e}@minio.internal:9000")
                .parse::<S3Url>()
                .is_ok(),
        ),
        ("nats tls", format!("tls://{e}@").parse::<NatsUrl>().is_ok()),
        (
            "api idn key",
            format!("https://api.bücher.example/?api_key={e}")
                .parse::<ApiUrl>()
                .is_ok(),
        ),
        (
            "sqlite memory",
            format!("sqlite://?mode=memory&password={e}")
                .parse::<resources::SqliteUrl>()
                .is_ok(),
        ),
    ] {
        assert!(ok, "{kind}");
    }
}
