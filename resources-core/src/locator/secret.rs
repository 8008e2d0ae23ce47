//! [`Secret`]: a value that never prints itself.

use std::fmt;

/// What every redacted value prints as.
pub const REDACTED: &str = "***";

/// A credential that `Debug` and `Display` print as `***`.
///
/// The value leaves only through [`Secret::expose`], so every place that hands a password or
/// token to a driver is greppable.
///
/// ```
/// use resources_core::Secret;
///
/// let token = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{token} {token:?}"), "*** ***");
/// assert_eq!(token.expose(), "hunter2");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Secret<T: ?Sized>(T);

impl<T> Secret<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// Unwraps the value, ending its protection.
    pub fn into_exposed(self) -> T {
        self.0
    }
}

impl<T: ?Sized> Secret<T> {
    /// The value itself: the one way it leaves.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl Secret<str> {
    /// Views a borrowed string as a secret without copying it.
    pub fn from_ref(value: &str) -> &Secret<str> {
        // SAFETY: `Secret` is `#[repr(transparent)]` over `T`, so `&str` and `&Secret<str>` have
        // the same layout and metadata; the lifetime is carried over unchanged.
        unsafe { &*(value as *const str as *const Secret<str>) }
    }
}

impl<T: ?Sized> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: ?Sized> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// Query parameters whose values are credentials in every kind (compared case-insensitively).
pub const SENSITIVE_PARAMS: &[&str] = &[
    "password",
    "pass",
    "sslpassword",
    "token",
    "secret",
    "api_key",
    "apikey",
    "key",
    "access_key",
    "secret_key",
    "auth",
];

/// Whether a query parameter named `key` carries a credential, by the common list
/// [`SENSITIVE_PARAMS`] or a kind's own `extra` list (both case-insensitive).
pub fn is_sensitive_param(key: &str, extra: &[&str]) -> bool {
    SENSITIVE_PARAMS
        .iter()
        .chain(extra)
        .any(|s| s.eq_ignore_ascii_case(key))
}
