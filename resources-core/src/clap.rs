//! clap, without leaking a credential (the `clap` feature).
//!
//! A locator as a clap argument leaks three ways with clap's defaults: `--help` prints the
//! value of its variable (`[env: DATABASE_URL=postgres://app:hunter2@db/app]`), the error of a
//! value parser quotes the value it refused, and clap's own errors repeat what was typed
//! (`unexpected argument 'postgres://app:hunter2@db/app' found` when the flag is forgotten).
//! This module gives:
//!
//! - [`locator`]: a value parser for any locator type whose error names the argument (and
//!   the variable, for a value read from it) and what is wrong, never the value;
//! - [`locator_arg`]: the recipe in one call: `--NAME`, read from a variable, parsed by
//!   [`locator`], with [`hide_env_values`](Arg::hide_env_values) so `--help` shows the
//!   variable's name only;
//! - [`get_matches`] and [`try_get_matches_from`]: the parse, with every clap error that can
//!   hold what was typed rebuilt without it ([`safe_error`]); call these, not
//!   [`Command::get_matches`];
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
//! // A bad value: named by its argument, never shown.
//! let err = resources_core::clap::try_get_matches_from(
//!     cmd.clone(),
//!     ["app", "--database-url", "mysql://app:hunter2@db/app"],
//! )
//! .unwrap_err();
//! let shown = err.render().to_string();
//! assert!(shown.contains("--database-url") && !shown.contains("hunter2"));
//! // The flag forgotten: clap would quote the URL as an unexpected argument.
//! let err = resources_core::clap::try_get_matches_from(cmd, ["app", "postgres://app:hunter2@db/app"])
//!     .unwrap_err();
//! assert!(!err.render().to_string().contains("hunter2"));
//! ```
//!
//! [`ArgMatches`] holds every value as typed: its `Debug` and
//! [`get_raw`](ArgMatches::get_raw) show them, values read from a variable included. Never
//! print the matches with `{:?}` nor log what `get_raw` returns; read a locator with
//! [`get_one`](ArgMatches::get_one), whose `Display` and `Debug` redact.
//!
//! A value given on the command line is visible to every user of the machine (`ps`): prefer
//! the variable, or a `NAME_FILE`, for a locator with a credential.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::marker::PhantomData;

use ::clap::builder::{PossibleValue, TypedValueParser};
use ::clap::error::{ContextValue, ErrorKind};
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
/// `[env: DATABASE_URL]` and never the value. The value name is `URL` for a URL-shaped type
/// ([`Locator::URL_SHAPED`]) and `VALUE` for another (`Secret<String>`, a key), the help the
/// kind's name; both can be changed on the returned `Arg`, as can [`required`](Arg::required).
///
/// Parse with [`get_matches`] or [`try_get_matches_from`], not [`Command::get_matches`]: clap's
/// own errors (a forgotten flag, a misspelled `--name=value`) repeat what was typed.
///
/// **Never print the [`ArgMatches`] with `{:?}`, nor log [`ArgMatches::get_raw`]:** both show
/// every value as typed, the one read from `env` included, credential and all. Read the
/// locator with [`get_one`](ArgMatches::get_one): its `Display` and `Debug` redact.
///
/// ```
/// use resources_core::RedisUrl;
///
/// let arg = resources_core::clap::locator_arg::<RedisUrl>("cache-url", "REDIS_URL");
/// assert!(arg.is_hide_env_values_set());
/// let cmd = clap::Command::new("app").arg(arg);
/// let matches = resources_core::clap::try_get_matches_from(
///     cmd,
///     ["app", "--cache-url", "redis://:t0ken@cache:6379/1"],
/// )?;
/// let cache = matches.get_one::<RedisUrl>("cache-url").unwrap();
/// assert_eq!(cache.to_string(), "redis://:***@cache:6379/1");
/// # Ok::<(), clap::Error>(())
/// ```
pub fn locator_arg<L: Locator + Clone>(long: &'static str, env: &'static str) -> Arg {
    Arg::new(long)
        .long(long)
        .env(env)
        .hide_env_values(true)
        .value_name(if L::URL_SHAPED { "URL" } else { "VALUE" })
        .help(L::info().kind)
        .value_parser(locator::<L>())
}

