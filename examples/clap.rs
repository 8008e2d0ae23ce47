//! A locator as a clap argument, and `--env-docs` / `--check-config` beside the program's own
//! arguments, without ever printing a credential.
//!
//! ```text
//! cargo run --example clap --features clap -- --help
//! cargo run --example clap --features clap -- --database-url 'mysql://app:hunter2@db/app'
//! cargo run --example clap --features clap -- 'postgres://app:hunter2@db/app'
//! cargo run --example clap --features clap -- --env-docs markdown
//! cargo run --example clap --features clap -- --check-config
//! ```

use clap::{Arg, ArgAction, Command};
use resources::{Layered, PostgresUrl, Resources};

/// Backing services of the app.
#[derive(Debug, Resources)]
struct Backing {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
}

fn main() {
    let cmd = Command::new("app")
        .about("Shows the `resources` clap recipe")
        // `--database-url`, or DATABASE_URL: `--help` shows the name only, and a bad value is
        // reported without being quoted.
        .arg(resources::clap::locator_arg::<PostgresUrl>(
            "database-url",
            "DATABASE_URL",
        ))
        .arg(
            Arg::new("verbose")
                .long("verbose")
                .action(ArgAction::SetTrue),
        )
        .args(resources::clap::args());

    // `--env-docs FORMAT` and `--check-config` print and exit here, before clap refuses a bad
    // DATABASE_URL; the config is the environment over `./.env`, each value naming where it
    // came from. (After `get_matches`, `resources::clap::handle(&matches, …)` does the same.)
    // `--check-config` checks the environment and `.env`, as `Backing::from_env_and_dotenv`
    // loads them: not a `--database-url` given on the same command line.
    resources::clap::handle_before_parse::<Backing, _, _>(&cmd, || {
        Layered::env_over_dotenv(".env")
    });
    // Not `cmd.get_matches()`: clap's own errors repeat what was typed (`app postgres://…`
    // with the flag forgotten, a misspelled `--databse-url=postgres://…`); this one's never do.
    // Never print `matches` with `{:?}` nor log `get_raw`: they hold every value as typed.
    let matches = resources::clap::get_matches(cmd);

    match matches.get_one::<PostgresUrl>("database-url") {
        Some(db) => println!("database: {db}"),
        None => match Backing::from_env_and_dotenv() {
            Ok(backing) => println!("database: {}", backing.db),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        },
    }
}
