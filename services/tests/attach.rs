//! One real round trip per service, through the derive and the real clients. Needs the
//! services (`scripts/services.sh start`); skipped, and said so, without them (required under
//! `CI=true`).

use resources::Resources;
use resources_services::{
    Attached, amqp_round_trip, memcached_round_trip, postgres_round_trip, redis_round_trip,
    require_services, setting, smtp_round_trip,
};

#[test]
fn every_service_round_trips() {
    let Some(source) = require_services("attach") else {
        return;
    };
    let attached = Attached::load(&source).expect("the services' .env loads");
    let marker = format!("test-{}", std::process::id());
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
    // The generated passwords hold `@ : / %`: they reached every server through the locators.
    let debug = format!("{attached:?}");
    for p in [
        attached.db.password(),
        attached.cache.password(),
        attached.queue.password(),
        attached.mail.password(),
    ] {
        let p = p.expect("every service has a password").expose();
        assert!(p.contains('@') && p.contains(':') && p.contains('/') && p.contains('%'));
        assert!(!debug.contains(p), "{debug}");
    }
}
