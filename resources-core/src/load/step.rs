//! The loading step every variable shares, for the derive's loop and for [`Loader`](super::Loader):
//! look the names up, parse, record a problem.

use crate::error::{Problem, ProblemKind};
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
            entry.push_str(&format!("{stem}_{index}"));
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
        // A gap: a later index set after the first unset one (checked over a bounded window).
        for later in index + 1..index + 64 {
            let name = format!("{stem}_{later}");
            if source.lookup(&name).is_some()
                || (scratch.files && source.lookup(&format!("{name}_FILE")).is_some())
            {
                problems.push(problem(
                    &stem,
                    ProblemKind::ListGap {
                        missing: index,
                        found: later,
                    },
                ));
                break;
            }
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
