//! The model: the container and its fields with defaults resolved and spans kept.

use darling::util::SpannedValue;
use proc_macro2::Span;

use resources_core::Part;

use crate::attr::{ContainerAttrs, FieldAttrs, Marks, SettingAttrs};

/// A string from an attribute, with the span of its literal.
#[derive(Clone, Debug)]
pub struct Lit<T> {
    pub value: T,
    pub span: Span,
}

impl<T: Clone> From<&SpannedValue<T>> for Lit<T> {
    fn from(v: &SpannedValue<T>) -> Self {
        Lit {
            value: (**v).clone(),
            span: v.span(),
        }
    }
}

/// What a field's type says about how it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Required,
    Optional,
    List,
    Flatten,
}

pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    pub generics: &'a syn::Generics,
    pub prefix: Option<Lit<String>>,
    pub krate: syn::Path,
    pub fields: Vec<Field<'a>>,
    pub strict: bool,
}

pub struct Field<'a> {
    pub ident: &'a syn::Ident,
    /// The field's name without `r#`.
    pub name: String,
    /// The type as declared.
    pub ty: &'a syn::Type,
    /// The locator type: `T` of `Option<T>` and `Vec<T>`, else the declared type.
    pub locator_ty: &'a syn::Type,
    pub shape: Shape,
    /// The variable name: `env`, or derived from the field name.
    pub var: Lit<String>,
    pub explicit_env: bool,
    pub aliases: Vec<Lit<String>>,
    /// Old names still read, with a warning.
    pub deprecated: Vec<Lit<String>>,
    /// Variables holding parts of the locator.
    pub parts: Vec<FieldPart>,
    /// `empty_is_unset`: the span of the key, when written.
    pub empty_is_unset: Option<Span>,
    pub example: Option<Lit<String>>,
    pub prefix: Option<Lit<String>>,
    pub min: Option<Lit<usize>>,
    pub description: String,
    pub attrs: &'a FieldAttrs,
    /// `Some` for a `#[setting]` field.
    pub setting: Option<SettingField<'a>>,
    /// The span of a `#[resource]` attribute, if one is written.
    pub resource_attr: Option<Span>,
}

/// One part variable of a field: `host = "SMTP_HOST"` (or from a convention).
pub struct FieldPart {
    /// `None` for a key that names no part (reported by `valid`).
    pub part: Option<resources_core::Part>,
    pub key: String,
    pub key_span: Span,
    pub var: Lit<String>,
}

/// What `#[setting(...)]` says.
pub struct SettingField<'a> {
    pub default: Option<&'a syn::Expr>,
    pub parser: Parser,
    /// The spans of `from_str` and `serde`, when written.
    pub from_str: Option<Span>,
    pub serde: Option<Span>,
}

/// How a setting's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parser {
    /// The type's `resources::Setting` impl.
    Setting,
    /// Its `FromStr`.
    FromStr,
    /// serde, as envy decodes a variable.
    Serde,
}

/// One field as parsed: its `#[resource]` keys, its `#[setting]` keys, which are written.
pub struct Parsed {
    pub attrs: FieldAttrs,
    pub setting: SettingAttrs,
    pub marks: Marks,
}

impl<'a> Container<'a> {
    /// Builds the model; `None` for a shape the derive does not take (reported by `valid`).
    pub fn from_attrs(attrs: &'a ContainerAttrs, fields: &'a [Parsed]) -> Self {
        let krate = attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::resources));
        Container {
            ident: &attrs.ident,
            generics: &attrs.generics,
            prefix: attrs.prefix.as_ref().map(Lit::from),
            krate,
            fields: fields.iter().filter_map(Field::from_attrs).collect(),
            strict: attrs.strict.is_present(),
        }
    }

    /// The container prefix, `""` if none.
    pub fn prefix(&self) -> &str {
        self.prefix.as_ref().map_or("", |p| p.value.as_str())
    }
}

impl<'a> Field<'a> {
    pub fn from_attrs(parsed: &'a Parsed) -> Option<Self> {
        let attrs = &parsed.attrs;
        let ident = attrs.ident.as_ref()?;
        let name = ident.to_string().trim_start_matches("r#").to_owned();
        if parsed.marks.setting.is_some() {
            return Some(Self::setting(parsed, ident, name));
        }
        let (shape, locator_ty) = if attrs.flatten.is_present() {
            // `Option<Nested>` is an all-or-none group; the nested type is named inside.
            (
                Shape::Flatten,
                generic_arg(&attrs.ty, "Option").unwrap_or(&attrs.ty),
            )
        } else if let Some(inner) = generic_arg(&attrs.ty, "Option") {
            (Shape::Optional, inner)
        } else if let Some(inner) = generic_arg(&attrs.ty, "Vec") {
            (Shape::List, inner)
        } else {
            (Shape::Required, &attrs.ty)
        };
        let var = match &attrs.env {
            Some(env) => Lit::from(env),
            None => Lit {
                value: derived_name(&name, is_secret(locator_ty)),
                span: ident.span(),
            },
        };
        Some(Field {
            ident,
            name,
            ty: &attrs.ty,
            locator_ty,
            shape,
            var,
            explicit_env: attrs.env.is_some(),
            aliases: attrs.alias.iter().map(Lit::from).collect(),
            deprecated: attrs.deprecated.iter().map(Lit::from).collect(),
            empty_is_unset: attrs
                .empty_is_unset
                .is_present()
                .then(|| attrs.empty_is_unset.span()),
            parts: attrs.parts.as_ref().map_or_else(Vec::new, |p| {
                // An explicit `part = "…"` replaces the convention's variable for that part.
                let explicit = |key: &str| {
                    p.entries
                        .iter()
                        .any(|e| !e.conventional && Part::from_name(&e.key) == Part::from_name(key))
                };
                p.entries
                    .iter()
                    .filter(|e| !e.conventional || !explicit(&e.key))
                    .map(|e| FieldPart {
                        part: Part::from_name(&e.key),
                        key: e.key.clone(),
                        key_span: e.key_span,
                        var: Lit::from(&e.var),
                    })
                    .collect()
            }),
            example: attrs.example.as_ref().map(Lit::from),
            prefix: attrs.prefix.as_ref().map(Lit::from),
            min: attrs.min.as_ref().map(Lit::from),
            description: description(&attrs.attrs),
            attrs,
            setting: None,
            resource_attr: parsed.marks.resource,
        })
    }

