//! Validation: one function per rule, every error accumulated, each at the exact span.

use std::collections::HashMap;

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::ast::{Container, Field, Lit, Shape, builtin_name};

/// Runs every rule; the accumulator holds every error found.
pub fn validate(c: &Container<'_>, acc: &mut Accumulator) {
    no_generics(c, acc);
    for f in &c.fields {
        setting_is_not_a_resource(f, acc);
        parts_fit_the_kind(f, acc);
        empty_is_unset_fits(f, acc);
        no_literal_locator(c, f, acc);
        keys_fit_the_shape(f, acc);
        example_matches_kind(f, acc);
    }
    names_are_valid(c, acc);
    names_are_unique(c, acc);
    flattens_are_distinct(c, acc);
}

fn err(span: Span, message: impl std::fmt::Display) -> Error {
    Error::custom(message).with_span(&span)
}

/// The loading code is shared and static; a generic struct would need one manifest per
/// instantiation.
fn no_generics(c: &Container<'_>, acc: &mut Accumulator) {
    if !c.generics.params.is_empty() {
        acc.push(err(
            c.generics.span(),
            "#[derive(Resources)] does not take generic parameters: name the locator types of each field",
        ));
    }
}

/// A setting holds a plain value; a resource handle is never a setting (it would get a default
/// and come from code).
fn setting_is_not_a_resource(f: &Field<'_>, acc: &mut Accumulator) {
    let Some(setting) = &f.setting else {
        return;
    };
    if let Some(span) = f.resource_attr {
        acc.push(err(span, "a field is a resource or a setting, not both: keep `#[resource(…)]` for a locator (no default, from config) or `#[setting(…)]` for a plain value"));
    }
    if setting_is_a_locator(f) {
        let inner = crate::ast::generic_arg(f.locator_ty, "Vec").unwrap_or(f.locator_ty);
        let name = builtin_name(inner).unwrap_or_default();
        acc.push(err(inner.span(), format!(
            "`{name}` is a resource handle, not a setting: remove `#[setting]`; a resource comes from config and never has a default"
        )));
    }
    if let (Some(_), Some(serde)) = (setting.from_str, setting.serde) {
        acc.push(err(serde, "a setting is read one way: `from_str` (its `FromStr`) or `serde` (as envy decodes it), not both"));
    }
    let Some(default) = setting.default else {
        return;
    };
    if f.shape == Shape::Optional {
        acc.push(err(default.span(), "an `Option` setting has no default: it is `None` when unset; drop `Option` to use the default instead"));
    }
    for (text, span) in string_literals(default) {
        if resources_core::looks_like_locator(&text) {
            acc.push(err(span, format!(
                "this default is a resource handle: a locator in code defeats config; remove the default, make `{}` a resource field (`PostgresUrl`, `HttpUrl`, …) and set {} in the environment or a .env file",
                f.name, f.var.value
            )));
        }
    }
}

/// Whether a setting's type (or the element type of its `Vec`) is a built-in locator.
pub fn setting_is_a_locator(f: &Field<'_>) -> bool {
    let inner = crate::ast::generic_arg(f.locator_ty, "Vec").unwrap_or(f.locator_ty);
    builtin_name(inner)
        .is_some_and(|name| resources_core::__private::builtin_locator(&name).is_some())
}

/// `empty_is_unset` makes sense for a field that may be unset: an `Option` (or a setting with
/// a default).
fn empty_is_unset_fits(f: &Field<'_>, acc: &mut Accumulator) {
    let Some(span) = f.empty_is_unset else {
        return;
    };
    let defaulted = f.setting.as_ref().is_some_and(|s| s.default.is_some());
    if f.shape != Shape::Optional && !defaulted {
        acc.push(err(span, "`empty_is_unset` applies to an `Option` field (or a setting with a default): a required variable that is empty would still be missing"));
    }
}

