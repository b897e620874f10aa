//! Display elements: text, status and media, one file each (widgets live in `widgets/`, containers
//! in `layout/`). Each file holds the element's props, its `Ui` shortcut and builder, and its
//! unit tests; its renderer is the file with the same path under `web/`.

#[cfg(feature = "charts")]
pub mod charts;
#[cfg(feature = "data")]
pub mod data;
#[cfg(feature = "maps")]
pub mod maps;
#[cfg(feature = "media")]
pub mod media;
pub mod status;
pub mod text;
