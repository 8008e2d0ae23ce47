::core::compile_error! {
    "resource handles come from config, not code: remove `default` and set DB_URL in the environment or a .env file (`example = \"…\"` documents a sample value without using it)"
}
#[automatically_derived]
impl ::resources::Resources for Backing {
    const MANIFEST: &'static ::resources::__private::Manifest = &::resources::__private::Manifest {
        type_name: "Backing",
        prefix: "",
        entries: &[],
    };
    fn __build(_: &mut ::resources::__private::Values) -> ::core::option::Option<Self> {
        ::core::option::Option::None
    }
}
