//! [`Layered`]: several sources in order, the first that has a value wins.

use std::fmt;

use super::{Found, Source};

/// Several sources in order: the first that has a value wins.
///
/// ```
/// use resources_core::{Layered, MapSource, Source, Value};
///
/// let layered = Layered::new()
///     .with(MapSource::new([("REDIS_URL", "redis://prod-cache")]))
///     .with(MapSource::new([("REDIS_URL", "redis://localhost"), ("DATABASE_URL", "postgres://localhost/app")]));
/// assert_eq!(layered.lookup("REDIS_URL").unwrap().value, Value::Text("redis://prod-cache"));
/// assert!(layered.lookup("DATABASE_URL").is_some());
/// ```
#[derive(Default)]
pub struct Layered {
    layers: Vec<Box<dyn Source + Send + Sync>>,
}

impl Layered {
    /// No layers yet.
    pub fn new() -> Self {
        Layered::default()
    }

    /// Adds a layer below the ones already added.
    pub fn with(mut self, source: impl Source + Send + Sync + 'static) -> Self {
        self.layers.push(Box::new(source));
        self
    }
}

impl Source for Layered {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.layers.iter().find_map(|s| s.lookup(name))
    }

    fn may_hold_file_variables(&self) -> bool {
        self.layers.iter().any(|s| s.may_hold_file_variables())
    }
}

impl fmt::Debug for Layered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Layered")
            .field("layers", &self.layers.len())
            .finish()
    }
}
