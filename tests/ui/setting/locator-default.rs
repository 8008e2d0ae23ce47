use resources::Resources;

#[derive(Resources)]
struct Backing {
    #[setting(default = "postgres://app:hunter2@db.internal/app")]
    database_url: String,
}

fn main() {}
