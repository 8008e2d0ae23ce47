//! The [`Resources`] trait: a struct of backing services, loaded and described as one.

use crate::error::LoadError;
use crate::load::Values;
use crate::load::{Manifest, Warning};
use crate::source::{Env, Source};

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
        Self::load_with_warnings(source).map(|(value, _)| value)
    }

    /// Loads like [`load`](Self::load), and returns what the load has to say beside the
    /// value: a deprecated name that was read, a variable under the prefix that nothing reads.
    fn load_with_warnings(source: &dyn Source) -> Result<(Self, Vec<Warning>), LoadError> {
        let (mut values, warnings) =
            crate::load::derived::load_values(source, Self::manifest(), Self::STRICT)?;
        // Every value was checked against the manifest, so the build is a move per field; a
        // builder that disagrees with its manifest (a hand-written `__build`) panics inside,
        // and that bug is reported as an error rather than unwinding into the caller.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Self::__build(&mut values)))
            .map(|value| (value, warnings))
            .map_err(|_| LoadError::mismatch())
    }

    /// Loads from one snapshot of the process environment.
    fn from_env() -> Result<Self, LoadError> {
        Self::load(&Env::snapshot())
    }

    /// Builds the struct from the values of a successful load, in manifest order: one move
    /// per field.
    #[doc(hidden)]
    fn __build(values: &mut Values) -> Self;
}
