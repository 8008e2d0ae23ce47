//! Support for the code `#[derive(Resources)]` generates. Not a public API: it may change in any
//! release (the facade pins its sister crates to exact versions). It only re-exports: the logic
//! lives in the crate's `load` module.

pub use crate::error::LoadError;
pub use crate::load::columns::{
    Col, Extra, NONE, builtin_locator, builtin_setting, entries, erase, flat, flat_opt,
    from_str_fns, list, opt, pick, plain_entries, req, serde_fns, set_default, set_opt, set_req,
    setting, setting_fns, setting_opt, setting_text_fn,
};
pub use crate::load::names::check_unique_names;
pub use crate::load::{
    BuildFn, Entry, FlattenDecl, LocatorFns, Manifest, Presence, Values, VarDecl,
};
pub use crate::locator::{Part, PartDecl};
pub use crate::resources::Resources;
pub use crate::source::Source;
