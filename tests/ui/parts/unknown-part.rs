use resources::{Resources, SmtpUrl};

#[derive(Resources)]
struct Backing {
    #[resource(parts(hots = "SMTP_HOST"))]
    mail: SmtpUrl,
}

fn main() {}
