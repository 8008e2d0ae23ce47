use resources::{Resources, SmtpUrl};

#[derive(Resources)]
struct Backing {
    #[resource(parts(host = "SMTP_HOST", port = 587))]
    mail: SmtpUrl,
}

fn main() {}
