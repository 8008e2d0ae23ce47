//! `Deserialize` for every locator and for [`Secret`] (feature `serde`).
//!
//! No error of theirs holds the value: a failed parse reports the
//! [`LocatorError`](crate::LocatorError) message, which never quotes it, and any other error
//! (a value of the wrong type, which serde would quote: ``invalid type: integer `1234` ``) is
//! replaced by a message naming only the expected type.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::{KafkaBrokers, Kind, Locator, LocatorError, MemcachedServers, Secret, ServiceUrl};

struct LocatorVisitor<'a, L> {
    /// The parse error, kept to be reported as it is (it is redacted).
    parse_error: &'a RefCell<Option<LocatorError>>,
    kind: PhantomData<fn() -> L>,
}

impl<L: Locator> Visitor<'_> for LocatorVisitor<'_, L> {
    type Value = L;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} locator", L::info().kind)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<L, E> {
        L::parse_locator(v).map_err(|e| {
            let message = E::custom(&e);
            *self.parse_error.borrow_mut() = Some(e);
            message
        })
    }
}

fn deserialize_locator<'de, L: Locator, D: Deserializer<'de>>(d: D) -> Result<L, D::Error> {
    let parse_error = RefCell::new(None);
    let visitor = LocatorVisitor {
        parse_error: &parse_error,
        kind: PhantomData,
    };
    d.deserialize_str(visitor)
        .map_err(|_| match parse_error.into_inner() {
            Some(e) => de::Error::custom(e),
            None => de::Error::custom(format_args!(
                "invalid value: expected a {} locator (a string; the value is not shown)",
                L::info().kind
            )),
        })
}

impl<'de, K: Kind> Deserialize<'de> for ServiceUrl<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_locator(d)
    }
}

impl<'de> Deserialize<'de> for KafkaBrokers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_locator(d)
    }
}

impl<'de> Deserialize<'de> for crate::DatabaseUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_locator(d)
    }
}

impl<'de> Deserialize<'de> for crate::PemKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_locator(d)
    }
}

impl<'de> Deserialize<'de> for MemcachedServers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_locator(d)
    }
}

/// `std::any::type_name` without module paths: `alloc::vec::Vec<u8>` is `Vec<u8>`.
fn short_type_name<T: ?Sized>() -> String {
    let full = std::any::type_name::<T>();
    let mut out = String::with_capacity(full.len());
    let mut word = String::new();
    for c in full.chars() {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            word.push(c);
        } else {
            out.push_str(word.rsplit("::").next().unwrap_or(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(word.rsplit("::").next().unwrap_or(&word));
    out
}

/// Deserializes the inner value; any error is replaced by one naming the expected type only,
/// since serde's own messages quote the value (``invalid type: string "…", expected u32``).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Secret::new).map_err(|_| {
            de::Error::custom(format_args!(
                "invalid secret: expected a `{}` (the value is not shown)",
                short_type_name::<T>()
            ))
        })
    }
}
