//! The functions of one locator type as a table of pointers: what the loading loop, the docs and
//! the checks call instead of generic code per field.

use std::any::Any;
use std::fmt;

use crate::error::LocatorError;

use super::{Compose, Locator, LocatorInfo};

/// A type-erased loaded value (one per variable of a load).
pub type Erased = Box<dyn Any + Send>;

/// Parses one config string into a boxed locator (one function per locator type).
pub type ParseFn = fn(&str) -> Result<Box<dyn Any + Send>, LocatorError>;

/// How to parse and describe one locator type, as function pointers: the table the loading
/// loop reads instead of generic code per field.
#[derive(Clone, Copy)]
pub struct LocatorFns {
    /// The locator type's description.
    pub info: fn() -> LocatorInfo,
    /// Its parse entry point.
    pub parse: ParseFn,
    /// Parses and prints redacted (`None` if the text does not parse).
    pub redact: fn(&str) -> Option<String>,
    /// How the locator is assembled from parts, if it can be.
    pub compose: Option<Compose>,
}

fn redact_with<L: Locator>(text: &str) -> Option<String> {
    L::parse_locator(text).ok().map(|l| l.to_string())
}

impl LocatorFns {
    /// The functions of locator type `L`.
    pub const fn of<L: Locator>() -> Self {
        LocatorFns {
            info: L::info,
            parse: parse_erased::<L>,
            redact: redact_with::<L>,
            compose: L::COMPOSE,
        }
    }

    /// The table of locator type `L` as a `'static` reference, what a hand-written
    /// [`VarDecl`](crate::VarDecl) holds (for a built-in type, the one compiled in this crate).
    ///
    /// ```
    /// use resources_core::{LocatorFns, PostgresUrl};
    /// assert_eq!((LocatorFns::get::<PostgresUrl>().info)().kind, "PostgreSQL");
    /// ```
    pub const fn get<L: Locator>() -> &'static Self {
        L::FNS
    }
}

impl fmt::Debug for LocatorFns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LocatorFns")
            .field(&(self.info)().kind)
            .finish()
    }
}

/// The parse entry point of one locator type, erased: one instance per type, not per field.
pub(crate) fn parse_erased<L: Locator>(text: &str) -> Result<Erased, LocatorError> {
    L::parse_locator(text).map(|v| Box::new(v) as Erased)
}

/// `&TABLE` with `TABLE` a static compiled in this crate, built by the constructor given
/// (`LocatorFns::of::<PostgresUrl>()`, `LocatorFns::setting::<u16>()`): a user's crate that names
/// a built-in type then holds a pointer to its table, not a copy of the type's parse code.
macro_rules! compiled_here {
    ($table:expr) => {{
        static FNS: $crate::locator::LocatorFns = $table;
        &FNS
    }};
}
pub(crate) use compiled_here;
