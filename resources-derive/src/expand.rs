//! Code generation: a pure function of the validated model.
//!
//! The expansion is table-driven: a static manifest (one entry per field, naming the locator
//! type once) read by the one loading loop in `resources-core`, and a builder that moves each
//! loaded value into its field. No per-field loading code is generated.

use darling::FromDeriveInput;
use darling::FromField;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Container, Field, Parsed, Parser, Shape, builtin_name, generic_arg, last_ident};
use crate::attr::{ContainerAttrs, FieldAttrs, Marks, SettingAttrs};
use crate::{fallback, valid};

/// The whole derive: parse, model, validate, expand (or fall back with every error).
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let mut acc = darling::Error::accumulator();
    let fields = named_fields(input, &mut acc);
    let container = acc
        .handle(ContainerAttrs::from_derive_input(input).map_err(|e| suggest(e, CONTAINER_KEYS)));
    let mut parsed: Vec<Parsed> = Vec::new();
    // Fields whose attributes have errors, read for their shape only: the stub checks their
    // types, so a wrong type is reported in the same build as the attribute error.
    let mut shapes: Vec<Parsed> = Vec::new();
    for f in &fields {
        let attrs = acc.handle(FieldAttrs::from_field(f).map_err(|e| suggest(e, FIELD_KEYS)));
        let setting = acc.handle(SettingAttrs::from_field(f).map_err(|e| suggest(e, SETTING_KEYS)));
        match (attrs, setting) {
            (Some(attrs), Some(setting)) => parsed.push(Parsed {
                attrs,
                setting,
                marks: Marks::of(f),
            }),
            _ => shapes.extend(fallback::shape_only(f)),
        }
    }
    let krate = container
        .as_ref()
        .and_then(|c| c.krate.clone())
        .unwrap_or_else(|| syn::parse_quote!(::resources));
    let errors = match container {
        Some(container) => {
            let model = Container::from_attrs(&container, &parsed);
            valid::validate(&model, &mut acc);
            match acc.finish() {
                Ok(()) => return expand(&model),
                Err(e) => e.write_errors(),
            }
        }
        None => acc_errors(acc),
    };
    let checked: Vec<Field<'_>> = parsed
        .iter()
        .chain(&shapes)
        .filter_map(Field::from_attrs)
        .collect();
    fallback::expand(input, &krate, errors, &checked)
}

/// The keys of `#[resources(...)]`.
const CONTAINER_KEYS: &[&str] = &["prefix", "crate", "strict"];
/// The keys of `#[resource(...)]` a user should write.
const FIELD_KEYS: &[&str] = &[
    "env",
    "alias",
    "deprecated",
    "empty_is_unset",
    "binding",
    "example",
    "flatten",
    "prefix",
    "min",
];
/// The keys of `#[setting(...)]`.
const SETTING_KEYS: &[&str] = &[
    "env",
    "alias",
    "deprecated",
    "default",
    "from_str",
    "serde",
    "empty_is_unset",
];

/// Adds "did you mean" to unknown-key errors darling found no close match for (it misses
/// transpositions such as `evn` for `env`), and says which keys exist.
fn suggest(errors: darling::Error, keys: &[&str]) -> darling::Error {
    let mapped = errors.into_iter().map(|e| {
        let text = e.to_string();
        let Some(key) = text
            .strip_prefix("Unknown field: `")
            .and_then(|rest| rest.split('`').next())
        else {
            return e;
        };
        if text.contains("Did you mean") {
            return e;
        }
        let close = keys.iter().find(|k| edit_distance(k, key) <= 2);
        let message = match close {
            Some(k) => format!("unknown key `{key}`: did you mean `{k}`?"),
            None => format!(
                "unknown key `{key}`: expected one of {}",
                keys.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        darling::Error::custom(message).with_span(&e.span())
    });
    darling::Error::multiple(mapped.collect())
}

/// Optimal string alignment distance (insertions, deletions, substitutions, transpositions).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn acc_errors(acc: darling::error::Accumulator) -> TokenStream {
    match acc.finish() {
        Ok(()) => TokenStream::new(),
        Err(e) => e.write_errors(),
    }
}

/// The named fields, or an error saying which shapes the derive takes.
fn named_fields<'a>(
    input: &'a syn::DeriveInput,
    acc: &mut darling::error::Accumulator,
) -> Vec<&'a syn::Field> {
    let what = match &input.data {
        syn::Data::Struct(s) => match &s.fields {
            syn::Fields::Named(named) => return named.named.iter().collect(),
            syn::Fields::Unnamed(_) => "a tuple struct",
            syn::Fields::Unit => "a unit struct",
        },
        syn::Data::Enum(_) => "an enum",
        syn::Data::Union(_) => "a union",
    };
    acc.push(
        darling::Error::custom(format!(
            "#[derive(Resources)] takes a struct with named fields, one per resource; `{}` is {what}",
            input.ident
        ))
        .with_span(&input.ident),
    );
    Vec::new()
}

