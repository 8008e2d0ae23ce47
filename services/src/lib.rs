//! Real clients against real services: what the `attach` example, the swap and the service
//! tests share. Start the services with `scripts/services.sh start`; it writes their locators
//! to `target/services/.env`, which everything here reads with `DotEnv`.

use std::error::Error;
use std::path::PathBuf;

use resources::{
    AmqpUrl, DotEnv, Env, Layered, MemcachedServers, PostgresUrl, RedisUrl, Resources, SmtpUrl,
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
