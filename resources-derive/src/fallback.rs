//! On error: the errors, plus a stub impl so that uses of the type (`Backing::from_env()`)
//! raise no follow-on errors that hide the real one.

use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(input: &syn::DeriveInput, krate: &syn::Path, errors: TokenStream) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let p = quote!(#krate::__private);
    quote! {
        #errors

        #[automatically_derived]
        impl #impl_generics #krate::Resources for #ident #ty_generics #where_clause {
            const MANIFEST: #p::Manifest = #p::Manifest { type_name: #name, prefix: "", entries: &[] };

            fn manifest() -> &'static #p::Manifest {
                static __RESOURCES_EMPTY: #p::Manifest = #p::Manifest { type_name: #name, prefix: "", entries: &[] };
                &__RESOURCES_EMPTY
            }

            fn __build(_: &mut #p::Values) -> ::core::option::Option<Self> {
                ::core::option::Option::None
            }
        }
    }
}
