//! A password-manager server's startup, in the shape of such services (read by
//! tests/audit_corpus.rs, never built).

mod api;
mod config;
mod db;
mod mail;
mod ratelimit;
mod util;

fn main() {
    let config = config::Config::load();
    let pool = db::DbPool::from_config(&config.database_url);
    let _ = (pool, api::routes());
}
