use resources::{PostgresUrl, Resources};

#[derive(Debug, Resources)]
struct Backing {
    #[resource(env = "DATABASE_URL", default = "postgres://localhost/app")]
    db: PostgresUrl,
}

fn main() {
    // The stub impl keeps these uses free of follow-on errors.
    let backing = Backing::from_env();
    let _ = Backing::manifest();
    println!("{backing:?}");
}
