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

/// Query parameters whose values are credentials in every kind, in their folded spelling:
/// a name matches after ASCII lowercasing and removing `-`, `_` and `.`, so `API-Key`,
/// `api_key` and `apiKey` are all `apikey`. [`is_sensitive_param`] adds suffix rules.
pub const SENSITIVE_PARAMS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "token",
    "secret",
    "apikey",
    "xapikey",
    "key",
    "accesskey",
    "secretkey",
    "privatekey",
    "auth",
    "jwt",
    "sig",
    "signature",
    "credential",
    "credentials",
    // MongoDB: `AWS_SESSION_TOKEN:…` travels in it.
    "authmechanismproperties",
    // Access key ids of presigned URLs (S3 signature v2, Google Cloud Storage).
    "awsaccesskeyid",
    "googleaccessid",
];

/// Endings that make a parameter name a credential (`sslpassword`, `tlsCertificateKeyFilePassword`,
/// `client_secret`, `access_token`, `X-Amz-Security-Token`, `X-Goog-Signature`, …).
const SENSITIVE_SUFFIXES: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "signature",
    "credential",
    "credentials",
];

/// The folded spelling of a parameter name: ASCII lowercase, without `-`, `_` and `.`.
pub(crate) fn fold_param(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a query parameter named `key` carries a credential.
///
/// The name is folded (ASCII lowercase, `-`, `_` and `.` removed) and matches when it is in
/// [`SENSITIVE_PARAMS`] or the kind's `extra` list (folded the same way), ends with
/// `password`, `passwd`, `secret`, `token`, `signature`, `credential(s)`, or is a cloud
/// signing parameter holding a key (`X-Amz-…Key…`, `X-Goog-…Key…`).
///
/// ```
/// use resources_core::is_sensitive_param;
///
/// assert!(is_sensitive_param("X-Amz-Security-Token", &[]));
/// assert!(is_sensitive_param("client-secret", &[]));
/// assert!(is_sensitive_param("API_KEY", &[]));
/// assert!(!is_sensitive_param("sslmode", &[]));
/// ```
pub fn is_sensitive_param(key: &str, extra: &[&str]) -> bool {
    let folded = fold_param(key);
    SENSITIVE_PARAMS.contains(&folded.as_str())
        || SENSITIVE_SUFFIXES.iter().any(|s| folded.ends_with(s))
        || ((folded.starts_with("xamz") || folded.starts_with("xgoog")) && folded.contains("key"))
        || extra.iter().any(|e| fold_param(e) == folded)
}
