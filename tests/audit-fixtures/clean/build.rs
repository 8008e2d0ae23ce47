fn main() {
    resources::audit::Audit::from_build_script().run_build_script();
}