/// The generated impl.
pub fn expand(c: &Container<'_>) -> TokenStream {
    let krate = &c.krate;
    let ident = c.ident;
    let type_name = ident.to_string();
    let prefix = c.prefix();
    // The table, as columns: a few tokens per field (see `__private::entries`).
    let fields = c.fields.iter().map(|f| &f.name);
    let names = c.fields.iter().map(|f| match f.shape {
        Shape::Flatten => "",
        _ => f.var.value.as_str(),
    });
    let cols = columns(c);
    let docs = c.fields.iter().map(|f| &f.description);
    let plain = c
        .fields
        .iter()
        .all(|f| extra(f).to_string() == quote!(__r::NONE).to_string());
    let extras = c.fields.iter().map(extra);
    let entries = if plain {
        quote!(__r::plain_entries([#(#fields),*], [#(#names),*], #cols, [#(#docs),*]))
    } else {
        quote!(__r::entries([#(#fields),*], [#(#names),*], #cols, [#(#docs),*], [#(#extras),*]))
    };
    let builds = c.fields.iter().enumerate().map(build);
    let doc = doc_table(c);
    let strict = c.strict.then(|| {
        quote!(
            const STRICT: bool = true;
        )
    });
    // Names under flattened fields are only known to the nested types, and a derived `_URL` is
    // dropped for a type that is not URL-shaped: check them in const evaluation, one check per
    // such field at its span, so a collision fails the build there. A name the type decides is
    // checked only if one of its two forms could clash: most fields add no check.
    let clash = valid::may_clash(c);
    let checked: Vec<(usize, &Field<'_>)> = c
        .fields
        .iter()
        .enumerate()
        .filter(|(i, f)| f.shape == Shape::Flatten || clash[*i])
        .collect();
    let checks = checked.iter().map(|(index, f)| {
        let index = proc_macro2::Literal::usize_unsuffixed(*index);
        quote_spanned!(f.ident.span()=> const _: () = __r::check_unique_names(__M, #index, __C);)
    });
    let indexes = checked
        .iter()
        .map(|(index, _)| proc_macro2::Literal::usize_unsuffixed(*index));
    // One item per check: each is evaluated, so every collision is reported; `__C` lists the
    // checked fields, so a clash of two of them is reported once.
    let names_check = (!checked.is_empty()).then(|| {
        quote! {
            const __M: &__r::Manifest = <#ident as #krate::Resources>::MANIFEST;
            const __C: &[::core::primitive::usize] = &[#(#indexes),*];
            #(#checks)*
        }
    });
    quote! {
        const _: () = {
            use #krate::__private as __r;

            #names_check

            #[doc = #doc]
            #[automatically_derived]
            impl #krate::Resources for #ident {
                const MANIFEST: &'static __r::Manifest = &__r::Manifest {
                    type_name: #type_name,
                    prefix: #prefix,
                    entries: &#entries,
                };

                #strict

                fn __build(__v: &mut __r::Values) -> Self {
                    Self { #(#builds),* }
                }
            }
        };
    }
}

/// The column of every field. Fields of the same built-in type and shape share one column:
/// the distinct columns are written once and every field is an index into them (`__r::pick`),
/// so a struct of many fields of a few types names each type once. Only the library's locator
/// types and the primitive settings share a column; any other type keeps its own column at its
/// field's span, so a type that is not a locator is reported at every field that has it, in
/// one build. A default holds the user's expression and is never shared. (A crate's own type
/// named like one of the library's locators, that is not a locator, is reported once, at the
/// first field that has it.)
fn columns(c: &Container<'_>) -> TokenStream {
    let mut distinct: Vec<(Option<String>, TokenStream)> = Vec::new();
    let mut index: Vec<proc_macro2::Literal> = Vec::new();
    for f in &c.fields {
        let col = col(f);
        let key = shares_column(f).then(|| col.to_string());
        let at = match distinct
            .iter()
            .position(|(k, _)| key.is_some() && *k == key)
        {
            Some(at) => at,
            None => {
                distinct.push((key, col));
                distinct.len() - 1
            }
        };
        index.push(proc_macro2::Literal::usize_unsuffixed(at));
    }
    let kinds = distinct.iter().map(|(_, col)| col);
    if distinct.len() == c.fields.len() {
        quote!([#(#kinds),*])
    } else {
        quote!(__r::pick([#(#kinds),*], [#(#index),*]))
    }
}

/// Whether the field's column may be shared: a built-in locator type, or a primitive setting
/// type (or `String`) read as a [`Setting`](resources_core::Setting) without a default.
fn shares_column(f: &Field<'_>) -> bool {
    let plain_name = || {
        last_ident(f.locator_ty)
            .filter(|s| s.arguments.is_none())
            .map(|s| s.ident.to_string())
    };
    match &f.setting {
        Some(setting) => {
            setting.parser == Parser::Setting
                && setting.default.is_none()
                && plain_name()
                    .is_some_and(|n| resources_core::__private::builtin_setting(&n).is_some())
        }
        None => {
            // `Secret<String>` is the one built-in with an argument of its own (another
            // `Secret<T>` may not be a locator); `ServiceUrl<Kind>` is named by its kind.
            let plain = plain_name().is_some()
                || generic_arg(f.locator_ty, "ServiceUrl").is_some()
                || generic_arg(f.locator_ty, "Secret")
                    .and_then(last_ident)
                    .is_some_and(|s| s.ident == "String" && s.arguments.is_none());
            f.shape != Shape::Flatten
                && plain
                && builtin_name(f.locator_ty)
                    .is_some_and(|n| resources_core::__private::builtin_locator(&n).is_some())
        }
    }
}

/// How a field is loaded; the locator type is named here, at the field's type span, so a type
/// that is not a locator is reported on the field.
pub(crate) fn col(f: &Field<'_>) -> TokenStream {
    let ty = f.locator_ty;
    if let Some(setting) = &f.setting {
        let (fns, text) = match setting.parser {
            Parser::Setting => (
                quote_spanned!(ty.span()=> __r::setting_fns::<#ty>()),
                quote_spanned!(ty.span()=> __r::setting_text_fn::<#ty>()),
            ),
            Parser::FromStr => (
                quote_spanned!(ty.span()=> __r::from_str_fns::<#ty>()),
                quote!(::core::option::Option::None),
            ),
            Parser::Serde => (
                quote_spanned!(ty.span()=> __r::serde_fns::<#ty>()),
                quote!(::core::option::Option::None),
            ),
        };
        return match (f.shape, setting.default) {
            (Shape::Optional, _) if setting.parser == Parser::Setting => {
                quote_spanned!(ty.span()=> __r::setting_opt::<#ty>())
            }
            (_, None) if setting.parser == Parser::Setting => {
                quote_spanned!(ty.span()=> __r::setting::<#ty>())
            }
            (Shape::Optional, _) => quote!(__r::set_opt(#fns)),
            (_, None) => quote!(__r::set_req(#fns)),
            (_, Some(default)) => {
                // The user's expression, checked against the field's type at its own span; a
                // string literal converts with `From<&str>` (`String`, `PathBuf`).
                let value = match default {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(_),
                        ..
                    }) => quote_spanned!(default.span()=> ::core::convert::From::from(#default)),
                    _ => quote!(#default),
                };
                let typed = quote_spanned!(default.span()=> { let __resources_default: #ty = #value; __resources_default });
                let written = written(default);
                quote!(__r::set_default(#fns, || __r::erase::<#ty>(#typed), #text, #written))
            }
        };
    }
    let col = match f.shape {
        Shape::Required => quote_spanned!(ty.span()=> __r::req::<#ty>()),
        Shape::Optional => quote_spanned!(ty.span()=> __r::opt::<#ty>()),
        Shape::List => {
            let min = f.min.as_ref().map_or(0, |m| m.value);
            quote_spanned!(ty.span()=> __r::list::<#ty>(#min))
        }
        Shape::Flatten if f.is_optional_group() => {
            quote_spanned!(ty.span()=> __r::flat_opt::<#ty>())
        }
        Shape::Flatten => quote_spanned!(ty.span()=> __r::flat::<#ty>()),
    };
    if f.derived_url() {
        quote!(#col.derived_url())
    } else {
        col
    }
}

/// Aliases, example and prefix: `__r::NONE` for the usual field.
fn extra(f: &Field<'_>) -> TokenStream {
    let aliases = f.aliases.iter().map(|a| &a.value);
    let deprecated = f.deprecated.iter().map(|a| &a.value);
    let parts = f.parts.iter().filter_map(|p| {
        let part = p.part?;
        let variant = syn::Ident::new(&format!("{part:?}"), proc_macro2::Span::call_site());
        let name = &p.var.value;
        Some(quote!(__r::PartDecl { part: __r::Part::#variant, name: #name }))
    });
    let example = f.example.as_ref().map_or("", |e| e.value.as_str());
    let prefix = f.flatten_prefix();
    let empty_is_unset = f.empty_is_unset.is_some();
    let binding = match f.attrs.binding.as_ref().filter(|_| f.setting.is_none()) {
        Some(b) => {
            let b = b.as_str();
            quote!(::core::option::Option::Some(#b))
        }
        None => quote!(::core::option::Option::None),
    };
    if f.aliases.is_empty()
        && f.deprecated.is_empty()
        && f.parts.is_empty()
        && !empty_is_unset
        && f.attrs.binding.is_none()
        && example.is_empty()
        && prefix.is_empty()
    {
        quote!(__r::NONE)
    } else {
        quote!(__r::Extra { aliases: &[#(#aliases),*], example: #example, prefix: #prefix, deprecated: &[#(#deprecated),*], parts: &[#(#parts),*], empty_is_unset: #empty_is_unset, binding: #binding })
    }
}

/// One field of the builder.
fn build((index, f): (usize, &Field<'_>)) -> TokenStream {
    let ident = f.ident;
    match f.shape {
        Shape::Required => quote!(#ident: __v.required()),
        Shape::Optional => quote!(#ident: __v.optional()),
        Shape::List => quote!(#ident: __v.list()),
        // The nested type is named once, in its manifest entry; the builder goes through it.
        Shape::Flatten if f.is_optional_group() => {
            quote!(#ident: __v.flattened_opt(Self::MANIFEST.entries[#index].build()))
        }
        Shape::Flatten => quote!(#ident: __v.flattened(Self::MANIFEST.entries[#index].build())),
    }
}

/// The rustdoc of the variables: the same Markdown table the runtime renderer writes.
pub fn doc_table(c: &Container<'_>) -> String {
    use resources_core::Presence;
    use resources_core::doc::{TableRow, markdown_flatten_row, markdown_table};
    let prefix = c.prefix();
    let mut rows = Vec::new();
    let mut flattened = Vec::new();
    for f in &c.fields {
        let presence = match f.shape {
            Shape::Required => Presence::Required,
            Shape::Optional => Presence::Optional,
            Shape::List => Presence::List {
                min: f.min.as_ref().map_or(0, |m| m.value),
            },
            Shape::Flatten => {
                let ty = last_ident(f.locator_ty)
                    .map_or_else(|| "the nested struct".to_owned(), |s| s.ident.to_string());
                let description = if f.is_optional_group() {
                    format!(
                        "All or none: when any of its variables is set, its required ones are too. {}",
                        f.description
                    )
                } else {
                    f.description.clone()
                };
                flattened.push(markdown_flatten_row(
                    &format!("{prefix}{}", f.flatten_prefix()),
                    &ty,
                    description.trim_end(),
                ));
                continue;
            }
        };
        let kind = builtin_name(f.locator_ty)
            .and_then(|n| resources_core::__private::builtin_locator(&n))
            .map_or_else(
                || {
                    quote::ToTokens::to_token_stream(f.locator_ty)
                        .to_string()
                        .replace(' ', "")
                },
                |l| (l.info)().kind.to_owned(),
            );
        rows.push(TableRow {
            group: None,
            variable: format!("{prefix}{}", f.var.value),
            deprecated: f
                .deprecated
                .iter()
                .map(|a| format!("{prefix}{}", a.value))
                .collect(),
            aliases: f
                .aliases
                .iter()
                .map(|a| format!("{prefix}{}", a.value))
                .collect(),
            kind,
            presence,
            description: if f.derived_url() {
                let ty = quote::ToTokens::to_token_stream(f.locator_ty)
                    .to_string()
                    .replace(' ', "");
                let stem = f.var.value.strip_suffix("_URL").unwrap_or(&f.var.value);
                format!(
                    "{} The variable is `{prefix}{stem}` instead if `{ty}` is not URL-shaped.",
                    f.description
                )
                .trim_start()
                .to_owned()
            } else {
                f.description.clone()
            },
            default: f.setting.as_ref().and_then(|s| s.default).map(written),
        });
        let parts: Vec<(resources_core::Part, String)> = f
            .parts
            .iter()
            .filter_map(|p| Some((p.part?, format!("{prefix}{}", p.var.value))))
            .collect();
        rows.extend(resources_core::doc::part_rows(
            &format!("{prefix}{}", f.var.value),
            &parts,
        ));
    }
    let mut table = markdown_table(&rows);
    for row in flattened {
        table.push_str(&row);
    }
    format!(
        "# Environment\n\nThe variables `{}` reads, generated by `#[derive(Resources)]`. A variable `NAME` may \
         instead be read from the file named by `NAME_FILE`.\n\n{table}",
        c.ident
    )
}

/// A default expression as the user wrote it, for docs (`Security::Starttls`, not
/// `Security :: Starttls`).
fn written(expr: &syn::Expr) -> String {
    quote::ToTokens::to_token_stream(expr)
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" . ", ".")
        .replace(" (", "(")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" ,", ",")
}
