//! Renderers of the data display elements.

pub(crate) mod json;
