//! [`Layered`]: several sources in order, the first that has a variable wins.

use std::fmt;

use super::{Found, Layers, MAX_FILE_SIZE, Source};

/// Several sources in order: the first that has a variable wins.
///
/// A load takes each variable whole from the first layer that has it in any form: its name,
/// one of its aliases, or the `NAME_FILE` of either. A lower layer's main name never beats a
/// higher layer's alias, and a `DATABASE_URL_FILE` in `.env` does not clash with a
/// `DATABASE_URL` in the environment above it. [`lookup`](Source::lookup) of one name is the
/// first layer that has that name.
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
    max_file_size: Option<u64>,
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

    /// Sets the largest file, in bytes, a load reads for a `NAME_FILE` variable of any layer
    /// (default [`MAX_FILE_SIZE`], 64 KiB). Wrap a single source to set it for that source:
    /// `Layered::new().with(Env::snapshot()).with_max_file_size(1 << 20)`.
    pub fn with_max_file_size(mut self, bytes: u64) -> Self {
        self.max_file_size = Some(bytes);
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

    fn names_with_prefix(&self, prefix: &str) -> Option<Vec<&str>> {
        let mut names = Vec::new();
        for layer in &self.layers {
            names.extend(layer.names_with_prefix(prefix)?);
        }
        names.sort_unstable();
        names.dedup();
        Some(names)
    }

    fn layers(&self) -> Option<&Layers> {
        Some(&self.layers)
    }

    fn max_file_size(&self) -> u64 {
        self.max_file_size.unwrap_or(MAX_FILE_SIZE)
    }
}

impl fmt::Debug for Layered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Layered")
            .field("layers", &self.layers.len())
            .field("max_file_size", &self.max_file_size())
            .finish()
    }
}
