//! Web Mercator maths for `map`: where a point lands on the screen, which zoom fits the points,
//! and how the drawn points follow Leaflet's zoom animation.
//!
//! Positions are *world coordinates*: fractions of the Web Mercator square, `x` from 0 at
//! 180° W to 1 at 180° E, `y` from 0 at the top (85.05° N) to 1 at the bottom. At zoom `z` the
//! world is `256 · 2^z` pixels wide, as in Leaflet and every slippy-map tile server (Streamlit's
//! deck.gl counts zoom in 512-pixel worlds, so its zoom `z` is our `z + 1`).
//!
//! ```
//! use wasmlit::elements::maps::mercator::{project, View};
//! let (x, y) = project(0.0, 0.0);
//! assert_eq!((x, y), (0.5, 0.5));
//! // The whole world at zoom 0 in a 256-pixel square: the equator crosses the middle row.
//! let view = View { center: (0.5, 0.5), zoom: 0.0, width: 256.0, height: 256.0 };
//! assert_eq!(view.to_screen(x, y), (128.0, 128.0));
//! ```

use std::f64::consts::PI;

use serde::{Deserialize, Serialize};

/// Leaflet's (and every tile server's) tile size: the world is this many pixels at zoom 0.
pub const TILE_SIZE: f64 = 256.0;
/// The latitude where the Web Mercator square ends; points beyond are drawn on its edge.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;
/// The Earth's circumference at the equator in metres (WGS 84 semi-major axis · 2π), the
/// length of the world's width in Web Mercator.
pub const EARTH_CIRCUMFERENCE: f64 = 40_075_016.685_578_5;

/// The world coordinates of a latitude and longitude (degrees).
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let sin = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians().sin();
    let x = (lon + 180.0) / 360.0;
    let y = 0.5 - ((1.0 + sin) / (1.0 - sin)).ln() / (4.0 * PI);
    (x, y)
}

/// The latitude and longitude (degrees) of world coordinates: the inverse of [`project`].
pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (2.0 * ((1.0 - 2.0 * y) * PI).exp().atan() - PI / 2.0).to_degrees();
    (lat, lon)
}

/// A length on the ground at latitude `lat`, in world units (Web Mercator stretches lengths by
/// `1 / cos(lat)`).
pub fn metres_to_world(metres: f64, lat: f64) -> f64 {
    let cos = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians().cos();
    metres / (EARTH_CIRCUMFERENCE * cos)
}

/// The smallest box of latitudes and longitudes holding every point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lon: f64,
    pub max_lon: f64,
}

impl Bounds {
    /// The bounds of points given as `(lat, lon)` pairs; `None` when there are none.
    pub fn of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bounds> {
        points.into_iter().fold(None, |bounds, (lat, lon)| {
            Some(match bounds {
                None => Bounds { min_lat: lat, max_lat: lat, min_lon: lon, max_lon: lon },
                Some(b) => Bounds {
                    min_lat: b.min_lat.min(lat),
                    max_lat: b.max_lat.max(lat),
                    min_lon: b.min_lon.min(lon),
                    max_lon: b.max_lon.max(lon),
                },
            })
        })
    }

    /// The middle of the box in world coordinates (the middle of its projection, so the points
    /// sit centred on the screen).
    pub fn center(&self) -> (f64, f64) {
        let (x0, y0) = project(self.max_lat, self.min_lon);
        let (x1, y1) = project(self.min_lat, self.max_lon);
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0)
    }

    /// The box's width and height in world units.
    pub fn world_size(&self) -> (f64, f64) {
        let (x0, y0) = project(self.max_lat, self.min_lon);
        let (x1, y1) = project(self.min_lat, self.max_lon);
        (x1 - x0, y1 - y0)
    }
}

/// The zoom used when the points have no extent (one point, or all in one place): Streamlit's
/// default of 12 in deck.gl's zoom.
pub const SINGLE_POINT_ZOOM: f64 = 13.0;
/// The zoom of a map with no points: the whole world.
pub const EMPTY_ZOOM: f64 = 1.0;
/// The largest zoom a fit picks: street level.
pub const MAX_FIT_ZOOM: f64 = 18.0;
/// Room kept free around fitted points, in CSS pixels on each side.
pub const FIT_PADDING: f64 = 24.0;

