//! Attach: load five backing services through the derive and do one real round trip on each
//! with its real client. Prints only redacted locators.
//!
//! ```text
//! scripts/services.sh start
//! cargo run -p resources-services --example attach
//! ```

use std::process::ExitCode;

use resources_services::{
    Attached, amqp_round_trip, load, memcached_round_trip, postgres_round_trip, redis_round_trip,
    setting, smtp_round_trip,
};

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
    let checks: Vec<(&str, String, Result<String, resources_services::BoxError>)> = vec![
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
