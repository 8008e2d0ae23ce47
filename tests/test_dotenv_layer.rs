//! The environment over a `.env` file (`Layered::over_dotenv`, `Layered::env_over_dotenv`,
//! `Resources::from_env_and_dotenv_at`): the environment wins, a missing file is the
//! environment alone, a bad file is an error naming the file and line, and every value says
//! where it came from. The environment is an injected `MapSource`; nothing here writes to the
//! process environment.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use resources::{
    ConfigError, Layered, MapSource, PostgresUrl, RedisUrl, Resources, Source, SourceError, Value,
};

/// A fresh scratch directory under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("dotenv-layer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An injected environment, named as the process environment is in messages.
fn env<const N: usize>(pairs: [(&str, &str); N]) -> MapSource {
    MapSource::new(pairs).named("the environment")
}

#[derive(Debug, Resources)]
struct Backing {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    cache: Option<RedisUrl>,
}

fn text<'a>(source: &'a dyn Source, name: &str) -> Option<&'a str> {
    match source.lookup(name)?.value {
        Value::Text(t) => Some(t),
        _ => None,
    }
}

fn origin(source: &dyn Source, name: &str) -> String {
    source.lookup(name).unwrap().origin.to_string()
}

#[test]
fn the_environment_wins_and_each_value_names_its_origin() {
    let dir = scratch("wins");
    let path = dir.join(".env");
    std::fs::write(
        &path,
        "# local services\nREDIS_URL=redis://localhost\nDATABASE_URL=postgres://app:devpw@localhost/app\n",
    )
    .unwrap();
    let source = Layered::over_dotenv(
        env([("DATABASE_URL", "postgres://app:prodpw@db.internal/app")]),
        &path,
    )
    .unwrap();

    assert_eq!(
        text(&source, "DATABASE_URL"),
        Some("postgres://app:prodpw@db.internal/app")
    );
    assert_eq!(origin(&source, "DATABASE_URL"), "the environment");
    assert_eq!(text(&source, "REDIS_URL"), Some("redis://localhost"));
    assert_eq!(
        origin(&source, "REDIS_URL"),
        format!("{} line 2", path.display())
    );

    let backing = Backing::load(&source).unwrap();
    assert_eq!(
        backing.db.host().map(|h| h.to_string()).as_deref(),
        Some("db.internal")
    );
    assert_eq!(
        backing.cache.as_ref().map(|c| c.expose_url()),
        Some("redis://localhost")
    );
}

#[test]
fn a_file_var_in_dotenv_does_not_beat_the_environment() {
    let dir = scratch("file-var");
    let secret = dir.join("db");
    std::fs::write(&secret, "postgres://app:filepw@file/app\n").unwrap();
    let path = dir.join(".env");
    std::fs::write(&path, format!("DATABASE_URL_FILE={}\n", secret.display())).unwrap();
    let source =
        Layered::over_dotenv(env([("DATABASE_URL", "postgres://db.internal/app")]), &path).unwrap();
    let backing = Backing::load(&source).unwrap();
    assert_eq!(backing.db.expose_url(), "postgres://db.internal/app");
}

#[test]
fn no_file_is_the_environment_alone() {
    let dir = scratch("missing");
    let source = Layered::over_dotenv(
        env([("DATABASE_URL", "postgres://db/app")]),
        dir.join(".env"),
    )
    .unwrap();
    assert_eq!(source.layers().map(<[_]>::len), Some(1));
    assert!(Backing::load(&source).unwrap().cache.is_none());

    // A dangling symlink is no file, as with dotenvy.
    let link = dir.join("dangling.env");
    std::os::unix::fs::symlink(dir.join("nowhere"), &link).unwrap();
    let source = Layered::over_dotenv(env([]), &link).unwrap();
    assert!(source.lookup("DATABASE_URL").is_none());
}

