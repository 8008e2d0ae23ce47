use std::env;

/// The server's configuration, documented by `doku` for the generated `.env.template`.
#[cfg_attr(any(), derive(Document))]
pub struct Config {
    /// Database URL: `sqlite://`, `mysql://` or `postgresql://`.
    #[cfg_attr(any(), doku(example = "postgresql://user:password@localhost:5432/vaultwarden"))]
    pub database_url: String,
    /// Where the icons come from.
    #[cfg_attr(any(), doku(example = "https://icons.duckduckgo.com/ip3/{}.ico"))]
    pub icon_service: String,
    /// The push relay.
    pub push_relay_uri: String,
    pub smtp_host: Option<String>,
    pub domain: String,
}

/// Falls back to a local database file when DATABASE_URL is unset.
fn default_database_url() -> String {
    format!("{}/{}", data_folder(), "db.sqlite3")
}

fn data_folder() -> String {
    env::var("DATA_FOLDER").unwrap_or_else(|_| String::from("data"))
}

impl Config {
    pub fn load() -> Self {
        let database_url = env::var("DATABASE_URL").unwrap_or_else(|_| default_database_url());
        let domain = env::var("DOMAIN").unwrap_or_else(|_| "http://localhost".to_owned());
        // The relay of the hosted push service; self-hosters override PUSH_RELAY_URI.
        let push_relay_uri = env::var("PUSH_RELAY_URI")
            .unwrap_or_else(|_| "https://installation:c0ffee-relay-key@push.bitwarden.example".to_owned());
        Config {
            database_url,
            icon_service: "internal".to_owned(),
            push_relay_uri,
            smtp_host: env::var("SMTP_HOST").ok(),
            domain,
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        let url = self.database_url.to_lowercase();
        if url.starts_with("postgres://") {
            return Err("use postgresql:// instead of postgres:// in DATABASE_URL".to_owned());
        }
        if !self.domain.starts_with("http://") && !self.domain.starts_with("https://") {
            return Err("DOMAIN variable needs to contain the protocol (http, https). Use 'http[s]://bw.example.com' instead of 'bw.example.com'".to_owned());
        }
        Ok(())
    }
}
