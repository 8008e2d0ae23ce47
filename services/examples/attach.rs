//! Attach: load every backing service the seed names through the derive and do one real round
//! trip on each with a real client. Prints only redacted locators.
//!
//! ```text
//! scripts/services.sh start
//! cargo run -p resources-services --example attach
//! ```

use std::process::ExitCode;

use resources_services::{
    Attached, BoxError, amqp_round_trip, api_round_trip, beanstalkd_round_trip, couchdb_round_trip,
    load, memcached_round_trip, mysql_round_trip, postgres_round_trip, redis_round_trip,
    s3_round_trip, setting, smtp_round_trip,
};

/// The marker when the statuses are the expected ones.
fn status<T: PartialEq + std::fmt::Debug>(
    marker: &str,
    got: T,
    want: T,
) -> Result<String, BoxError> {
    if got == want {
        Ok(marker.to_owned())
    } else {
        Err(format!("answered {got:?}, expected {want:?}").into())
    }
}

fn main() -> ExitCode {
    let (source, attached) = match load::<Attached>() {
        Ok(loaded) => loaded,
        Err(why) => {
            eprintln!("error: {why}");
            return ExitCode::FAILURE;
        }
    };
    let marker = format!("attach-{}", std::process::id());
    let mail_dir = setting(&source, "MAIL_DIR").unwrap_or_default();
    // One POST to each third-party API stand-in; each row below checks its own status.
    let apis = api_round_trip(&attached, &marker);
    let checks: Vec<(&str, String, Result<String, BoxError>)> = vec![
        (
            "postgres",
            attached.db.to_string(),
            postgres_round_trip(&attached.db, &marker),
        ),
        (
            "redis",
            attached.cache.to_string(),
            redis_round_trip(&attached.cache, &marker),
        ),
        (
            "amqp",
            attached.queue.to_string(),
            amqp_round_trip(&attached.queue, &marker),
        ),
        (
            "smtp",
            attached.mail.to_string(),
            smtp_round_trip(&attached.mail, &mail_dir, &marker),
        ),
        (
            "memcached",
            attached.memcached.to_string(),
            memcached_round_trip(&attached.memcached, &marker),
        ),
        (
            "mysql",
            attached.mysql.to_string(),
            mysql_round_trip(&attached.mysql, &marker),
        ),
        (
            "beanstalkd",
            attached.beanstalkd.to_string(),
            beanstalkd_round_trip(&attached.beanstalkd, &marker),
        ),
        (
            "s3",
            attached.s3.to_string(),
            s3_round_trip(&attached.s3, &marker),
        ),
        (
            "couchdb",
            attached.couchdb.to_string(),
            couchdb_round_trip(&attached.couchdb, &marker).and_then(|c| {
                // Refused without the credentials, and with a wrong password.
                if (c.anonymous_read, c.wrong_password_read) == (401, 401) {
                    Ok(c.marker)
                } else {
                    Err(format!("reads without the credentials answered {c:?}").into())
                }
            }),
        ),
        (
            "newrelic",
            format!(
                "{} + {} with X-Insert-Key {}",
                attached.new_relic_log, attached.new_relic_events, attached.new_relic_insert_key
            ),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, (c.new_relic_log, c.new_relic_events), (202, 200))),
        ),
        (
            "loggly",
            attached.loggly.to_string(),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, c.loggly, 200)),
        ),
        (
            "maps",
            attached.google_maps.to_string(),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, c.google_maps, 200)),
        ),
        (
            "twitter",
            attached.twitter.to_string(),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, c.twitter, 200)),
        ),
        (
            "lastfm",
            attached.lastfm.to_string(),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, c.lastfm, 200)),
        ),
        (
            "postmark",
            attached.postmark.to_string(),
            apis.as_ref()
                .map_err(|e| e.to_string().into())
                .and_then(|c| status(&marker, c.postmark, 200)),
        ),
    ];
    let mut failed = false;
    for (name, locator, result) in checks {
        match result {
            Ok(got) if got == marker => println!("{name:<10} {locator}  round trip ok"),
            Ok(got) => {
                failed = true;
                println!("{name:<10} {locator}  round trip returned {got:?}");
            }
            Err(e) => {
                failed = true;
                println!("{name:<10} {locator}  round trip failed: {e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
