//! On error: the errors, plus a stub impl so that uses of the type (`Backing::from_env()`)
//! raise no follow-on errors that hide the real one.

use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(input: &syn::DeriveInput, krate: &syn::Path, errors: TokenStream) -> TokenStream {
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
    let p = quote!(#krate::__private);
    quote! {
        #errors

        #[automatically_derived]
        impl #impl_generics #krate::Resources for #ident #ty_generics #where_clause {
            const MANIFEST: &'static #p::Manifest = &#p::Manifest { type_name: #name, prefix: "", entries: &[] };

            fn __build(_: &mut #p::Values) -> Self {
                ::core::unreachable!("the derive reported errors; this stub is never built")
            }
        }
    }
}
