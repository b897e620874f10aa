//! The points of a `map` drawn into RGBA pixels: filled, anti-aliased circles blended in data
//! order, the later over the earlier. The page hands the pixels to its canvas in one call,
//! which is what lets 100,000 points redraw at every frame of a pan.
//!
//! ```
//! use wasmlit::elements::maps::raster::Raster;
//! use wasmlit::elements::maps::Rgba;
//! let mut raster = Raster::new(8, 8);
//! raster.fill_circle(4.0, 4.0, 2.0, Rgba::new(255, 0, 0, 255));
//! assert_eq!(raster.pixel(4, 4), [255, 0, 0, 255]);
//! assert_eq!(raster.pixel(0, 0), [0, 0, 0, 0]);
//! ```

use super::map::{MapPoints, PointColors, PointSizes};
use super::mercator::{metres_to_world, project, View};
use super::Rgba;

/// The smallest radius a point is drawn with, in CSS pixels, however small its size in metres
/// (Streamlit's `radiusMinPixels`).
pub const MIN_RADIUS_PX: f64 = 3.0;

/// Premultiplied RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Raster {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Raster {
    /// A transparent raster.
    pub fn new(width: usize, height: usize) -> Raster {
        Raster { width, height, pixels: vec![0; width * height * 4] }
    }

    /// Its width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Its height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The colour at a pixel, straight (not premultiplied) RGBA.
    pub fn pixel(&self, x: usize, y: usize) -> [u8; 4] {
        let i = (y * self.width + x) * 4;
        unpremultiply([self.pixels[i], self.pixels[i + 1], self.pixels[i + 2], self.pixels[i + 3]])
    }

    /// Draws a filled circle centred at `(cx, cy)` (pixel centres are at `.5`) with radius `r`
    /// over what is there; its edge is anti-aliased over one pixel.
    ///
    /// This is the hot loop of a map with many points: integer blending, one square root per
    /// edge pixel only, and no `f64::round` (a libm call on wasm32).
    pub fn fill_circle(&mut self, cx: f64, cy: f64, r: f64, color: Rgba) {
        if color.a == 0 || r <= 0.0 || !(cx.is_finite() && cy.is_finite() && r.is_finite()) {
            return;
        }
        let outer = r + 0.5;
        let x0 = (cx - outer).floor().max(0.0);
        let y0 = (cy - outer).floor().max(0.0);
        let x1 = (cx + outer).ceil().min(self.width as f64);
        let y1 = (cy + outer).ceil().min(self.height as f64);
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let (x0, x1, y0, y1) = (x0 as usize, x1 as usize, y0 as usize, y1 as usize);
        let (cx, cy, outer) = (cx as f32, cy as f32, outer as f32);
        let inner2 = if r > 0.5 { ((r - 0.5) * (r - 0.5)) as f32 } else { -1.0 };
        let outer2 = outer * outer;
        let alpha = f32::from(color.a);
        let [cr, cg, cb] = [u32::from(color.r), u32::from(color.g), u32::from(color.b)];
        let full = u32::from(color.a);
        for y in y0..y1 {
            let dy = y as f32 + 0.5 - cy;
            let dy2 = dy * dy;
            let row = y * self.width;
            for x in x0..x1 {
                let dx = x as f32 + 0.5 - cx;
                let d2 = dx * dx + dy2;
                if d2 >= outer2 {
                    continue;
                }
                // This pixel's share of the colour's alpha, 0..=255.
                let a = if d2 <= inner2 {
                    full
                } else {
                    let coverage = (outer - d2.sqrt()).clamp(0.0, 1.0);
                    (alpha * coverage + 0.5) as u32
                };
                if a == 0 {
                    continue;
                }
                let keep = 255 - a;
                let i = (row + x) * 4;
                let px = &mut self.pixels[i..i + 4];
                px[0] = ((cr * a + u32::from(px[0]) * keep + 127) / 255) as u8;
                px[1] = ((cg * a + u32::from(px[1]) * keep + 127) / 255) as u8;
                px[2] = ((cb * a + u32::from(px[2]) * keep + 127) / 255) as u8;
                px[3] = ((255 * a + u32::from(px[3]) * keep + 127) / 255) as u8;
            }
        }
    }

    /// The pixels as straight RGBA, as a canvas `ImageData` takes them.
    pub fn into_rgba(mut self) -> Vec<u8> {
        for px in self.pixels.chunks_exact_mut(4) {
            let a = px[3];
            if a != 0 && a != 255 {
                let [r, g, b, a] = unpremultiply([px[0], px[1], px[2], a]);
                px.copy_from_slice(&[r, g, b, a]);
            }
        }
        self.pixels
    }
}

