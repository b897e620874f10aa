//! `map`: points from a frame on a tiled basemap, as `st.map`.
//!
//! The latitude and longitude columns are found by name (`lat`, `latitude`, `LAT`, `LATITUDE`
//! and `lon`, `longitude`, `LON`, `LONGITUDE`, as in Streamlit) or named by the script. Each
//! point gets a size in metres and a colour, both either one value or a column. Rows whose
//! latitude or longitude is null (or NaN) are left out. Anything wrong (a missing or
//! non-numeric column, a latitude outside ±90°, a longitude outside ±180°, a colour that is
//! not one, a bad tile URL) draws an error in the map's place and the script goes on.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::Array;
use serde::{Deserialize, Serialize};

use super::mercator::Bounds;
use super::Rgba;
use crate::data::{DataFrame, DataType};
use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};
use crate::widgets::{api, show_error};

/// The names a latitude column is found by, in the order they are tried.
pub const LATITUDE_NAMES: [&str; 4] = ["lat", "latitude", "LAT", "LATITUDE"];
/// The names a longitude column is found by, in the order they are tried.
pub const LONGITUDE_NAMES: [&str; 4] = ["lon", "longitude", "LON", "LONGITUDE"];
/// A point's radius in metres when the script gives none (Streamlit's 100).
pub const DEFAULT_SIZE: f64 = 100.0;
/// A point's colour when the script gives none: the translucent red of Streamlit's map.
pub const DEFAULT_COLOR: Rgba = Rgba::new(197, 55, 70, 158);
/// The map's height in pixels when the script gives none (Streamlit's 500).
pub const DEFAULT_HEIGHT: u32 = 500;
/// The light basemap: CARTO's Positron (`{s}` is a subdomain, `{r}` `@2x` on dense screens).
pub const CARTO_LIGHT: &str = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png";
/// The dark basemap: CARTO's Dark Matter.
pub const CARTO_DARK: &str = "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}{r}.png";
/// The basemap's attribution, shown in the map's corner.
pub const CARTO_ATTRIBUTION: &str = "© OpenStreetMap contributors © CARTO";

/// What the page shows for a map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapProps {
    pub points: MapPoints,
    /// The zoom (in Leaflet's 256-pixel tiles) the script asked for; `None` fits the points.
    pub zoom: Option<f64>,
    pub width: MapWidth,
    /// Height in CSS pixels.
    pub height: u32,
    pub tiles: Tiles,
}

impl DisplayProps for MapProps {
    /// How many points, and the box that holds them.
    fn text(&self) -> String {
        let n = self.points.len();
        let noun = if n == 1 { "point" } else { "points" };
        match &self.points.bounds {
            Some(b) => {
                format!("{n} {noun}, latitude {} to {}, longitude {} to {}", b.min_lat, b.max_lat, b.min_lon, b.max_lon)
            }
            None => format!("{n} {noun}"),
        }
    }
}

/// The points of a map, checked: finite latitudes and longitudes in range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapPoints {
    pub lat: Vec<f64>,
    pub lon: Vec<f64>,
    pub size: PointSizes,
    pub color: PointColors,
    /// The box holding every point; `None` when there are none.
    pub bounds: Option<Bounds>,
}

impl MapPoints {
    /// How many points.
    pub fn len(&self) -> usize {
        self.lat.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.lat.is_empty()
    }
}

/// Each point's radius in metres.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PointSizes {
    All(f64),
    Each(Vec<f32>),
}

/// Each point's colour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PointColors {
    All(Rgba),
    Each(Vec<Rgba>),
}

/// How wide a map is: the container's width (the default), or a fixed number of pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapWidth {
    #[default]
    Stretch,
    Pixels(u32),
}

impl From<u32> for MapWidth {
    fn from(pixels: u32) -> Self {
        MapWidth::Pixels(pixels)
    }
}

/// The basemap: a tile URL template for the light theme and one for the dark theme, and the
/// attribution shown in the corner (plain text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tiles {
    pub light: String,
    pub dark: String,
    pub attribution: String,
}

