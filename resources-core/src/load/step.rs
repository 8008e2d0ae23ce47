//! The loading step every variable shares, for the derive's loop and for [`Loader`](super::Loader):
//! look the names up, parse, record a problem.

use std::fmt::Write as _;

use crate::error::{Problem, ProblemKind};
use crate::locator::parts::complete_credentials;
use crate::locator::{Compose, Part, PartValues};
use crate::source::Source;

use super::lookup::{Fetch, Scratch, fetch};
use super::manifest::{Presence, Var};
use super::values::Erased;
use super::warning::Warning;

/// What a problem of one variable says besides the variable, computed only when there is one.
pub(crate) struct Context<'c> {
    /// The kind's name.
    pub kind: &'static str,
    /// The example to show (computed on demand: it may need a parse to redact).
    pub example: &'c dyn Fn() -> String,
    /// The field path: `(path of the enclosing flattened fields, field)`.
    pub field: Option<(&'c str, &'c str)>,
    /// The kind's canonical scheme and how it is assembled from parts, for a field with parts.
    pub compose: Option<(&'static str, Compose)>,
}

/// The non-generic loading step shared by every variable: look the names up, parse with
/// `parse`, and record a problem on failure. Allocates nothing beyond the value unless a
/// problem is recorded.
#[allow(clippy::too_many_arguments)]
pub(crate) fn load_var(
    source: &dyn Source,
    prefix: &str,
    var: &Var<'_>,
    presence: Presence,
    ctx: &Context<'_>,
    parse: fn(&str) -> Result<Erased, crate::LocatorError>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Warning>,
    scratch: &mut Scratch,
) -> Option<Erased> {
    let problem = |name: &str, what| {
        let mut p = Problem::new(name, ctx.kind, what).with_example((ctx.example)());
        if presence == Presence::Optional {
            p = p.with_optional();
        }
        if let Some((path, field)) = ctx.field {
            p = p.with_field(format!("{path}{field}"));
        }
        p
    };
    let failed = |name: &str, what, origin: Option<String>| match origin {
        Some(o) => problem(name, what).with_origin(o),
        None => problem(name, what),
    };
    if let Presence::List { min } = presence {
        let mut items: Vec<Erased> = Vec::new();
        let stem = format!("{prefix}{}", var.name);
        let mut index = 0;
        let mut entry = String::new();
        loop {
            entry.clear();
            let _ = write!(entry, "{stem}_{index}");
            match fetch(source, "", [entry.as_str()], scratch) {
                Fetch::Unset => break,
                Fetch::Found { text, from, .. } => match checked_parse(parse, ctx.kind, &text) {
                    Ok(v) => items.push(v),
                    Err(e) => problems.push(
                        problem(&entry, ProblemKind::Invalid(e)).with_origin(from.to_string()),
                    ),
                },
                Fetch::Failed { var, what, origin } => {
                    let p = failed(&var, what, origin);
                    problems.push(if index >= min { p.with_list_entry() } else { p });
                }
            }
            index += 1;
        }
        // A gap: a later index set after the first unset one, however far past it (a
        // source that cannot list its names is checked over a bounded window).
        if let Some(found) = later_index(source, &stem, index, scratch.files) {
            problems.push(problem(
                &stem,
                ProblemKind::ListGap {
                    missing: index,
                    found,
                },
            ));
        }
        if index < min {
            problems.push(problem(&stem, ProblemKind::TooFew { min, found: index }));
        }
        return Some(Box::new(items));
    }
    let names = std::iter::once(var.name)
        .chain(var.aliases.iter().copied())
        .chain(var.deprecated.iter().copied());
    let name_at = |index: usize| {
        std::iter::once(var.name)
            .chain(var.aliases.iter().copied())
            .chain(var.deprecated.iter().copied())
            .nth(index)
            .unwrap_or(var.name)
    };
    let mut main = fetch(source, prefix, names, scratch);
    if var.empty_is_unset
        && matches!(
            main,
            Fetch::Failed {
                what: ProblemKind::Empty,
                ..
            }
        )
    {
        main = Fetch::Unset;
    }
    if !var.parts.is_empty() {
        let from_parts = FromParts {
            source,
            prefix,
            var,
            presence,
            ctx,
            parse,
        };
        return from_parts.load(main, &problem, problems, warnings, scratch);
    }
    match main {
        Fetch::Unset => {
            if presence == Presence::Required {
                let aliases = var.aliases.iter().map(|a| format!("{prefix}{a}")).collect();
                problems.push(problem(
                    &format!("{prefix}{}", var.name),
                    ProblemKind::Missing { aliases },
                ));
            }
            None
        }
        Fetch::Found { index, text, from } => match checked_parse(parse, ctx.kind, &text) {
            Ok(v) => {
                if index > var.aliases.len() {
                    warnings.push(Warning::Deprecated {
                        used: format!("{prefix}{}", name_at(index)),
                        replacement: format!("{prefix}{}", var.name),
                    });
                }
                Some(v)
            }
            Err(e) => {
                let var = format!("{prefix}{}", name_at(index));
                problems.push(problem(&var, ProblemKind::Invalid(e)).with_origin(from.to_string()));
                None
            }
        },
        Fetch::Failed { var, what, origin } => {
            problems.push(failed(&var, what, origin));
            None
        }
    }
}

