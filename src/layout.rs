//! Containers: chat messages, status boxes, columns, tabs, expanders, containers and `empty()` placeholders, one file
//! each, with their renderers at the same paths under `web/layout/`. Forms, fragments and
//! dialogs are containers too; their engine halves live in `form.rs` and `fragment.rs`
//! because they also change how runs go.

pub mod chat_message;
pub mod columns;
pub mod container;
pub mod empty;
pub mod expander;
pub mod status;
pub mod tabs;
