//! Real clients against real services: what the `attach` example, the swap and the service
//! tests share. Start the services with `scripts/services.sh start`; it writes their locators
//! to `target/services/.env`, which everything here reads with `DotEnv`.

use std::error::Error;
use std::path::PathBuf;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use resources::{
    AmqpUrl, BeanstalkdUrl, CouchDbUrl, DotEnv, Env, Host, Kind, Layered, MemcachedServers,
    MySqlUrl, PostgresUrl, RedisUrl, Resources, S3Url, Scheme, Secret, ServiceUrl, SmtpUrl,
};

/// A boxed error for the round trips.
pub type BoxError = Box<dyn Error + Send + Sync>;

/// Backing services the `attach` example talks to.
#[derive(Debug, Resources)]
pub struct Attached {
    /// Orders database.
    #[resource(env = "DATABASE_URL")]
    pub db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    pub cache: RedisUrl,
    /// Job queue.
    #[resource(env = "AMQP_URL")]
    pub queue: AmqpUrl,
    /// Outgoing mail relay.
    #[resource(env = "SMTP_URL")]
    pub mail: SmtpUrl,
    /// Memcached servers.
    #[resource(env = "MEMCACHED_URL")]
    pub memcached: MemcachedServers,
    /// MySQL (MariaDB) database.
    #[resource(env = "MYSQL_URL")]
    pub mysql: MySqlUrl,
    /// Work queue.
    #[resource(env = "BEANSTALKD_URL")]
    pub beanstalkd: BeanstalkdUrl,
    /// Object store: `s3://KEY_ID:SECRET@bucket?region=…&endpoint=…`.
    #[resource(env = "S3_URL")]
    pub s3: S3Url,
    /// Document database.
    #[resource(env = "COUCHDB_URL")]
    pub couchdb: CouchDbUrl,
    /// New Relic's Log API; the license key is the `Api-Key` parameter.
    #[resource(env = "NEW_RELIC_LOG_URL")]
    pub new_relic_log: ServiceUrl<LocalApi>,
    /// New Relic's Event API; the insert key goes in the `X-Insert-Key` header.
    #[resource(env = "NEW_RELIC_EVENTS_URL")]
    pub new_relic_events: ServiceUrl<LocalApi>,
    /// New Relic's insert key.
    #[resource(env = "NEW_RELIC_INSERT_KEY")]
    pub new_relic_insert_key: Secret<String>,
    /// Loggly's HTTP input; the customer token is the second path segment.
    #[resource(env = "LOGGLY_URL")]
    pub loggly: ServiceUrl<Loggly>,
    /// Google Maps' Geocoding API; `key` is a sensitive parameter.
    #[resource(env = "GOOGLE_MAPS_URL")]
    pub google_maps: ServiceUrl<LocalApi>,
    /// Twitter (X) API v2; the bearer token is the password of the userinfo.
    #[resource(env = "TWITTER_API_URL")]
    pub twitter: ServiceUrl<LocalApi>,
    /// Last.fm; `api_key` is a sensitive parameter.
    #[resource(env = "LASTFM_URL")]
    pub lastfm: ServiceUrl<LocalApi>,
    /// Postmark; the server token is the userinfo (a lone user name), given by `password()`.
    #[resource(env = "POSTMARK_URL")]
    pub postmark: ServiceUrl<LocalApi>,
}

/// A third-party HTTP API with [`resources::kind::Api`]'s rules (token user names, its secret
/// parameters redacted) that also accepts plain `http`, for the loopback stand-in
/// (`scripts/api_sink.py`). [`resources::ApiUrl`] itself is HTTPS only, by design.
#[derive(Debug)]
pub struct LocalApi;

impl Kind for LocalApi {
    const NAME: &'static str = "HTTP API";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443), Scheme::new("http", 80)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "https://log-api.newrelic.com/log/v1?Api-Key=LICENSE_KEY";
    const SECRET_PARAMS: &'static [&'static str] = <resources::kind::Api as Kind>::SECRET_PARAMS;
    const TOKEN_USERNAME: bool = true;
}

/// Loggly's HTTP inputs, whose customer token is a path segment (`/inputs/TOKEN/tag/…`); plain
/// `http` is accepted for the loopback stand-in.
#[derive(Debug)]
pub struct Loggly;

impl Kind for Loggly {
    const NAME: &'static str = "Loggly";
    const SCHEMES: &'static [Scheme] = &[Scheme::new("https", 443), Scheme::new("http", 80)];
    // resources-audit: allow(the kind's documented example, shown in docs and messages)
    const EXAMPLE: &'static str = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/";
    const SECRET_PATH_SEGMENTS: &'static [usize] = &[1];
}