/// `cmd` parsing `args` (the program name first), as [`Command::try_get_matches_from`] does,
/// but every error that could repeat what was typed is rebuilt by [`safe_error`].
///
/// ```
/// let cmd = clap::Command::new("app")
///     .arg(resources_core::clap::locator_arg::<resources_core::PostgresUrl>(
///         "database-url",
///         "DATABASE_URL",
///     ));
/// // `--database-url` forgotten: clap would say "unexpected argument 'postgres://…' found".
/// let err = resources_core::clap::try_get_matches_from(cmd, ["app", "postgres://app:hunter2@db/app"])
///     .unwrap_err();
/// let shown = err.render().to_string();
/// assert!(shown.starts_with("error: found an unexpected argument (not shown: it may hold a credential)"));
/// assert!(!shown.contains("hunter2"));
/// ```
pub fn try_get_matches_from<I, T>(cmd: Command, args: I) -> Result<ArgMatches, ::clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = cmd;
    cmd.try_get_matches_from_mut(args)
        .map_err(|e| safe_error(&cmd, e))
}

/// `cmd` parsing the process's command line: [`Command::get_matches`], with the error of
/// [`try_get_matches_from`]. On an error it prints it and exits as clap does (code 2); `--help`
/// and `--version` print clap's text unchanged and exit 0.
pub fn get_matches(cmd: Command) -> ArgMatches {
    try_get_matches_from(cmd, std::env::args_os()).unwrap_or_else(|e| e.exit())
}

/// `err`, a parse error of `cmd`, without anything the user typed: clap's own errors quote
/// the argument or value they refused, which may be a credential. Rebuilt, keeping only what
/// comes from `cmd` (argument names, possible values, suggestions of a similar argument,
/// subcommand or value) and a flag's name:
///
/// - an unexpected argument (`UnknownArgument`): `--name` of a misspelled `--name=value`
///   (the text before `=`, when it looks like a flag name; `-x` for a short one), else "an
///   unexpected argument (not shown: it may hold a credential)", as for a forgotten flag
///   (`app postgres://app:pw@db/app`);
/// - an unrecognized subcommand (`InvalidSubcommand`), a subcommand or argument that cannot be
///   used with others (`ArgumentConflict`) when it is no subcommand of `cmd`: not shown;
/// - a value after `=` on a flag that takes none (`TooManyValues`, `--check-config=…`), a value
///   not among the possible ones (`InvalidValue`) or refused by a value parser (`ValueValidation`:
///   one of clap's, or a function returning its own error type): the argument is named, the
///   value never; the parser's reason is kept only when it holds no four characters in a row of
///   the value;
/// - an error of a kind this list does not know, holding typed text: the kind's generic text.
///
/// Passed through unchanged: the errors [`locator`] and `--env-docs` build (they hold no
/// typed text), `--help` and `--version` (`DisplayHelp`, `DisplayVersion`), and the kinds
/// that name only arguments of `cmd` (a missing required argument, a wrong number of values,
/// `NoEquals`, invalid UTF-8). An error built by the program's own value parser with
/// [`clap::Error::raw`](::clap::Error::raw) passes unchanged too: its text is the program's.
///
/// The usage shown is `cmd`'s (for an error in a subcommand, the top command's).
pub fn safe_error(cmd: &Command, err: ::clap::Error) -> ::clap::Error {
    match redacted_message(cmd, &err) {
        Some(message) => error(cmd, err.kind(), message),
        None => err,
    }
}

/// Why a typed text is not shown.
const NOT_SHOWN: &str = "not shown: it may hold a credential";

