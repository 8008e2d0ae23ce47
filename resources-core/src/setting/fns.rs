//! The function tables of setting types: `Setting`, `FromStr` (`#[setting(from_str)]`) and
//! serde (`#[setting(serde)]`) types.

use crate::error::LocatorError;
use crate::locator::{Erased, LocatorFns, LocatorInfo};

use super::{FromStrSetting, SerdeSetting, Setting};

impl LocatorFns {
    /// The functions of setting type `T`: its name as the kind, its example, whether a value
    /// may be a credential; a problem echoes a bad value only when it cannot be one.
    pub const fn setting<T: Setting>() -> Self {
        LocatorFns {
            info: setting_info::<T>,
            parse: parse_setting_erased::<T>,
            redact: redact_setting::<T>,
            compose: None,
        }
    }
}

impl LocatorFns {
    /// The functions of a `FromStr` setting type: never echoed (its values may be anything).
    pub const fn from_str<T: FromStrSetting>() -> Self {
        LocatorFns {
            info: from_str_info::<T>,
            parse: parse_from_str_erased::<T>,
            redact: |_| None,
            compose: None,
        }
    }

    /// The functions of a serde setting type, decoded as envy decodes a value: never echoed.
    pub const fn serde<T: SerdeSetting>() -> Self {
        LocatorFns {
            info: serde_info::<T>,
            parse: T::parse_erased,
            redact: |_| None,
            compose: None,
        }
    }
}

pub(crate) fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    // `my_app::config::Security` → `Security`; generic arguments stay.
    let head = full.split('<').next().unwrap_or(full);
    match head.rfind("::") {
        Some(i) => &full[i + 2..],
        None => full,
    }
}

fn from_str_info<T: FromStrSetting>() -> LocatorInfo {
    LocatorInfo {
        kind: short_type_name::<T>(),
        schemes: &[],
        example: "",
        credentials: true,
        kinds: &[],
    }
}

fn serde_info<T: SerdeSetting>() -> LocatorInfo {
    LocatorInfo {
        kind: short_type_name::<T>(),
        schemes: &[],
        example: "",
        credentials: true,
        kinds: &[],
    }
}

fn parse_from_str_erased<T: FromStrSetting>(text: &str) -> Result<Erased, LocatorError> {
    match text.parse::<T>() {
        Ok(v) => Ok(Box::new(v)),
        // The type's own message may quote the value: it is not shown.
        Err(_) => Err(LocatorError::new(
            short_type_name::<T>(),
            crate::ErrorKind::Setting(
                format!(
                    "not a valid `{}` (its parser refused it)",
                    short_type_name::<T>()
                )
                .into(),
            ),
            None,
        )),
    }
}

fn setting_info<T: Setting>() -> LocatorInfo {
    LocatorInfo {
        kind: T::TYPE_NAME,
        schemes: &[],
        example: T::EXAMPLE,
        credentials: T::SENSITIVE,
        kinds: &[],
    }
}

/// The longest value a problem echoes.
const ECHO_MAX: usize = 64;

fn parse_setting_erased<T: Setting>(text: &str) -> Result<Erased, LocatorError> {
    match T::parse_setting(text) {
        Ok(v) => Ok(Box::new(v)),
        Err(message) if T::SENSITIVE => Err(setting_error::<T>(message)),
        Err(message) => {
            let shown: String = text.chars().take(ECHO_MAX).collect();
            let more = if shown.len() < text.len() { "…" } else { "" };
            Err(setting_error::<T>(format!("{shown:?}{more}: {message}")))
        }
    }
}

fn setting_error<T: Setting>(message: String) -> LocatorError {
    LocatorError::new(
        T::TYPE_NAME,
        crate::ErrorKind::Setting(message.into()),
        None,
    )
}

/// A setting's example is one of the type's own constants; shown when it parses.
fn redact_setting<T: Setting>(text: &str) -> Option<String> {
    T::parse_setting(text).ok().map(|_| text.to_owned())
}

/// Writes an erased value of setting type `T` as config text.
pub(crate) fn setting_text<T: Setting>(value: &Erased) -> String {
    value
        .downcast_ref::<T>()
        .map_or_else(String::new, T::to_config)
}
