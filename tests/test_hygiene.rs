//! The generated code names everything by absolute path: shadowed prelude names and a decoy
//! `resources` module change nothing, and `crate = path` serves re-exporters.

#![allow(dead_code, non_camel_case_types)]

extern crate resources as renamed;

// A decoy module: generated code must reach the crate through `::resources`, not this.
mod resources {}

// Shadow the prelude.
type Result = ();
type Option = ();
type String = ();
type Box = ();
type Vec = ();
struct Some;
struct None;
struct Ok;
struct Err;
trait Sized {}
trait Any {}

/// A nested struct.
#[derive(::resources::Resources)]
struct Inner {
    /// A cache.
    cache: ::core::option::Option<::resources::RedisUrl>,
}

/// Backing services.
#[derive(::resources::Resources)]
#[resources(prefix = "H_")]
struct Backing {
    /// Database.
    db: ::resources::PostgresUrl,
    /// Shards.
    shards: ::std::vec::Vec<::resources::PostgresUrl>,
    /// Token.
    token: ::resources::Secret<::std::string::String>,
    #[resource(flatten, prefix = "INNER_")]
    inner: Inner,
}

/// Through a renamed crate, with the `crate` override a re-exporter writes.
#[derive(renamed::Resources)]
#[resources(crate = ::renamed)]
struct ViaReexport {
    db: renamed::PostgresUrl,
}

#[test]
fn loads_despite_shadowed_names() {
    use ::resources::Resources as _;
    let source = ::resources::MapSource::new([
        ("H_DB_URL", "postgres://db/app"),
        ("H_TOKEN", "t"),
        ("H_INNER_CACHE_URL", "redis://c"),
    ]);
    let b = match Backing::load(&source) {
        ::core::result::Result::Ok(b) => b,
        ::core::result::Result::Err(e) => panic!("{e}"),
    };
    assert!(b.shards.is_empty());
    assert!(b.inner.cache.is_some());
    assert_eq!(Backing::manifest().vars().len(), 4);
}

#[test]
fn crate_override() {
    use renamed::Resources as _;
    let source = renamed::MapSource::new([("DB_URL", "postgres://db/app")]);
    assert!(ViaReexport::load(&source).is_ok());
}
