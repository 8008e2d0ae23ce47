//! Settings: the plain typed values beside the resources (pool sizes, timeouts, flags, a region).
//!
//! A `#[setting]` field's type implements [`Setting`]: it parses one config string, says what it
//! accepts, and whether a value may be a credential (then a problem never echoes it). A setting
//! may have a default; a resource never does.

mod boundary;
mod duration;
pub(crate) mod fns;
#[cfg(feature = "serde")]
mod serde_setting;
mod std_impls;

pub use boundary::looks_like_locator;
pub use duration::{format_duration, parse_duration};

/// A plain config value: what a `#[setting]` field's type implements.
///
/// Built in: the integer and float types, `bool` (`true/false/1/0/yes/no/on/off`, any case),
/// `String`, `PathBuf`, `IpAddr`, `Ipv4Addr`, `Ipv6Addr`, `SocketAddr`, `Duration` (`30s`,
/// `1m30s`, `250ms`) and `Vec<T>` of any of these (comma-separated). Implement it for a type of
/// your own:
///
/// ```
/// use resources_core::Setting;
///
/// #[derive(Debug, PartialEq)]
/// enum Security { Starttls, ForceTls, Off }
///
/// impl Setting for Security {
///     const TYPE_NAME: &'static str = "SMTP security";
///     const ACCEPTS: &'static str = "one of starttls, force_tls, off";
///     const EXAMPLE: &'static str = "starttls";
///     const SENSITIVE: bool = false;
///     fn parse_setting(text: &str) -> Result<Self, String> {
///         match text {
///             "starttls" => Ok(Security::Starttls),
///             "force_tls" => Ok(Security::ForceTls),
///             "off" => Ok(Security::Off),
///             _ => Err(format!("expected {}", Self::ACCEPTS)),
///         }
///     }
///     fn to_config(&self) -> String {
///         match self { Security::Starttls => "starttls", Security::ForceTls => "force_tls", Security::Off => "off" }.into()
///     }
/// }
/// assert_eq!(Security::parse_setting("off"), Ok(Security::Off));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a setting type",
    label = "not a setting type",
    note = "a setting holds a plain value: an integer, float, `bool`, `String`, `PathBuf`, `IpAddr`, `SocketAddr`, `Duration`, a `Vec` of these (comma-separated), or a type that implements `resources::Setting`",
    note = "a locator (`PostgresUrl`, `RedisUrl`, …, `Secret<String>`) is a resource handle: declare it as a resource field, without `#[setting]`"
)]
pub trait Setting: Sized + Send + 'static {
    /// The type's name in docs and problems (`u16`, `duration`).
    const TYPE_NAME: &'static str;
    /// What is accepted, in words (`a whole number from 0 to 65535`).
    const ACCEPTS: &'static str;
    /// A value shown as the format in docs and problems.
    const EXAMPLE: &'static str;
    /// Whether a value may be a credential (a string, a path): a problem then never echoes it.
    const SENSITIVE: bool;

    /// Parses one config string. The message says what is wrong without quoting the value.
    fn parse_setting(text: &str) -> Result<Self, String>;

    /// The value as it is written in config (docs show defaults this way).
    fn to_config(&self) -> String;

    /// The table of this type's functions the loading loop calls. Leave it out: the default
    /// is right for every type (the standard types point to tables compiled once in
    /// `resources-core`).
    #[doc(hidden)]
    const FNS: &'static crate::locator::LocatorFns = &crate::locator::LocatorFns::setting::<Self>();
}

/// A `FromStr` type used as a setting with `#[setting(from_str)]`: its parse error's message is
/// never shown (it may quote the value), only the type's name.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be parsed from a string",
    label = "`#[setting(from_str)]` needs `FromStr`",
    note = "implement `std::str::FromStr` for `{Self}` (or `resources::Setting`, and drop `from_str`)"
)]
pub trait FromStrSetting: std::str::FromStr + Send + 'static {}

impl<T: std::str::FromStr + Send + 'static> FromStrSetting for T {}

/// A serde type used as a setting with `#[setting(serde)]`, decoded the way envy decodes one
/// variable (a unit enum variant from its name, numbers, bools, comma-separated sequences).
/// Implemented for every `DeserializeOwned` type when the `serde` feature is on.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded as a serde setting",
    label = "`#[setting(serde)]` needs `serde::Deserialize` and the `serde` feature",
    note = "enable the `serde` feature of `resources`, and derive or implement `serde::Deserialize` for `{Self}`"
)]
pub trait SerdeSetting: Send + 'static {
    #[doc(hidden)]
    fn parse_erased(text: &str) -> Result<Box<dyn std::any::Any + Send>, crate::LocatorError>;
}
