use std::fmt;

use resources::{Locator, LocatorError, LocatorInfo, PostgresUrl, Resources};

/// A custom locator that is URL-shaped (the default): `hook` reads `HOOK_URL`.
struct Hook(String);

impl Locator for Hook {
    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        Ok(Hook(input.to_owned()))
    }

    fn info() -> LocatorInfo {
        LocatorInfo { kind: "hook", schemes: &[], example: "https://hooks.example.com", credentials: false, kinds: &[] }
    }
}

impl fmt::Debug for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}


// The derive cannot know whether `Hook` is URL-shaped: the message gives both names.
#[derive(Resources)]
#[resources(prefix = "APP_")]
struct Backing {
    #[resource(default = "https://hooks.example.com")]
    hook: Hook,
    // A built-in type: the exact name.
    #[resource(default = "postgres://localhost/app")]
    db: PostgresUrl,
}

fn main() {}
