//! The app of the swap demo: writes and reads orders through `DATABASE_URL`, and spreads
//! events over the shards `SHARD_URL_0`, `SHARD_URL_1`, …. Its code never changes between the
//! steps of the demo: only its config does.
//!
//! ```text
//! swap-app reset          drop its tables
//! swap-app write N        insert N orders
//! swap-app read           print the orders' count and checksum
//! swap-app shards         write one event to each shard, print each shard's event count
//! ```

use std::process::ExitCode;

use resources::{PostgresUrl, Resources};

/// The app's backing services.
#[derive(Debug, Resources)]
struct Backing {
    /// Where orders live.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Event shards; a new one is attached by setting the next `SHARD_URL_<i>`.
    #[resource(env = "SHARD_URL")]
    shards: Vec<PostgresUrl>,
}

fn connect(db: &PostgresUrl) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(db.expose_url(), postgres::NoTls)
}

fn run(
    command: &str,
    arg: Option<&str>,
    backing: &Backing,
) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        "reset" => {
            connect(&backing.db)?.batch_execute("DROP TABLE IF EXISTS orders")?;
            for shard in &backing.shards {
                connect(shard)?.batch_execute("DROP TABLE IF EXISTS events")?;
            }
        }
        "write" => {
            let n: i32 = arg.ok_or("write N")?.parse()?;
            let mut client = connect(&backing.db)?;
            client.batch_execute("CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, amount integer NOT NULL)")?;
            for i in 1..=n {
                client.execute("INSERT INTO orders (amount) VALUES ($1)", &[&(i * 7)])?;
            }
            println!("wrote {n} orders to {}", backing.db);
        }
        "read" => {
            let row = connect(&backing.db)?
                .query_one("SELECT count(*), coalesce(sum(amount), 0) FROM orders", &[])?;
            let (count, sum): (i64, i64) = (row.get(0), row.get(1));
            println!("orders: {count} sum: {sum}");
        }
        "shards" => {
            for (i, shard) in backing.shards.iter().enumerate() {
                let mut client = connect(shard)?;
                client.batch_execute("CREATE TABLE IF NOT EXISTS events (id serial PRIMARY KEY, shard integer NOT NULL)")?;
                client.execute("INSERT INTO events (shard) VALUES ($1)", &[&(i as i32)])?;
                let count: i64 = client.query_one("SELECT count(*) FROM events", &[])?.get(0);
                println!("shard {i} {shard}: {count} events");
            }
        }
        other => return Err(format!("unknown command `{other}`").into()),
    }
    Ok(())
}

fn main() -> ExitCode {
    resources_services::swap_main::<Backing>("swap-app", run)
}
