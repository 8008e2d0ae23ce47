//! The `--env-docs FORMAT` command-line flag and the formats it names.

use crate::load::Manifest;

use super::{app_json, dotenv, json, kubernetes, markdown};

/// A rendering format of the docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// [`markdown`]
    Markdown,
    /// [`dotenv`]
    Dotenv,
    /// [`json`]
    Json,
    /// [`app_json`]
    AppJson,
    /// [`kubernetes`]
    Kubernetes,
}

impl Format {
    /// The names `--env-docs` takes.
    pub const NAMES: &'static [&'static str] =
        &["markdown", "dotenv", "json", "app-json", "kubernetes"];

    /// The format named `name` (one of [`Format::NAMES`]).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "markdown" | "md" => Some(Format::Markdown),
            "dotenv" | "env" => Some(Format::Dotenv),
            "json" => Some(Format::Json),
            "app-json" | "app.json" => Some(Format::AppJson),
            "kubernetes" | "k8s" => Some(Format::Kubernetes),
            _ => None,
        }
    }

    /// Renders `manifest` in this format.
    pub fn render(self, manifest: &'static Manifest) -> String {
        match self {
            Format::Markdown => markdown(manifest),
            Format::Dotenv => dotenv(manifest),
            Format::Json => json(manifest),
            Format::AppJson => app_json(manifest),
            Format::Kubernetes => kubernetes(manifest),
        }
    }
}

/// What `--env-docs` in a command line asks for: `None` when the flag is absent, else the
/// format or the message for a missing or unknown one. Takes the arguments after the program
/// name; accepts `--env-docs FORMAT` and `--env-docs=FORMAT`.
pub fn env_docs_request<I: IntoIterator<Item = String>>(args: I) -> Option<Result<Format, String>> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let name = if arg == "--env-docs" {
            args.next()
        } else if let Some(name) = arg.strip_prefix("--env-docs=") {
            Some(name.to_owned())
        } else {
            continue;
        };
        let expected = Format::NAMES.join(", ");
        return Some(match name {
            None => Err(format!("--env-docs needs a format: {expected}")),
            Some(name) => Format::from_name(&name)
                .ok_or_else(|| format!("--env-docs: unknown format `{name}`; expected {expected}")),
        });
    }
    None
}

/// Call first thing in `main`. When the command line holds `--env-docs FORMAT` (`markdown`,
/// `dotenv`, `json`, `app-json` or `kubernetes`), prints the docs of `R`'s variables and exits, without
/// loading or validating any config. When it holds `--check-config`, loads `R` from the process
/// environment, prints `ok` (and any warnings) or the report of every problem, and exits with 0
/// or 1: a check for CI and operators. Otherwise returns.
///
/// ```no_run
/// # use resources_core::{PostgresUrl, Resources};
/// # fn run<Backing: Resources>() {
/// resources_core::doc::handle_env_docs_flag::<Backing>();
/// let backing = Backing::from_env();
/// # }
/// ```
pub fn handle_env_docs_flag<R: crate::Resources>() {
    if wants_check_config(std::env::args().skip(1)) {
        let (text, code) = check_config::<R>(&crate::Env::snapshot());
        if code == 0 {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        std::process::exit(code);
    }
    match env_docs_request(std::env::args().skip(1)) {
        None => {}
        Some(Ok(format)) => {
            print!("{}", format.render(R::manifest()));
            std::process::exit(0);
        }
        Some(Err(message)) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    }
}

/// Whether the arguments (after the program name) hold `--check-config`.
pub fn wants_check_config<I: IntoIterator<Item = String>>(args: I) -> bool {
    args.into_iter().any(|a| a == "--check-config")
}

/// What `--check-config` prints for `R` loaded from `source`, and its exit code: `ok` (then
/// one `warning: …` line per warning) and 0, or the report of every problem and 1. Nothing
/// printed holds a secret: the report is the load's own.
///
/// ```
/// use resources_core::{MapSource, PostgresUrl, Resources};
/// # use resources_core::__private as r;
/// # struct Backing { _db: PostgresUrl }
/// # const E: [r::Entry; 1] = r::entries(["db"], ["DATABASE_URL"], [r::req::<PostgresUrl>()], [""], [r::NONE]);
/// # impl Resources for Backing {
/// #     const MANIFEST: &'static r::Manifest = &r::Manifest { type_name: "Backing", prefix: "", entries: &E };
/// #     fn __build(v: &mut r::Values) -> Self { Backing { _db: v.required() } }
/// # }
/// let (text, code) = resources_core::doc::check_config::<Backing>(&MapSource::new([
///     ("DATABASE_URL", "postgres://app:hunter2@db/app"),
/// ]));
/// assert_eq!((text.as_str(), code), ("ok\n", 0));
/// let (text, code) = resources_core::doc::check_config::<Backing>(&MapSource::new([
///     ("DATABASE_URL", "mysql://app:hunter2@db/app"),
/// ]));
/// assert!(code == 1 && text.contains("DATABASE_URL") && !text.contains("hunter2"));
/// ```
pub fn check_config<R: crate::Resources>(source: &dyn crate::Source) -> (String, i32) {
    match R::load_with_warnings(source) {
        Ok((_, warnings)) => {
            let mut out = String::from("ok\n");
            for w in warnings {
                out.push_str(&format!("warning: {w}\n"));
            }
            (out, 0)
        }
        Err(e) => (format!("{e}\n"), 1),
    }
}
