//! The loading step every variable shares, for the derive's loop and for [`Loader`](super::Loader):
//! look the names up, parse, record a problem.

use std::fmt::Write as _;

use crate::error::{Problem, ProblemKind};
use crate::source::Source;

use super::lookup::{Fetch, Scratch, fetch};
use super::manifest::{Presence, Var};
use super::values::Erased;

/// What a problem of one variable says besides the variable, computed only when there is one.
pub(crate) struct Context<'c> {
    /// The kind's name.
    pub kind: &'static str,
    /// The example to show (computed on demand: it may need a parse to redact).
    pub example: &'c dyn Fn() -> String,
    /// The field path: `(path of the enclosing flattened fields, field)`.
    pub field: Option<(&'c str, &'c str)>,
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
    scratch: &mut Scratch,
) -> Option<Erased> {
    let problem = |name: &str, what| {
        let mut p = Problem::new(name, ctx.kind, what).with_example((ctx.example)());
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
                Fetch::Found { text, from, .. } => match parse(&text) {
                    Ok(v) => items.push(v),
                    Err(e) => problems.push(
                        problem(&entry, ProblemKind::Invalid(e)).with_origin(from.to_string()),
                    ),
                },
                Fetch::Failed { var, what, origin } => problems.push(failed(&var, what, origin)),
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
    let names = std::iter::once(var.name).chain(var.aliases.iter().copied());
    match fetch(source, prefix, names, scratch) {
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
        Fetch::Found { index, text, from } => match parse(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                let name = if index == 0 {
                    var.name
                } else {
                    var.aliases[index - 1]
                };
                let var = format!("{prefix}{name}");
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
