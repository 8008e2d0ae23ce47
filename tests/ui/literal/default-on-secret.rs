use resources::{Resources, Secret};

#[derive(Resources)]
struct Backing {
    #[resource(default = "sk_live_hunter2")]
    api_token: Secret<String>,
}

fn main() {}