impl Default for Tiles {
    fn default() -> Self {
        Tiles { light: CARTO_LIGHT.into(), dark: CARTO_DARK.into(), attribution: CARTO_ATTRIBUTION.into() }
    }
}

/// A point size: metres for every point, or the name of a column of metres.
#[derive(Clone, Debug, PartialEq)]
pub enum MapSize {
    Metres(f64),
    Column(String),
}

impl From<f64> for MapSize {
    fn from(metres: f64) -> Self {
        MapSize::Metres(metres)
    }
}

impl From<i32> for MapSize {
    fn from(metres: i32) -> Self {
        MapSize::Metres(f64::from(metres))
    }
}

impl From<&str> for MapSize {
    fn from(column: &str) -> Self {
        MapSize::Column(column.into())
    }
}

impl From<String> for MapSize {
    fn from(column: String) -> Self {
        MapSize::Column(column)
    }
}

/// A point colour: one colour, or a string that is the name of a column of colours or else a
/// colour (as Streamlit decides).
#[derive(Clone, Debug, PartialEq)]
pub enum MapColor {
    Fixed(Rgba),
    Named(String),
}

impl From<&str> for MapColor {
    fn from(text: &str) -> Self {
        MapColor::Named(text.into())
    }
}

impl From<String> for MapColor {
    fn from(text: String) -> Self {
        MapColor::Named(text)
    }
}

impl From<Rgba> for MapColor {
    fn from(color: Rgba) -> Self {
        MapColor::Fixed(color)
    }
}

impl From<[u8; 3]> for MapColor {
    fn from(color: [u8; 3]) -> Self {
        MapColor::Fixed(color.into())
    }
}

impl From<[u8; 4]> for MapColor {
    fn from(color: [u8; 4]) -> Self {
        MapColor::Fixed(color.into())
    }
}

impl Ui {
    /// The points of `df` on a map, with Streamlit's defaults: the latitude and longitude
    /// columns found by name, the view fitted to the points. Options through [`Map`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![
    ///     ("lat", Column::from(vec![52.52, 48.85])),
    ///     ("lon", Column::from(vec![13.40, 2.35])),
    /// ])
    /// .unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.map(&df);
    /// });
    /// at.run();
    /// assert!(at.map(0).text().starts_with("2 points"));
    /// ```
    pub fn map(&self, df: &DataFrame) -> Ui {
        self.add(Map::new(df))
    }
}

/// A map with options, as `st.map(data, latitude=, longitude=, color=, size=, zoom=, width=,
/// height=)`.
///
/// ```
/// use wasmlit::prelude::*;
/// let df = DataFrame::new(vec![
///     ("y", Column::from(vec![40.71, 40.73])),
///     ("x", Column::from(vec![-74.00, -73.99])),
///     ("metres", Column::from(vec![50.0, 200.0])),
///     ("colour", Column::from(vec!["#0044ff", "#ff000080"])),
/// ])
/// .unwrap();
/// let mut at = AppTest::new(move |ui: &Ui| {
///     ui.add(Map::new(&df).latitude("y").longitude("x").size("metres").color("colour").zoom(11).height(300));
/// });
/// at.run();
/// let view = at.map(0);
/// let Element::Map(map) = view.element() else { unreachable!() };
/// assert_eq!(map.points.len(), 2);
/// assert_eq!(map.height, 300);
/// ```
#[must_use = "a map is drawn by `ui.add(..)`"]
pub struct Map {
    data: DataFrame,
    latitude: Option<String>,
    longitude: Option<String>,
    size: Option<MapSize>,
    color: Option<MapColor>,
    zoom: Option<f64>,
    width: MapWidth,
    height: u32,
    tiles: Tiles,
}

impl Map {
    /// A map of the points in `data`.
    pub fn new(data: &DataFrame) -> Self {
        Map {
            data: data.clone(),
            latitude: None,
            longitude: None,
            size: None,
            color: None,
            zoom: None,
            width: MapWidth::Stretch,
            height: DEFAULT_HEIGHT,
            tiles: Tiles::default(),
        }
    }

