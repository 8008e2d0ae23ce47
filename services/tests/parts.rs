//! A resource from its parts, against the real servers: PostgreSQL from libpq's `PG*`
//! variables and from a password-less URL beside a password file, the SMTP sink (it requires
//! AUTH) from split `SMTP_*` variables, and S3 from the AWS tools' variables. Each password
//! holds `@ : / %`, given raw in its part and percent-encoded by the composition. Needs the
//! services (`scripts/services.sh start`); skipped, and said so, without them (required under
//! `CI=true`).

use resources::{MapSource, PostgresUrl, Resources, S3Url, SmtpUrl};
use resources_services::{
    Attached, postgres_round_trip, require_services, s3_round_trip, setting, smtp_round_trip,
};

/// A marker no earlier run used.
fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// The database as libpq's variables set it.
#[derive(Resources, Debug)]
struct FromLibpq {
    /// The database.
    #[resource(env = "DATABASE_URL", parts = "libpq")]
    db: PostgresUrl,
}

/// The URL in a ConfigMap, its password in a Secret mounted as a file.
#[derive(Resources, Debug)]
struct BesideTheUrl {
    /// The database.
    #[resource(env = "DATABASE_URL", parts(password = "DATABASE_PASSWORD"))]
    db: PostgresUrl,
}

/// Mail as password-manager servers split it.
#[derive(Resources, Debug)]
struct SplitMail {
    /// Outgoing mail.
    #[resource(
        env = "SMTP_URL",
        parts(
            host = "SMTP_HOST",
            port = "SMTP_PORT",
            security = "SMTP_SECURITY",
            user = "SMTP_USERNAME",
            password = "SMTP_PASSWORD"
        )
    )]
    mail: SmtpUrl,
}

/// Uploads as the AWS tools configure them.
#[derive(Resources, Debug)]
struct AwsUploads {
    /// The bucket.
    #[resource(env = "UPLOADS_URL", parts(aws, bucket = "UPLOADS_BUCKET"))]
    uploads: S3Url,
}

fn has_hard_characters(password: &str) -> bool {
    ['@', ':', '/', '%'].iter().all(|c| password.contains(*c))
}

#[test]
fn postgres_from_libpq_variables_and_from_a_password_file() {
    let Some(source) = require_services("parts postgres") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let db = &attached.db;
    let host = db.host().expect("a host").to_string();
    let port = db.port_or_default().expect("a port").to_string();
    let user = db.username().expect("a user").to_owned();
    let password = db.password().expect("a password").expose().to_owned();
    let database = db.database().expect("a database").into_owned();
    assert!(
        has_hard_characters(&password),
        "the generated password holds @ : / %"
    );

    let pg = FromLibpq::load(&MapSource::new([
        ("PGHOST", host.clone()),
        ("PGPORT", port.clone()),
        ("PGUSER", user.clone()),
        ("PGPASSWORD", password.clone()),
        ("PGDATABASE", database.clone()),
        ("PGSSLMODE", "disable".to_owned()),
    ]))
    .expect("PG* variables load");
    assert!(!format!("{pg:?}").contains(&password));
    let marker = unique("libpq");
    assert_eq!(postgres_round_trip(&pg.db, &marker).unwrap(), marker);

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(unique("parts"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("database-password");
    std::fs::write(&file, format!("{password}\n")).unwrap();
    let split = BesideTheUrl::load(&MapSource::new([
        (
            "DATABASE_URL",
            format!("postgres://{user}@{host}:{port}/{database}"),
        ),
        (
            "DATABASE_PASSWORD_FILE",
            file.to_string_lossy().into_owned(),
        ),
    ]))
    .expect("the URL and the password file load");
    let marker = unique("password-file");
    assert_eq!(postgres_round_trip(&split.db, &marker).unwrap(), marker);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_smtp_sink_from_split_variables() {
    let Some(source) = require_services("parts smtp") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let mail_dir = setting(&source, "MAIL_DIR").expect("MAIL_DIR in the services' .env");
    let m = &attached.mail;
    let password = m.password().expect("a password").expose().to_owned();
    assert!(has_hard_characters(&password));
    let split = SplitMail::load(&MapSource::new([
        ("SMTP_HOST", m.host().expect("a host").to_string()),
        (
            "SMTP_PORT",
            m.port_or_default().expect("a port").to_string(),
        ),
        ("SMTP_SECURITY", "off".to_owned()),
        ("SMTP_USERNAME", m.username().expect("a user").to_owned()),
        ("SMTP_PASSWORD", password.clone()),
    ]))
    .expect("SMTP_* variables load");
    assert!(!format!("{split:?}").contains(&password));
    let marker = unique("smtp-parts");
    assert_eq!(
        smtp_round_trip(&split.mail, &mail_dir, &marker).unwrap(),
        marker
    );
}

#[test]
fn s3_from_the_aws_variables() {
    let Some(source) = require_services("parts s3") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let s3 = &attached.s3;
    let endpoint = s3
        .param("endpoint")
        .expect("the endpoint of the S3 stand-in");
    let split = AwsUploads::load(&MapSource::new([
        ("UPLOADS_BUCKET", s3.bucket().expect("a bucket").to_owned()),
        (
            "AWS_REGION",
            s3.param("region").expect("a region").to_owned(),
        ),
        (
            "AWS_ACCESS_KEY_ID",
            s3.username().expect("a key id").to_owned(),
        ),
        (
            "AWS_SECRET_ACCESS_KEY",
            s3.password().expect("a secret").expose().to_owned(),
        ),
        ("AWS_ENDPOINT_URL", endpoint.to_owned()),
    ]))
    .expect("AWS_* variables load");
    let marker = unique("s3-parts");
    assert_eq!(s3_round_trip(&split.uploads, &marker).unwrap(), marker);
}
