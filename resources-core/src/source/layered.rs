//! [`Layered`]: several sources in order, the first that has a variable wins.

use std::fmt;
use std::path::Path;

use crate::error::SourceError;

use super::{DotEnv, Env, Found, Layers, MAX_FILE_SIZE, Source};

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

    /// The process environment over the `.env` file at `path`, the development setup of
    /// dotenvy's `dotenv()` without its writes to the environment: a variable set in the
    /// environment is never overridden by the file, and the file is read only when it exists.
    /// The same as [`over_dotenv`](Layered::over_dotenv)`(Env::snapshot(), path)`.
    ///
    /// No file at `path` gives the environment alone. A file that cannot be read (permission
    /// denied, a directory, a FIFO, over 1 MiB) or has a bad line is an error naming the file
    /// (and the line), never a value. Each value says where it came from: `the environment`,
    /// or `.env line 3`, in problems and in [`Found::origin`].
    ///
    /// ```no_run
    /// use resources_core::{Layered, PostgresUrl, Loader};
    ///
    /// let source = Layered::env_over_dotenv(".env")?;
    /// let mut loader = Loader::new(&source);
    /// let db = loader.required::<PostgresUrl>("DATABASE_URL");
    /// let _db = loader.finish()?.take(db);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn env_over_dotenv(path: impl AsRef<Path>) -> Result<Self, SourceError> {
        Layered::over_dotenv(Env::snapshot(), path)
    }

    /// `top` (an environment) over the `.env` file at `path`, as
    /// [`env_over_dotenv`](Layered::env_over_dotenv) does with the process environment: `top`
    /// always wins, the file is read only when it exists, and `${VAR}` in the file expands
    /// from `top` first, then from earlier lines.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("over-dotenv-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// use resources_core::{Layered, MapSource, Source, Value};
    ///
    /// let path = dir.join(".env");
    /// std::fs::write(&path, "REDIS_URL=redis://localhost\nDATABASE_URL=postgres://localhost/app\n")?;
    /// let env = MapSource::new([("REDIS_URL", "redis://prod-cache")]).named("the environment");
    /// let source = Layered::over_dotenv(env, &path)?;
    ///
    /// let redis = source.lookup("REDIS_URL").unwrap();
    /// assert_eq!(redis.value, Value::Text("redis://prod-cache"));
    /// assert_eq!(redis.origin.to_string(), "the environment");
    /// let db = source.lookup("DATABASE_URL").unwrap();
    /// assert_eq!(db.origin.to_string(), format!("{} line 2", path.display()));
    ///
    /// // No file: the environment alone.
    /// let env = MapSource::new([("REDIS_URL", "redis://prod-cache")]);
    /// assert!(Layered::over_dotenv(env, dir.join("missing.env"))?.lookup("DATABASE_URL").is_none());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn over_dotenv(
        top: impl Source + Send + Sync + 'static,
        path: impl AsRef<Path>,
    ) -> Result<Self, SourceError> {
        let dotenv = DotEnv::read_if_exists(path.as_ref(), &top)?;
        let layered = Layered::new().with(top);
        Ok(match dotenv {
            Some(dotenv) => layered.with(dotenv),
            None => layered,
        })
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
