//! Test-only module (declared under `#[cfg(test)]`): its locators are fine.

const URL: &str = "mongodb://localhost/test";