    /// The latitude column (default: the first of [`LATITUDE_NAMES`] the frame has).
    pub fn latitude(mut self, column: impl Into<String>) -> Self {
        self.latitude = Some(column.into());
        self
    }

    /// The longitude column (default: the first of [`LONGITUDE_NAMES`] the frame has).
    pub fn longitude(mut self, column: impl Into<String>) -> Self {
        self.longitude = Some(column.into());
        self
    }

    /// Each point's radius in metres: a number for all (`.size(20.0)`), or a column of numbers
    /// (`.size("metres")`). Points are never drawn smaller than 3 pixels across their radius.
    pub fn size(mut self, size: impl Into<MapSize>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Each point's colour: one colour (`"#0044ff"`, `"#0044ff88"`, `"rgba(0, 68, 255, 0.5)"`,
    /// `[0, 68, 255]`), or the name of a column of such strings. A string that names a column
    /// is the column, as in Streamlit.
    pub fn color(mut self, color: impl Into<MapColor>) -> Self {
        self.color = Some(color.into());
        self
    }

    /// The zoom level, as in Streamlit (0 shows the whole world in 512 pixels; each step
    /// doubles). Without it the map fits every point.
    pub fn zoom(mut self, zoom: impl Into<f64>) -> Self {
        self.zoom = Some(zoom.into());
        self
    }

    /// The width: [`MapWidth::Stretch`] (the default) or a number of pixels.
    pub fn width(mut self, width: impl Into<MapWidth>) -> Self {
        self.width = width.into();
        self
    }

    /// The height in pixels (default 500).
    pub fn height(mut self, pixels: u32) -> Self {
        self.height = pixels;
        self
    }

    /// The basemap's tile URL template (`{z}`, `{x}`, `{y}`; optional `{s}` for a subdomain
    /// and `{r}` for `@2x` tiles) and its attribution, for both themes.
    pub fn tiles(mut self, url: impl Into<String>, attribution: impl Into<String>) -> Self {
        let url = url.into();
        self.tiles = Tiles { light: url.clone(), dark: url, attribution: attribution.into() };
        self
    }

    /// The tile URL template used in the dark theme (after [`Map::tiles`], which sets both).
    pub fn dark_tiles(mut self, url: impl Into<String>) -> Self {
        self.tiles.dark = url.into();
        self
    }

    fn props(self) -> Result<MapProps, String> {
        let Map { data, latitude, longitude, size, color, zoom, width, height, tiles } = self;
        if height == 0 {
            return Err("The map's height must be a positive number of pixels.".into());
        }
        if width == MapWidth::Pixels(0) {
            return Err("The map's width must be a positive number of pixels.".into());
        }
        if let Some(zoom) = zoom {
            if !(0.0..=20.0).contains(&zoom) {
                return Err(format!("The map's zoom must be between 0 and 20; it is {zoom}."));
            }
        }
        for url in [&tiles.light, &tiles.dark] {
            check_tile_url(url)?;
        }
        let points = if data.num_columns() == 0 {
            MapPoints {
                lat: Vec::new(),
                lon: Vec::new(),
                size: PointSizes::All(DEFAULT_SIZE),
                color: PointColors::All(DEFAULT_COLOR),
                bounds: None,
            }
        } else {
            read_points(&data, latitude.as_deref(), longitude.as_deref(), size, color)?
        };
        // Streamlit's zoom counts 512-pixel worlds, Leaflet's 256-pixel tiles.
        Ok(MapProps { points, zoom: zoom.map(|z| z + 1.0), width, height, tiles })
    }
}

impl Command for Map {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        #[cfg(target_arch = "wasm32")]
        crate::web::install_map_renderer();
        match self.props() {
            Ok(props) => ui.push_element(make::map(props)),
            Err(message) => {
                show_error(ui, api(message));
                ui.clone()
            }
        }
    }
}

