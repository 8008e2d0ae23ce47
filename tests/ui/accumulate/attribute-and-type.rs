use resources::{PostgresUrl, Resources};

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

struct NotResources;

#[derive(Resources)]
struct Backing {
    // An attribute mistake…
    #[resource(env = "database_url")]
    db: PostgresUrl,
    // …a mistake in the attribute of a field whose type is wrong too…
    #[resource(evn = "RETRIES")]
    retries: u32,
    // …and wrong types of each shape, in the same build.
    cache: Option<String>,
    #[setting(default = 10)]
    pool_size: Vec<u8>,
    #[resource(flatten, prefix = "REPLICA_")]
    replica: Replica,
    #[resource(flatten, prefix = "OTHER_")]
    other: NotResources,
}

fn main() {
    // The stub keeps these uses free of follow-on errors.
    let _ = Backing::from_env();
    let _ = Backing::manifest();
}
