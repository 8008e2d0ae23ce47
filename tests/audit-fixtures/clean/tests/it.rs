const URL: &str = "postgres://localhost/test"; #[test] fn t() { assert!(!URL.is_empty()); }
