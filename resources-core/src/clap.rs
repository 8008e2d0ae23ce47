//! clap, without leaking a credential (the `clap` feature).
//!
//! A locator as a clap argument leaks twice with clap's defaults: `--help` prints the value
//! of its variable (`[env: DATABASE_URL=postgres://app:hunter2@db/app]`), and the error of a
//! value parser quotes the value it refused. This module gives:
//!
//! - [`locator`]: a value parser for any locator type whose error names the argument (and
//!   the variable, for a value read from it) and what is wrong, never the value;
//! - [`locator_arg`]: the recipe in one call: `--NAME`, read from a variable, parsed by
//!   [`locator`], with [`hide_env_values`](Arg::hide_env_values) so `--help` shows the
//!   variable's name only;
//! - [`args`] and [`handle`]: `--env-docs FORMAT` and `--check-config` as clap arguments,
//!   shown in `--help` beside the program's own.
//!
//! ```
//! use clap::Command;
//! use resources_core::PostgresUrl;
//!
//! let cmd = Command::new("app")
//!     .arg(resources_core::clap::locator_arg::<PostgresUrl>("database-url", "DATABASE_URL"))
//!     .args(resources_core::clap::args());
//! let err = cmd
//!     .try_get_matches_from(["app", "--database-url", "mysql://app:hunter2@db/app"])
//!     .unwrap_err();
//! let shown = err.render().to_string();
//! assert!(shown.contains("--database-url") && !shown.contains("hunter2"));
//! ```
//!
//! A value given on the command line is visible to every user of the machine (`ps`): prefer
//! the variable, or a `NAME_FILE`, for a locator with a credential.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::marker::PhantomData;

use ::clap::builder::{PossibleValue, TypedValueParser};
use ::clap::error::ErrorKind;
use ::clap::parser::ValueSource;
use ::clap::{Arg, ArgAction, ArgMatches, Command};

use crate::doc::Format;
use crate::error::SourceError;
use crate::load::{Manifest, Presence};
use crate::locator::Locator;
use crate::resources::Resources;
use crate::source::{Env, Source};

/// The id of the `--env-docs` argument of [`args`].
pub const ENV_DOCS: &str = "env-docs";
/// The id of the `--check-config` argument of [`args`].
pub const CHECK_CONFIG: &str = "check-config";

/// A clap value parser for the locator type `L` (`locator::<PostgresUrl>()`).
///
/// Its error names the argument, the variable when the value was read from one, and what is
/// wrong (the locator's own error), never the value:
/// `error: invalid value for '--database-url <URL>' (the value is not shown): invalid
/// PostgreSQL locator: scheme `mysql` is not accepted (expected postgres, postgresql) at byte 0`.
pub fn locator<L: Locator + Clone>() -> LocatorParser<L> {
    LocatorParser(PhantomData)
}

/// The value parser [`locator`] returns.
pub struct LocatorParser<L>(PhantomData<fn() -> L>);

impl<L> Clone for LocatorParser<L> {
    fn clone(&self) -> Self {
        LocatorParser(PhantomData)
    }
}

impl<L> std::fmt::Debug for LocatorParser<L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocatorParser")
    }
}

impl<L: Locator + Clone> TypedValueParser for LocatorParser<L> {
    type Value = L;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<L, ::clap::Error> {
        self.parse_ref_(cmd, arg, value, ValueSource::CommandLine)
    }

    fn parse_ref_(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
        source: ValueSource,
    ) -> Result<L, ::clap::Error> {
        let problem = match value.to_str() {
            None => String::from("it is not valid UTF-8"),
            Some(text) => match L::parse_locator(text) {
                Ok(locator) => return Ok(locator),
                Err(e) => e.to_string(),
            },
        };
        let mut message = String::from("invalid value");
        if source == ValueSource::EnvVariable
            && let Some(var) = arg.and_then(Arg::get_env)
        {
            let _ = write!(message, " of {}", var.to_string_lossy());
        }
        if let Some(arg) = arg {
            let _ = write!(message, " for '{arg}'");
        }
        let _ = write!(message, " (the value is not shown): {problem}");
        Err(error(cmd, ErrorKind::ValueValidation, message))
    }
}

