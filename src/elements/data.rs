//! Data elements (feature `data`): `dataframe`, the virtualized interactive grid; `table`, a
//! static HTML table; `json`, a collapsible tree of any serializable value. `column_config` is
//! the per-column model the grid and `data_editor` share, `grid` the grid's maths: the visible
//! window, column layout, sort, search and copy; `style` the painted cells (pandas' `Styler`).

pub mod column_config;
pub mod dataframe;
pub mod grid;
pub mod json;
pub mod style;
pub mod table;
