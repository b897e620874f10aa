//! Text elements: titles, headers, Markdown, captions, badges, code, raw HTML, dividers, metrics.

pub mod badge;
pub mod caption;
pub mod code;
pub mod divider;
pub mod header;
pub mod html;
#[cfg(feature = "latex")]
pub mod latex;
pub mod markdown;
pub mod metric;
pub mod subheader;
// `st.text` is an element of the text family: the file is named after the element.
#[allow(clippy::module_inception)]
pub mod text;
pub mod title;
pub mod write_stream;
