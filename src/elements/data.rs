//! Data elements (feature `data`): `dataframe`, the virtualized interactive grid, and
//! `table`, a static HTML table. `column_config` is the per-column model both share (and
//! `data_editor` will), `grid` the grid's maths: the visible window, column layout, sort,
//! search and copy.

pub mod column_config;
pub mod dataframe;
pub mod grid;
pub mod table;
