//! The `clap` feature: locator arguments whose errors and `--help` never show a value, and
//! `--env-docs` / `--check-config` as clap arguments. Errors are checked as clap renders them
//! (`Error::render`). Nothing here writes to the process environment: the variables read are
//! unset ones, or `PATH`, which is only read.

use std::cell::Cell;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{Arg, Command};
use proptest::prelude::*;
use resources::{Layered, MapSource, PostgresUrl, RedisUrl, Resources, SourceError};

// Only its manifest and its load are used here.
#[allow(dead_code)]
#[derive(Debug, Resources)]
struct Backing {
    /// Primary database.
    #[resource(env = "DATABASE_URL")]
    db: PostgresUrl,
    /// Cache.
    #[resource(env = "REDIS_URL")]
    cache: Option<RedisUrl>,
}

/// A variable no environment holds.
const UNSET: &str = "RESOURCES_TEST_CLAP_UNSET_9C1E_URL";

fn app() -> Command {
    assert!(std::env::var_os(UNSET).is_none());
    Command::new("app")
        .arg(resources::clap::locator_arg::<PostgresUrl>(
            "database-url",
            UNSET,
        ))
        .args(resources::clap::args())
}

fn rendered_error(cmd: Command, args: &[&str]) -> clap::Error {
    cmd.try_get_matches_from(args).unwrap_err()
}

#[test]
fn a_bad_url_is_reported_naming_the_argument_never_the_value() {
    let value = "mysql://app:hunter2@db.internal/orders";
    let err = rendered_error(app(), &["app", "--database-url", value]);
    assert_eq!(err.kind(), ErrorKind::ValueValidation);
    let shown = err.render().to_string();
    assert!(
        shown.starts_with("error: invalid value for '--database-url <URL>' (the value is not shown): invalid PostgreSQL locator: scheme `mysql` is not accepted"),
        "{shown}"
    );
    assert!(shown.contains("Usage: app"), "{shown}");
    for leak in ["hunter2", value, "db.internal"] {
        assert!(!shown.contains(leak), "{leak} in {shown}");
    }
    assert!(!format!("{err:?}").contains("hunter2"));

    // `--database-url=…` and an invalid percent-encoding in the password: the same.
    let err = rendered_error(
        app(),
        &["app", "--database-url=postgres://app:hun%zzter2@db/app"],
    );
    let shown = err.render().to_string();
    assert!(shown.contains("'--database-url <URL>'"), "{shown}");
    assert!(
        !shown.contains("hun") && !shown.contains("zzter2"),
        "{shown}"
    );
}

#[test]
fn a_value_that_is_not_utf8_is_reported_without_it() {
    let err = app()
        .try_get_matches_from([
            OsString::from("app"),
            OsString::from("--database-url"),
            OsString::from_vec(b"postgres://app:s3cr\xffet@db/app".to_vec()),
        ])
        .unwrap_err();
    let shown = err.render().to_string();
    assert!(shown.contains("'--database-url <URL>'") && shown.contains("not valid UTF-8"));
    assert!(!shown.contains("s3cr"), "{shown}");
}

#[test]
fn a_good_url_parses_to_the_locator() {
    let matches = app()
        .try_get_matches_from(["app", "--database-url", "postgres://app:hunter2@db/app"])
        .unwrap();
    let db = matches.get_one::<PostgresUrl>("database-url").unwrap();
    assert_eq!(db.expose_url(), "postgres://app:hunter2@db/app");
    assert_eq!(db.to_string(), "postgres://app:***@db/app");
}

#[test]
fn a_bad_value_read_from_the_variable_names_the_variable_never_the_value() {
    // PATH is set (and only read here); it is no PostgreSQL URL.
    let path = std::env::var("PATH").unwrap();
    assert!(!path.is_empty());
    let cmd = Command::new("app").arg(resources::clap::locator_arg::<PostgresUrl>(
        "database-url",
        "PATH",
    ));
    let shown = rendered_error(cmd, &["app"]).render().to_string();
    assert!(
        shown.starts_with(
            "error: invalid value of PATH for '--database-url <URL>' (the value is not shown)"
        ),
        "{shown}"
    );
    assert!(!shown.contains(&path), "{shown}");
}

