//! On error: the errors, plus a stub impl so that uses of the type (`Backing::from_env()`)
//! raise no follow-on errors that hide the real one. The stub keeps the type checks of the
//! fields (the columns the real expansion writes, at each field's type), so a field of a wrong
//! type is reported in the same build as an attribute mistake.

use darling::FromField;
use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Field, Parsed, Shape, generic_arg};
use crate::attr::{FieldAttrs, Marks, SettingAttrs};

pub fn expand(
    input: &syn::DeriveInput,
    krate: &syn::Path,
    errors: TokenStream,
    fields: &[Field<'_>],
) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    if input.generics.lifetimes().next().is_some() {
        // `Resources: 'static` cannot hold for a borrowing type: no stub, only the errors.
        return errors;
    }
    // The stub must satisfy `Resources: Send + 'static` whatever the type parameters are.
    let mut generics = input.generics.clone();
    let params: Vec<syn::Ident> = generics.type_params().map(|t| t.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: ::core::marker::Send + 'static));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // A generic struct is refused as such: its fields' types name its parameters.
    let checks: Vec<TokenStream> = if input.generics.params.is_empty() {
        fields
            .iter()
            .filter(|f| checked(f))
            .map(crate::expand::col)
            .collect()
    } else {
        Vec::new()
    };
    let checks = (!checks.is_empty()).then(|| quote!(let _ = [#(#checks),*];));
    quote! {
        #errors

        const _: () = {
            use #krate::__private as __r;

            #[automatically_derived]
            impl #impl_generics #krate::Resources for #ident #ty_generics #where_clause {
                const MANIFEST: &'static __r::Manifest = {
                    #checks
                    &__r::Manifest { type_name: #name, prefix: "", entries: &[] }
                };

                fn __build(_: &mut __r::Values) -> Self {
                    ::core::unreachable!("the derive reported errors; this stub is never built")
                }
            }
        };
    }
}

/// Whether the stub checks the field's type: not when the derive already reported the type
/// (a locator as a setting, a flattened `Vec`) or the field is both a resource and a setting,
/// so that no error is given twice.
fn checked(f: &Field<'_>) -> bool {
    match &f.setting {
        Some(s) => {
            f.resource_attr.is_none()
                && (s.from_str.is_none() || s.serde.is_none())
                && !crate::valid::setting_is_a_locator(f)
        }
        None => f.shape != Shape::Flatten || generic_arg(f.ty, "Vec").is_none(),
    }
}

/// A field whose attributes have errors, read for its shape only: its `#[resource]` and
/// `#[setting]` attributes keep just the words that decide how it is loaded (`flatten`,
/// `from_str`, `serde`). `None` when even that cannot be read.
pub fn shape_only(field: &syn::Field) -> Option<Parsed> {
    let mut attrs: Vec<syn::Attribute> = Vec::new();
    for attr in &field.attrs {
        let words: &[&str] = if attr.path().is_ident("resource") {
            &["flatten"]
        } else if attr.path().is_ident("setting") {
            &["from_str", "serde"]
        } else {
            continue;
        };
        let kept: Vec<syn::Path> = match &attr.meta {
            syn::Meta::Path(_) => Vec::new(),
            syn::Meta::List(list) => list
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .ok()?
                .into_iter()
                .filter_map(|m| match m {
                    syn::Meta::Path(p) if words.iter().any(|w| p.is_ident(w)) => Some(p),
                    _ => None,
                })
                .collect(),
            syn::Meta::NameValue(_) => return None,
        };
        let name = attr.path().get_ident()?;
        attrs.push(syn::parse_quote!(#[#name(#(#kept),*)]));
    }
    let field = syn::Field {
        attrs,
        ..field.clone()
    };
    Some(Parsed {
        attrs: FieldAttrs::from_field(&field).ok()?,
        setting: SettingAttrs::from_field(&field).ok()?,
        marks: Marks::of(&field),
    })
}
