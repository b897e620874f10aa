//! Maps (feature `maps`, on by default): `map`, points from a frame on a tiled basemap, as
//! `st.map`.
//!
//! The engine reads and checks the points ([`map`]); [`mercator`] is the projection and the
//! fitted view, [`raster`] draws the points into pixels. The page (web/elements/maps/map.rs)
//! loads Leaflet for the tiles and zoom controls only when a map is shown, and draws the
//! points itself on one canvas, so they appear even when no tile can load.

pub mod map;
pub mod mercator;
pub mod raster;

use serde::{Deserialize, Serialize};

/// A colour with opacity, each channel 0–255.
///
/// Parsed from the strings Streamlit accepts for `st.map`'s `color` (`"#rgb"`, `"#rgba"`,
/// `"#rrggbb"`, `"#rrggbbaa"`) and CSS's `rgb(..)` / `rgba(..)`; also from `[r, g, b]`,
/// `[r, g, b, a]` and `(r, g, b)`.
///
/// ```
/// use wasmlit::elements::maps::Rgba;
/// assert_eq!(Rgba::parse("#ffaa0088"), Ok(Rgba::new(255, 170, 0, 136)));
/// assert_eq!(Rgba::parse("#fa0"), Ok(Rgba::new(255, 170, 0, 255)));
/// assert_eq!(Rgba::parse("rgba(0, 68, 255, 0.5)"), Ok(Rgba::new(0, 68, 255, 128)));
/// assert!(Rgba::parse("blue-ish").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    /// A colour from its channels.
    pub const fn new(r: u8, g: u8, b: u8, a: u8) -> Rgba {
        Rgba { r, g, b, a }
    }

    /// Parses a hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`) or a CSS `rgb(r, g, b)` /
    /// `rgba(r, g, b, a)` (channels 0–255, alpha 0–1); the error says what was wrong.
    pub fn parse(text: &str) -> Result<Rgba, String> {
        let text = text.trim();
        let bad = || {
            format!(
                "`{text}` is not a colour: use a hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa) or rgb(r, g, b) / rgba(r, g, b, a)."
            )
        };
        if let Some(hex) = text.strip_prefix('#') {
            if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(bad());
            }
            let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).map(|d| d * 17).map_err(|_| bad());
            let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
            return match hex.len() {
                3 => Ok(Rgba::new(digit(0)?, digit(1)?, digit(2)?, 255)),
                4 => Ok(Rgba::new(digit(0)?, digit(1)?, digit(2)?, digit(3)?)),
                6 => Ok(Rgba::new(pair(0)?, pair(2)?, pair(4)?, 255)),
                8 => Ok(Rgba::new(pair(0)?, pair(2)?, pair(4)?, pair(6)?)),
                _ => Err(bad()),
            };
        }
        let lower = text.to_ascii_lowercase();
        let inner = lower
            .strip_prefix("rgba(")
            .or_else(|| lower.strip_prefix("rgb("))
            .and_then(|rest| rest.strip_suffix(')'))
            .ok_or_else(bad)?;
        let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
        let channel = |part: &str| match part.parse::<f64>() {
            Ok(v) if (0.0..=255.0).contains(&v) => Ok(v.round() as u8),
            _ => Err(bad()),
        };
        let alpha = |part: &str| match part.parse::<f64>() {
            Ok(v) if (0.0..=1.0).contains(&v) => Ok((v * 255.0).round() as u8),
            _ => Err(bad()),
        };
        match parts.as_slice() {
            [r, g, b] => Ok(Rgba::new(channel(r)?, channel(g)?, channel(b)?, 255)),
            [r, g, b, a] => Ok(Rgba::new(channel(r)?, channel(g)?, channel(b)?, alpha(a)?)),
            _ => Err(bad()),
        }
    }

    /// The colour as CSS, `rgba(r, g, b, a)`.
    pub fn css(&self) -> String {
        format!("rgba({}, {}, {}, {:.3})", self.r, self.g, self.b, f64::from(self.a) / 255.0)
    }
}

impl From<[u8; 3]> for Rgba {
    fn from([r, g, b]: [u8; 3]) -> Rgba {
        Rgba::new(r, g, b, 255)
    }
}

impl From<[u8; 4]> for Rgba {
    fn from([r, g, b, a]: [u8; 4]) -> Rgba {
        Rgba::new(r, g, b, a)
    }
}

impl From<(u8, u8, u8)> for Rgba {
    fn from((r, g, b): (u8, u8, u8)) -> Rgba {
        Rgba::new(r, g, b, 255)
    }
}

impl From<(u8, u8, u8, u8)> for Rgba {
    fn from((r, g, b, a): (u8, u8, u8, u8)) -> Rgba {
        Rgba::new(r, g, b, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_every_accepted_form_and_bad_ones_say_why() {
        assert_eq!(Rgba::parse("#0044ff"), Ok(Rgba::new(0, 0x44, 0xff, 255)));
        assert_eq!(Rgba::parse(" #0044FF80 "), Ok(Rgba::new(0, 0x44, 0xff, 0x80)));
        assert_eq!(Rgba::parse("#f008"), Ok(Rgba::new(255, 0, 0, 0x88)));
        assert_eq!(Rgba::parse("rgb(1, 2, 3)"), Ok(Rgba::new(1, 2, 3, 255)));
        assert_eq!(Rgba::parse("RGBA(1,2,3,0)"), Ok(Rgba::new(1, 2, 3, 0)));
        for bad in
            ["", "#", "#12", "#12345", "#ggg", "#ééé", "red", "rgb(1,2)", "rgb(256,0,0)", "rgba(1,2,3,2)", "rgb(1,2,3"]
        {
            let error = Rgba::parse(bad).expect_err(bad);
            assert!(error.contains("is not a colour"), "{error}");
        }
        assert_eq!(Rgba::from([1, 2, 3]), Rgba::new(1, 2, 3, 255));
        assert_eq!(Rgba::from((1, 2, 3, 4)), Rgba::new(1, 2, 3, 4));
        assert_eq!(Rgba::new(255, 0, 0, 128).css(), "rgba(255, 0, 0, 0.502)");
    }
}
