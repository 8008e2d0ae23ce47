// Two fields of the same type that is not a locator: each is reported, in one build (fields
// of the library's own types share one column of the table; other types keep their own).
use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Backing {
    primary: PostgresUrl,
    database_url: String,
    replica: PostgresUrl,
    cache_url: String,
}

fn main() {}
