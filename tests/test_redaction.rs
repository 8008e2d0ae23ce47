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
            let _ = resources::redact_example(resources::LocatorFns::of::<PostgresUrl>(), input);
        }
    }
}