#[test]
fn help_shows_the_variable_name_never_its_value() {
    let path = std::env::var("PATH").unwrap();
    let arg = resources::clap::locator_arg::<PostgresUrl>("database-url", "PATH");
    assert!(arg.is_hide_env_values_set());
    let help = Command::new("app").arg(arg).render_help().to_string();
    assert!(help.contains("[env: PATH]"), "{help}");
    assert!(!help.contains("PATH=") && !help.contains(&path), "{help}");

    // clap's default, for contrast: the value is printed.
    let plain = Arg::new("database-url").long("database-url").env("PATH");
    let help = Command::new("app").arg(plain).render_help().to_string();
    assert!(help.contains(&format!("[env: PATH={path}]")), "{help}");

    // An unset variable: the name, no `=`.
    let help = app().render_help().to_string();
    assert!(help.contains(&format!("[env: {UNSET}]")), "{help}");
    assert!(!help.contains(&format!("{UNSET}=")), "{help}");
    assert!(help.contains("--env-docs <FORMAT>") && help.contains("--check-config"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the password and the mistake around it, clap's rendered error never holds it.
    #[test]
    fn no_rendered_error_holds_the_password(
        secret in "[A-Za-z0-9@:/%?&=#+!]{8,24}",
        form in 0..5usize,
    ) {
        let value = match form {
            0 => format!("mysql://app:{secret}@db/app"),
            1 => format!("postgres://app:{secret}@db:99999/app"),
            2 => format!("postgres://app:{secret} @db/app"),
            3 => format!("postgres://app:{secret}@db/app?sslmode=sometimes"),
            _ => secret.clone(),
        };
        if let Err(err) = app().try_get_matches_from(["app", "--database-url", value.as_str()]) {
            let shown = format!("{} {err:?}", err.render());
            prop_assert!(!shown.contains(&secret), "{secret:?} in {shown}");
            prop_assert!(!shown.contains(&value), "{value:?} in {shown}");
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("clap-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `response` for `args`, and whether the source was opened.
fn respond(
    args: &[&str],
    open: impl FnOnce() -> Result<Layered, SourceError>,
) -> (Option<(String, i32)>, bool) {
    let matches = app().try_get_matches_from(args).unwrap();
    let opened = Cell::new(false);
    let response = resources::clap::response::<Backing, _, _>(&matches, || {
        opened.set(true);
        open()
    });
    (response, opened.get())
}

fn env_only(pairs: &[(&str, &str)]) -> Result<Layered, SourceError> {
    Ok(Layered::new().with(MapSource::new(pairs.to_vec()).named("the environment")))
}

#[test]
fn env_docs_prints_the_docs_without_opening_the_source() {
    let (response, opened) = respond(&["app", "--env-docs", "markdown"], || env_only(&[]));
    assert_eq!(
        response,
        Some((resources::doc::markdown(Backing::manifest()), 0))
    );
    assert!(!opened);
    let (response, _) = respond(&["app", "--env-docs=env"], || env_only(&[]));
    assert_eq!(
        response,
        Some((resources::doc::dotenv(Backing::manifest()), 0))
    );

    let err = rendered_error(app(), &["app", "--env-docs", "yaml"]);
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert!(err.render().to_string().contains(
        "--env-docs: unknown format; expected markdown, dotenv, json, app-json, kubernetes"
    ),);
}

#[test]
fn neither_flag_is_no_response() {
    let (response, opened) = respond(&["app"], || env_only(&[]));
    assert_eq!(response, None);
    assert!(!opened);
    // A command without `args()`: no response, no panic.
    let matches = Command::new("app").try_get_matches_from(["app"]).unwrap();
    assert_eq!(
        resources::clap::response::<Backing, _, _>(&matches, resources::clap::env),
        None
    );
}

#[test]
fn check_config_says_where_each_variable_came_from() {
    let dir = scratch("check-ok");
    let path = dir.join(".env");
    std::fs::write(&path, "# cache\nREDIS_URL=redis://:t0ken@localhost\n").unwrap();
    let (response, _) = respond(&["app", "--check-config"], || {
        Layered::over_dotenv(
            MapSource::new([("DATABASE_URL", "postgres://app:hunter2@db/app")])
                .named("the environment"),
            &path,
        )
    });
    let expected = format!(
        "ok\nDATABASE_URL: from the environment\nREDIS_URL: from {} line 2\n",
        path.display()
    );
    assert_eq!(response, Some((expected, 0)));

    let (response, _) = respond(&["app", "--check-config"], || {
        env_only(&[("DATABASE_URL", "postgres://db/app")])
    });
    assert_eq!(
        response,
        Some((
            "ok\nDATABASE_URL: from the environment\nREDIS_URL: not set\n".to_owned(),
            0
        ))
    );
}

#[test]
fn check_config_reports_every_problem_never_a_value() {
    let dir = scratch("check-bad");
    let path = dir.join(".env");
    std::fs::write(&path, "REDIS_URL=mysql://app:t0ken@cache\n").unwrap();
    let (response, _) = respond(&["app", "--check-config"], || {
        Layered::over_dotenv(
            MapSource::new([("DATABASE_URL", "mysql://app:hunter2@db/app")])
                .named("the environment"),
            &path,
        )
    });
    let (text, code) = response.unwrap();
    assert_eq!(code, 1);
    assert!(text.starts_with("2 problems"), "{text}");
    assert!(
        text.contains("DATABASE_URL (field `db`, PostgreSQL) from the environment"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "REDIS_URL (field `cache`, Redis) from {} line 1",
            path.display()
        )),
        "{text}"
    );
    assert!(
        !text.contains("hunter2") && !text.contains("t0ken"),
        "{text}"
    );

    // A bad `.env`: the source's error, naming the file and line.
    std::fs::write(&path, "\n\nDATABASE_URL='postgres://app:hunter2@db\n").unwrap();
    let (response, _) = respond(&["app", "--check-config"], || {
        Layered::over_dotenv(MapSource::new([("A", "b")]), &path)
    });
    let expected = format!("{}:3: unterminated single quote\n", path.display());
    assert_eq!(response, Some((expected, 1)));
}

#[test]
fn the_flags_work_before_a_parse_that_clap_would_refuse() {
    let cmd = app()
        .arg(Arg::new("input").long("input").required(true))
        .arg(resources::clap::locator_arg::<PostgresUrl>(
            "replica-url",
            "PATH",
        ));
    // The full parse fails: `--input` is missing, PATH is no URL.
    assert!(
        cmd.clone()
            .try_get_matches_from(["app", "--check-config"])
            .is_err()
    );

    let matches =
        resources::clap::matches_ignoring_errors(&cmd, ["app", "--check-config"]).unwrap();
    let response = resources::clap::response::<Backing, _, _>(&matches, || {
        env_only(&[("DATABASE_URL", "postgres://db/app")])
    });
    assert_eq!(response.map(|(_, code)| code), Some(0));

    let matches =
        resources::clap::matches_ignoring_errors(&cmd, ["app", "--env-docs", "json"]).unwrap();
    let response = resources::clap::response::<Backing, _, _>(&matches, resources::clap::env);
    assert_eq!(
        response,
        Some((resources::doc::json(Backing::manifest()), 0))
    );

    // `--help` is clap's to answer.
    assert!(resources::clap::matches_ignoring_errors(&cmd, ["app", "--help"]).is_none());
}