/// The message of [`safe_error`] for `err`, or `None` when `err` holds no typed text.
fn redacted_message(cmd: &Command, err: &::clap::Error) -> Option<String> {
    use ::clap::error::ContextKind as K;
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    // The argument as `cmd` names it (`--database-url <URL>`): never typed text.
    let arg = || text(K::InvalidArg).map_or_else(String::new, |a| format!(" for '{a}'"));
    let mut out = String::new();
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let typed = text(K::InvalidArg)?;
            if names_a_subcommand(cmd, typed) {
                return None;
            }
            let shown = shown_flag(typed);
            match shown {
                Some((flag, false)) => {
                    let _ = write!(out, "unexpected argument '{flag}' found");
                }
                Some((flag, true)) => {
                    let _ = write!(
                        out,
                        "unexpected argument '{flag}' found (the value after '=' is not shown)"
                    );
                }
                None => {
                    let _ = write!(out, "found an unexpected argument ({NOT_SHOWN})");
                }
            }
            let more = shown.map_or_else(Vec::new, |(flag, _)| flag_tips(cmd, err, flag));
            tips(err, &mut out, &[(K::SuggestedArg, "argument")], more);
        }
        ErrorKind::InvalidSubcommand => {
            text(K::InvalidSubcommand)?;
            let _ = write!(out, "unrecognized subcommand ({NOT_SHOWN})");
            tips(
                err,
                &mut out,
                &[(K::SuggestedSubcommand, "subcommand")],
                Vec::new(),
            );
        }
        ErrorKind::ArgumentConflict => {
            let typed = text(K::InvalidSubcommand)?;
            if names_a_subcommand(cmd, typed) {
                return None;
            }
            let _ = write!(out, "an argument ({NOT_SHOWN}) cannot be used with");
            match err.get(K::PriorArg) {
                Some(ContextValue::Strings(args)) => {
                    out.push(':');
                    for a in args {
                        let _ = write!(out, "\n  {a}");
                    }
                }
                Some(ContextValue::String(a)) => {
                    let _ = write!(out, " '{a}'");
                }
                _ => out.push_str(" one or more of the other specified arguments"),
            }
        }
        ErrorKind::TooManyValues => {
            text(K::InvalidValue)?;
            let _ = write!(
                out,
                "unexpected value{} found; no more were expected (the value is not shown)",
                arg()
            );
        }
        ErrorKind::InvalidValue => {
            // An empty one is "a value is required … but none was supplied": nothing typed.
            if text(K::InvalidValue)?.is_empty() {
                return None;
            }
            let _ = write!(out, "invalid value{} (the value is not shown)", arg());
            if let Some(ContextValue::Strings(valid)) = err.get(K::ValidValue)
                && !valid.is_empty()
            {
                let _ = write!(out, "\n  [possible values: {}]", valid.join(", "));
            }
            tips(err, &mut out, &[(K::SuggestedValue, "value")], Vec::new());
        }
        ErrorKind::ValueValidation => {
            let typed = text(K::InvalidValue)?;
            let _ = write!(out, "invalid value{} (the value is not shown)", arg());
            if let Some(reason) = std::error::Error::source(err).map(ToString::to_string)
                && !shares_text(&reason, typed)
            {
                let _ = write!(out, ": {reason}");
            }
        }
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion
        | ErrorKind::NoEquals
        | ErrorKind::MissingRequiredArgument
        | ErrorKind::MissingSubcommand
        | ErrorKind::InvalidUtf8
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::Io
        | ErrorKind::Format => return None,
        kind => {
            let typed = err.context().any(|(k, _)| {
                matches!(
                    k,
                    K::InvalidArg | K::InvalidValue | K::InvalidSubcommand | K::Suggested
                )
            });
            if !typed {
                return None;
            }
            let _ = write!(
                out,
                "{} ({NOT_SHOWN})",
                kind.as_str().unwrap_or("the command line was refused")
            );
        }
    }
    Some(out)
}

/// Appends clap's "tip: a similar … exists" for each of `kinds` that `err` holds (names from
/// the command, never typed text), then `more`.
fn tips(
    err: &::clap::Error,
    out: &mut String,
    kinds: &[(::clap::error::ContextKind, &str)],
    more: Vec<String>,
) {
    let mut lines = Vec::new();
    for (kind, what) in kinds {
        let names: Vec<String> = match err.get(*kind) {
            Some(ContextValue::String(s)) => vec![format!("'{s}'")],
            Some(ContextValue::Strings(s)) => s.iter().map(|n| format!("'{n}'")).collect(),
            _ => continue,
        };
        match names.as_slice() {
            [] => {}
            [one] => lines.push(format!("a similar {what} exists: {one}")),
            many => lines.push(format!("some similar {what}s exist: {}", many.join(", "))),
        }
    }
    lines.extend(more);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { "\n\n" } else { "\n" });
        let _ = write!(out, "  tip: {line}");
    }
}

/// clap's other tips for an unknown `flag` that is shown, kept when made only of it and of
/// names from `cmd`: "to pass '--x' as a value, use '-- --x'", "'sub --x' exists".
fn flag_tips(cmd: &Command, err: &::clap::Error, flag: &str) -> Vec<String> {
    let Some(ContextValue::StyledStrs(tips)) = err.get(::clap::error::ContextKind::Suggested)
    else {
        return Vec::new();
    };
    let to_pass = format!("to pass '{flag}' as a value, use '-- {flag}'");
    tips.iter()
        .map(ToString::to_string)
        .filter(|tip| {
            *tip == to_pass
                || tip
                    .strip_prefix('\'')
                    .and_then(|t| t.strip_suffix("' exists"))
                    .and_then(|t| t.split_once(' '))
                    .is_some_and(|(sub, other)| {
                        names_a_subcommand(cmd, sub) && shown_flag(other).is_some()
                    })
        })
        .collect()
}

/// The flag of a typed `--name=value`, `--name` or `-x` to show, and whether a value was
/// attached: only the text before `=`, and only when it looks like a flag name (a long name of
/// at most 64 letters, digits, `-`, `_`, `.`, or one short letter or digit).
fn shown_flag(typed: &str) -> Option<(&str, bool)> {
    let (flag, attached) = match typed.split_once('=') {
        Some((flag, _)) => (flag, true),
        None => (typed, false),
    };
    let shown = if let Some(long) = flag.strip_prefix("--") {
        (1..=64).contains(&long.len())
            && long.starts_with(|c: char| c.is_ascii_alphanumeric())
            && long
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    } else if let Some(short) = flag.strip_prefix('-') {
        short.len() == 1 && short.bytes().all(|b| b.is_ascii_alphanumeric())
    } else {
        false
    };
    shown.then_some((flag, attached))
}