/// What the map shows: its centre in world coordinates, its zoom, its size in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub center: (f64, f64),
    pub zoom: f64,
    pub width: f64,
    pub height: f64,
}

impl View {
    /// The view a map first shows: centred on the points, at `zoom` when the script gave one,
    /// else at the largest whole zoom that shows every point with [`FIT_PADDING`] to spare.
    pub fn initial(bounds: Option<&Bounds>, zoom: Option<f64>, width: f64, height: f64) -> View {
        let Some(bounds) = bounds else {
            return View { center: (0.5, 0.5), zoom: zoom.unwrap_or(EMPTY_ZOOM), width, height };
        };
        let zoom = zoom.unwrap_or_else(|| fit_zoom(bounds, width, height));
        View { center: bounds.center(), zoom, width, height }
    }

    /// Pixels per world unit.
    pub fn scale(&self) -> f64 {
        TILE_SIZE * self.zoom.exp2()
    }

    /// The screen position (CSS pixels from the map's top left) of world coordinates.
    pub fn to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        let scale = self.scale();
        ((x - self.center.0) * scale + self.width / 2.0, (y - self.center.1) * scale + self.height / 2.0)
    }

    /// The world coordinates under a screen position: the inverse of [`View::to_screen`].
    pub fn to_world(&self, sx: f64, sy: f64) -> (f64, f64) {
        let scale = self.scale();
        ((sx - self.width / 2.0) / scale + self.center.0, (sy - self.height / 2.0) / scale + self.center.1)
    }

    /// The CSS transform that carries what was drawn for `self` to where it belongs in `next`
    /// (during Leaflet's zoom animation): `(tx, ty, s)` for `translate(tx, ty) scale(s)` with the
    /// transform's origin at the top left.
    pub fn transform_to(&self, next: &View) -> (f64, f64, f64) {
        let s = next.scale() / self.scale();
        // A screen point p of `self` is world (p - half) / scale + centre; in `next` it is at
        // (world - next.centre) · next.scale + next.half = s·p + t.
        let tx = (self.center.0 - next.center.0) * next.scale() - s * self.width / 2.0 + next.width / 2.0;
        let ty = (self.center.1 - next.center.1) * next.scale() - s * self.height / 2.0 + next.height / 2.0;
        (tx, ty, s)
    }
}