fn unpremultiply([r, g, b, a]: [u8; 4]) -> [u8; 4] {
    if a == 0 {
        return [0, 0, 0, 0];
    }
    let a32 = u32::from(a);
    let up = |c: u8| ((u32::from(c) * 255 + a32 / 2) / a32).min(255) as u8;
    [up(r), up(g), up(b), a]
}

/// A map's points projected once (per data), ready to be drawn at any view.
#[derive(Clone, Debug, PartialEq)]
pub struct Projected {
    /// World coordinates, `x` then `y` for each point.
    xy: Vec<f64>,
    /// Each point's radius in world units (one value when all share a size).
    radius: Vec<f64>,
    colors: PointColors,
}

impl Projected {
    /// Projects `points` (the page does this when the data changes, not at every frame).
    pub fn new(points: &MapPoints) -> Projected {
        let mut xy = Vec::with_capacity(points.lat.len() * 2);
        for (&lat, &lon) in points.lat.iter().zip(&points.lon) {
            let (x, y) = project(lat, lon);
            xy.extend([x, y]);
        }
        let radius = match &points.size {
            PointSizes::Each(sizes) => {
                points.lat.iter().zip(sizes).map(|(&lat, &metres)| metres_to_world(f64::from(metres), lat)).collect()
            }
            PointSizes::All(metres) => points.lat.iter().map(|&lat| metres_to_world(*metres, lat)).collect(),
        };
        Projected { xy, radius, colors: points.color.clone() }
    }

    /// How many points.
    pub fn len(&self) -> usize {
        self.radius.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.radius.is_empty()
    }

    /// Where point `index` is on the screen of `view`, and its radius there (CSS pixels).
    pub fn on_screen(&self, index: usize, view: &View) -> (f64, f64, f64) {
        let (x, y) = view.to_screen(self.xy[2 * index], self.xy[2 * index + 1]);
        (x, y, (self.radius[index] * view.scale()).max(MIN_RADIUS_PX))
    }

