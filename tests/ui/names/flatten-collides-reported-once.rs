use resources::{PostgresUrl, RedisUrl, Resources};

#[derive(Resources)]
struct Cache {
    url: RedisUrl,
}

// The field declared after the flattened one: still reported at the flattened field; and
// each collision of the struct is reported.
#[derive(Resources)]
#[resources(prefix = "APP_")]
struct Backing {
    #[resource(flatten, prefix = "CACHE_")]
    cache: Cache,
    cache_url: RedisUrl,
    #[resource(alias = "SESSIONS_URL")]
    sessions_cache: RedisUrl,
    #[resource(flatten, prefix = "SESSIONS_")]
    sessions: Cache,
}

#[derive(Resources)]
struct Primary {
    #[resource(alias = "REPLICA_URL")]
    url: PostgresUrl,
}

#[derive(Resources)]
struct Replica {
    url: PostgresUrl,
}

// Two flattened fields that collide: one error, at the later one.
#[derive(Resources)]
struct Databases {
    #[resource(flatten)]
    primary: Primary,
    #[resource(flatten, prefix = "REPLICA_")]
    replica: Replica,
}

fn main() {}
