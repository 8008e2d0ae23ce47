//! Seed data for the demo database.
//! resources-audit: allow-file(seed data of the demo, never deployed)

pub const SEED_A: &str = "postgres://seed@db.internal/demo";
pub fn seed_b() -> &'static str {
    "mysql://seed@db.internal/demo"
}
