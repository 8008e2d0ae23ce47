//! One file per opt-out form and per rule of what names a resource (read by tests/audit_forms.rs).

mod bad_optouts;
mod concat;
mod docs;
mod file_optout;
mod item_and_block;
mod schemes_only;
mod tokens;
