use std::fmt;

use resources::{HttpUrl, Locator, LocatorError, LocatorInfo, Resources};

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

/// A token: not URL-shaped, so `relay_token` reads `RELAY_TOKEN`.
struct Token(String);

impl Locator for Token {
    const URL_SHAPED: bool = false;

    fn parse_locator(input: &str) -> Result<Self, LocatorError> {
        Ok(Token(input.to_owned()))
    }

    fn info() -> LocatorInfo {
        LocatorInfo { kind: "token", schemes: &[], example: "TOKEN", credentials: true, kinds: &[] }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

// A name is one of a list's indexed names, the list's name decided by its type.
#[derive(Resources)]
struct Hooks {
    hooks: Vec<Hook>,
    #[resource(env = "HOOKS_URL_0")]
    first: HttpUrl,
}

// The other way round: the derived name (no `_URL`) is an indexed name of a list.
#[derive(Resources)]
struct Relays {
    #[resource(env = "RELAYS")]
    relays: Vec<HttpUrl>,
    relays_2: Token,
}

fn main() {}
