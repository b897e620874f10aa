//! What the range sliders (`slider` and `select_slider` with two thumbs) share: thumbs that
//! cannot cross, and a click on the track that moves the nearest thumb there.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, MouseEvent};

/// Half a thumb's width in CSS pixels (`.wl-range` thumbs are 0.9rem wide): a range input
/// maps its values to the thumb's centre, inset by this much at both ends.
const HALF_THUMB: f64 = 7.2;

/// Holds `thumb`'s new value `x` at the other thumb (a thumb dragged past the other stops at
/// it), stores it in `values`, and puts the input that moved back where the value is.
pub(crate) fn keep_apart(values: &mut [f64], thumb: usize, x: f64, input: Option<HtmlInputElement>) {
    let x = match (thumb, &*values) {
        (0, [_, high]) => x.min(*high),
        (1, [low, _]) => x.max(*low),
        _ => x,
    };
    if let Some(slot) = values.get_mut(thumb) {
        *slot = x;
    }
    if let Some(input) = input {
        // The browser's number, not Rust's parser: an app needs no float parsing for sliders.
        if input.value_as_number() != x {
            input.set_value(&x.to_string());
        }
    }
}

/// The thumb a track click at `x` moves: the one below or above it, else the nearer one.
pub(crate) fn nearest_thumb(low: f64, high: f64, x: f64) -> usize {
    if x <= low {
        0
    } else if x >= high || (x - low) > (high - x) {
        1
    } else {
        0
    }
}

/// Where on the track a click landed, from 0 (the minimum) to 1 (the maximum); `None` for a
/// click on a thumb (it lands on an input, not on the track itself).
pub(crate) fn track_fraction(event: &MouseEvent) -> Option<f64> {
    let track: Element = event.current_target()?.dyn_into().ok()?;
    let target: Element = event.target()?.dyn_into().ok()?;
    if !target.is_same_node(Some(&track)) {
        return None;
    }
    let rect = track.get_bounding_client_rect();
    let width = rect.width() - 2.0 * HALF_THUMB;
    if width <= 0.0 {
        return None;
    }
    Some(((event.client_x() as f64 - rect.left() - HALF_THUMB) / width).clamp(0.0, 1.0))
}