/// A field whose locator may also be given as parts (`SMTP_HOST`, `SMTP_PORT`, …), or whose
/// credentials may stand beside its URL (`DATABASE_PASSWORD` beside `DATABASE_URL`).
struct FromParts<'a, 'c> {
    source: &'a dyn Source,
    prefix: &'a str,
    var: &'a Var<'a>,
    presence: Presence,
    ctx: &'a Context<'c>,
    parse: fn(&str) -> Result<Erased, crate::LocatorError>,
}

impl FromParts<'_, '_> {
    fn full(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn part_var(&self, part: Part) -> String {
        self.var
            .parts
            .iter()
            .find(|d| d.part == part)
            .map_or_else(|| self.full(self.var.name), |d| self.full(d.name))
    }

    fn load(
        &self,
        main: Fetch<'_>,
        problem: &dyn Fn(&str, ProblemKind) -> Problem,
        problems: &mut Vec<Problem>,
        warnings: &mut Vec<Warning>,
        scratch: &mut Scratch,
    ) -> Option<Erased> {
        let main_name = self.full(self.var.name);
        // Every part that is set, read like any variable (`_FILE` included).
        let mut values = PartValues::new();
        let mut set: Vec<(Part, String, String)> = Vec::new();
        let mut unreadable = false;
        for decl in self.var.parts {
            match fetch(self.source, self.prefix, [decl.name], scratch) {
                Fetch::Unset => {}
                Fetch::Found { text, from, .. } if text == crate::REDACTED => {
                    problems.push(
                        problem(
                            &self.full(decl.name),
                            ProblemKind::Parts(
                                "it holds the `***` placeholder of a generated .env.example: replace it with the real value".to_owned(),
                            ),
                        )
                        .with_part()
                        .with_origin(from.to_string()),
                    );
                    unreadable = true;
                }
                Fetch::Found { text, from, .. } => {
                    values.set(decl.part, text.into_owned());
                    set.push((decl.part, self.full(decl.name), from.to_string()));
                }
                Fetch::Failed { var, what, origin } => {
                    let mut p = problem(&var, what).with_part();
                    if let Some(o) = origin {
                        p = p.with_origin(o);
                    }
                    problems.push(p);
                    unreadable = true;
                }
            }
        }
        let part_problem = |part: Part, message: String| {
            let mut p = problem(&self.part_var(part), ProblemKind::Parts(message)).with_part();
            if let Some((_, _, origin)) = set.iter().find(|(p, _, _)| *p == part) {
                p = p.with_origin(origin.clone());
            }
            p
        };
        match main {
            Fetch::Failed { var, what, origin } => {
                let mut p = problem(&var, what);
                if let Some(o) = origin {
                    p = p.with_origin(o);
                }
                problems.push(p);
                None
            }
            Fetch::Found { index, text, from } => {
                let used = std::iter::once(self.var.name)
                    .chain(self.var.aliases.iter().copied())
                    .chain(self.var.deprecated.iter().copied())
                    .nth(index)
                    .unwrap_or(self.var.name);
                let used = self.full(used);
                if let Some((_, name, _)) = set.iter().find(|(p, _, _)| !p.is_credential()) {
                    problems.push(
                        problem(
                            &used,
                            ProblemKind::Parts(format!(
                                "set {used} or its parts, not both: {name} is set too; unset one of them"
                            )),
                        )
                        .with_origin(from.to_string()),
                    );
                    return None;
                }
                if unreadable {
                    return None;
                }
                let (user, password) = (values.get(Part::User), values.get(Part::Password));
                let text = if user.is_some() || password.is_some() {
                    match complete_credentials(&text, user, password) {
                        Ok(t) => std::borrow::Cow::Owned(t),
                        Err(part) => {
                            let twice = self.part_var(part);
                            problems.push(part_problem(
                                part,
                                format!(
                                    "the {part} is given twice: in {used} and in {twice}; keep one of them"
                                ),
                            ));
                            return None;
                        }
                    }
                } else {
                    text
                };
                match checked_parse(self.parse, self.ctx.kind, &text) {
                    Ok(v) => {
                        if index > self.var.aliases.len() {
                            warnings.push(Warning::Deprecated {
                                used,
                                replacement: main_name,
                            });
                        }
                        Some(v)
                    }
                    Err(e) => {
                        problems.push(
                            problem(&used, ProblemKind::Invalid(e)).with_origin(from.to_string()),
                        );
                        None
                    }
                }
            }
            Fetch::Unset if set.is_empty() => {
                if unreadable {
                    return None;
                }
                if self.presence == Presence::Required {
                    problems.push(problem(
                        &main_name,
                        ProblemKind::MissingWithParts {
                            aliases: self.var.aliases.iter().map(|a| self.full(a)).collect(),
                            parts: self.var.parts.iter().map(|d| self.full(d.name)).collect(),
                        },
                    ));
                }
                None
            }
            Fetch::Unset => {
                if unreadable {
                    return None;
                }
                let Some((scheme, compose)) = self.ctx.compose else {
                    problems.push(problem(
                        &main_name,
                        ProblemKind::Parts(format!(
                            "this kind cannot be assembled from parts: set {main_name}"
                        )),
                    ));
                    return None;
                };
                let url = match (compose.write)(scheme, &values) {
                    Ok(url) => url,
                    Err(e) => {
                        let p = match e.part {
                            Some(part) if values.get(part).is_none() => {
                                let because =
                                    set.first().map_or_else(String::new, |(_, n, _)| n.clone());
                                part_problem(
                                    part,
                                    format!(
                                        "not set, but the {part} is required because {because} is set: set it too, or set {main_name} instead"
                                    ),
                                )
                            }
                            Some(part) => part_problem(part, e.message),
                            None => problem(&main_name, ProblemKind::Parts(e.message)),
                        };
                        problems.push(p);
                        return None;
                    }
                };
                match (self.parse)(&url) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        let names: Vec<&str> = set.iter().map(|(_, n, _)| n.as_str()).collect();
                        problems.push(
                            problem(&main_name, ProblemKind::Invalid(e))
                                .with_origin(format!("its parts {}", names.join(", "))),
                        );
                        None
                    }
                }
            }
        }
    }
}

