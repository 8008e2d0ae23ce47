use resources::{Resources, SmtpUrl};

#[derive(Resources)]
struct Backing {
    #[resource(parts(host = "SMTP_HOST", database = "SMTP_DB"))]
    mail: SmtpUrl,
}

fn main() {}