/// Whether `name` is the name or an alias of a subcommand of `cmd`, at any depth.
fn names_a_subcommand(cmd: &Command, name: &str) -> bool {
    cmd.get_subcommands().any(|sub| {
        sub.get_name() == name
            || sub.get_all_aliases().any(|a| a == name)
            || names_a_subcommand(sub, name)
    })
}

/// Whether `reason` holds `typed`, or four characters in a row of it (a reason that quotes
/// part of the value). A typed text too long to check is taken as shared.
fn shares_text(reason: &str, typed: &str) -> bool {
    const WINDOW: usize = 4;
    if typed.len() > 4096 {
        return true;
    }
    let chars: Vec<char> = typed.chars().collect();
    if chars.len() <= WINDOW {
        return !typed.is_empty() && reason.contains(typed);
    }
    let mut window = String::new();
    chars.windows(WINDOW).any(|w| {
        window.clear();
        window.extend(w);
        reason.contains(window.as_str())
    })
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
/// let cmd = clap::Command::new("app").args(resources_core::clap::args());
/// let matches = resources_core::clap::get_matches(cmd);
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
/// variable holds a value clap would refuse: call it before [`get_matches`]. Nothing is
/// printed for an error of that parse.
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

/// One line per variable of `manifest` saying where `source` has it, found as a load finds it
/// (`crate::load::lookup`): layer by layer, the first layer that has the variable in any form
/// answering for it alone; in a layer each name in order (the main one, the aliases, the
/// deprecated ones), each before its `NAME_FILE`. A list reports each entry (`NAME_0`, …), each
/// looked up on its own. The part variables of a locator (`PGHOST`, `PGPASSWORD`, …) are
/// looked up on their own too, as a load does, and each one set gets its own line.
fn origins(manifest: &'static Manifest, source: &dyn Source) -> String {
    let files = source.may_hold_file_variables();
    let mut out = String::new();
    for var in manifest.vars() {
        if let Presence::List { .. } = var.decl.presence {
            let mut index = 0;
            let entry = |index| [format!("{}_{index}", var.name)];
            while let Some((used, origin, _)) = first(source, &entry(index), files) {
                let _ = writeln!(out, "{used}: from {origin}");
                index += 1;
            }
            if index == 0 {
                let _ = writeln!(out, "{}: not set", var.name);
            }
            continue;
        }
        let names: Vec<String> = std::iter::once(&var.name)
            .chain(&var.aliases)
            .chain(&var.deprecated)
            .cloned()
            .collect();
        // An empty value of an `empty_is_unset` variable reads as unset, lower layers unread.
        let main = first(source, &names, files)
            .filter(|(_, _, empty)| !(*empty && var.decl.empty_is_unset));
        let parts: Vec<(String, String, crate::Part)> = var
            .parts
            .iter()
            .filter_map(|(part, name)| {
                first(source, std::slice::from_ref(name), files)
                    .map(|(used, origin, _)| (used, origin, *part))
            })
            .collect();
        let _ = match &main {
            Some((used, origin, _)) if *used == var.name => {
                writeln!(out, "{}: from {origin}", var.name)
            }
            Some((used, origin, _)) => writeln!(out, "{}: as {used}, from {origin}", var.name),
            None if !parts.is_empty() => writeln!(out, "{}: from its parts", var.name),
            None => writeln!(out, "{}: not set", var.name),
        };
        for (used, origin, part) in parts {
            let _ = writeln!(out, "{used}: from {origin} (the {part} of {})", var.name);
        }
    }
    out
}

/// The name of `names` (or its `NAME_FILE`, when `files`) that a load takes from `source`,
/// where it is, and whether its value is empty: in the first layer that has one, each name
/// before its `NAME_FILE`.
fn first(source: &dyn Source, names: &[String], files: bool) -> Option<(String, String, bool)> {
    if let Some(layers) = source.layers() {
        return layers
            .iter()
            .find_map(|layer| first(&**layer, names, files));
    }
    names.iter().find_map(|name| {
        let hit = |used: String, found: crate::source::Found<'_>| {
            let empty = matches!(found.value, crate::source::Value::Text(""));
            (used, found.origin.to_string(), empty)
        };
        if let Some(found) = source.lookup(name) {
            return Some(hit(name.clone(), found));
        }
        let file = format!("{name}_FILE");
        let found = if files { source.lookup(&file) } else { None }?;
        Some(hit(file, found))
    })
}
