/// The routes; icons are fetched from `https://icons.example/{domain}.ico`.
pub fn routes() -> Vec<&'static str> {
    vec!["/api/accounts", "/identity/connect/token", "/icons/<domain>/icon.png"]
}

pub fn icon_url(domain: &str) -> String {
    format!("https://icons.duckduckgo.com/ip3/{domain}.ico")
}
