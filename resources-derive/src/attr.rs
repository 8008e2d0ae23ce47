//! darling receivers for `#[resources(...)]` and `#[resource(...)]`.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta};
use proc_macro2::Span;
use syn::spanned::Spanned;

/// `#[resources(prefix = "APP_", crate = path)]` on the struct.
#[derive(FromDeriveInput)]
#[darling(attributes(resources))]
pub struct ContainerAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,
    pub prefix: Option<SpannedValue<String>>,
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `#[resource(env = "…", alias = "…", example = "…", flatten, prefix = "…", min = N)]`.
#[derive(FromField)]
#[darling(attributes(resource), forward_attrs(doc))]
pub struct FieldAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,
    pub attrs: Vec<syn::Attribute>,
    pub env: Option<SpannedValue<String>>,
    #[darling(multiple)]
    pub alias: Vec<SpannedValue<String>>,
    #[darling(multiple)]
    pub deprecated: Vec<SpannedValue<String>>,
    pub example: Option<SpannedValue<String>>,
    pub flatten: Flag,
    pub prefix: Option<SpannedValue<String>>,
    pub min: Option<SpannedValue<usize>>,
    // Spellings of a literal locator: accepted by the parser only to be refused with a message
    // that says why (resource handles come from config, not code).
    pub default: Option<Literal>,
    pub default_value: Option<Literal>,
    pub value: Option<Literal>,
    pub url: Option<Literal>,
    pub fallback: Option<Literal>,
}

/// A key given a value that would hard-code a locator; keeps the span of that value.
pub struct Literal(pub Span);

impl FromMeta for Literal {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        Ok(Literal(match item {
            syn::Meta::NameValue(nv) => nv.value.span(),
            other => other.span(),
        }))
    }
}

/// `#[setting(env = "…", alias = "…", default = EXPR)]`: a plain typed value beside the
/// resources.
#[derive(FromField, Default)]
#[darling(attributes(setting))]
pub struct SettingAttrs {
    pub env: Option<SpannedValue<String>>,
    #[darling(multiple)]
    pub alias: Vec<SpannedValue<String>>,
    #[darling(multiple)]
    pub deprecated: Vec<SpannedValue<String>>,
    /// A Rust value of the field's type; a string literal stays a literal.
    #[darling(default, with = darling::util::parse_expr::preserve_str_literal, map = Some)]
    pub default: Option<syn::Expr>,
    /// Parse with the type's `FromStr`.
    pub from_str: Flag,
    /// Decode with serde, as envy decodes a variable.
    pub serde: Flag,
}

/// What a field's attributes say it is: the span of its `#[resource]` and `#[setting]`
/// attributes, if present.
pub struct Marks {
    pub resource: Option<Span>,
    pub setting: Option<Span>,
}

impl Marks {
    pub fn of(field: &syn::Field) -> Self {
        let find = |name: &str| {
            field
                .attrs
                .iter()
                .find(|a| a.path().is_ident(name))
                .map(|a| a.path().span())
        };
        Marks {
            resource: find("resource"),
            setting: find("setting"),
        }
    }
}
