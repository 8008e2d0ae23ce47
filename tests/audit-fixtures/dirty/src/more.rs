//! A second file, with an escaped line continuation.

pub fn continued() -> &'static str {
    "s3://my-bucket/\
     uploads/"
}
