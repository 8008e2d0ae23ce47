//! The `--env-docs FORMAT` command-line flag and the formats it names.

use crate::load::Manifest;

use super::{app_json, dotenv, json, markdown};

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
}

impl Format {
    /// The names `--env-docs` takes.
    pub const NAMES: &'static [&'static str] = &["markdown", "dotenv", "json", "app-json"];

    /// The format named `name` (one of [`Format::NAMES`]).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "markdown" | "md" => Some(Format::Markdown),
            "dotenv" | "env" => Some(Format::Dotenv),
            "json" => Some(Format::Json),
            "app-json" | "app.json" => Some(Format::AppJson),
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

/// Call first thing in `main`: when the command line holds `--env-docs FORMAT` (`markdown`,
/// `dotenv`, `json` or `app-json`), prints the docs of `R`'s variables and exits, without
/// loading or validating any config; otherwise returns.
///
/// ```no_run
/// # use resources_core::{PostgresUrl, Resources};
/// # fn run<Backing: Resources>() {
/// resources_core::doc::handle_env_docs_flag::<Backing>();
/// let backing = Backing::from_env();
/// # }
/// ```
pub fn handle_env_docs_flag<R: crate::Resources>() {
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
