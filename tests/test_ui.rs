//! Compile-fail cases: each `tests/ui/<topic>/<case>.rs` with the `.stderr` a user sees.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

/// Three mistakes in one struct give three errors in one build.
#[test]
fn three_mistakes_three_errors() {
    let stderr = std::fs::read_to_string("tests/ui/accumulate/three-mistakes.stderr").unwrap();
    let errors = stderr.lines().filter(|l| l.starts_with("error")).count();
    assert_eq!(errors, 3, "{stderr}");
}

/// On error the stub impl is emitted: the case that uses the type shows only the real error.
#[test]
fn fallback_shows_only_the_real_error() {
    let stderr = std::fs::read_to_string("tests/ui/fallback/only-the-real-error.stderr").unwrap();
    let errors = stderr.lines().filter(|l| l.starts_with("error")).count();
    assert_eq!(errors, 1, "{stderr}");
}

/// Attribute mistakes and wrong field types arrive in the same build: the stub keeps the type
/// checks, each at its field's type, and adds no error of its own.
#[test]
fn attribute_and_type_errors_together() {
    let stderr = std::fs::read_to_string("tests/ui/accumulate/attribute-and-type.stderr").unwrap();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 6, "{stderr}");
    for expected in [
        "unknown key `evn`",
        "`database_url` is not a valid variable name",
        "`u32` is not a resource locator",
        "`String` is not a resource locator",
        "`NotResources` does not describe backing services",
        "mismatched types",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{expected}: {stderr}"
        );
    }
}

/// A collision with a flattened field's variable is reported once, at the flattened field,
/// naming the variable and the other field; every collision of a struct is reported.
#[test]
fn flatten_collision_at_the_flattened_field() {
    let stderr =
        std::fs::read_to_string("tests/ui/names/flatten-collides-reported-once.stderr").unwrap();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    let expected = [
        "`APP_CACHE_URL` of flattened field `cache` is also the variable of field `cache_url`",
        "`APP_SESSIONS_URL` of flattened field `sessions` is also an alias of field `sessions_cache`",
        "`REPLICA_URL` of flattened field `replica` is also an alias of field `primary.url`",
    ];
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    for (error, expected) in errors.iter().zip(expected) {
        assert!(error.contains(expected), "{expected}: {stderr}");
    }
    assert!(stderr.contains("14 |     cache: Cache,"), "{stderr}");
}
