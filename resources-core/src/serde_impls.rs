//! `Deserialize` for every locator (feature `serde`). A failed parse reports the
//! [`LocatorError`](crate::LocatorError) message, which never holds the value.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::{KafkaBrokers, Kind, Locator, MemcachedServers, Secret, ServiceUrl};

struct LocatorVisitor<L>(PhantomData<fn() -> L>);

impl<L: Locator> Visitor<'_> for LocatorVisitor<L> {
    type Value = L;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} locator", L::info().kind)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<L, E> {
        L::parse_locator(v).map_err(E::custom)
    }
}

fn deserialize_locator<'de, L: Locator, D: Deserializer<'de>>(d: D) -> Result<L, D::Error> {
    d.deserialize_str(LocatorVisitor(PhantomData))
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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Secret::new)
    }
}