/// The `.env` that `scripts/services.sh start` writes.
pub fn env_file() -> PathBuf {
    std::env::var_os("RESOURCES_SERVICES_DIR")
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/services"),
            PathBuf::from,
        )
        .join(".env")
}

/// The config source of the examples and tests: the process environment first, then the
/// services' `.env`. `Err` says why the services are not there.
pub fn source() -> Result<Layered, String> {
    let path = env_file();
    let dotenv = DotEnv::from_path(&path)
        .map_err(|e| format!("{e} (start the services with `scripts/services.sh start`)"))?;
    Ok(Layered::new().with(Env::snapshot()).with(dotenv))
}

/// The source and `T` loaded from it, or the message to print (for the binaries).
pub fn load<T: Resources>() -> Result<(Layered, T), String> {
    let source = source()?;
    let loaded = T::load(&source).map_err(|e| e.to_string())?;
    Ok((source, loaded))
}

/// For a test that needs the services: the source, or `None` after saying plainly that the
/// test is skipped and why. Under `CI=true` the services are required: a missing one panics.
pub fn require_services(test: &str) -> Option<Layered> {
    match source() {
        Ok(s) => Some(s),
        Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("{test}: the services are required under CI=true: {why}")
        }
        Err(why) => {
            // Written to the stderr handle itself: the test harness captures `eprintln!`, and a
            // skip must be seen.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: the services are not running: {why}"
            );
            None
        }
    }
}

/// The value of a variable of the services' `.env` (for paths such as `MAIL_DIR`).
pub fn setting(source: &Layered, name: &str) -> Option<String> {
    match resources::Source::lookup(source, name)?.value {
        resources::Value::Text(t) => Some(t.to_owned()),
        _ => None,
    }
}

/// PostgreSQL: insert a row and read it back, through the `postgres` client.
pub fn postgres_round_trip(db: &PostgresUrl, marker: &str) -> Result<String, BoxError> {
    let mut client = postgres::Client::connect(db.expose_url(), postgres::NoTls)?;
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS attach_check (id serial PRIMARY KEY, marker text NOT NULL)",
    )?;
    client.execute("INSERT INTO attach_check (marker) VALUES ($1)", &[&marker])?;
    let row = client.query_one(
        "SELECT marker FROM attach_check WHERE marker = $1",
        &[&marker],
    )?;
    Ok(row.get(0))
}

/// Redis: SET and GET through `redis`.
pub fn redis_round_trip(cache: &RedisUrl, marker: &str) -> Result<String, BoxError> {
    let client = redis::Client::open(cache.expose_url())?;
    let mut con = client.get_connection()?;
    redis::cmd("SET")
        .arg("attach-check")
        .arg(marker)
        .query::<()>(&mut con)?;
    Ok(redis::cmd("GET")
        .arg("attach-check")
        .query::<String>(&mut con)?)
}

/// AMQP: publish to a queue and consume the message back, through `lapin`.
pub fn amqp_round_trip(queue: &AmqpUrl, marker: &str) -> Result<String, BoxError> {
    use lapin::options::{BasicGetOptions, BasicPublishOptions, QueueDeclareOptions};
    use lapin::types::FieldTable;
    use lapin::{BasicProperties, Connection, ConnectionProperties};

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let conn = Connection::connect(queue.expose_url(), ConnectionProperties::default()).await?;
        let channel = conn.create_channel().await?;
        channel
            .queue_declare(
                "attach-check".into(),
                QueueDeclareOptions::default(),
                FieldTable::default(),
            )
            .await?;
        channel
            .basic_publish(
                "".into(),
                "attach-check".into(),
                BasicPublishOptions::default(),
                marker.as_bytes(),
                BasicProperties::default(),
            )
            .await?
            .await?;
        // The broker may take a moment to route the message.
        for _ in 0..50 {
            let got = channel
                .basic_get("attach-check".into(), BasicGetOptions { no_ack: true })
                .await?;
            if let Some(message) = got {
                let body = String::from_utf8(message.delivery.data.clone())?;
                if body == marker {
                    conn.close(200, "done".into()).await?;
                    return Ok(body);
                }
            } else {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        }
        Err::<String, BoxError>("the published message did not come back".into())
    })
}