/// Part variables name real parts of the field's kind, once each, on a single resource.
fn parts_fit_the_kind(f: &Field<'_>, acc: &mut Accumulator) {
    let Some(attr) = &f.attrs.parts else {
        return;
    };
    for (name, span) in &attr.unknown_conventions {
        let known: Vec<&str> = crate::attr::CONVENTIONS.iter().map(|(n, _)| *n).collect();
        acc.push(err(*span, format!(
            "unknown convention `{name}`: the built-in ones are {}; or name each part: `parts(host = \"…\", port = \"…\")`",
            known.join(", ")
        )));
    }
    let shape_error = match f.shape {
        Shape::List => Some(
            "`parts` does not apply to a `Vec` field: each indexed variable is a whole locator",
        ),
        Shape::Flatten => Some(
            "`parts` does not apply to a flattened field: declare parts on the fields of the nested struct",
        ),
        _ => None,
    };
    if let Some(message) = shape_error {
        acc.push(err(attr.span, message));
        return;
    }
    let names: Vec<&str> = resources_core::Part::ALL.iter().map(|p| p.name()).collect();
    let kind = builtin_name(f.locator_ty)
        .and_then(|n| resources_core::__private::builtin_locator(&n).map(|l| (n, l)));
    let mut seen: Vec<resources_core::Part> = Vec::new();
    for p in &f.parts {
        let Some(part) = p.part else {
            let close = names
                .iter()
                .find(|n| crate::expand::edit_distance(n, &p.key) <= 2);
            let message = match close {
                Some(n) => format!("unknown part `{}`: did you mean `{n}`?", p.key),
                None => format!(
                    "unknown part `{}`: the parts are {}",
                    p.key,
                    names.join(", ")
                ),
            };
            acc.push(err(p.key_span, message));
            continue;
        };
        if seen.contains(&part) {
            acc.push(err(
                p.key_span,
                format!("the {part} part is given twice: keep one variable for it"),
            ));
        }
        seen.push(part);
        if let Some((name, locator)) = &kind {
            match locator.compose {
                None => {
                    acc.push(err(
                        p.key_span,
                        format!("`{name}` cannot be given as parts: set its one variable"),
                    ));
                    return;
                }
                Some(compose) if !compose.parts.contains(&part) => {
                    let has: Vec<&str> = compose.parts.iter().map(|p| p.name()).collect();
                    acc.push(err(
                        p.key_span,
                        format!(
                            "`{name}` has no {part} part: its parts are {}",
                            has.join(", ")
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

/// Every string literal in an expression (`"…"`, `String::from("…")`, `concat!("…")`).
fn string_literals(expr: &syn::Expr) -> Vec<(String, Span)> {
    fn walk(tokens: proc_macro2::TokenStream, out: &mut Vec<(String, Span)>) {
        for tt in tokens {
            match tt {
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), out),
                proc_macro2::TokenTree::Literal(lit) => {
                    if let syn::Lit::Str(s) = syn::Lit::new(lit) {
                        out.push((s.value(), s.span()));
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(quote::ToTokens::to_token_stream(expr), &mut out);
    out
}

/// How a message names the variable of field `f`: its full name; for a locator type the derive
/// does not know, whose type decides whether the derived `_URL` stays, both names it may be.
fn var_text(c: &Container<'_>, f: &Field<'_>) -> String {
    let prefix = c.prefix();
    let name = &f.var.value;
    match name.strip_suffix("_URL").filter(|_| f.derived_url()) {
        Some(stem) => format!(
            "the variable of field `{}` ({prefix}{name}, or {prefix}{stem} if its type is not URL-shaped)",
            f.name
        ),
        None => format!("{prefix}{name}"),
    }
}

/// Resource handles come from config, never from code: no spelling of a literal locator.
fn no_literal_locator(c: &Container<'_>, f: &Field<'_>, acc: &mut Accumulator) {
    let a = f.attrs;
    let given = [
        ("default", &a.default),
        ("default_value", &a.default_value),
        ("value", &a.value),
        ("url", &a.url),
        ("fallback", &a.fallback),
    ];
    for (key, lit) in given {
        if let Some(lit) = lit {
            let var = var_text(c, f);
            // `fallback = "OTHER_VAR"` names another variable to read: that is an alias.
            if let Some(other) = lit
                .1
                .as_deref()
                .filter(|v| key == "fallback" && valid_name(v))
            {
                acc.push(err(lit.0, fallback_message(c.prefix(), other, &var)));
                continue;
            }
            acc.push(err(
                lit.0,
                format!(
                    "resource handles come from config, not code: remove `{key}` and set {var} in the environment or a .env file \
                     (`example = \"…\"` documents a sample value without using it)"
                ),
            ));
        }
    }
}

/// `fallback = "OTHER"` points to `alias`, which takes the container prefix: the alias to
/// write reads `OTHER` when it starts with the prefix, else the prefix before it.
fn fallback_message(prefix: &str, other: &str, var: &str) -> String {
    if prefix.is_empty() {
        return format!(
            "to read {other} when {var} is unset, write `alias = \"{other}\"` instead of `fallback`"
        );
    }
    match other.strip_prefix(prefix).filter(|a| valid_name(a)) {
        Some(alias) => format!(
            "to read {other} when {var} is unset, write `alias = \"{alias}\"` instead of `fallback` \
             (an alias takes the container prefix `{prefix}`)"
        ),
        None => format!(
            "write `alias = \"{other}\"` instead of `fallback` to read {prefix}{other} when {var} is unset: \
             an alias takes the container prefix `{prefix}` (every variable of this struct starts with it: \
             {other} without it cannot be read)"
        ),
    }
}

/// Keys that only make sense for some field shapes.
fn keys_fit_the_shape(f: &Field<'_>, acc: &mut Accumulator) {
    let a = f.attrs;
    if f.shape == Shape::Flatten {
        let nested = crate::ast::last_ident(f.locator_ty).map_or_else(
            || "the nested struct".to_owned(),
            |s| format!("`{}`", s.ident),
        );
        if let Some(env) = &a.env {
            acc.push(err(env.span(), format!("a flattened field has no variable of its own: its variables come from {nested}; use `prefix = \"…\"` to set them apart")));
        }
        for alias in &a.alias {
            acc.push(err(alias.span(), format!("`alias` does not apply to a flattened field: declare aliases on the fields of {nested}")));
        }
        for old in &a.deprecated {
            acc.push(err(old.span(), format!("`deprecated` does not apply to a flattened field: declare deprecated names on the fields of {nested}")));
        }
        if let Some(b) = &a.binding {
            acc.push(err(b.span(), format!("`binding` does not apply to a flattened field: name the binding on the fields of {nested}")));
        }
        if let Some(example) = &a.example {
            acc.push(err(example.span(), format!("`example` does not apply to a flattened field: declare examples on the fields of {nested}")));
        }
        if let Some(min) = &a.min {
            acc.push(err(
                min.span(),
                "`min` applies to `Vec` fields, not flattened ones",
            ));
        }
        if crate::ast::generic_arg(f.ty, "Vec").is_some() {
            acc.push(err(f.ty.span(), "a flattened field is a struct that derives `Resources` (or an `Option` of one, all or none), not `Vec<…>`: declare one flattened field per instance, each with its own `prefix`"));
        }
    } else {
        if let Some(prefix) = &a.prefix {
            acc.push(err(prefix.span(), format!(
                "`prefix` applies to flattened fields (`#[resource(flatten, prefix = \"…\")]`); for one variable, write its full name with `env = \"{}{}\"`",
                prefix.as_str(), f.var.value
            )));
        }
        if let (Some(min), false) = (&a.min, f.shape == Shape::List) {
            acc.push(err(min.span(), "`min` applies to `Vec` fields: the fewest indexed variables (`NAME_0`, `NAME_1`, …) required"));
        }
        if f.shape == Shape::List {
            for alias in &a.alias {
                acc.push(err(alias.span(), "`alias` does not apply to a `Vec` field: its variables are the indexed `NAME_0`, `NAME_1`, …"));
            }
            for old in &a.deprecated {
                acc.push(err(old.span(), "`deprecated` does not apply to a `Vec` field: its variables are the indexed `NAME_0`, `NAME_1`, …"));
            }
            if let Some(b) = &a.binding {
                acc.push(err(b.span(), "`binding` does not apply to a `Vec` field: a service binding holds one resource"));
            }
        }
    }
}

/// An example ends up in committed docs: it must be a valid locator of the field's kind
/// (checked for the built-in locator types).
fn example_matches_kind(f: &Field<'_>, acc: &mut Accumulator) {
    let (Some(example), Some(name)) = (&f.example, builtin_name(f.locator_ty)) else {
        return;
    };
    let Some(locator) = resources_core::__private::builtin_locator(&name) else {
        return;
    };
    if let Err(e) = (locator.parse)(&example.value) {
        acc.push(err(
            example.span,
            format!("this example is not a valid {name}: {e}"),
        ));
    }
}

/// `A`–`Z`, `0`–`9` and `_`, not starting with a digit.
fn valid_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn name_error(what: &str, lit: &Lit<String>) -> Error {
    if lit.value.is_empty() {
        return err(
            lit.span,
            format!(
                "the {what} is empty: write one, such as `DATABASE_URL`, or leave the key out to derive it from the field"
            ),
        );
    }
    let suggestion: String = lit
        .value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    let hint = if valid_name(&suggestion) && !suggestion.is_empty() {
        format!(" (`{suggestion}`)")
    } else {
        String::new()
    };
    err(
        lit.span,
        format!(
            "`{}` is not a valid {what}: use uppercase letters, digits and `_`, not starting with a digit{hint}",
            lit.value
        ),
    )
}

/// Every name, alias and prefix is a portable environment variable name.
fn names_are_valid(c: &Container<'_>, acc: &mut Accumulator) {
    if let Some(p) = &c.prefix
        && !valid_name(&p.value)
    {
        acc.push(name_error("prefix", p));
    }
    for f in &c.fields {
        if f.shape == Shape::Flatten {
            if let Some(p) = &f.prefix
                && !valid_name(&p.value)
            {
                acc.push(name_error("prefix", p));
            }
            continue;
        }
        if !valid_name(&f.var.value) {
            if f.explicit_env {
                acc.push(name_error("variable name", &f.var));
            } else {
                acc.push(err(f.var.span, format!(
                    "cannot derive a variable name from the field `{}`: set one with `#[{}(env = \"…\")]`",
                    f.name,
                    if f.setting.is_some() { "setting" } else { "resource" }
                )));
            }
        }
        for alias in f
            .aliases
            .iter()
            .chain(&f.deprecated)
            .chain(f.parts.iter().map(|p| &p.var))
        {
            if !valid_name(&alias.value) {
                acc.push(name_error("variable name", alias));
            }
        }
    }
}

/// Whether `a` and `b` could clash: the same name, one the `_FILE` form of the other, or one
/// an indexed name (`_<digits>`) of the other.
fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.strip_prefix(short) {
        Some("") | Some("_FILE") => true,
        Some(rest) => rest
            .strip_prefix('_')
            .is_some_and(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// The names a field may be read from under the container prefix: its main name (both forms
/// when its type decides the `_URL`), then its aliases, deprecated names and parts.
fn possible_names(c: &Container<'_>, f: &Field<'_>) -> (Vec<String>, Vec<String>) {
    let prefix = c.prefix();
    let mut main = vec![format!("{prefix}{}", f.var.value)];
    if f.derived_url()
        && let Some(stem) = f.var.value.strip_suffix("_URL")
    {
        main.push(format!("{prefix}{stem}"));
    }
    let others = f
        .aliases
        .iter()
        .chain(&f.deprecated)
        .chain(f.parts.iter().map(|p| &p.var))
        .map(|a| format!("{prefix}{}", a.value))
        .collect();
    (main, others)
}

/// For each field, whether its type decides its `_URL` and it needs the const name check: one
/// of the two forms of its name could clash with a name of a field (the two forms of another
/// such field's, its own aliases included). Names under flattened fields are checked by the
/// flattened field's own check. The names of every field are built once.
pub fn may_clash(c: &Container<'_>) -> Vec<bool> {
    let names: Vec<Option<(Vec<String>, Vec<String>)>> = c
        .fields
        .iter()
        .map(|g| (g.shape != Shape::Flatten).then(|| possible_names(c, g)))
        .collect();
    let clashes = |i: usize, mine: &[String]| {
        names.iter().enumerate().any(|(j, n)| {
            let Some((main, others)) = n else {
                return false;
            };
            // Its own aliases count, not its own name.
            let main = if j == i { &[][..] } else { &main[..] };
            main.iter()
                .chain(others)
                .any(|other| mine.iter().any(|name| related(name, other)))
        })
    };
    c.fields
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, (f, n))| match n {
            Some((mine, _)) if f.derived_url() => clashes(i, mine),
            _ => false,
        })
        .collect()
}

/// No two variables share a name once the container prefix applies; no name is another's
/// `_FILE` form or one of a list's indexed names.
fn names_are_unique(c: &Container<'_>, acc: &mut Accumulator) {
    let prefix = c.prefix();
    // (full name, span, is a list stem)
    let mut names: Vec<(String, Span, bool)> = Vec::new();
    for f in c.fields.iter().filter(|f| f.shape != Shape::Flatten) {
        // A name whose `_URL` the type decides is checked in const evaluation, as it is read:
        // against the others, their `_FILE` forms and indexed names (`names::check_unique_names`).
        if !f.derived_url() {
            names.push((
                format!("{prefix}{}", f.var.value),
                f.var.span,
                f.shape == Shape::List,
            ));
        }
        for alias in f
            .aliases
            .iter()
            .chain(&f.deprecated)
            .chain(f.parts.iter().map(|p| &p.var))
        {
            names.push((format!("{prefix}{}", alias.value), alias.span, false));
        }
    }
    let mut first: HashMap<&str, Span> = HashMap::new();
    for (name, span, _) in &names {
        match first.get(name.as_str()) {
            Some(earlier) => {
                acc.push(err(
                    *span,
                    format!("the variable `{name}` is declared twice: give this one another name"),
                ));
                acc.push(err(
                    *earlier,
                    format!("note: `{name}` is first declared here"),
                ));
            }
            None => {
                first.insert(name, *span);
            }
        }
    }
    for (name, span, _) in &names {
        if let Some(base) = name.strip_suffix("_FILE")
            && first.contains_key(base)
        {
            acc.push(err(*span, format!(
                "`{name}` is the file form of `{base}` (its value may be read from the file `{name}` names): give this variable another name"
            )));
        }
        for (stem, _, is_list) in &names {
            if *is_list
                && let Some(index) = name.strip_prefix(&format!("{stem}_"))
                && !index.is_empty()
                && index.bytes().all(|b| b.is_ascii_digit())
            {
                acc.push(err(*span, format!("`{name}` is one of the indexed variables of the list `{stem}`: give this variable another name")));
            }
        }
    }
}

/// The same struct flattened twice needs two prefixes.
fn flattens_are_distinct(c: &Container<'_>, acc: &mut Accumulator) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for f in c.fields.iter().filter(|f| f.shape == Shape::Flatten) {
        let ty = quote::ToTokens::to_token_stream(f.ty).to_string();
        let prefix = f.flatten_prefix();
        if seen.iter().any(|(t, p)| *t == ty && *p == prefix) {
            let span = f.prefix.as_ref().map_or_else(|| f.ident.span(), |p| p.span);
            acc.push(err(span, format!(
                "`{ty}` is flattened twice with the same prefix `{prefix}`: their variables would collide; give each a different `prefix`"
            )));
        }
        seen.push((ty, prefix));
    }
}
