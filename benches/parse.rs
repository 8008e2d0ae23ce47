//! Parse time per kind, with `url::Url::parse` on the same strings as the baseline.
//!
//! `cargo bench --bench parse` prints, per kind, our time and url's; `scripts/bench-parse.sh`
//! turns a run into the ratio table quoted in the README.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use resources::{
    AmqpUrl, ApiUrl, BeanstalkdUrl, CouchDbUrl, HttpUrl, Locator, MongoUrl, MySqlUrl, NatsUrl,
    PostgresUrl, RedisUrl, S3Url, SmtpUrl, SqliteUrl,
};

fn case<L: Locator>(c: &mut Criterion, name: &str, input: &str) {
    assert!(L::parse_locator(input).is_ok(), "{name}: {input}");
    assert!(url::Url::parse(input).is_ok(), "url baseline: {input}");
    let mut group = c.benchmark_group(name);
    group.bench_function("resources", |b| {
        b.iter(|| L::parse_locator(black_box(input)))
    });
    group.bench_function("url", |b| b.iter(|| url::Url::parse(black_box(input))));
    group.finish();
}

fn bench(c: &mut Criterion) {
    case::<PostgresUrl>(
        c,
        "postgres",
        "postgres://app:s3cr%40t@db.internal.example.com:5432/orders?sslmode=require",
    );
    case::<MySqlUrl>(c, "mysql", "mysql://app:s3cret@mysql.internal:3306/orders");
    case::<RedisUrl>(c, "redis", "rediss://default:s3cret@cache.internal:6380/2");
    case::<AmqpUrl>(c, "amqp", "amqp://jobs:s3cret@mq.internal:5672/%2Fjobs");
    case::<SmtpUrl>(
        c,
        "smtp",
        "smtp://mailer:s3cret@smtp.example.com:587?tls=required",
    );
    case::<MongoUrl>(
        c,
        "mongodb",
        "mongodb://app:s3cret@mongo1.internal:27017/app?replicaSet=rs0",
    );
    case::<NatsUrl>(c, "nats", "nats://t0ken@nats.internal:4222");
    case::<HttpUrl>(c, "http", "https://search.internal:9200");
    case::<ApiUrl>(
        c,
        "api",
        "https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyEXAMPLE",
    );
    case::<S3Url>(c, "s3", "s3://my-bucket/uploads/images/");
    case::<SqliteUrl>(c, "sqlite", "sqlite://data/app.db?mode=rwc");
    case::<CouchDbUrl>(c, "couchdb", "http://admin:s3cret@couch.internal:5984/app");
    case::<BeanstalkdUrl>(c, "beanstalkd", "beanstalk://queue.internal:11300");
}

criterion_group!(benches, bench);
criterion_main!(benches);
