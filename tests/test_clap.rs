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

// clap's own errors. The dev-dependency has `error-context` and `suggestions`, as an app built
// with clap's defaults: the plain parse shows what was typed (checked below for contrast), the
// parse of `resources::clap` never does.

/// The error of `resources::clap::try_get_matches_from`, and clap's own for the same input.
fn both_errors(cmd: Command, args: &[&str]) -> (clap::Error, clap::Error) {
    let plain = cmd.clone().try_get_matches_from(args).unwrap_err();
    let safe = resources::clap::try_get_matches_from(cmd, args).unwrap_err();
    assert_eq!(safe.kind(), plain.kind());
    (safe, plain)
}

/// A command with a subcommand, a flag, a flag with possible values and a number.
fn app_with_subcommand() -> Command {
    app()
        .arg(
            Arg::new("verbose")
                .long("verbose")
                .short('v')
                .action(clap::ArgAction::SetTrue),
        )
        .arg(
            Arg::new("color")
                .long("color")
                .value_parser(["auto", "never"]),
        )
        .arg(
            Arg::new("port")
                .long("port")
                .value_parser(clap::value_parser!(u16)),
        )
        .subcommand(Command::new("start"))
}

#[test]
fn a_url_given_without_its_flag_is_not_repeated() {
    let url = "postgres://app:hunter2@db.internal/orders";
    let (safe, plain) = both_errors(app(), &["app", url]);
    assert_eq!(safe.kind(), ErrorKind::UnknownArgument);
    assert!(plain.render().to_string().contains(url), "the contrast");
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with(
            "error: found an unexpected argument (not shown: it may hold a credential)\n\nUsage: app [OPTIONS]\n"
        ),
        "{shown}"
    );
    assert!(
        shown.ends_with("For more information, try '--help'.\n"),
        "{shown}"
    );
    assert!(
        !shown.contains("hunter2") && !shown.contains("db.internal"),
        "{shown}"
    );

    // After `--`, the same.
    let (safe, _) = both_errors(app(), &["app", "--", url]);
    let shown = safe.render().to_string();
    assert!(shown.contains("not shown: it may hold a credential") && !shown.contains("hunter2"));
}

