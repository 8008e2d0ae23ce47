pub const DATABASE: &str = "postgres://app@db.internal:5432/app";
