//! The app `cargo xtask new` writes (`xtask/templates/new/src/lib.rs`, whose only placeholder
//! there is the title string) compiled and tested in this workspace: a change to wasmlit's API
//! that would break every new app fails here first. Its tests are the ones at the end of the file.

#[path = "../xtask/templates/new/src/lib.rs"]
mod template;
