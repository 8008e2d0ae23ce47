use resources::{Resources, SmtpUrl};

#[derive(Resources)]
struct Backing {
    #[resource(url = "smtp://localhost:25")]
    mail: SmtpUrl,
}

fn main() {}
