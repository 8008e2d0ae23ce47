use super::*;

const TEST_DATABASE: &str = "mysql://vaultwarden:vaultwarden@127.0.0.1:3306/vaultwarden";

#[test]
fn emails() {
    assert!(is_valid_email("admin@example.com"));
    assert!(!TEST_DATABASE.is_empty());
}
