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

// A name is another's `_FILE` form: the derive cannot tell (the type decides the `_URL`), the
// const check does, at the field whose name the type decides.
#[derive(Resources)]
struct Hooks {
    hook: Hook,
    #[resource(env = "HOOK_URL_FILE")]
    other: HttpUrl,
}

// The other way round: the derived name (no `_URL`, `Token` is not URL-shaped) is the file form.
#[derive(Resources)]
#[resources(prefix = "APP_")]
struct Signals {
    #[resource(env = "SIGNAL")]
    signal: HttpUrl,
    signal_file: Token,
}

// Two names the types decide: reported once, at the later field.
#[derive(Resources)]
struct Both {
    relay: Hook,
    relay_url_file: Token,
}

fn main() {}
