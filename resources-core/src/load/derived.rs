//! The one loading loop every derived struct shares: a walk over its manifest.

use crate::error::{LoadError, Problem, ProblemKind};
use crate::source::Source;

use super::lookup::Scratch;
use super::manifest::{Entry, Manifest, Var, redact_example};
use super::step::{Context, load_var};
use super::values::{Erased, Values};
use super::warning::Warning;

/// The one loading loop every derived struct shares: walks the manifest, looks every variable
/// up, parses it with its locator's entry point, and collects every problem.
pub fn load_values(
    source: &dyn Source,
    manifest: &'static Manifest,
    strict: bool,
) -> Result<(Values, Vec<Warning>), LoadError> {
    let mut values = Vec::with_capacity(manifest.entries.len());
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut scratch = Scratch::new(source);
    walk(
        source,
        manifest,
        "",
        "",
        &mut values,
        &mut problems,
        &mut warnings,
        &mut scratch,
    );
    for (var, suggestion) in super::unknown::unknown_names(source, manifest) {
        if strict {
            problems.push(Problem::new(
                var,
                manifest.type_name,
                ProblemKind::Unknown { suggestion },
            ));
        } else {
            warnings.push(Warning::Unknown { var, suggestion });
        }
    }
    match LoadError::from_problems(problems) {
        Some(err) => Err(err),
        None => Ok((Values::new(values), warnings)),
    }
}

#[allow(clippy::too_many_arguments)]
fn walk(
    source: &dyn Source,
    manifest: &'static Manifest,
    prefix: &str,
    path: &str,
    values: &mut Vec<Option<Erased>>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Warning>,
    scratch: &mut Scratch,
) {
    let prefix: std::borrow::Cow<'_, str> = if manifest.prefix.is_empty() {
        prefix.into()
    } else {
        format!("{prefix}{}", manifest.prefix).into()
    };
    for entry in manifest.entries {
        match entry {
            Entry::Var(decl) => {
                let var = Var {
                    name: decl.name,
                    aliases: decl.aliases,
                    field: Some(decl.field),
                    deprecated: decl.deprecated,
                    parts: decl.parts,
                };
                let info = (decl.locator.info)();
                // The example is shown redacted, as in the docs.
                let example = || redact_example(decl.locator, decl.example.unwrap_or(info.example));
                let ctx = Context {
                    kind: info.kind,
                    example: &example,
                    field: Some((path, decl.field)),
                    compose: decl
                        .locator
                        .compose
                        .map(|c| (info.schemes.first().map_or("", |s| s.name), c)),
                };
                let value = load_var(
                    source,
                    &prefix,
                    &var,
                    decl.presence,
                    &ctx,
                    decl.locator.parse,
                    problems,
                    warnings,
                    scratch,
                );
                // An unset setting with a default takes it; on a problem the load fails anyway.
                values.push(value.or_else(|| decl.default.map(|d| (d.value)())));
            }
            Entry::Flatten(flat) => walk(
                source,
                flat.manifest,
                &format!("{prefix}{}", flat.prefix),
                &format!("{path}{}.", flat.field),
                values,
                problems,
                warnings,
                scratch,
            ),
        }
    }
}
