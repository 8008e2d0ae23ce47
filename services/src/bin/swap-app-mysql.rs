//! `swap-app` for MySQL (MariaDB): writes and reads orders through `DATABASE_URL`, and spreads
//! events over the shards `SHARD_URL_0`, `SHARD_URL_1`, …. Its code never changes between the
//! steps of the demo: only its config does.
//!
//! ```text
//! swap-app-mysql reset          drop its tables
//! swap-app-mysql write N        insert N orders
//! swap-app-mysql read           print the orders' count and checksum
//! swap-app-mysql shards         write one event to each shard, print each shard's event count
//! ```

use std::process::ExitCode;

use mysql::prelude::Queryable;
use resources::{MySqlUrl, Resources};

/// The app's backing services.
#[derive(Debug, Resources)]
struct Backing {
    /// Where orders live.
    #[resource(env = "DATABASE_URL")]
    db: MySqlUrl,
    /// Event shards; a new one is attached by setting the next `SHARD_URL_<i>`.
    #[resource(env = "SHARD_URL")]
    shards: Vec<MySqlUrl>,
}

fn connect(db: &MySqlUrl) -> Result<mysql::Conn, mysql::Error> {
    mysql::Conn::new(mysql::Opts::from_url(db.expose_url())?)
}

fn run(
    command: &str,
    arg: Option<&str>,
    backing: &Backing,
) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        "reset" => {
            connect(&backing.db)?.query_drop("DROP TABLE IF EXISTS orders")?;
            for shard in &backing.shards {
                connect(shard)?.query_drop("DROP TABLE IF EXISTS events")?;
            }
        }
        "write" => {
            let n: i32 = arg.ok_or("write N")?.parse()?;
            let mut conn = connect(&backing.db)?;
            conn.query_drop("CREATE TABLE IF NOT EXISTS orders (id INT AUTO_INCREMENT PRIMARY KEY, amount INT NOT NULL)")?;
            for i in 1..=n {
                conn.exec_drop("INSERT INTO orders (amount) VALUES (?)", (i * 7,))?;
            }
            println!("wrote {n} orders to {}", backing.db);
        }
        "read" => {
            let (count, sum): (i64, i64) = connect(&backing.db)?
                .query_first(
                    "SELECT COUNT(*), CAST(COALESCE(SUM(amount), 0) AS SIGNED) FROM orders",
                )?
                .ok_or("no row")?;
            println!("orders: {count} sum: {sum}");
        }
        "shards" => {
            for (i, shard) in backing.shards.iter().enumerate() {
                let mut conn = connect(shard)?;
                conn.query_drop("CREATE TABLE IF NOT EXISTS events (id INT AUTO_INCREMENT PRIMARY KEY, shard INT NOT NULL)")?;
                conn.exec_drop("INSERT INTO events (shard) VALUES (?)", (i as i32,))?;
                let count: i64 = conn
                    .query_first("SELECT COUNT(*) FROM events")?
                    .ok_or("no row")?;
                println!("shard {i} {shard}: {count} events");
            }
        }
        other => return Err(format!("unknown command `{other}`").into()),
    }
    Ok(())
}

fn main() -> ExitCode {
    resources_services::swap_main::<Backing>("swap-app-mysql", run)
}
