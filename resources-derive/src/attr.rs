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
    #[darling(default, with = string, map = Some)]
    pub prefix: Option<SpannedValue<String>>,
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
    /// A variable under the prefix that no field reads is a problem, not a warning.
    pub strict: Flag,
}

/// `#[resource(env = "…", alias = "…", example = "…", flatten, prefix = "…", min = N)]`.
#[derive(FromField)]
#[darling(attributes(resource), forward_attrs(doc))]
pub struct FieldAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,
    pub attrs: Vec<syn::Attribute>,
    #[darling(default, with = string, map = Some)]
    pub env: Option<SpannedValue<String>>,
    #[darling(multiple, with = string)]
    pub alias: Vec<SpannedValue<String>>,
    #[darling(multiple, with = string)]
    pub deprecated: Vec<SpannedValue<String>>,
    #[darling(default, with = string, map = Some)]
    pub example: Option<SpannedValue<String>>,
    /// `parts(host = "SMTP_HOST", …)`, `parts = "libpq"`, `parts(aws, bucket = "S3_BUCKET")`.
    pub parts: Option<PartsAttr>,
    /// An empty value reads as unset.
    pub empty_is_unset: Flag,
    /// The Kubernetes service binding that holds this resource.
    #[darling(default, with = string, map = Some)]
    pub binding: Option<SpannedValue<String>>,
    pub flatten: Flag,
    #[darling(default, with = string, map = Some)]
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

/// A key whose value is a string (`env`, `alias`, `prefix`, …), with the span of the literal;
/// any other value is refused with an example of the key written right.
fn string(item: &syn::Meta) -> darling::Result<SpannedValue<String>> {
    if let syn::Meta::NameValue(nv) = item
        && let Some(s) = string_lit(&nv.value)
    {
        return Ok(SpannedValue::new(s.value(), s.span()));
    }
    let key = item
        .path()
        .get_ident()
        .map_or_else(String::new, ToString::to_string);
    // A bare name (`prefix = APP_`) is most likely the string meant, unquoted.
    let written = match item {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
            _ => None,
        },
        _ => None,
    };
    let example = match key.as_str() {
        "env" => "env = \"DATABASE_URL\"",
        "alias" => "alias = \"HEROKU_POSTGRESQL_URL\"",
        "deprecated" => "deprecated = \"OLD_DATABASE_URL\"",
        // resources-audit: allow(the sample value shown in a compile error about `example`)
        "example" => "example = \"postgres://app:PASSWORD@db.internal/app\"",
        "prefix" => "prefix = \"REPLICA_\"",
        "binding" => "binding = \"orders-db\"",
        _ => "key = \"…\"",
    };
    let example = written.map_or_else(|| example.to_owned(), |w| format!("{key} = \"{w}\""));
    let span = match item {
        syn::Meta::NameValue(nv) => nv.value.span(),
        other => other.span(),
    };
    Err(
        darling::Error::custom(format!("`{key}` takes a string literal: `{example}`"))
            .with_span(&span),
    )
}

/// The string literal of an expression, through the invisible groups of macro input.
fn string_lit(expr: &syn::Expr) -> Option<&syn::LitStr> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s),
        syn::Expr::Group(g) => string_lit(&g.expr),
        _ => None,
    }
}

/// A key given a value that would hard-code a locator: the span of that value, and the value
/// when it is a string literal.
pub struct Literal(pub Span, pub Option<String>);

impl FromMeta for Literal {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        Ok(match item {
            syn::Meta::NameValue(nv) => Literal(
                nv.value.span(),
                string_lit(&nv.value).map(syn::LitStr::value),
            ),
            other => Literal(other.span(), None),
        })
    }
}