#[test]
fn a_malformed_file_is_an_error_naming_the_file_and_line_never_the_value() {
    let dir = scratch("malformed");
    let path = dir.join(".env");
    std::fs::write(
        &path,
        "REDIS_URL=redis://localhost\nDATABASE_URL=\"postgres://app:hunter2@db/app\n",
    )
    .unwrap();
    let err = Layered::over_dotenv(env([]), &path).unwrap_err();
    assert!(
        matches!(&err, SourceError::Syntax { line: 2, .. }),
        "{err:?}"
    );
    let shown = format!("{err} {err:?}");
    assert!(
        shown.contains(&format!("{}:2: unterminated double quote", path.display())),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn an_unreadable_file_is_an_error_naming_the_file() {
    let dir = scratch("unreadable");
    let as_dir = dir.join("dir.env");
    std::fs::create_dir_all(&as_dir).unwrap();
    let err = Layered::over_dotenv(env([]), &as_dir).unwrap_err();
    assert!(
        matches!(&err, SourceError::Io { path, .. } if path == &as_dir),
        "{err:?}"
    );
    assert!(err.to_string().contains("a directory"), "{err}");

    // A FIFO is refused before any read: the call returns instead of blocking.
    let fifo = dir.join("fifo.env");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let err = Layered::over_dotenv(env([]), &fifo).unwrap_err();
    assert!(err.to_string().contains("FIFO"), "{err}");

    let big = dir.join("big.env");
    std::fs::write(&big, "A=".to_owned() + &"x".repeat(1024 * 1024)).unwrap();
    let err = Layered::over_dotenv(env([]), &big).unwrap_err();
    assert!(err.to_string().contains("larger than the limit"), "{err}");
}

#[test]
fn problems_say_whether_a_value_came_from_the_environment_or_the_file() {
    let dir = scratch("problems");
    let path = dir.join(".env");
    std::fs::write(
        &path,
        "DATABASE_URL=postgres://localhost/app\nREDIS_URL=mysql://app:filepw@cache\n",
    )
    .unwrap();
    let source = Layered::over_dotenv(
        env([("DATABASE_URL", "mysql://app:envpw@db.internal/app")]),
        &path,
    )
    .unwrap();
    let err = Backing::load(&source).unwrap_err();
    let shown = err.to_string();
    let line_of = |var: &str| {
        shown
            .lines()
            .find(|l| l.contains(var))
            .unwrap_or_else(|| panic!("no line for {var} in {shown}"))
            .to_owned()
    };
    assert!(
        line_of("DATABASE_URL").contains("from the environment"),
        "{shown}"
    );
    assert!(
        line_of("REDIS_URL").contains(&format!("from {} line 2", path.display())),
        "{shown}"
    );
    assert_eq!(
        err.problems()
            .iter()
            .map(|p| p.origin().map(str::to_owned))
            .collect::<Vec<_>>(),
        [
            Some("the environment".to_owned()),
            Some(format!("{} line 2", path.display()))
        ]
    );
    assert!(
        !shown.contains("envpw") && !shown.contains("filepw"),
        "{shown}"
    );
}

#[test]
fn expansion_in_the_file_reads_the_injected_environment_first() {
    let dir = scratch("expand");
    let path = dir.join(".env");
    std::fs::write(
        &path,
        "DB_HOST=localhost\nDATABASE_URL=postgres://${DB_HOST}/app\n",
    )
    .unwrap();
    let source = Layered::over_dotenv(env([("DB_HOST", "db.internal")]), &path).unwrap();
    assert_eq!(
        text(&source, "DATABASE_URL"),
        Some("postgres://db.internal/app")
    );
}

/// A struct whose variables no process environment holds, so that the one-call method (which
/// reads the real environment, never writing it) sees the file alone.
#[derive(Debug, Resources)]
#[resources(prefix = "RESOURCES_TEST_DOTENV_LAYER_7F3A_")]
struct Unique {
    /// Database.
    db: PostgresUrl,
}

fn unique_vars_unset() -> bool {
    std::env::vars_os().all(|(k, _)| {
        !k.to_string_lossy()
            .starts_with("RESOURCES_TEST_DOTENV_LAYER_7F3A_")
    })
}

#[test]
fn the_one_call_method_is_the_layered_source_loaded() {
    assert!(unique_vars_unset());
    let dir = scratch("one-call");
    let path = dir.join("app.env");

    std::fs::write(
        &path,
        "RESOURCES_TEST_DOTENV_LAYER_7F3A_DB_URL=postgres://app:pw@localhost/app\n",
    )
    .unwrap();
    let one_call = Unique::from_env_and_dotenv_at(&path).unwrap();
    let composed = Unique::load(&Layered::env_over_dotenv(&path).unwrap()).unwrap();
    assert_eq!(format!("{one_call:?}"), format!("{composed:?}"));
    assert_eq!(one_call.db.expose_url(), "postgres://app:pw@localhost/app");

    // A problem: the same report, naming the file and line.
    std::fs::write(
        &path,
        "\nRESOURCES_TEST_DOTENV_LAYER_7F3A_DB_URL=mysql://app:hunter2@localhost/app\n",
    )
    .unwrap();
    let Err(ConfigError::Load(one_call)) = Unique::from_env_and_dotenv_at(&path) else {
        panic!("expected a load error");
    };
    let composed = Unique::load(&Layered::env_over_dotenv(&path).unwrap()).unwrap_err();
    assert_eq!(one_call, composed);
    assert!(
        one_call
            .to_string()
            .contains(&format!("from {} line 2", path.display())),
        "{one_call}"
    );

    // A bad file: the source's error.
    std::fs::write(&path, "RESOURCES_TEST_DOTENV_LAYER_7F3A_DB_URL='hunter2\n").unwrap();
    let Err(ConfigError::Source(one_call)) = Unique::from_env_and_dotenv_at(&path) else {
        panic!("expected a source error");
    };
    let composed = Layered::env_over_dotenv(&path).unwrap_err();
    assert_eq!(one_call.to_string(), composed.to_string());
    assert!(!one_call.to_string().contains("hunter2"));

    // No file: the environment alone, which does not hold the variable.
    let missing = dir.join("missing.env");
    let Err(ConfigError::Load(err)) = Unique::from_env_and_dotenv_at(&missing) else {
        panic!("expected a load error");
    };
    assert!(
        err.to_string()
            .contains("RESOURCES_TEST_DOTENV_LAYER_7F3A_DB_URL"),
        "{err}"
    );
}

fn assert_not_shown(shown: &str, secret: &str) -> Result<(), TestCaseError> {
    prop_assert!(!shown.contains(secret), "{secret:?} in {shown}");
    Ok(())
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the password, and whichever layer holds it, no error of the layered load
    /// shows it: a bad line of the file, or an invalid locator from either layer.
    #[test]
    fn no_error_shows_a_password(secret in "[A-Za-z0-9@:/%?&=#+!]{8,24}", in_env: bool) {
        let dir = scratch("prop");
        let path = dir.join(".env");

        write(&path, &format!("REDIS_URL=redis://localhost\nDATABASE_URL=\"postgres://app:{secret}@db/app\n"));
        let err = Layered::over_dotenv(env([]), &path).unwrap_err();
        assert_not_shown(&format!("{err} {err:?}"), &secret)?;

        let bad = format!("mysql://app:{secret}@db/app");
        let source = if in_env {
            write(&path, "REDIS_URL=redis://localhost\n");
            Layered::over_dotenv(env([("DATABASE_URL", bad.as_str())]), &path).unwrap()
        } else {
            write(&path, &format!("DATABASE_URL='{bad}'\n"));
            Layered::over_dotenv(env([]), &path).unwrap()
        };
        let err = Backing::load(&source).unwrap_err();
        assert_not_shown(&format!("{err} {err:?} {source:?}"), &secret)?;
    }
}
