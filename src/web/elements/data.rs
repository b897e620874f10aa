//! Renderers of the data elements. The dataframe's grid is installed by the script's first
//! `dataframe` call (see [`dataframe::install`]), so an app that never shows a frame does
//! not carry the grid's code.

pub(crate) mod dataframe;
mod grid;
pub(crate) mod json;
pub(crate) mod table;