    /// A `#[setting]` field: `Option<T>` is optional, any other type (a `Vec` included: a
    /// comma-separated list) is one value; the name is the field's, without `_URL`.
    fn setting(parsed: &'a Parsed, ident: &'a syn::Ident, name: String) -> Self {
        let attrs = &parsed.attrs;
        let s = &parsed.setting;
        let (shape, locator_ty) = match generic_arg(&attrs.ty, "Option") {
            Some(inner) => (Shape::Optional, inner),
            None => (Shape::Required, &attrs.ty),
        };
        let var = match &s.env {
            Some(env) => Lit::from(env),
            None => Lit {
                value: name.to_ascii_uppercase(),
                span: ident.span(),
            },
        };
        Field {
            ident,
            name,
            ty: &attrs.ty,
            locator_ty,
            shape,
            var,
            explicit_env: s.env.is_some(),
            aliases: s.alias.iter().map(Lit::from).collect(),
            deprecated: s.deprecated.iter().map(Lit::from).collect(),
            parts: Vec::new(),
            empty_is_unset: s
                .empty_is_unset
                .is_present()
                .then(|| s.empty_is_unset.span()),
            example: None,
            prefix: None,
            min: None,
            description: description(&attrs.attrs),
            attrs,
            setting: Some(SettingField {
                default: s.default.as_ref(),
                parser: if s.serde.is_present() {
                    Parser::Serde
                } else if s.from_str.is_present() {
                    Parser::FromStr
                } else {
                    Parser::Setting
                },
                from_str: s.from_str.is_present().then(|| s.from_str.span()),
                serde: s.serde.is_present().then(|| s.serde.span()),
            }),
            resource_attr: parsed.marks.resource,
        }
    }

    /// A flattened `Option<Nested>`: all of its variables or none.
    pub fn is_optional_group(&self) -> bool {
        self.shape == Shape::Flatten && generic_arg(self.ty, "Option").is_some()
    }

    /// Whether the variable name ends in a `_URL` derived for a locator type the derive does not
    /// know: the type's `Locator::URL_SHAPED` decides, in const evaluation, whether it stays.
    pub fn derived_url(&self) -> bool {
        let known = builtin_name(self.locator_ty)
            .is_some_and(|n| resources_core::__private::builtin_locator(&n).is_some())
            || generic_arg(self.locator_ty, "ServiceUrl").is_some()
            || is_secret(self.locator_ty);
        self.setting.is_none()
            && self.shape != Shape::Flatten
            && !self.explicit_env
            && !known
            && !self.name.to_ascii_uppercase().ends_with("URL")
    }

    /// The flatten prefix, `""` if none.
    pub fn flatten_prefix(&self) -> &str {
        self.prefix.as_ref().map_or("", |p| p.value.as_str())
    }
}

/// `SCREAMING_SNAKE_CASE` of the field, plus `_URL` unless it already ends in `url` or the
/// field is a `Secret` or `PemKey` (a credential that is not a URL). For a locator type the
/// derive does not know, the `_URL` is kept only if the type is URL-shaped (see
/// [`Field::derived_url`]).
pub fn derived_name(field: &str, secret: bool) -> String {
    let upper = field.to_ascii_uppercase();
    if secret || upper.ends_with("URL") {
        upper
    } else {
        format!("{upper}_URL")
    }
}

/// The last path segment's name of a type (`PostgresUrl` for `resources::PostgresUrl`).
pub fn last_ident(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        syn::Type::Group(g) => last_ident(&g.elem),
        _ => None,
    }
}

/// `T` when `ty` is `wrapper<T>` (by the last path segment).
pub fn generic_arg<'t>(ty: &'t syn::Type, wrapper: &str) -> Option<&'t syn::Type> {
    let seg = last_ident(ty)?;
    if seg.ident != wrapper {
        return None;
    }
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// A credential that is not a URL (`Secret`, `PemKey`): its variable is named without `_URL`.
pub fn is_secret(ty: &syn::Type) -> bool {
    last_ident(ty).is_some_and(|s| s.ident == "Secret" || s.ident == "PemKey")
}

/// The name by which the derive recognizes a built-in locator type: the alias
/// (`PostgresUrl`), `Secret`, or the kind inside `ServiceUrl<…>`.
pub fn builtin_name(ty: &syn::Type) -> Option<String> {
    if let Some(kind) = generic_arg(ty, "ServiceUrl") {
        return last_ident(kind).map(|s| s.ident.to_string());
    }
    last_ident(ty).map(|s| s.ident.to_string())
}

/// The first paragraph of the doc comment, its lines joined by spaces.
fn description(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
        {
            for line in s.value().split('\n') {
                lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
            }
        }
    }
    let paragraph: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    paragraph.join(" ")
}
