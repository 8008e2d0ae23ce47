//! Loading: the manifest a struct declares, the lookup of one variable, the shared loading
//! step and loop, and the manual [`Loader`].

pub(crate) mod columns;
pub(crate) mod derived;
mod loader;
mod lookup;
pub(crate) mod manifest;
pub(crate) mod names;
mod step;
mod unknown;
pub(crate) mod values;
mod warning;
#[cfg(feature = "watch")]
pub mod watch;

pub use loader::{Loaded, Loader, Slot};
pub use manifest::{
    DefaultValue, Entry, FlattenDecl, LocatorFns, Manifest, ParseFn, Presence, ResolvedVar, Var,
    VarDecl, redact_example,
};
pub use values::{BuildFn, Values};
pub use warning::Warning;