fn check_tile_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://") || !lower.contains(':');
    if !scheme_ok {
        return Err(format!("The tile URL `{url}` must be http(s) or relative."));
    }
    for part in ["{z}", "{x}", "{y}"] {
        if !url.contains(part) {
            return Err(format!("The tile URL `{url}` has no `{part}`: a template looks like https://tile.example.com/{{z}}/{{x}}/{{y}}.png."));
        }
    }
    Ok(())
}

/// Which column holds the latitudes (or longitudes): the one named, else the first default
/// name the frame has.
fn find_column(df: &DataFrame, what: &str, named: Option<&str>, defaults: &[&str]) -> Result<usize, String> {
    let existing = || df.column_names().iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    match named {
        Some(name) => df.column_index(name).map_err(|_| {
            format!("The map's {what} column `{name}` is not in the frame; its columns are {}.", existing())
        }),
        None => defaults.iter().find_map(|name| df.column_index(name).ok()).ok_or_else(|| {
            let names = defaults.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            format!("Map data must contain a {what} column named {names}. Existing columns: {}.", existing())
        }),
    }
}

/// A numeric column's values as floats (`None` for a null); an error for any other type.
fn numbers(df: &DataFrame, index: usize, what: &str) -> Result<Vec<Option<f64>>, String> {
    let array = df.column_at(index);
    let name = df.column_names()[index];
    match df.dtype(index) {
        DataType::Float => Ok(array.as_primitive::<Float64Type>().iter().collect()),
        DataType::Int => Ok(array.as_primitive::<Int64Type>().iter().map(|v| v.map(|v| v as f64)).collect()),
        other => {
            Err(format!("The map's {what} column `{name}` must hold numbers, but it holds {} values.", other.name()))
        }
    }
}

fn read_points(
    df: &DataFrame,
    latitude: Option<&str>,
    longitude: Option<&str>,
    size: Option<MapSize>,
    color: Option<MapColor>,
) -> Result<MapPoints, String> {
    let lat_index = find_column(df, "latitude", latitude, &LATITUDE_NAMES)?;
    let lon_index = find_column(df, "longitude", longitude, &LONGITUDE_NAMES)?;
    let lat_name = df.column_names()[lat_index].to_string();
    let lon_name = df.column_names()[lon_index].to_string();
    let lats = numbers(df, lat_index, "latitude")?;
    let lons = numbers(df, lon_index, "longitude")?;

    // Rows with a missing position are left out; the others must be on the globe.
    let mut rows = Vec::with_capacity(lats.len());
    let (mut lat, mut lon) = (Vec::with_capacity(lats.len()), Vec::with_capacity(lats.len()));
    for (row, (&y, &x)) in lats.iter().zip(&lons).enumerate() {
        let (Some(y), Some(x)) = (y, x) else { continue };
        if y.is_nan() || x.is_nan() {
            continue;
        }
        if !(-90.0..=90.0).contains(&y) {
            return Err(format!(
                "The latitude in column `{lat_name}` at row {row} is {y}: latitudes are between -90 and 90."
            ));
        }
        if !(-180.0..=180.0).contains(&x) {
            return Err(format!(
                "The longitude in column `{lon_name}` at row {row} is {x}: longitudes are between -180 and 180."
            ));
        }
        rows.push(row);
        lat.push(y);
        lon.push(x);
    }

    let size = match size {
        None => PointSizes::All(DEFAULT_SIZE),
        Some(MapSize::Metres(metres)) if metres.is_finite() && metres >= 0.0 => PointSizes::All(metres),
        Some(MapSize::Metres(metres)) => {
            return Err(format!("The map's point size must be a number of metres, 0 or more; it is {metres}."))
        }
        Some(MapSize::Column(name)) => {
            let index =
                df.column_index(&name).map_err(|_| format!("The map's size column `{name}` is not in the frame."))?;
            let values = numbers(df, index, "size")?;
            let mut sizes = Vec::with_capacity(rows.len());
            for &row in &rows {
                match values[row] {
                    None => sizes.push(DEFAULT_SIZE as f32),
                    Some(v) if v.is_finite() && v >= 0.0 => sizes.push(v as f32),
                    Some(v) => {
                        return Err(format!(
                            "The size in column `{name}` at row {row} is {v}: sizes are metres, 0 or more."
                        ))
                    }
                }
            }
            PointSizes::Each(sizes)
        }
    };

    let color = match color {
        None => PointColors::All(DEFAULT_COLOR),
        Some(MapColor::Fixed(color)) => PointColors::All(color),
        Some(MapColor::Named(name)) => match df.column_index(&name) {
            Ok(index) => PointColors::Each(read_colors(df, index, &rows)?),
            Err(_) => PointColors::All(
                Rgba::parse(&name)
                    .map_err(|e| format!("The map's color is neither a column of the frame nor a colour: {e}"))?,
            ),
        },
    };

    let bounds = Bounds::of(lat.iter().copied().zip(lon.iter().copied()));
    Ok(MapPoints { lat, lon, size, color, bounds })
}