/// SMTP: send a mail through `lettre`, then find it in the sink's mail directory. The
/// transport is built from the typed accessors (lettre's own URL reader needs a TLS backend,
/// which this plain-text sink does not).
pub fn smtp_round_trip(mail: &SmtpUrl, mail_dir: &str, marker: &str) -> Result<String, BoxError> {
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{Message, SmtpTransport, Transport};

    let host = mail
        .host()
        .ok_or("the SMTP locator names no host")?
        .to_string();
    let mut transport =
        SmtpTransport::builder_dangerous(host).port(mail.port_or_default().unwrap_or(25));
    if let (Some(user), Some(password)) = (mail.username(), mail.password()) {
        transport = transport.credentials(Credentials::new(
            user.to_owned(),
            password.expose().to_owned(),
        ));
    }

    let message = Message::builder()
        .from("app@example.com".parse()?)
        .to("ops@example.com".parse()?)
        .subject(marker)
        .body(String::from("attached, not hard-coded"))?;
    transport.build().send(&message)?;
    for entry in std::fs::read_dir(mail_dir)? {
        let text = std::fs::read_to_string(entry?.path())?;
        if text.contains(marker) {
            return Ok(marker.to_owned());
        }
    }
    Err("the sink did not receive the mail".into())
}

/// memcached: set and get through `memcache`.
pub fn memcached_round_trip(servers: &MemcachedServers, marker: &str) -> Result<String, BoxError> {
    let client = memcache::connect(servers.expose_url())?;
    client.set("attach-check", marker, 60)?;
    client
        .get::<String>("attach-check")?
        .ok_or_else(|| "memcached lost the value".into())
}

/// MySQL (MariaDB): insert a row and read it back, through the `mysql` client, which parses
/// `expose_url()` itself.
pub fn mysql_round_trip(db: &MySqlUrl, marker: &str) -> Result<String, BoxError> {
    use mysql::prelude::Queryable;

    let mut conn = mysql::Conn::new(mysql::Opts::from_url(db.expose_url())?)?;
    conn.query_drop(
        "CREATE TABLE IF NOT EXISTS attach_check (id INT AUTO_INCREMENT PRIMARY KEY, marker VARCHAR(64) NOT NULL)",
    )?;
    conn.exec_drop("INSERT INTO attach_check (marker) VALUES (?)", (marker,))?;
    conn.exec_first::<String, _, _>(
        "SELECT marker FROM attach_check WHERE marker = ?",
        (marker,),
    )?
    .ok_or_else(|| "MySQL lost the row".into())
}

/// `host:port` for a TCP client, the port defaulted by the kind.
fn tcp_address<K: Kind>(url: &ServiceUrl<K>) -> Result<String, BoxError> {
    let host = url.host().ok_or("the locator names no host")?;
    let port = url.port_or_default().ok_or("the locator has no port")?;
    Ok(match host {
        Host::Ipv6(ip) => format!("[{ip}]:{port}"),
        Host::Unix(_) => return Err("a unix socket, not a TCP address".into()),
        h => format!("{h}:{port}"),
    })
}

/// Beanstalkd: put a job on a tube and reserve it back, through beanstalkd's documented text
/// protocol (`protocol.txt`: `use`, `put`, `watch`, `ignore`, `reserve-with-timeout`,
/// `delete`) over a `TcpStream` to the locator's host and port. No Rust client is maintained
/// (the newest, beanstalkc, dates from 2021).
pub fn beanstalkd_round_trip(queue: &BeanstalkdUrl, marker: &str) -> Result<String, BoxError> {
    /// The longest reply line read: beanstalkd's are a few dozen bytes.
    const MAX_LINE: u64 = 1024;

    fn reply(reader: &mut BufReader<TcpStream>) -> Result<String, BoxError> {
        let mut line = String::new();
        reader.by_ref().take(MAX_LINE).read_line(&mut line)?;
        if !line.ends_with("\r\n") {
            return Err("beanstalkd: a reply line without CRLF".into());
        }
        line.truncate(line.len() - 2);
        Ok(line)
    }
    fn expect(got: &str, want: &str) -> Result<(), BoxError> {
        if got.starts_with(want) {
            Ok(())
        } else {
            Err(format!("beanstalkd answered {got:?}, expected {want}").into())
        }
    }

    let stream = TcpStream::connect(tcp_address(queue)?)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    // A tube of its own, so concurrent runs never reserve each other's job.
    let tube = format!("attach-{marker}");
    write!(writer, "use {tube}\r\n")?;
    expect(&reply(&mut reader)?, "USING")?;
    write!(writer, "put 0 0 60 {}\r\n{marker}\r\n", marker.len())?;
    let inserted = reply(&mut reader)?;
    expect(&inserted, "INSERTED ")?;
    write!(writer, "watch {tube}\r\n")?;
    expect(&reply(&mut reader)?, "WATCHING")?;
    write!(writer, "ignore default\r\n")?;
    expect(&reply(&mut reader)?, "WATCHING")?;
    write!(writer, "reserve-with-timeout 5\r\n")?;
    let reserved = reply(&mut reader)?;
    let mut words = reserved.split(' ');
    let (Some("RESERVED"), Some(id), Some(len)) = (words.next(), words.next(), words.next()) else {
        return Err(format!("beanstalkd answered {reserved:?} to reserve").into());
    };
    let len: usize = len.parse()?;
    if len > 1 << 16 {
        return Err("beanstalkd: an oversized job".into());
    }
    let mut body = vec![0; len + 2];
    reader.read_exact(&mut body)?;
    body.truncate(len);
    write!(writer, "delete {id}\r\n")?;
    expect(&reply(&mut reader)?, "DELETED")?;
    if inserted != format!("INSERTED {id}") {
        return Err(format!("reserved job {id}, put {inserted:?}").into());
    }
    Ok(String::from_utf8(body)?)
}