    /// Draws the points seen in `view` into a raster of `view`'s size times `pixel_ratio`
    /// (the screen's device pixels per CSS pixel). Points wholly off the screen are skipped
    /// before any pixel work; returns the raster and how many points were drawn.
    pub fn draw(&self, view: &View, pixel_ratio: f64) -> (Raster, usize) {
        let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
        let width = (view.width * ratio).round().max(0.0) as usize;
        let height = (view.height * ratio).round().max(0.0) as usize;
        let mut raster = Raster::new(width, height);
        let mut drawn = 0;
        // `View::to_screen` for every point, with the scale and offsets worked out once.
        let scale = view.scale();
        let (ox, oy) = (view.width / 2.0 - view.center.0 * scale, view.height / 2.0 - view.center.1 * scale);
        for index in 0..self.len() {
            let x = self.xy[2 * index] * scale + ox;
            let y = self.xy[2 * index + 1] * scale + oy;
            let r = (self.radius[index] * scale).max(MIN_RADIUS_PX);
            if x + r < 0.0 || y + r < 0.0 || x - r > view.width || y - r > view.height {
                continue;
            }
            let color = match &self.colors {
                PointColors::All(color) => *color,
                PointColors::Each(colors) => colors[index],
            };
            raster.fill_circle(x * ratio, y * ratio, r * ratio, color);
            drawn += 1;
        }
        (raster, drawn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::maps::mercator::Bounds;

    #[test]
    fn a_circle_covers_its_disc_and_blends_over_what_is_there() {
        let mut raster = Raster::new(20, 20);
        raster.fill_circle(10.0, 10.0, 5.0, Rgba::new(0, 0, 255, 255));
        let covered = (0..20).flat_map(|y| (0..20).map(move |x| (x, y))).filter(|&(x, y)| raster.pixel(x, y)[3] > 0);
        // About π·5.5² pixels are touched (the disc plus its anti-aliased edge).
        let n = covered.count();
        assert!((80..=100).contains(&n), "{n} pixels");
        assert_eq!(raster.pixel(10, 10), [0, 0, 255, 255]);
        assert_eq!(raster.pixel(10, 3), [0, 0, 0, 0]);
        // Half-transparent red over opaque blue: a purple, still opaque.
        raster.fill_circle(10.0, 10.0, 2.0, Rgba::new(255, 0, 0, 128));
        let [r, g, b, a] = raster.pixel(10, 10);
        assert_eq!((g, a), (0, 255));
        assert!((126..=130).contains(&r) && (125..=129).contains(&b), "{r} {b}");
        // Half-transparent red over nothing keeps its colour and alpha.
        raster.fill_circle(2.0, 2.0, 1.5, Rgba::new(255, 0, 0, 128));
        assert_eq!(raster.pixel(1, 1), [255, 0, 0, 128]);
    }

    #[test]
    fn circles_off_the_raster_or_invalid_draw_nothing_and_never_panic() {
        let mut raster = Raster::new(10, 10);
        for (cx, cy, r) in [(-50.0, 5.0, 3.0), (5.0, 60.0, 3.0), (f64::NAN, 5.0, 3.0), (5.0, 5.0, f64::INFINITY)] {
            raster.fill_circle(cx, cy, r, Rgba::new(1, 2, 3, 255));
        }
        raster.fill_circle(5.0, 5.0, 3.0, Rgba::new(1, 2, 3, 0));
        assert!(raster.clone().into_rgba().iter().all(|&b| b == 0));
        // Half a circle on the edge is drawn.
        raster.fill_circle(0.0, 5.0, 3.0, Rgba::new(9, 9, 9, 255));
        assert_eq!(raster.pixel(0, 5), [9, 9, 9, 255]);
    }

    fn points(lat: Vec<f64>, lon: Vec<f64>) -> MapPoints {
        let bounds = Bounds::of(lat.iter().copied().zip(lon.iter().copied()));
        MapPoints { lat, lon, size: PointSizes::All(100.0), color: PointColors::All(Rgba::new(200, 0, 0, 255)), bounds }
    }

    #[test]
    fn points_land_where_the_view_projects_them_and_off_screen_ones_are_culled() {
        let pts = points(vec![40.7, 40.8, 10.0], vec![-74.0, -73.9, 10.0]);
        let projected = Projected::new(&pts);
        let view = View { center: project(40.75, -73.95), zoom: 10.0, width: 400.0, height: 300.0 };
        let (raster, drawn) = projected.draw(&view, 1.0);
        assert_eq!(drawn, 2, "the point at (10, 10) is far off screen");
        for index in 0..2 {
            let (x, y, r) = projected.on_screen(index, &view);
            assert_eq!(r, MIN_RADIUS_PX, "100 m at zoom 10 is under a pixel");
            assert_eq!(raster.pixel(x as usize, y as usize), [200, 0, 0, 255], "point {index} at {x},{y}");
        }
        // At device pixel ratio 2 the raster doubles and the point is at twice the position.
        let (raster2, _) = projected.draw(&view, 2.0);
        assert_eq!((raster2.width(), raster2.height()), (800, 600));
        let (x, y, _) = projected.on_screen(0, &view);
        assert_eq!(raster2.pixel((2.0 * x) as usize, (2.0 * y) as usize)[3], 255);
    }

    #[test]
    fn sizes_are_metres_on_the_ground() {
        let mut pts = points(vec![0.0, 60.0], vec![0.0, 0.0]);
        pts.size = PointSizes::Each(vec![1000.0, 1000.0]);
        let projected = Projected::new(&pts);
        let view = View { center: project(30.0, 0.0), zoom: 12.0, width: 100.0, height: 100.0 };
        let (_, _, r0) = projected.on_screen(0, &view);
        let (_, _, r60) = projected.on_screen(1, &view);
        // 1 km at zoom 12 on the equator is 1000 / 38.2 m per pixel ≈ 26 pixels; twice that at 60°.
        assert!((r0 - 26.2).abs() < 0.1, "{r0}");
        assert!((r60 - 2.0 * r0).abs() < 1e-6);
    }
}
