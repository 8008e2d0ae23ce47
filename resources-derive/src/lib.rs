//! `#[derive(Resources)]`: see the `resources` crate for the user documentation.
//!
//! The pipeline: darling receivers (`attr`) → model (`ast`) → validation accumulating every
//! error (`valid`) → expansion (`expand`); on error, `fallback` emits the errors and a
//! stub impl.

mod ast;
mod attr;
mod expand;
mod fallback;
mod valid;

use proc_macro::TokenStream;

/// Derives `Resources`: generated loading, compile-time checks, rustdoc of the variables.
#[proc_macro_derive(Resources, attributes(resources, resource, setting))]
pub fn derive_resources(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

#[cfg(test)]
mod tests;
