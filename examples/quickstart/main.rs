//! Quickstart: load the backing services of a small app from config, and print them redacted.
//!
//! ```text
//! cargo run --example quickstart                                   # built-in demo values
//! DATABASE_URL=postgres://me:pw@localhost/app cargo run --example quickstart
//! cargo run --example quickstart -- --env-docs markdown             # docs of every variable
//! ```
//!
//! Values come from the process environment first, then a `.env` file in the current
//! directory if there is one, then the demo defaults embedded below, so the example runs with
//! no setup at all. Change any variable and the app attaches to another service, code unchanged.

use std::process::ExitCode;

use resources::{DotEnv, Env, Layered, Resources};

mod backing;

use backing::Backing;

/// What a developer's laptop would have, in `.env` syntax; credentials are fake, and print as
/// `***` anyway. (The audit would refuse these literals in an app; a demo states why it keeps them.)
// resources-audit: allow(the demo's embedded defaults, so it runs with no setup)
const DEMO_DEFAULTS: &str = r#"
DATABASE_URL=postgres://app:demo-p%40ss@localhost:5432/app?sslmode=prefer
QUEUE_URL=amqp://jobs:demo-secret@localhost/%2Fjobs
REDIS_URL=redis://:demo-secret@localhost:6379/0
MAIL_URL=smtp://mailer:demo-secret@localhost:2525
TRACKER_TOKEN=demo-token-123
"#;

/// A config with three mistakes, to show what an operator sees.
// resources-audit: allow(a deliberately broken demo config)
const BROKEN: &str = r#"
DATABASE_URL=mysql://app:hunter2@db/app
QUEUE_URL=amqp://jobs:hunter2@mq/a/b
MAIL_URL=smtp://mailer:hunter2@smtp:99999
DB_POOL_SIZE=ten
"#;

fn main() -> ExitCode {
    // `--env-docs markdown|dotenv|json|app-json` prints the docs of every variable and exits,
    // before any config is read.
    resources::doc::handle_env_docs_flag::<Backing>();

    let dotenv = match DotEnv::from_path_if_exists(".env") {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (Ok(defaults), Ok(broken)) = (
        DotEnv::parse("the demo defaults", DEMO_DEFAULTS),
        DotEnv::parse("a broken config", BROKEN),
    ) else {
        eprintln!("error: the embedded demo config does not parse");
        return ExitCode::FAILURE;
    };
    let source = Layered::new()
        .with(Env::snapshot())
        .with(dotenv)
        .with(defaults);

    let backing = match Backing::load(&source) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };

    println!("Attached resources (credentials redacted):");
    println!("  db     {}", backing.db);
    if let (Some(host), Some(port)) = (backing.db.host(), backing.db.port_or_default()) {
        let database = backing.db.database().unwrap_or_default();
        println!("         host {host}, port {port}, database {database:?}");
    }
    println!("  queue  {}", backing.queue);
    println!(
        "         vhost {:?}",
        backing.queue.vhost().unwrap_or_default()
    );
    match &backing.cache {
        Some(cache) => println!("  cache  {cache}  (db {:?})", cache.db_index()),
        None => println!("  cache  (not attached: the app runs without it)"),
    }
    println!("  mail   {}", backing.mail);
    println!("  token  {}", backing.tracker_token);
    println!(
        "Settings: a pool of {} connections, connect timeout {:?}",
        backing.db_pool_size, backing.connect_timeout
    );
    println!();
    println!("Debug of the whole struct:\n{backing:#?}");

    // What an operator sees when config is wrong: every problem at once, no secret.
    if let Err(e) = Backing::load(&broken) {
        println!("\nAnd a broken config reports:\n{e}");
    }
    ExitCode::SUCCESS
}
