//! The [`Resources`] trait: a struct of backing services, loaded and described as one.

use std::path::Path;

use crate::error::{ConfigError, LoadError};
use crate::load::Values;
use crate::load::derived::{load_and_build, load_and_build_env, load_and_build_quiet};
use crate::load::{Manifest, Warning};
use crate::source::{Layered, Source};

/// A struct whose fields are the backing services of a deploy.
///
/// Derive it with `#[derive(Resources)]` from the `resources` facade (an example is on its
/// front page): the derive writes the [`MANIFEST`](Self::MANIFEST) and the builder; `load` and
/// `from_env` are provided.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not describe backing services",
    label = "not a `Resources` struct",
    note = "add `#[derive(Resources)]` to `{Self}`"
)]
pub trait Resources: Sized + Send + 'static {
    /// Every variable this type reads, as static data.
    const MANIFEST: &'static Manifest;

    /// Whether a variable under the container prefix that no field reads is a problem
    /// (`#[resources(strict)]`) rather than a warning.
    const STRICT: bool = false;

    /// Every variable this type reads (the same as [`MANIFEST`](Self::MANIFEST)).
    fn manifest() -> &'static Manifest {
        Self::MANIFEST
    }

    /// Loads every field from `source`, reporting every problem at once.
    fn load(source: &dyn Source) -> Result<Self, LoadError> {
        let mut built = None;
        load_and_build_quiet(source, Self::MANIFEST, Self::STRICT, &mut |v| {
            built = Some(Self::__build(v));
        })?;
        built.ok_or_else(LoadError::mismatch)
    }

    /// Loads like [`load`](Self::load), and returns what the load has to say beside the
    /// value: a deprecated name that was read, a variable under the prefix that nothing reads.
    fn load_with_warnings(source: &dyn Source) -> Result<(Self, Vec<Warning>), LoadError> {
        let mut built = None;
        let warnings = load_and_build(source, Self::MANIFEST, Self::STRICT, &mut |v| {
            built = Some(Self::__build(v));
        })?;
        built
            .map(|value| (value, warnings))
            .ok_or_else(LoadError::mismatch)
    }

    /// Loads from one snapshot of the process environment.
    fn from_env() -> Result<Self, LoadError> {
        let mut built = None;
        load_and_build_env(Self::MANIFEST, Self::STRICT, &mut |v| {
            built = Some(Self::__build(v));
        })?;
        built.ok_or_else(LoadError::mismatch)
    }

    /// Loads from the process environment over `./.env`, for development: the environment
    /// always wins, and the file is read only when it exists (no file is the environment
    /// alone). The same as [`from_env_and_dotenv_at`](Self::from_env_and_dotenv_at)`(".env")`.
    ///
    /// Nothing is written to the process environment. A `.env` that cannot be read or has a
    /// bad line is [`ConfigError::Source`], naming the file and line, never a value; the
    /// problems of the load say where each value came from (`from the environment`,
    /// `from .env line 3`).
    ///
    /// ```no_run
    /// # use resources_core::{PostgresUrl, Resources};
    /// # fn run<Backing: Resources>() -> Result<(), resources_core::ConfigError> {
    /// let backing = Backing::from_env_and_dotenv()?;
    /// # Ok(())
    /// # }
    /// ```
    fn from_env_and_dotenv() -> Result<Self, ConfigError> {
        Self::from_env_and_dotenv_at(".env")
    }

    /// Loads from the process environment over the `.env` file at `path`:
    /// [`load`](Self::load) of [`Layered::env_over_dotenv`]`(path)`.
    fn from_env_and_dotenv_at(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let source = Layered::env_over_dotenv(path).map_err(ConfigError::Source)?;
        Self::load(&source).map_err(ConfigError::Load)
    }

    /// Builds the struct from the values of a successful load, in manifest order: one move
    /// per field.
    #[doc(hidden)]
    fn __build(values: &mut Values) -> Self;
}
