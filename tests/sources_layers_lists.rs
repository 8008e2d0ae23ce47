//! Layers answer per variable (the first layer that has it in any form wins), and a list's
//! gap is found however far past it the next entry is.

use resources::{
    DotEnv, Found, Layered, Loader, MapSource, PostgresUrl, ProblemKind, RedisUrl, Source, Var,
};

#[test]
fn a_higher_layers_alias_beats_a_lower_layers_main_name() {
    let layered = Layered::new()
        .with(MapSource::new([("HEROKU_POSTGRESQL_URL", "postgres://top/app")]).named("env"))
        .with(DotEnv::parse(".env", "DATABASE_URL=postgres://bottom/app\n").unwrap());
    let mut loader = Loader::new(&layered);
    let db = loader
        .required::<PostgresUrl>(Var::new("DATABASE_URL").aliases(&["HEROKU_POSTGRESQL_URL"]));
    let mut loaded = loader.finish().unwrap();
    assert_eq!(loaded.take(db).host().unwrap().to_string(), "top");
}

#[test]
fn a_file_var_in_a_lower_layer_does_not_clash_with_the_value_above() {
    let layered = Layered::new()
        .with(MapSource::new([("DATABASE_URL", "postgres://env/app")]).named("env"))
        .with(DotEnv::parse(".env", "DATABASE_URL_FILE=/run/secrets/db\n").unwrap());
    let mut loader = Loader::new(&layered);
    let db = loader.required::<PostgresUrl>("DATABASE_URL");
    let mut loaded = loader.finish().unwrap();
    assert_eq!(loaded.take(db).host().unwrap().to_string(), "env");

    // Within one layer, both set is still a problem.
    let layered = Layered::new().with(MapSource::new([
        ("DATABASE_URL", "postgres://env/app"),
        ("DATABASE_URL_FILE", "/run/secrets/db"),
    ]));
    let mut loader = Loader::new(&layered);
    let _ = loader.required::<PostgresUrl>("DATABASE_URL");
    let err = loader.finish().unwrap_err();
    assert!(matches!(
        err.problems()[0].what(),
        ProblemKind::BothSet { .. }
    ));
}

#[test]
fn a_broken_value_in_a_higher_layer_is_not_hidden_by_a_lower_one() {
    let layered = Layered::new()
        .with(MapSource::new([("REDIS_URL", "")]).named("env"))
        .with(MapSource::new([("REDIS_URL", "redis://fallback")]).named("defaults"));
    let mut loader = Loader::new(&layered);
    let _ = loader.required::<RedisUrl>("REDIS_URL");
    let err = loader.finish().unwrap_err();
    assert_eq!(err.problems()[0].origin(), Some("env"));
    assert!(matches!(err.problems()[0].what(), ProblemKind::Empty));
}

#[test]
fn nested_layers_are_walked_in_order() {
    let inner = Layered::new()
        .with(MapSource::new([("PG_URL", "postgres://inner-alias/app")]))
        .with(MapSource::new([(
            "DATABASE_URL",
            "postgres://inner-main/app",
        )]));
    let layered = Layered::new()
        .with(MapSource::new([("OTHER", "x")]))
        .with(inner)
        .with(MapSource::new([("DATABASE_URL", "postgres://last/app")]));
    let mut loader = Loader::new(&layered);
    let db = loader.required::<PostgresUrl>(Var::new("DATABASE_URL").aliases(&["PG_URL"]));
    let mut loaded = loader.finish().unwrap();
    assert_eq!(loaded.take(db).host().unwrap().to_string(), "inner-alias");
}

fn gap_of(source: &dyn Source) -> Option<(usize, usize)> {
    let mut loader = Loader::new(source);
    let _ = loader.list::<PostgresUrl>("SHARD_URL", 0);
    let err = loader.finish().err()?;
    err.problems().iter().find_map(|p| match p.what() {
        ProblemKind::ListGap { missing, found } => Some((*missing, *found)),
        _ => None,
    })
}

#[test]
fn a_gap_is_found_however_far_the_next_entry_is() {
    for far in [2, 63, 64, 65, 70, 1000, 123_456] {
        let name = format!("SHARD_URL_{far}");
        let source = MapSource::new([
            ("SHARD_URL_0", "postgres://s0/app".to_owned()),
            (name.as_str(), "postgres://far/app".to_owned()),
        ]);
        assert_eq!(gap_of(&source), Some((1, far)), "{name}");
    }
    // Through `_FILE`, through layers, and the nearest one is named.
    let layered = Layered::new()
        .with(MapSource::new([("SHARD_URL_0", "postgres://s0/app")]))
        .with(MapSource::new([
            ("SHARD_URL_900_FILE", "/run/secrets/s900"),
            ("SHARD_URL_80", "postgres://s80/app"),
        ]));
    assert_eq!(gap_of(&layered), Some((1, 80)));
    // Names that are not entries are not gaps.
    let source = MapSource::new([
        ("SHARD_URL_0", "postgres://s0/app"),
        ("SHARD_URL_07", "postgres://x/app"),
        ("SHARD_URL_2_HOST", "x"),
        ("SHARD_URL_X", "x"),
        ("SHARD_URL_", "x"),
    ]);
    assert_eq!(gap_of(&source), None);
}

/// A source that cannot list its names: the bounded window still finds a near gap.
struct Opaque(MapSource);

impl Source for Opaque {
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        self.0.lookup(name)
    }
}

#[test]
fn a_source_without_names_falls_back_to_a_window() {
    let near = Opaque(MapSource::new([
        ("SHARD_URL_0", "postgres://s0/app"),
        ("SHARD_URL_9", "postgres://s9/app"),
    ]));
    assert_eq!(near.names_with_prefix("SHARD"), None);
    assert_eq!(gap_of(&near), Some((1, 9)));
    let source = MapSource::new([("A_1", "x"), ("B", "y"), ("A_2", "z")]);
    let mut names = source.names_with_prefix("A_").unwrap();
    names.sort_unstable();
    assert_eq!(names, ["A_1", "A_2"]);
}