/// The largest whole zoom (at most [`MAX_FIT_ZOOM`]) at which `bounds` fits a `width` ×
/// `height` map with [`FIT_PADDING`] on every side; [`SINGLE_POINT_ZOOM`] for a box with no
/// extent.
pub fn fit_zoom(bounds: &Bounds, width: f64, height: f64) -> f64 {
    let (dx, dy) = bounds.world_size();
    let room_x = (width - 2.0 * FIT_PADDING).max(1.0);
    let room_y = (height - 2.0 * FIT_PADDING).max(1.0);
    let fits = |d: f64, room: f64| if d > 0.0 { (room / (d * TILE_SIZE)).log2() } else { f64::INFINITY };
    let zoom = fits(dx, room_x).min(fits(dy, room_y));
    if zoom.is_infinite() {
        SINGLE_POINT_ZOOM
    } else {
        zoom.floor().clamp(0.0, MAX_FIT_ZOOM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn projection_matches_known_tiles_and_round_trips() {
        // Berlin (52.52 N, 13.405 E) is in tile x 4401, y 2686 at zoom 13 (OSM's tile maths).
        let (x, y) = project(52.52, 13.405);
        let tiles = 2_f64.powi(13);
        assert_eq!(((x * tiles).floor(), (y * tiles).floor()), (4401.0, 2686.0));
        let (lat, lon) = unproject(x, y);
        assert!(close(lat, 52.52, 1e-9) && close(lon, 13.405, 1e-9), "{lat} {lon}");
        // The corners of the square, and latitudes beyond it clamp to its edge.
        assert!(close(project(MAX_LATITUDE, -180.0).1, 0.0, 1e-12));
        assert_eq!(project(89.9, 180.0), project(MAX_LATITUDE, 180.0));
        assert!(close(project(-MAX_LATITUDE, 0.0).1, 1.0, 1e-12));
    }

    #[test]
    fn ground_lengths_grow_with_latitude() {
        // At the equator the world is one circumference wide.
        assert!(close(metres_to_world(EARTH_CIRCUMFERENCE, 0.0), 1.0, 1e-12));
        // At 60° a metre covers twice as much of the map.
        assert!(close(metres_to_world(100.0, 60.0), 2.0 * metres_to_world(100.0, 0.0), 1e-12));
    }

    #[test]
    fn screen_and_world_positions_are_inverses() {
        let view = View { center: project(40.7, -74.0), zoom: 11.3, width: 700.0, height: 500.0 };
        assert_eq!(view.to_screen(view.center.0, view.center.1), (350.0, 250.0));
        let (x, y) = project(40.75, -73.9);
        let (sx, sy) = view.to_screen(x, y);
        let (bx, by) = view.to_world(sx, sy);
        assert!(close(bx, x, 1e-12) && close(by, y, 1e-12));
        // North is up and east is right.
        assert!(sx > 350.0 && sy < 250.0);
    }

    #[test]
    fn fitting_picks_the_largest_zoom_that_shows_every_point() {
        let bounds = Bounds::of([(52.4, 13.2), (52.6, 13.6)]).unwrap();
        let zoom = fit_zoom(&bounds, 700.0, 500.0);
        let fits = |zoom: f64| {
            let view = View { center: bounds.center(), zoom, width: 700.0, height: 500.0 };
            let (x0, y0) = view.to_screen(project(52.6, 13.2).0, project(52.6, 13.2).1);
            let (x1, y1) = view.to_screen(project(52.4, 13.6).0, project(52.4, 13.6).1);
            x0 >= FIT_PADDING - 1e-9
                && y0 >= FIT_PADDING - 1e-9
                && x1 <= 700.0 - FIT_PADDING
                && y1 <= 500.0 - FIT_PADDING
        };
        assert!(fits(zoom), "zoom {zoom} does not fit");
        assert!(!fits(zoom + 1.0), "zoom {} would fit too", zoom + 1.0);
        assert_eq!(zoom, 10.0);
        // One point: the single-point zoom; the whole world: zoom 0 (never below).
        assert_eq!(fit_zoom(&Bounds::of([(1.0, 2.0)]).unwrap(), 700.0, 500.0), SINGLE_POINT_ZOOM);
        assert_eq!(fit_zoom(&Bounds::of([(-80.0, -179.0), (80.0, 179.0)]).unwrap(), 300.0, 200.0), 0.0);
        // Points in a street: capped at street level.
        assert_eq!(fit_zoom(&Bounds::of([(1.0, 2.0), (1.0, 2.000001)]).unwrap(), 700.0, 500.0), MAX_FIT_ZOOM);
    }

    #[test]
    fn the_initial_view_centres_the_points_or_shows_the_world() {
        let bounds = Bounds::of([(10.0, 20.0), (12.0, 24.0)]).unwrap();
        let view = View::initial(Some(&bounds), Some(6.0), 600.0, 400.0);
        assert_eq!(view.zoom, 6.0);
        let (sx0, _) = view.to_screen(project(11.0, 20.0).0, 0.0);
        let (sx1, _) = view.to_screen(project(11.0, 24.0).0, 0.0);
        assert!(close(300.0 - sx0, sx1 - 300.0, 1e-9));
        assert_eq!(View::initial(None, None, 600.0, 400.0).center, (0.5, 0.5));
        assert_eq!(View::initial(None, None, 600.0, 400.0).zoom, EMPTY_ZOOM);
    }

    #[test]
    fn the_zoom_transform_carries_old_pixels_to_their_new_place() {
        let old = View { center: project(48.85, 2.35), zoom: 10.0, width: 640.0, height: 480.0 };
        let new = View { center: project(48.9, 2.4), zoom: 11.0, width: 640.0, height: 480.0 };
        let (tx, ty, s) = old.transform_to(&new);
        assert_eq!(s, 2.0);
        for (lat, lon) in [(48.85, 2.35), (48.8, 2.2), (49.0, 2.6)] {
            let (x, y) = project(lat, lon);
            let (ox, oy) = old.to_screen(x, y);
            let (nx, ny) = new.to_screen(x, y);
            assert!(close(s * ox + tx, nx, 1e-6) && close(s * oy + ty, ny, 1e-6));
        }
    }
}
