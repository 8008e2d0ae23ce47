// Only test code reaches this file.
pub const TEST_DB: &str = "postgres://test@localhost/test";
