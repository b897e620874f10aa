//! Renderers of the text elements.

pub(crate) mod badge;
pub(crate) mod caption;
pub(crate) mod code;
pub(crate) mod divider;
pub(crate) mod header;
pub(crate) mod html;
#[cfg(feature = "latex")]
pub(crate) mod latex;
pub(crate) mod markdown;
pub(crate) mod metric;
pub(crate) mod subheader;
#[allow(clippy::module_inception)]
pub(crate) mod text;
pub(crate) mod title;