/// The colours of a text column, for the rows kept (a null is the default colour).
fn read_colors(df: &DataFrame, index: usize, rows: &[usize]) -> Result<Vec<Rgba>, String> {
    let name = df.column_names()[index];
    if df.dtype(index) != DataType::Text {
        return Err(format!(
            "The map's color column `{name}` must hold colours as text (\"#rrggbb\"), but it holds {} values.",
            df.dtype(index).name()
        ));
    }
    let strings = df.column_at(index).as_string::<i32>();
    let mut colors = Vec::with_capacity(rows.len());
    // Frames often repeat a few colours: parse each distinct string once.
    let mut last: Option<(&str, Rgba)> = None;
    for &row in rows {
        if strings.is_null(row) {
            colors.push(DEFAULT_COLOR);
            continue;
        }
        let text = strings.value(row);
        let color = match last {
            Some((previous, color)) if previous == text => color,
            _ => Rgba::parse(text).map_err(|e| format!("Column `{name}` at row {row}: {e}"))?,
        };
        last = Some((text, color));
        colors.push(color);
    }
    Ok(colors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;
    use crate::prelude::*;

    fn map(at: &AppTest, index: usize) -> MapProps {
        match at.map(index).element() {
            Element::Map(props) => props.clone(),
            other => panic!("not a map: {other:?}"),
        }
    }

    fn frame(columns: Vec<(&str, Column)>) -> DataFrame {
        DataFrame::new(columns).expect("a valid frame")
    }

    #[test]
    fn latitude_and_longitude_are_found_by_streamlits_names() {
        for (lat, lon) in [("lat", "lon"), ("latitude", "longitude"), ("LAT", "LON"), ("LATITUDE", "LONGITUDE")] {
            let df = frame(vec![
                ("name", Column::from(vec!["a", "b"])),
                (lon, Column::from(vec![13.4, 2.35])),
                (lat, Column::from(vec![52.5, 48.85])),
            ]);
            let mut at = AppTest::new(move |ui: &Ui| {
                ui.map(&df);
            });
            at.run();
            let props = map(&at, 0);
            assert_eq!(props.points.lat, [52.5, 48.85], "{lat}");
            assert_eq!(props.points.lon, [13.4, 2.35], "{lon}");
            assert_eq!(props.points.size, PointSizes::All(DEFAULT_SIZE));
            assert_eq!(props.points.color, PointColors::All(DEFAULT_COLOR));
            assert_eq!((props.height, props.width, props.zoom), (DEFAULT_HEIGHT, MapWidth::Stretch, None));
            assert_eq!(props.tiles, Tiles::default());
        }
    }

    #[test]
    fn explicit_columns_sizes_colours_and_integer_positions() {
        let df = frame(vec![
            ("lat", Column::from(vec![1.0, 2.0, 3.0])),
            ("y", Column::from(vec![10_i64, 20, 30])),
            ("x", Column::from(vec![-5_i64, 0, 5])),
            ("r", Column::from(vec![Some(10.0), None, Some(30.0)])),
            ("c", Column::from(vec![Some("#ff0000"), Some("#00ff0080"), None])),
        ]);
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(Map::new(&df).latitude("y").longitude("x").size("r").color("c").zoom(9).width(400).height(250));
            ui.add(Map::new(&df).latitude("y").longitude("x").size(20).color("#0044ff"));
            ui.add(Map::new(&df).latitude("y").longitude("x").color([1, 2, 3]));
        });
        at.run();
        let first = map(&at, 0);
        assert_eq!(first.points.lat, [10.0, 20.0, 30.0]);
        assert_eq!(first.points.lon, [-5.0, 0.0, 5.0]);
        assert_eq!(first.points.size, PointSizes::Each(vec![10.0, DEFAULT_SIZE as f32, 30.0]));
        assert_eq!(
            first.points.color,
            PointColors::Each(vec![Rgba::new(255, 0, 0, 255), Rgba::new(0, 255, 0, 128), DEFAULT_COLOR])
        );
        assert_eq!(first.zoom, Some(10.0), "Streamlit's zoom 9 is Leaflet's 10");
        assert_eq!((first.width, first.height), (MapWidth::Pixels(400), 250));
        assert_eq!(map(&at, 1).points.size, PointSizes::All(20.0));
        assert_eq!(map(&at, 1).points.color, PointColors::All(Rgba::new(0, 0x44, 0xff, 255)));
        assert_eq!(map(&at, 2).points.color, PointColors::All(Rgba::new(1, 2, 3, 255)));
        assert_eq!(
            at.map(0).text(),
            "3 points, latitude 10 to 30, longitude -5 to 5",
            "AppTest's text names the points and their box"
        );
    }

    #[test]
    fn rows_without_a_position_are_left_out() {
        let df = frame(vec![
            ("lat", Column::from(vec![Some(1.0), None, Some(f64::NAN), Some(4.0)])),
            ("lon", Column::from(vec![Some(1.0), Some(2.0), Some(3.0), None])),
            ("c", Column::from(vec!["#000", "not a colour (skipped row)", "#111", "#222"])),
        ]);
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(Map::new(&df).color("c"));
        });
        at.run();
        let props = map(&at, 0);
        assert_eq!((props.points.lat.clone(), props.points.lon.clone()), (vec![1.0], vec![1.0]));
        assert_eq!(props.points.color, PointColors::Each(vec![Rgba::new(0, 0, 0, 255)]));
        assert_eq!(at.map(0).text(), "1 point, latitude 1 to 1, longitude 1 to 1");
    }

    #[test]
    fn an_empty_frame_is_an_empty_map_of_the_world() {
        let empty_rows = frame(vec![("lat", Column::Float(vec![])), ("lon", Column::Float(vec![]))]);
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.map(&DataFrame::empty());
            ui.map(&empty_rows);
        });
        at.run();
        assert_eq!(at.map(0).text(), "0 points");
        assert_eq!(map(&at, 1).points.bounds, None);
    }

    #[test]
    fn bad_input_draws_a_clear_error_in_place_and_the_app_runs_on() {
        let good = frame(vec![("lat", Column::from(vec![1.0])), ("lon", Column::from(vec![2.0]))]);
        let no_position = frame(vec![("x", Column::from(vec![1.0]))]);
        let text_lat = frame(vec![("lat", Column::from(vec!["north"])), ("lon", Column::from(vec![2.0]))]);
        let far_north = frame(vec![("lat", Column::from(vec![1.0, 91.0])), ("lon", Column::from(vec![2.0, 2.0]))]);
        let far_east = frame(vec![("lat", Column::from(vec![1.0])), ("lon", Column::from(vec![180.5]))]);
        let bad_colour = frame(vec![
            ("lat", Column::from(vec![1.0, 2.0])),
            ("lon", Column::from(vec![2.0, 3.0])),
            ("c", Column::from(vec!["#fff", "#ff00zz"])),
        ]);
        let numeric_colour = frame(vec![
            ("lat", Column::from(vec![1.0])),
            ("lon", Column::from(vec![2.0])),
            ("c", Column::from(vec![7_i64])),
        ]);
        let negative_size = frame(vec![
            ("lat", Column::from(vec![1.0])),
            ("lon", Column::from(vec![2.0])),
            ("s", Column::from(vec![-1.0])),
        ]);
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.map(&no_position);
            ui.add(Map::new(&good).latitude("nope"));
            ui.map(&text_lat);
            ui.map(&far_north);
            ui.map(&far_east);
            ui.add(Map::new(&bad_colour).color("c"));
            ui.add(Map::new(&good).color("reddish"));
            ui.add(Map::new(&numeric_colour).color("c"));
            ui.add(Map::new(&negative_size).size("s"));
            ui.add(Map::new(&good).size(f64::NAN));
            ui.add(Map::new(&good).height(0));
            ui.add(Map::new(&good).zoom(25));
            ui.add(Map::new(&good).tiles("javascript:alert(1)/{z}/{x}/{y}", "x"));
            ui.add(Map::new(&good).tiles("https://tiles.example.com/{z}/{x}.png", "x"));
            ui.map(&good);
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        let expected = [
            "Map data must contain a latitude column named `lat`, `latitude`, `LAT`, `LATITUDE`. Existing columns: `x`.",
            "The map's latitude column `nope` is not in the frame; its columns are `lat`, `lon`.",
            "The map's latitude column `lat` must hold numbers, but it holds text values.",
            "The latitude in column `lat` at row 1 is 91: latitudes are between -90 and 90.",
            "The longitude in column `lon` at row 0 is 180.5: longitudes are between -180 and 180.",
            "Column `c` at row 1: `#ff00zz` is not a colour",
            "The map's color is neither a column of the frame nor a colour: `reddish` is not a colour",
            "The map's color column `c` must hold colours as text",
            "The size in column `s` at row 0 is -1",
            "The map's point size must be a number of metres, 0 or more; it is NaN.",
            "height must be a positive number",
            "zoom must be between 0 and 20; it is 25",
            "must be http(s) or relative",
            "has no `{y}`",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:#?}");
        for (error, expected) in errors.iter().zip(expected) {
            assert!(error.contains(expected), "{error:?} does not say {expected:?}");
        }
        assert_eq!(at.get("map").len(), 1);
        assert_eq!(at.elements().last().map(|e| e.kind()), Some("map"));
    }

    #[test]
    fn custom_tiles_and_a_dark_variant() {
        let df = frame(vec![("lat", Column::from(vec![1.0])), ("lon", Column::from(vec![2.0]))]);
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(
                Map::new(&df)
                    .tiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap")
                    .dark_tiles("/tiles/dark/{z}/{x}/{y}.png"),
            );
        });
        at.run();
        let tiles = map(&at, 0).tiles;
        assert_eq!(tiles.light, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assert_eq!(tiles.dark, "/tiles/dark/{z}/{x}/{y}.png");
        assert_eq!(tiles.attribution, "© OpenStreetMap");
    }

    #[test]
    fn a_hundred_thousand_points_are_read_quickly() {
        let n = 100_000;
        let lat: Vec<f64> = (0..n).map(|i| 40.0 + (i % 1000) as f64 * 1e-3).collect();
        let lon: Vec<f64> = (0..n).map(|i| -74.0 + (i / 1000) as f64 * 1e-3).collect();
        let df = frame(vec![("lat", Column::from(lat)), ("lon", Column::from(lon))]);
        let start = std::time::Instant::now();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.map(&df);
        });
        at.run();
        assert_eq!(map(&at, 0).points.len(), n);
        let bounds = map(&at, 0).points.bounds.expect("bounds");
        assert_eq!((bounds.min_lat, bounds.min_lon), (40.0, -74.0));
        // Generous: debug builds on a loaded machine.
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
    }
}