/// A clap error of `kind` with `message`, formatted as clap formats its own (usage, the
/// `--help` hint), holding nothing else: no context, so no value.
fn error(cmd: &Command, kind: ErrorKind, message: String) -> ::clap::Error {
    ::clap::Error::raw(kind, message).format(&mut cmd.clone())
}

/// The recipe for a locator given as an argument: `--{long}` or the variable `env`, parsed by
/// [`locator`], with [`hide_env_values`](Arg::hide_env_values) so `--help` shows
/// `[env: DATABASE_URL]` and never the value. The value name is `URL`, the help the kind's
/// name; both can be changed on the returned `Arg`, as can [`required`](Arg::required).
///
/// ```
/// use resources_core::RedisUrl;
///
/// let arg = resources_core::clap::locator_arg::<RedisUrl>("cache-url", "REDIS_URL");
/// assert!(arg.is_hide_env_values_set());
/// let matches = clap::Command::new("app")
///     .arg(arg)
///     .try_get_matches_from(["app", "--cache-url", "redis://:t0ken@cache:6379/1"])?;
/// let cache = matches.get_one::<RedisUrl>("cache-url").unwrap();
/// assert_eq!(cache.to_string(), "redis://:***@cache:6379/1");
/// # Ok::<(), clap::Error>(())
/// ```
pub fn locator_arg<L: Locator + Clone>(long: &'static str, env: &'static str) -> Arg {
    Arg::new(long)
        .long(long)
        .env(env)
        .hide_env_values(true)
        .value_name("URL")
        .help(L::info().kind)
        .value_parser(locator::<L>())
}

/// The value parser of `--env-docs`: a [`Format`] by any name [`Format::from_name`] takes.
#[derive(Clone, Copy, Debug)]
struct FormatParser;

impl TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &Command,
        _: Option<&Arg>,
        value: &OsStr,
    ) -> Result<Format, ::clap::Error> {
        value.to_str().and_then(Format::from_name).ok_or_else(|| {
            let message = format!(
                "--env-docs: unknown format; expected {}",
                Format::NAMES.join(", ")
            );
            error(cmd, ErrorKind::InvalidValue, message)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Format::NAMES.iter().map(PossibleValue::new)))
    }
}

/// `--env-docs FORMAT` and `--check-config`, to add to a command with
/// [`Command::args`]; [`handle`] acts on them.
pub fn args() -> [Arg; 2] {
    [
        Arg::new(ENV_DOCS)
            .long(ENV_DOCS)
            .value_name("FORMAT")
            .value_parser(FormatParser)
            .help("Print the docs of every config variable and exit"),
        Arg::new(CHECK_CONFIG)
            .long(CHECK_CONFIG)
            .action(ArgAction::SetTrue)
            .conflicts_with(ENV_DOCS)
            .help(
                "Load the config, report where each variable came from or every problem, and exit",
            ),
    ]
}

/// What the arguments of [`args`] in `matches` ask for, as the text to print and the exit
/// code; `None` when neither is given (or `matches` lacks them).
///
/// `--env-docs FORMAT`: the docs of `R`'s variables and 0, without opening any source.
/// `--check-config`: `R` loaded from the source `open` returns: `ok`, a `warning:` line per
/// warning and one line per variable saying where it came from (`DATABASE_URL: from the
/// environment`, `REDIS_URL: from .env line 2`, `MAIL_URL: not set`) and 0; or the report
/// of every problem (each names its origin), or the source's error, and 1. Nothing printed
/// holds a value.
pub fn response<R, S, F>(matches: &ArgMatches, open: F) -> Option<(String, i32)>
where
    R: Resources,
    S: Source,
    F: FnOnce() -> Result<S, SourceError>,
{
    if let Ok(Some(format)) = matches.try_get_one::<Format>(ENV_DOCS) {
        return Some((format.render(R::manifest()), 0));
    }
    if !matches!(matches.try_get_one::<bool>(CHECK_CONFIG), Ok(Some(true))) {
        return None;
    }
    let source = match open() {
        Ok(source) => source,
        Err(e) => return Some((format!("{e}\n"), 1)),
    };
    let (mut text, code) = crate::doc::check_config::<R>(&source);
    if code == 0 {
        text.push_str(&origins(R::manifest(), &source));
    }
    Some((text, code))
}

