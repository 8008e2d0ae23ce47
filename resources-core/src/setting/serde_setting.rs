//! Serde settings: one variable decoded the way envy decodes a field.

use std::any::Any;
use std::collections::HashMap;

use serde::de::DeserializeOwned;

use super::SerdeSetting;
use crate::{ErrorKind, LocatorError};

impl<T: DeserializeOwned + Send + 'static> SerdeSetting for T {
    fn parse_erased(text: &str) -> Result<Box<dyn Any + Send>, LocatorError> {
        let vars = std::iter::once(("VALUE".to_owned(), text.to_owned()));
        match envy::from_iter::<_, HashMap<String, T>>(vars) {
            Ok(mut map) => match map.remove("value") {
                Some(v) => Ok(Box::new(v)),
                None => Err(error::<T>(None)),
            },
            Err(e) => Err(error::<T>(Some(e.to_string()))),
        }
    }
}

/// A message naming the type and, when serde says it, what is expected: never the value
/// (serde's own messages quote it: "unknown variant `…`").
fn error<T>(serde_message: Option<String>) -> LocatorError {
    let name = crate::setting::fns::short_type_name::<T>();
    let expected = serde_message
        .as_deref()
        .and_then(|m| m.split_once(", expected ").map(|(_, e)| e.to_owned()))
        .filter(|e| !e.contains('\n'));
    let message = match expected {
        Some(e) => format!("not a valid `{name}`: expected {e}"),
        None => format!("not a valid `{name}`"),
    };
    LocatorError::new(name, ErrorKind::Setting(message.into()), None)
}