#[test]
fn a_misspelled_flag_is_named_without_its_value() {
    let args = ["app", "--databse-url=postgres://app:hunter2@db/app"];
    let (safe, plain) = both_errors(app(), &args);
    assert_eq!(safe.kind(), ErrorKind::UnknownArgument);
    let plain = plain.render().to_string();
    assert!(plain.contains("'--databse-url"), "{plain}");
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with(
            "error: unexpected argument '--databse-url' found\n\n  tip: a similar argument exists: '--database-url'\n\nUsage: app"
        ),
        "{shown}"
    );
    assert!(
        !shown.contains("hunter2") && !shown.contains("postgres:"),
        "{shown}"
    );

    // clap 4.6 keeps only the name of an unknown `--name=value`; an error that holds it all
    // (another version, or built by hand) shows the name only.
    let mut held = clap::Error::new(ErrorKind::UnknownArgument);
    held.insert(
        clap::error::ContextKind::InvalidArg,
        clap::error::ContextValue::String(args[1].to_owned()),
    );
    assert!(
        held.render().to_string().contains("hunter2"),
        "the contrast"
    );
    let shown = resources::clap::safe_error(&app(), held)
        .render()
        .to_string();
    assert!(
        shown.starts_with(
            "error: unexpected argument '--databse-url' found (the value after '=' is not shown)\n\nUsage: app"
        ),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");

    // clap's tip to pass it after `--`, made of the name only: kept.
    let with_positional = app().arg(Arg::new("input"));
    let (safe, _) = both_errors(with_positional, &["app", "--xyz=hunter2"]);
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: unexpected argument '--xyz' found\n\n  tip: to pass '--xyz' as a value, use '-- --xyz'\n"),
        "{shown}"
    );

    // Without a value: the flag as typed; a short one: the letter.
    let (safe, _) = both_errors(app(), &["app", "--check-confg"]);
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: unexpected argument '--check-confg' found\n\n  tip: a similar argument exists: '--check-config'"),
        "{shown}"
    );
    let (safe, _) = both_errors(app(), &["app", "-Xhunter2"]);
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: unexpected argument '-X' found"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");

    // Not flag-shaped before `=`: not shown at all.
    let (safe, _) = both_errors(app(), &["app", "--app:hunter2@db=x"]);
    let shown = safe.render().to_string();
    assert!(
        shown.contains("(not shown: it may hold a credential)"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn a_value_attached_to_a_flag_that_takes_none_is_not_repeated() {
    let (safe, plain) = both_errors(app(), &["app", "--check-config=hunter2"]);
    assert_eq!(safe.kind(), ErrorKind::TooManyValues);
    assert!(
        plain.render().to_string().contains("'hunter2'"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with(
            "error: unexpected value for '--check-config' found; no more were expected (the value is not shown)\n\nUsage: app"
        ),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn subcommands_possible_values_numbers_and_conflicts_never_show_the_value() {
    // An unrecognized subcommand (a command with subcommands and no positional).
    let (safe, plain) = both_errors(app_with_subcommand(), &["app", "hunter2"]);
    assert_eq!(safe.kind(), ErrorKind::InvalidSubcommand);
    assert!(
        plain.render().to_string().contains("hunter2"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: unrecognized subcommand (not shown: it may hold a credential)"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
    // One close to a subcommand: the subcommand is suggested, the typed text still not shown.
    let (safe, _) = both_errors(app_with_subcommand(), &["app", "stard"]);
    let shown = safe.render().to_string();
    assert!(
        shown.contains("  tip: a similar subcommand exists: 'start'") && !shown.contains("stard"),
        "{shown}"
    );

    // A value not among the possible ones.
    let (safe, plain) = both_errors(app_with_subcommand(), &["app", "--color=hunter2"]);
    assert_eq!(safe.kind(), ErrorKind::InvalidValue);
    assert!(
        plain.render().to_string().contains("hunter2"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: invalid value for '--color <color>' (the value is not shown)\n  [possible values: auto, never]"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
    let (safe, _) = both_errors(app_with_subcommand(), &["app", "--color=nevr"]);
    let shown = safe.render().to_string();
    assert!(shown.contains("tip: a similar value exists: 'never'") && !shown.contains("nevr"));

    // A value clap's parser refuses: the reason is kept, unless it quotes the value.
    let (safe, plain) = both_errors(app_with_subcommand(), &["app", "--port", "hunter2"]);
    assert_eq!(safe.kind(), ErrorKind::ValueValidation);
    assert!(
        plain.render().to_string().contains("hunter2"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: invalid value for '--port <port>' (the value is not shown): invalid digit found in string\n"),
        "{shown}"
    );
    let (safe, plain) = both_errors(app_with_subcommand(), &["app", "--port", "99999"]);
    assert!(
        plain.render().to_string().contains("99999 is not in"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: invalid value for '--port <port>' (the value is not shown)\n"),
        "{shown}"
    );
    assert!(!shown.contains("99999"), "{shown}");

    // A parser of the program's that quotes part of the value: the reason is dropped.
    let quoting = app().arg(Arg::new("host").long("host").value_parser(|s: &str| {
        Err::<String, String>(format!("no such host: {}", s.get(..7).unwrap_or(s)))
    }));
    let (safe, plain) = both_errors(quoting.clone(), &["app", "--host", "hunter2@db"]);
    assert!(
        plain.render().to_string().contains("no such host: hunter2"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: invalid value for '--host <host>' (the value is not shown)\n"),
        "{shown}"
    );
    assert!(!shown.contains("hunt"), "{shown}");
    let (safe, _) = both_errors(quoting, &["app", "--host", "db"]);
    assert!(!safe.render().to_string().contains("no such host"));

    // A positional where arguments and subcommands conflict.
    let cmd = app_with_subcommand().args_conflicts_with_subcommands(true);
    let (safe, plain) = both_errors(cmd, &["app", "--verbose", "hunter2"]);
    assert_eq!(safe.kind(), ErrorKind::ArgumentConflict);
    assert!(
        plain.render().to_string().contains("hunter2"),
        "the contrast"
    );
    let shown = safe.render().to_string();
    assert!(
        shown.starts_with("error: an argument (not shown: it may hold a credential) cannot be used with '--verbose'"),
        "{shown}"
    );
}

#[test]
fn errors_that_hold_no_typed_text_pass_through_unchanged() {
    let same = |cmd: Command, args: &[&str]| {
        let (safe, plain) = both_errors(cmd, args);
        assert_eq!(safe.render().to_string(), plain.render().to_string());
        assert_eq!(safe.exit_code(), plain.exit_code());
        safe
    };
    // The locator's value parser, from the command line and from the variable.
    let err = same(
        app(),
        &["app", "--database-url", "mysql://app:hunter2@db/app"],
    );
    assert!(err.render().to_string().starts_with(
        "error: invalid value for '--database-url <URL>' (the value is not shown): invalid PostgreSQL locator"
    ));
    let from_path = Command::new("app").arg(resources::clap::locator_arg::<PostgresUrl>(
        "database-url",
        "PATH",
    ));
    let err = same(from_path, &["app"]);
    assert!(
        err.render()
            .to_string()
            .contains("invalid value of PATH for")
    );
    // `--env-docs` with an unknown format.
    let err = same(app(), &["app", "--env-docs", "yaml"]);
    assert!(
        err.render()
            .to_string()
            .contains("--env-docs: unknown format")
    );
    // A missing required argument, a missing value, a subcommand after `--`.
    let required = app().arg(Arg::new("input").long("input").required(true));
    let err = same(required, &["app"]);
    assert_eq!(err.kind(), ErrorKind::MissingRequiredArgument);
    let err = same(app(), &["app", "--database-url"]);
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    let err = same(app_with_subcommand(), &["app", "--", "start"]);
    assert!(
        err.render()
            .to_string()
            .contains("subcommand 'start' exists")
    );

    // `--help` and `--version`: clap's text, to stdout, exit 0.
    let err = same(app(), &["app", "--help"]);
    assert_eq!((err.kind(), err.exit_code()), (ErrorKind::DisplayHelp, 0));
    assert_eq!(err.render().to_string(), app().render_help().to_string());
    let err = same(app().version("1.2.3"), &["app", "--version"]);
    assert_eq!(err.kind(), ErrorKind::DisplayVersion);
    assert_eq!(err.render().to_string(), "app 1.2.3\n");
}

#[test]
fn safe_error_rebuilds_an_error_of_any_parse() {
    let cmd = app();
    let plain = cmd
        .clone()
        .try_get_matches_from(["app", "postgres://app:hunter2@db/app"])
        .unwrap_err();
    let safe = resources::clap::safe_error(&cmd, plain);
    assert_eq!(safe.kind(), ErrorKind::UnknownArgument);
    assert_eq!(safe.exit_code(), 2);
    assert!(!safe.render().to_string().contains("hunter2"));
    assert!(!format!("{safe:?}").contains("hunter2"));
}

#[test]
fn the_value_name_is_url_only_for_a_url_shaped_type() {
    use resources::Secret;
    let cmd = Command::new("app")
        .arg(resources::clap::locator_arg::<Secret<String>>(
            "api-token",
            UNSET,
        ))
        .arg(resources::clap::locator_arg::<RedisUrl>("cache-url", UNSET));
    let help = cmd.clone().render_help().to_string();
    assert!(help.contains("--api-token <VALUE>"), "{help}");
    assert!(help.contains("--cache-url <URL>"), "{help}");
    let matches =
        resources::clap::try_get_matches_from(cmd.clone(), ["app", "--api-token", "t0ken"])
            .unwrap();
    let token = matches.get_one::<Secret<String>>("api-token").unwrap();
    assert_eq!(token.expose(), "t0ken");
    assert_eq!(format!("{token} {token:?}").matches("t0ken").count(), 0);
    let err = resources::clap::try_get_matches_from(cmd, ["app", "--api-token="]).unwrap_err();
    let shown = err.render().to_string();
    assert!(
        shown
            .starts_with("error: invalid value for '--api-token <VALUE>' (the value is not shown)"),
        "{shown}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the password and wherever it is typed, no rendered error of
    /// `resources::clap::try_get_matches_from` holds it.
    #[test]
    fn no_rendered_error_of_the_safe_parse_holds_the_password(
        secret in "[A-Za-z0-9@:/%?&=#+!]{8,24}",
        form in 0..11usize,
    ) {
        let url = format!("postgres://app:{secret}@db/app");
        let (cmd, args): (Command, Vec<String>) = match form {
            0 => (app(), vec![url.clone()]),
            1 => (app(), vec!["--".into(), url.clone()]),
            2 => (app(), vec![format!("--databse-url={url}")]),
            3 => (app(), vec![format!("--check-config={secret}")]),
            4 => (app(), vec!["--database-url".into(), format!("mysql://app:{secret}@db/app")]),
            5 => (app(), vec![format!("--env-docs={secret}")]),
            6 => (app_with_subcommand(), vec![secret.clone()]),
            7 => (app_with_subcommand(), vec![format!("--color={secret}")]),
            8 => (app_with_subcommand(), vec!["--port".into(), secret.clone()]),
            9 => (
                app_with_subcommand().args_conflicts_with_subcommands(true),
                vec!["-v".into(), secret.clone()],
            ),
            _ => (app(), vec![format!("-{secret}")]),
        };
        let args: Vec<String> = std::iter::once("app".to_owned()).chain(args).collect();
        let plain = cmd.clone().try_get_matches_from(&args);
        let safe = resources::clap::try_get_matches_from(cmd, &args);
        prop_assert_eq!(plain.is_err(), safe.is_err());
        if let Err(err) = safe {
            let shown = format!("{} {err:?}", err.render());
            prop_assert!(!shown.contains(&secret), "{secret:?} in {shown}");
        }
    }
}

// `--check-config` reports where each variable came from as the load takes it.

// Only its manifest and its load are used here.
#[allow(dead_code)]
#[derive(Debug, Resources)]
struct Parted {
    /// Primary database.
    #[resource(env = "DATABASE_URL", alias = "POSTGRES_URL", parts = "libpq")]
    db: PostgresUrl,
}

fn check_parted(open: impl FnOnce() -> Result<Layered, SourceError>) -> (String, i32) {
    let matches = app()
        .try_get_matches_from(["app", "--check-config"])
        .unwrap();
    resources::clap::response::<Parted, _, _>(&matches, open).unwrap()
}

#[test]
fn check_config_takes_each_layer_and_form_in_the_order_of_the_load() {
    let dir = scratch("check-order");
    let dotenv = dir.join(".env");

    // PGHOST in the top layer, DATABASE_URL in `.env`: the load takes both, and refuses them
    // together; the report says so, naming both.
    std::fs::write(&dotenv, "DATABASE_URL=postgres://app:hunter2@db/app\n").unwrap();
    let (text, code) = check_parted(|| {
        Layered::over_dotenv(
            MapSource::new([("PGHOST", "db.internal")]).named("the environment"),
            &dotenv,
        )
    });
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("set DATABASE_URL or its parts, not both: PGHOST is set too"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");

    // PGPASSWORD in the top layer completes DATABASE_URL from `.env`: each on its own line.
    std::fs::write(&dotenv, "DATABASE_URL=postgres://app@db/app\n").unwrap();
    let (text, code) = check_parted(|| {
        Layered::over_dotenv(
            MapSource::new([("PGPASSWORD", "hunter2")]).named("the environment"),
            &dotenv,
        )
    });
    let expected = format!(
        "ok\nDATABASE_URL: from {} line 1\nPGPASSWORD: from the environment (the password of DATABASE_URL)\n",
        dotenv.display()
    );
    assert_eq!((text.as_str(), code), (expected.as_str(), 0));

    // Parts alone: the variable comes from its parts, each part on its line.
    let (text, code) =
        check_parted(|| env_only(&[("PGHOST", "db.internal"), ("PGDATABASE", "app")]));
    assert_eq!(
        (text.as_str(), code),
        (
            "ok\nDATABASE_URL: from its parts\nPGHOST: from the environment (the host of DATABASE_URL)\nPGDATABASE: from the environment (the database of DATABASE_URL)\n",
            0
        )
    );

    // In one layer, DATABASE_URL_FILE before the alias POSTGRES_URL, as the load reads them.
    let secret = dir.join("db-url");
    std::fs::write(&secret, "postgres://app:hunter2@db/app\n").unwrap();
    let secret = secret.display().to_string();
    let (text, code) = check_parted(|| {
        Ok(Layered::new().with(
            MapSource::new([
                ("POSTGRES_URL", "postgres://other@db/app"),
                ("DATABASE_URL_FILE", secret.as_str()),
            ])
            .named("the environment"),
        ))
    });
    assert_eq!(
        (text.as_str(), code),
        (
            "ok\nDATABASE_URL: as DATABASE_URL_FILE, from the environment\n",
            0
        )
    );
}

// Only its manifest and its load are used here.
#[allow(dead_code)]
#[derive(Debug, Resources)]
struct Listed {
    /// Shards.
    #[resource(env = "SHARD_URL")]
    shards: Vec<PostgresUrl>,
    /// Admin token; empty turns the admin page off.
    #[resource(env = "ADMIN_TOKEN", empty_is_unset)]
    admin: Option<resources::Secret<String>>,
}

#[test]
fn check_config_reports_each_list_entry_and_an_empty_value_read_as_unset() {
    let dir = scratch("check-list");
    let dotenv = dir.join(".env");
    std::fs::write(
        &dotenv,
        "SHARD_URL_1=postgres://s1/app\nADMIN_TOKEN=t0ken\n",
    )
    .unwrap();
    let matches = app()
        .try_get_matches_from(["app", "--check-config"])
        .unwrap();
    let response = resources::clap::response::<Listed, _, _>(&matches, || {
        Layered::over_dotenv(
            MapSource::new([("SHARD_URL_0", "postgres://s0/app"), ("ADMIN_TOKEN", "")])
                .named("the environment"),
            &dotenv,
        )
    });
    let expected = format!(
        "ok\nSHARD_URL_0: from the environment\nSHARD_URL_1: from {} line 1\nADMIN_TOKEN: not set\n",
        dotenv.display()
    );
    assert_eq!(response, Some((expected, 0)));
}