/// Acts on the arguments of [`args`] in `matches`: prints what [`response`] says (to stdout
/// on success, stderr otherwise) and exits with its code; returns when neither is given.
///
/// ```no_run
/// # use resources_core::{Layered, Resources};
/// # fn run<Backing: Resources>() {
/// let matches = clap::Command::new("app")
///     .args(resources_core::clap::args())
///     .get_matches();
/// resources_core::clap::handle::<Backing, _, _>(&matches, || Layered::env_over_dotenv(".env"));
/// # }
/// ```
///
/// clap checks every other argument first: a required one that is missing, or a value it
/// refuses, stops the parse before this runs. Leave locator arguments optional in clap (the
/// load reports a missing one), or call [`handle_before_parse`].
pub fn handle<R, S, F>(matches: &ArgMatches, open: F)
where
    R: Resources,
    S: Source,
    F: FnOnce() -> Result<S, SourceError>,
{
    if let Some((text, code)) = response::<R, S, F>(matches, open) {
        if code == 0 {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        std::process::exit(code);
    }
}

/// [`handle`] for the process's command line parsed by `cmd` ignoring its errors, so that
/// `--env-docs` and `--check-config` work even when a required argument is missing or a
/// variable holds a value clap would refuse: call it before `cmd.get_matches()`.
pub fn handle_before_parse<R, S, F>(cmd: &Command, open: F)
where
    R: Resources,
    S: Source,
    F: FnOnce() -> Result<S, SourceError>,
{
    if let Some(matches) = matches_ignoring_errors(cmd, std::env::args_os()) {
        handle::<R, S, F>(&matches, open);
    }
}

/// `args` (the program name first) parsed by `cmd` with clap's
/// [`ignore_errors`](Command::ignore_errors): what was parsed before the first error, a
/// missing required argument or a refused value being no error. `None` for `--help` and
/// `--version`, which clap answers itself.
pub fn matches_ignoring_errors<I, T>(cmd: &Command, args: I) -> Option<ArgMatches>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    cmd.clone()
        .ignore_errors(true)
        .try_get_matches_from(args)
        .ok()
}

/// The process environment, for [`handle`]'s `open` when there is no `.env`.
pub fn env() -> Result<Env, SourceError> {
    Ok(Env::snapshot())
}

/// One line per variable of `manifest`: where `source` has it (the first layer that has it
/// in any form, as a load takes it), or `not set`.
fn origins(manifest: &'static Manifest, source: &dyn Source) -> String {
    let one = [source];
    let layers: Vec<&dyn Source> = match source.layers() {
        Some(layers) => layers.iter().map(|l| &**l as &dyn Source).collect(),
        None => one.to_vec(),
    };
    let mut out = String::new();
    for var in manifest.vars() {
        let mut names: Vec<String> = std::iter::once(&var.name)
            .chain(&var.aliases)
            .chain(&var.deprecated)
            .map(|n| match var.decl.presence {
                Presence::List { .. } => format!("{n}_0"),
                _ => n.clone(),
            })
            .collect();
        let files: Vec<String> = names.iter().map(|n| format!("{n}_FILE")).collect();
        names.extend(files);
        names.extend(var.parts.iter().map(|(_, n)| n.clone()));
        let found = layers.iter().find_map(|layer| {
            names
                .iter()
                .find_map(|n| layer.lookup(n).map(|f| (n, f.origin.to_string())))
        });
        let _ = match found {
            Some((used, origin)) if *used == var.name => {
                writeln!(out, "{}: from {origin}", var.name)
            }
            Some((used, origin)) => writeln!(out, "{}: as {used}, from {origin}", var.name),
            None => writeln!(out, "{}: not set", var.name),
        };
    }
    out
}