/// Where an S3 locator points, as a client needs it: the bucket; the region (`?region=`, else
/// `us-east-1`); the endpoint (`?endpoint=` of an `s3://` URL, or the URL's own scheme and
/// host for the endpoint forms; `None`: AWS's); the access key id and secret (the userinfo).
#[derive(Debug)]
pub struct S3Target<'a> {
    /// The bucket.
    pub bucket: &'a str,
    /// The region.
    pub region: &'a str,
    /// The endpoint of an S3-compatible store.
    pub endpoint: Option<String>,
    /// The access key id.
    pub access_key: Option<&'a str>,
    /// The secret access key.
    pub secret_key: Option<&'a Secret<str>>,
}

/// Reads an [`S3Target`] from the locator's accessors.
pub fn s3_target(url: &S3Url) -> Result<S3Target<'_>, BoxError> {
    Ok(S3Target {
        bucket: url.bucket().ok_or("the S3 locator names no bucket")?,
        region: url.param("region").unwrap_or("us-east-1"),
        endpoint: url
            .param("endpoint")
            .map(str::to_owned)
            .or_else(|| url.endpoint()),
        access_key: url.username(),
        secret_key: url.password(),
    })
}

/// The object key of a round trip: under the locator's prefix, if any.
pub fn s3_key(url: &S3Url, marker: &str) -> String {
    let prefix = url.prefix().unwrap_or_default();
    format!("{prefix}attach-check/{marker}.txt")
}

/// S3: put an object and get it back, through `rust-s3` (path-style, as S3-compatible stores
/// expect), with the bucket, region, endpoint and credentials of the locator.
pub fn s3_round_trip(url: &S3Url, marker: &str) -> Result<String, BoxError> {
    let target = s3_target(url)?;
    let region = match target.endpoint {
        Some(endpoint) => s3::Region::Custom {
            region: target.region.to_owned(),
            endpoint,
        },
        None => target.region.parse()?,
    };
    let credentials = s3::creds::Credentials::new(
        target.access_key,
        target.secret_key.map(Secret::expose),
        None,
        None,
        None,
    )?;
    let bucket = s3::Bucket::new(target.bucket, region, credentials)?.with_path_style();
    let key = s3_key(url, marker);
    let put = bucket.put_object(&key, marker.as_bytes())?;
    if put.status_code() != 200 {
        return Err(format!("S3 put answered {}", put.status_code()).into());
    }
    let got = bucket.get_object(&key)?;
    if got.status_code() != 200 {
        return Err(format!("S3 get answered {}", got.status_code()).into());
    }
    Ok(got.to_string()?)
}

/// An HTTP agent that hands back every status (the callers check them).
fn http_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// `Basic` authorization for a user name and password.
pub fn basic_auth(user: &str, password: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    format!("Basic {encoded}")
}

/// What a CouchDB round trip saw: the document read back, and the statuses of the calls the
/// server must refuse.
#[derive(Debug)]
pub struct CouchDbCheck {
    /// The `marker` field of the document read back with the locator's credentials.
    pub marker: String,
    /// The status of the same read without credentials (401: the database has members).
    pub anonymous_read: u16,
    /// The status of the same read with a wrong password (401).
    pub wrong_password_read: u16,
}

