//! Renderers of the map elements. The map's renderer is installed by the script's first `map`
//! call (see [`map::install`]), and Leaflet is loaded by the page only when a map is shown.

pub(crate) mod map;
