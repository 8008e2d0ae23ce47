//! The [`Resources`] trait: a struct of backing services, loaded and described as one.

use crate::error::LoadError;
use crate::load::Values;
use crate::load::derived::{load_and_build, load_and_build_env, load_and_build_quiet};
use crate::load::{Manifest, Warning};
use crate::source::Source;

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

    /// Builds the struct from the values of a successful load, in manifest order: one move
    /// per field.
    #[doc(hidden)]
    fn __build(values: &mut Values) -> Self;
}