/// `#[setting(env = "…", alias = "…", default = EXPR)]`: a plain typed value beside the
/// resources.
#[derive(FromField, Default)]
#[darling(attributes(setting))]
pub struct SettingAttrs {
    #[darling(default, with = string, map = Some)]
    pub env: Option<SpannedValue<String>>,
    #[darling(multiple, with = string)]
    pub alias: Vec<SpannedValue<String>>,
    #[darling(multiple, with = string)]
    pub deprecated: Vec<SpannedValue<String>>,
    /// A Rust value of the field's type; a string literal stays a literal.
    #[darling(default, with = darling::util::parse_expr::preserve_str_literal, map = Some)]
    pub default: Option<syn::Expr>,
    /// Parse with the type's `FromStr`.
    pub from_str: Flag,
    /// Decode with serde, as envy decodes a variable.
    pub serde: Flag,
    /// An empty value reads as unset.
    pub empty_is_unset: Flag,
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

/// The part variables of a field: conventions by name and explicit `part = "VAR"` pairs.
pub struct PartsAttr {
    /// The span of the whole `parts` value, for errors about the set.
    pub span: Span,
    /// `(part name as written, its span, variable, the variable's span)`.
    pub entries: Vec<PartEntry>,
    /// Conventions that are not known (name, span).
    pub unknown_conventions: Vec<(String, Span)>,
}

pub struct PartEntry {
    pub key: String,
    pub key_span: Span,
    pub var: SpannedValue<String>,
    /// From a convention: an explicit entry for the same part replaces it.
    pub conventional: bool,
}

/// The built-in sets of part variables.
pub const CONVENTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "libpq",
        &[
            ("host", "PGHOST"),
            ("port", "PGPORT"),
            ("user", "PGUSER"),
            ("password", "PGPASSWORD"),
            ("database", "PGDATABASE"),
            ("security", "PGSSLMODE"),
        ],
    ),
    (
        "mailgun",
        &[
            ("host", "MAILGUN_SMTP_SERVER"),
            ("port", "MAILGUN_SMTP_PORT"),
            ("user", "MAILGUN_SMTP_LOGIN"),
            ("password", "MAILGUN_SMTP_PASSWORD"),
        ],
    ),
    (
        "aws",
        &[
            ("region", "AWS_REGION"),
            ("user", "AWS_ACCESS_KEY_ID"),
            ("password", "AWS_SECRET_ACCESS_KEY"),
            ("endpoint", "AWS_ENDPOINT_URL"),
        ],
    ),
];

impl PartsAttr {
    fn push_convention(&mut self, name: &str, span: Span) {
        match CONVENTIONS.iter().find(|(n, _)| *n == name) {
            Some((_, pairs)) => {
                for (key, var) in *pairs {
                    self.entries.push(PartEntry {
                        key: (*key).to_owned(),
                        key_span: span,
                        var: SpannedValue::new((*var).to_owned(), span),
                        conventional: true,
                    });
                }
            }
            None => self.unknown_conventions.push((name.to_owned(), span)),
        }
    }
}

impl FromMeta for PartsAttr {
    fn from_string(value: &str) -> darling::Result<Self> {
        let mut out = PartsAttr {
            span: Span::call_site(),
            entries: Vec::new(),
            unknown_conventions: Vec::new(),
        };
        out.push_convention(value, Span::call_site());
        Ok(out)
    }

    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        let span = item.span();
        let mut out = match item {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => {
                    let mut out = PartsAttr {
                        span,
                        entries: Vec::new(),
                        unknown_conventions: Vec::new(),
                    };
                    out.push_convention(&s.value(), s.span());
                    return Ok(out);
                }
                other => {
                    return Err(darling::Error::custom(
                        "`parts` takes a convention (`parts = \"libpq\"`) or a list (`parts(host = \"SMTP_HOST\", port = \"SMTP_PORT\")`)",
                    )
                    .with_span(other));
                }
            },
            syn::Meta::List(_) => PartsAttr {
                span,
                entries: Vec::new(),
                unknown_conventions: Vec::new(),
            },
            syn::Meta::Path(p) => {
                return Err(darling::Error::custom(
                    "`parts` needs its variables: `parts = \"libpq\"` or `parts(host = \"SMTP_HOST\", port = \"SMTP_PORT\", …)`",
                )
                .with_span(p));
            }
        };
        let syn::Meta::List(list) = item else {
            return Ok(out);
        };
        let items = darling::ast::NestedMeta::parse_meta_list(list.tokens.clone())?;
        let mut errors = darling::Error::accumulator();
        for nested in items {
            match nested {
                darling::ast::NestedMeta::Meta(syn::Meta::Path(p)) => {
                    let name = p
                        .get_ident()
                        .map_or_else(|| quote::ToTokens::to_token_stream(&p).to_string(), ToString::to_string);
                    out.push_convention(&name, p.span());
                }
                darling::ast::NestedMeta::Meta(syn::Meta::NameValue(nv)) => {
                    let key = nv
                        .path
                        .get_ident()
                        .map_or_else(String::new, ToString::to_string);
                    match &nv.value {
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) => out.entries.push(PartEntry {
                            key,
                            key_span: nv.path.span(),
                            var: SpannedValue::new(s.value(), s.span()),
                            conventional: false,
                        }),
                        other => errors.push(
                            darling::Error::custom(format!(
                                "a part names its variable as a string: `{key} = \"…\"`; a part never has a value in code"
                            ))
                            .with_span(other),
                        ),
                    }
                }
                other => errors.push(
                    darling::Error::custom("expected `part = \"VARIABLE\"` or a convention name (`libpq`, `mailgun`, `aws`)")
                        .with_span(&other),
                ),
            }
        }
        errors.finish()?;
        Ok(out)
    }
}
