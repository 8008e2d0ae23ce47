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

// A message longer than the const check can hold is cut with `…`; the variable comes first.
#[derive(Resources)]
#[resources(prefix = "A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_A_VERY_LONG_PREFIX_")]
struct Backing {
    relay_token: Token,
    #[resource(env = "RELAY_TOKEN")]
    relay: HttpUrl,
}

fn main() {}
