//! The one loading loop every derived struct shares: a walk over its manifest.

use crate::error::{LoadError, Problem, ProblemKind};
use crate::source::Source;

use super::lookup::Scratch;
use super::manifest::{Entry, FlattenDecl, Manifest, Var, VarDecl, redact_example};
use super::step::{Context, load_var};
use super::values::{Erased, Values};
use super::warning::Warning;

/// The one loading loop every derived struct shares: walks the manifest, looks every variable
/// up, parses it with its locator's entry point, and collects every problem.
pub(crate) fn load_values(
    source: &dyn Source,
    manifest: &'static Manifest,
    strict: bool,
) -> Result<(Values, Vec<Warning>), LoadError> {
    let mut walk = Walk {
        source,
        values: Vec::with_capacity(manifest.entries.len()),
        problems: Vec::new(),
        warnings: Vec::new(),
        scratch: Scratch::new(source),
        first_set: None,
    };
    walk.walk(manifest, "", "");
    let Walk {
        values,
        mut problems,
        mut warnings,
        ..
    } = walk;
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

/// The state of one load's walk over a manifest.
struct Walk<'s> {
    source: &'s dyn Source,
    values: Vec<Option<Erased>>,
    problems: Vec<Problem>,
    warnings: Vec<Warning>,
    scratch: Scratch,
    /// The first variable found set since the innermost all-or-none group began.
    first_set: Option<String>,
}

impl Walk<'_> {
    fn walk(&mut self, manifest: &'static Manifest, prefix: &str, path: &str) {
        let prefix: std::borrow::Cow<'_, str> = if manifest.prefix.is_empty() {
            prefix.into()
        } else {
            format!("{prefix}{}", manifest.prefix).into()
        };
        for entry in manifest.entries {
            match entry {
                Entry::Var(decl) => self.var(decl, &prefix, path),
                Entry::Flatten(flat) if flat.optional => self.group(flat, &prefix, path),
                Entry::Flatten(flat) => self.walk(
                    flat.manifest,
                    &format!("{prefix}{}", flat.prefix),
                    &format!("{path}{}.", flat.field),
                ),
            }
        }
    }

    fn var(&mut self, decl: &'static VarDecl, prefix: &str, path: &str) {
        let var = Var {
            name: decl.name,
            aliases: decl.aliases,
            field: Some(decl.field),
            deprecated: decl.deprecated,
            parts: decl.parts,
            empty_is_unset: decl.empty_is_unset,
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
        let before = self.problems.len();
        let value = load_var(
            self.source,
            prefix,
            &var,
            decl.presence,
            &ctx,
            decl.locator.parse,
            &mut self.problems,
            &mut self.warnings,
            &mut self.scratch,
        );
        // Set: a value (a list with an entry), or a problem other than "not set".
        let has_value = match &value {
            Some(v) => v
                .downcast_ref::<Vec<Erased>>()
                .is_none_or(|l| !l.is_empty()),
            None => false,
        };
        let set = has_value
            || self.problems[before..].iter().any(|p| {
                !matches!(
                    p.what(),
                    ProblemKind::Missing { .. } | ProblemKind::MissingWithParts { .. }
                )
            });
        if set && self.first_set.is_none() {
            self.first_set = Some(format!("{prefix}{}", decl.name));
        }
        // An unset setting with a default takes it; on a problem the load fails anyway.
        self.values
            .push(value.or_else(|| decl.default.map(|d| (d.value)())));
    }

    /// An `Option` of a flattened struct: none of its variables set → absent (its defaults and
    /// "not set" problems dropped); any set → present, and each missing required variable is a
    /// problem that names the set one.
    fn group(&mut self, flat: &'static FlattenDecl, prefix: &str, path: &str) {
        let outer = self.first_set.take();
        let marker = self.values.len();
        self.values.push(None);
        let (problems, warnings) = (self.problems.len(), self.warnings.len());
        self.walk(
            flat.manifest,
            &format!("{prefix}{}", flat.prefix),
            &format!("{path}{}.", flat.field),
        );
        match self.first_set.take() {
            None => {
                self.values.truncate(marker + 1);
                self.problems.truncate(problems);
                self.warnings.truncate(warnings);
                self.first_set = outer;
            }
            Some(because) => {
                self.values[marker] = Some(Box::new(()));
                for p in &mut self.problems[problems..] {
                    if matches!(
                        p.what(),
                        ProblemKind::Missing { .. } | ProblemKind::MissingWithParts { .. }
                    ) {
                        p.set_what(ProblemKind::MissingInGroup {
                            because: because.clone(),
                        });
                    }
                }
                self.first_set = outer.or(Some(because));
            }
        }
    }
}

/// Loads `manifest` from `source` and builds the value with `build`, in code compiled once
/// here rather than in each user's crate: the generic `Resources` methods only wrap it.
///
/// Every value was checked against the manifest, so the build is a move per field; a builder
/// that disagrees with its manifest (a hand-written `__build`) panics inside, and that bug is
/// reported as an error rather than unwinding into the caller.
#[inline(never)]
pub fn load_and_build(
    source: &dyn Source,
    manifest: &'static Manifest,
    strict: bool,
    build: &mut dyn FnMut(&mut Values),
) -> Result<Vec<Warning>, LoadError> {
    let (mut values, warnings) = load_values(source, manifest, strict)?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(&mut values)))
        .map(|()| warnings)
        .map_err(|_| LoadError::mismatch())
}

/// [`load_and_build`] without the warnings.
#[inline(never)]
pub fn load_and_build_quiet(
    source: &dyn Source,
    manifest: &'static Manifest,
    strict: bool,
    build: &mut dyn FnMut(&mut Values),
) -> Result<(), LoadError> {
    load_and_build(source, manifest, strict, build).map(drop)
}

/// [`load_and_build`] from a snapshot of the process environment, without the warnings.
#[inline(never)]
pub fn load_and_build_env(
    manifest: &'static Manifest,
    strict: bool,
    build: &mut dyn FnMut(&mut Values),
) -> Result<(), LoadError> {
    load_and_build_quiet(&crate::source::Env::snapshot(), manifest, strict, build)
}
