//! The [`Resources`] trait: a struct of backing services, loaded and described as one.

use crate::__private::Values;
use crate::error::LoadError;
use crate::manifest::Manifest;
use crate::source::{Env, Source};

/// A struct whose fields are the backing services of a deploy. Derive it:
///
/// ```
/// use resources::{MapSource, PostgresUrl, RedisUrl, Resources};
///
/// /// Backing services this deploy is attached to.
/// #[derive(Debug, Resources)]
/// struct Backing {
///     /// Primary database.
///     #[resource(env = "DATABASE_URL")]
///     db: PostgresUrl,
///     /// Cache; the app runs without it.
///     cache: Option<RedisUrl>,
/// }
///
/// let source = MapSource::new([("DATABASE_URL", "postgres://app:hunter2@db/app")]);
/// let backing = Backing::load(&source)?;
/// assert_eq!(format!("{backing:?}"), r#"Backing { db: PostgreSQL("postgres://app:***@db/app"), cache: None }"#);
/// assert_eq!(Backing::manifest().vars()[1].name, "CACHE_URL");
/// # Ok::<(), resources::LoadError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not describe backing services",
    label = "not a `Resources` struct",
    note = "add `#[derive(Resources)]` to `{Self}`"
)]
pub trait Resources: Sized + Send + 'static {
    /// Every variable this type reads, as static data.
    const MANIFEST: &'static Manifest;

    /// Every variable this type reads (the same as [`MANIFEST`](Self::MANIFEST)).
    fn manifest() -> &'static Manifest {
        Self::MANIFEST
    }

    /// Loads every field from `source`, reporting every problem at once.
    fn load(source: &dyn Source) -> Result<Self, LoadError> {
        let mut values = crate::__private::load_values(source, Self::manifest())?;
        Self::__build(&mut values).ok_or_else(LoadError::mismatch)
    }

    /// Loads from one snapshot of the process environment.
    fn from_env() -> Result<Self, LoadError> {
        Self::load(&Env::snapshot())
    }

    /// Builds the struct from the values of a successful load, in manifest order.
    #[doc(hidden)]
    fn __build(values: &mut Values) -> Option<Self>;
}
