use std::fmt;

use resources::{HttpUrl, Locator, LocatorError, LocatorInfo, Resources};

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

#[derive(Resources)]
struct Backing {
    relay_token: Token,
    #[resource(env = "RELAY_TOKEN")]
    relay: HttpUrl,
}


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

// The derive cannot tell that `HOOK_URL` collides: the const check does, with the name as read.
#[derive(Resources)]
struct Hooks {
    hook: Hook,
    #[resource(env = "HOOK_URL")]
    other: HttpUrl,
    // `Token` is not URL-shaped: `token` reads `TOKEN`, no collision with `TOKEN_URL`.
    token: Token,
    #[resource(env = "TOKEN_URL")]
    token_url: HttpUrl,
}
fn main() {}
