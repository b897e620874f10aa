//! Data display elements (feature `data`): one file each.

pub mod json;
