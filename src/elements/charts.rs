//! Chart elements (feature `charts`): the four built-in charts and `vega_lite_chart`, one file
//! each. What they share (data rules, spec, reduction, palette) is in [`crate::charts`].

pub mod area_chart;
pub mod bar_chart;
pub mod line_chart;
pub mod scatter_chart;
pub mod vega_lite_chart;
