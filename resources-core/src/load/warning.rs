//! [`Warning`]s: what a successful load has to say (a deprecated name used, a variable that
//! nothing reads).

use std::fmt;

/// A note from a load that succeeded; [`Resources::load_with_warnings`](crate::Resources::load_with_warnings)
/// returns them beside the value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A deprecated name was read: it still works, under its new name it will keep working.
    Deprecated {
        /// The deprecated variable that was set.
        used: String,
        /// The variable to set instead.
        replacement: String,
    },
    /// A variable under the container prefix that no field reads.
    Unknown {
        /// The variable.
        var: String,
        /// The closest variable the struct reads, if one is close.
        suggestion: Option<String>,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Deprecated { used, replacement } => write!(
                f,
                "{used} is deprecated: set {replacement} instead (it is read the same way)"
            ),
            Warning::Unknown {
                var,
                suggestion: Some(s),
            } => write!(f, "{var} is set but nothing reads it; did you mean {s}?"),
            Warning::Unknown {
                var,
                suggestion: None,
            } => write!(f, "{var} is set but nothing reads it"),
        }
    }
}
