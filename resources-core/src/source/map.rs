//! [`MapSource`]: a source from any pairs.

use std::fmt;

use super::{Found, Map, Origin, Source, Value, names_in};

/// A source from any pairs: what tests and embedded defaults use.
///
/// ```
/// use resources_core::{MapSource, Source};
///
/// let source = MapSource::new([("REDIS_URL", "redis://cache:6379")]).named("defaults");
/// assert_eq!(source.lookup("REDIS_URL").unwrap().origin.to_string(), "defaults");
/// ```
#[derive(Clone)]
pub struct MapSource {
    name: String,
    vars: Map<String>,
}

impl MapSource {
    /// A source holding `pairs`; a later pair for the same name replaces an earlier one.
    pub fn new<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        MapSource {
            name: String::from("the map source"),
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// Names the source in messages.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for MapSource {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        MapSource::new(iter)
    }
}

impl Source for MapSource {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.vars.get(name).map(|v| Found {
            value: Value::Text(v),
            origin: Origin {
                source: &self.name,
                line: None,
            },
        })
    }

    fn may_hold_file_variables(&self) -> bool {
        self.vars.keys().any(|k| k.ends_with("_FILE"))
    }

    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        Some(names_in(&self.vars, prefix))
    }
}

impl fmt::Debug for MapSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapSource")
            .field("name", &self.name)
            .field("vars", &self.vars.len())
            .finish()
    }
}
