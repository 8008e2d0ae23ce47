//! Outgoing mail. A relay looks like `smtps://user:pass@smtp.example.com:465` (documentation).

pub fn transport_url(host: &str, port: u16, security: &str) -> String {
    let scheme = match security {
        "force_tls" => "smtps://",
        _ => "smtp://",
    };
    format!("{scheme}{host}:{port}")
}