/// CouchDB: create the locator's database (if missing), restrict it to its admin through
/// `_security`, put a document and get it back, through `ureq`, with the locator's user name
/// and password as Basic authorization; then the same read without and with wrong credentials.
pub fn couchdb_round_trip(db: &CouchDbUrl, marker: &str) -> Result<CouchDbCheck, BoxError> {
    let name = db
        .database()
        .ok_or("the CouchDB locator names no database")?;
    let base = format!(
        "{}://{}/{}",
        db.scheme(),
        tcp_address(db)?,
        db.path_segments().next().unwrap_or_default()
    );
    let user = db.username().ok_or("the CouchDB locator has no user")?;
    let password = db.password().ok_or("the CouchDB locator has no password")?;
    let auth = basic_auth(user, password.expose());
    let agent = http_agent();

    let created = agent
        .put(&base)
        .header("Authorization", &auth)
        .send_empty()?;
    // 201 created, 412 already there.
    if !matches!(created.status().as_u16(), 201 | 412) {
        return Err(format!("CouchDB: creating `{name}` answered {}", created.status()).into());
    }
    let security = format!(
        r#"{{"admins":{{"names":["{user}"],"roles":[]}},"members":{{"names":["{user}"],"roles":[]}}}}"#
    );
    let secured = agent
        .put(format!("{base}/_security"))
        .header("Authorization", &auth)
        .header("Content-Type", "application/json")
        .send(security.as_str())?;
    if secured.status().as_u16() != 200 {
        return Err(format!("CouchDB: _security answered {}", secured.status()).into());
    }
    let doc = format!("{base}/{marker}");
    let body = format!(r#"{{"marker":"{marker}"}}"#);
    let put = agent
        .put(&doc)
        .header("Authorization", &auth)
        .header("Content-Type", "application/json")
        .send(body.as_str())?;
    if put.status().as_u16() != 201 {
        return Err(format!("CouchDB: put answered {}", put.status()).into());
    }
    let mut got = agent.get(&doc).header("Authorization", &auth).call()?;
    if got.status().as_u16() != 200 {
        return Err(format!("CouchDB: get answered {}", got.status()).into());
    }
    let text = got
        .body_mut()
        .with_config()
        .limit(1 << 16)
        .read_to_string()?;
    let marker_field =
        json_string_field(&text, "marker").ok_or("CouchDB: no marker in the document")?;
    let anonymous_read = agent.get(&doc).call()?.status().as_u16();
    let wrong = basic_auth(user, "not-the-password");
    let wrong_password_read = agent
        .get(&doc)
        .header("Authorization", &wrong)
        .call()?
        .status()
        .as_u16();
    Ok(CouchDbCheck {
        marker: marker_field,
        anonymous_read,
        wrong_password_read,
    })
}

/// The value of a string field of a flat JSON object whose values hold no escapes (enough for
/// the documents written here).
fn json_string_field(json: &str, field: &str) -> Option<String> {
    let start = json.find(&format!(r#""{field}":""#))? + field.len() + 4;
    let len = json[start..].find('"')?;
    Some(json[start..start + len].to_owned())
}

/// The statuses the API stand-in answered: New Relic's Log API, its Event API, Loggly, Google
/// Maps, Twitter, Last.fm, Postmark.
#[derive(Debug, PartialEq, Eq)]
pub struct ApiCheck {
    /// New Relic Log API (202: the `Api-Key` parameter arrived and matched).
    pub new_relic_log: u16,
    /// New Relic Event API (200: the `X-Insert-Key` header arrived and matched).
    pub new_relic_events: u16,
    /// Loggly (200: the token in the path arrived and matched).
    pub loggly: u16,
    /// Google Maps (200: the `key` parameter arrived and matched).
    pub google_maps: u16,
    /// Twitter (200: the bearer token arrived and matched).
    pub twitter: u16,
    /// Last.fm (200: the `api_key` parameter arrived and matched).
    pub lastfm: u16,
    /// Postmark (200: the server token arrived as `X-Postmark-Server-Token` and matched).
    pub postmark: u16,
}

/// Third-party APIs: one POST to each through `ureq`, which is handed `expose_url()`
/// unchanged (the key in the query or path travels inside it) and, for the Event API, the
/// insert key as a header. Errors are scrubbed of the keys before they are returned.
pub fn api_round_trip(attached: &Attached, marker: &str) -> Result<ApiCheck, BoxError> {
    let secrets: Vec<&str> = [
        attached
            .new_relic_log
            .secret_param("Api-Key")
            .map(Secret::expose),
        Some(attached.new_relic_insert_key.expose().as_str()),
        attached.loggly.path_segments().nth(1),
    ]
    .into_iter()
    .flatten()
    .collect();
    let scrub = |e: ureq::Error| -> BoxError {
        let mut text = e.to_string();
        for s in &secrets {
            text = text.replace(s, resources::REDACTED);
        }
        text.into()
    };
    let agent = http_agent();
    let log_body = format!(r#"[{{"logs":[{{"message":"{marker}"}}]}}]"#);
    let new_relic_log = agent
        .post(attached.new_relic_log.expose_url())
        .header("X-Attach-Marker", marker)
        .header("Content-Type", "application/json")
        .send(log_body.as_str())
        .map_err(scrub)?
        .status()
        .as_u16();
    let event_body = format!(r#"[{{"eventType":"AttachCheck","marker":"{marker}"}}]"#);
    let new_relic_events = agent
        .post(attached.new_relic_events.expose_url())
        .header("X-Attach-Marker", marker)
        .header("Content-Type", "application/json")
        .header(
            "X-Insert-Key",
            attached.new_relic_insert_key.expose().as_str(),
        )
        .send(event_body.as_str())
        .map_err(scrub)?
        .status()
        .as_u16();
    let loggly = agent
        .post(attached.loggly.expose_url())
        .header("X-Attach-Marker", marker)
        .header("Content-Type", "text/plain")
        .send(marker)
        .map_err(scrub)?
        .status()
        .as_u16();
    let google_maps = agent
        .get(attached.google_maps.expose_url())
        .header("X-Attach-Marker", marker)
        .call()
        .map_err(scrub)?
        .status()
        .as_u16();
    let twitter = &attached.twitter;
    let token = twitter
        .password()
        .ok_or("the Twitter locator has no bearer token")?;
    let me = format!(
        "{}://{}{}/users/me",
        twitter.scheme(),
        tcp_address(twitter)?,
        twitter.path()
    );
    let twitter = agent
        .get(&me)
        .header("X-Attach-Marker", marker)
        .header("Authorization", &format!("Bearer {}", token.expose()))
        .call()
        .map_err(scrub)?
        .status()
        .as_u16();
    let lastfm = agent
        .get(attached.lastfm.expose_url())
        .header("X-Attach-Marker", marker)
        .call()
        .map_err(scrub)?
        .status()
        .as_u16();
    let postmark = &attached.postmark;
    // A lone user name of a token kind is the token: `password()` gives it.
    let server_token = postmark
        .password()
        .ok_or("the Postmark locator has no server token")?
        .expose();
    let email = format!("{}://{}/email", postmark.scheme(), tcp_address(postmark)?);
    let mail =
        format!(r#"{{"From":"app@example.com","To":"ops@example.com","Subject":"{marker}"}}"#);
    let postmark = agent
        .post(&email)
        .header("X-Attach-Marker", marker)
        .header("Content-Type", "application/json")
        .header("X-Postmark-Server-Token", server_token)
        .send(mail.as_str())
        .map_err(scrub)?
        .status()
        .as_u16();
    Ok(ApiCheck {
        new_relic_log,
        new_relic_events,
        loggly,
        google_maps,
        twitter,
        lastfm,
        postmark,
    })
}

/// Reads at most `limit` bytes of a file the services write (a request log, a recording).
pub fn read_bounded(path: &str, limit: u64) -> Result<String, BoxError> {
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(limit)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// A swap binary's commands: `run(command, argument, loaded config)`.
pub type SwapRun<B> = fn(&str, Option<&str>, &B) -> Result<(), Box<dyn Error>>;

/// The `main` of a swap binary (`swap-app`, `swap-app-mysql`): `--env-docs`, the command line
/// `reset|write N|read|shards`, the load of `B` from the services' `.env`, and `run`.
pub fn swap_main<B: Resources>(program: &str, run: SwapRun<B>) -> std::process::ExitCode {
    use std::process::ExitCode;
    resources::doc::handle_env_docs_flag::<B>();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("usage: {program} reset|write N|read|shards");
        return ExitCode::from(2);
    };
    let backing = match load::<B>() {
        Ok((_, backing)) => backing,
        Err(why) => {
            eprintln!("error: {why}");
            return ExitCode::FAILURE;
        }
    };
    match run(command, args.get(1).map(String::as_str), &backing) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
