//! Parse time per kind, with `url::Url::parse` on the same strings as the baseline.
//!
//! `cargo bench --bench parse` prints, per kind, our time and url's; `scripts/bench-parse.sh`
//! turns a run into the ratio table quoted in the README. On a shared machine wall time is
//! noisy: `scripts/bench-parse.sh --instructions` counts instructions instead (valgrind), by
//! running this binary as `parse --loop KIND resources|url N` (N parses, no timing).

use std::hint::black_box;

use criterion::Criterion;
use resources::{
    AmqpUrl, ApiUrl, BeanstalkdUrl, CouchDbUrl, HttpUrl, Locator, MongoUrl, MySqlUrl, NatsUrl,
    PostgresUrl, RedisUrl, S3Url, SmtpUrl, SqliteUrl,
};

/// (group name, input): the same strings for both parsers.
const CASES: &[(&str, &str)] = &[
    (
        "postgres",
        "postgres://app:s3cr%40t@db.internal.example.com:5432/orders?sslmode=require",
    ),
    ("mysql", "mysql://app:s3cret@mysql.internal:3306/orders"),
    ("redis", "rediss://default:s3cret@cache.internal:6380/2"),
    ("amqp", "amqp://jobs:s3cret@mq.internal:5672/%2Fjobs"),
    (
        "smtp",
        "smtp://mailer:s3cret@smtp.example.com:587?tls=required",
    ),
    (
        "mongodb",
        "mongodb://app:s3cret@mongo1.internal:27017/app?replicaSet=rs0",
    ),
    ("nats", "nats://t0ken@nats.internal:4222"),
    ("http", "https://search.internal:9200"),
    (
        "api",
        "https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyEXAMPLE",
    ),
    ("s3", "s3://my-bucket/uploads/images/"),
    ("sqlite", "sqlite://data/app.db?mode=rwc"),
    ("couchdb", "http://admin:s3cret@couch.internal:5984/app"),
    ("beanstalkd", "beanstalk://queue.internal:11300"),
];

/// Parses `input` as the locator type of group `name`; `None` for an unknown group.
fn parse_as(name: &str, input: &str) -> Option<bool> {
    fn ok<L: Locator>(input: &str) -> bool {
        black_box(L::parse_locator(black_box(input))).is_ok()
    }
    Some(match name {
        "postgres" => ok::<PostgresUrl>(input),
        "mysql" => ok::<MySqlUrl>(input),
        "redis" => ok::<RedisUrl>(input),
        "amqp" => ok::<AmqpUrl>(input),
        "smtp" => ok::<SmtpUrl>(input),
        "mongodb" => ok::<MongoUrl>(input),
        "nats" => ok::<NatsUrl>(input),
        "http" => ok::<HttpUrl>(input),
        "api" => ok::<ApiUrl>(input),
        "s3" => ok::<S3Url>(input),
        "sqlite" => ok::<SqliteUrl>(input),
        "couchdb" => ok::<CouchDbUrl>(input),
        "beanstalkd" => ok::<BeanstalkdUrl>(input),
        _ => return None,
    })
}

fn url_ok(input: &str) -> bool {
    black_box(url::Url::parse(black_box(input))).is_ok()
}

fn bench(c: &mut Criterion) {
    for &(name, input) in CASES {
        assert_eq!(parse_as(name, input), Some(true), "{name}: {input}");
        assert!(url_ok(input), "url baseline: {input}");
        let mut group = c.benchmark_group(name);
        group.bench_function("resources", |b| b.iter(|| parse_as(name, input)));
        group.bench_function("url", |b| b.iter(|| url_ok(input)));
        group.finish();
    }
}

/// `--loop KIND resources|url N`: N parses of KIND's string, for an instruction counter.
fn run_loop(args: &[String]) -> Result<(), String> {
    let [kind, who, n] = args else {
        return Err("usage: parse --loop KIND resources|url N".into());
    };
    let input = CASES
        .iter()
        .find(|(name, _)| name == kind)
        .map(|(_, input)| *input)
        .ok_or_else(|| format!("unknown kind {kind}"))?;
    let n: usize = n.parse().map_err(|_| format!("not a count: {n}"))?;
    for _ in 0..n {
        match who.as_str() {
            "resources" => {
                parse_as(kind, input);
            }
            "url" => {
                url_ok(input);
            }
            "none" => {}
            _ => return Err(format!("expected resources, url or none, not {who}")),
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--loop") {
        if let Err(e) = run_loop(&args[i + 1..]) {
            eprintln!("{e}");
            std::process::exit(2);
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
