// The library's `config` module is real code.
pub mod config;