/// The smallest index past `missing` that is set for the list `stem` (as `stem_N`, or
/// `stem_N_FILE` when `files`).
fn later_index(source: &dyn Source, stem: &str, missing: usize, files: bool) -> Option<usize> {
    let prefix = format!("{stem}_");
    let Some(names) = source.names_with_prefix(&prefix) else {
        return (missing + 1..missing + 64).find(|later| {
            let name = format!("{prefix}{later}");
            source.lookup(&name).is_some()
                || (files && source.lookup(&format!("{name}_FILE")).is_some())
        });
    };
    names
        .iter()
        .filter_map(|name| {
            let digits = name.get(prefix.len()..)?;
            let digits = match digits.strip_suffix("_FILE") {
                Some(d) if files => d,
                _ => digits,
            };
            // Only the canonical spelling of an index is an entry: `NAME_7`, not `NAME_07`.
            let canonical = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            if canonical { digits.parse().ok() } else { None }
        })
        .filter(|&i: &usize| i > missing)
        .min()
}

/// Parses `text`, refusing first the `***` placeholder a generated `.env.example` writes for a
/// credential: a copied example must not load as a working config.
fn checked_parse(
    parse: fn(&str) -> Result<Erased, crate::LocatorError>,
    kind: &'static str,
    text: &str,
) -> Result<Erased, crate::LocatorError> {
    // `***` is `crate::REDACTED`, in the places a generated example writes it.
    const FORMS: [&str; 4] = [":***@", "//***@", "=***", "/***/"];
    // A byte search first (memchr): most values hold no `*` at all.
    let placeholder = text.as_bytes().contains(&b'*')
        && (text == crate::REDACTED || FORMS.iter().any(|f| text.contains(f)));
    if placeholder {
        return Err(crate::LocatorError::invalid(
            kind,
            "it holds the `***` placeholder of a generated .env.example: replace it with the real credential",
        ));
    }
    parse(text)
}
