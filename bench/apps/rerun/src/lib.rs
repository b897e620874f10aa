//! The benchmark app of `cargo xtask bench` for interaction latency and rerun scaling.
//!
//! It draws `n` elements: a title, the slider `x`, the line `"{x} squared is {x²}"` and `n - 3`
//! elements that never change, cycling through markdown, text, caption and checkbox (so a
//! quarter of them are widgets, which the engine registers on every run). Moving the slider
//! changes exactly one element's output (plus the slider's own value), whatever `n` is —
//! unless `?changing=100` makes the first 100 of those elements text lines that show `x` too,
//! so that one move changes 101 elements. The page picks `n` with `?n=1000`;
//! `bench/peer/rerun.py` is the same app for Streamlit.

use wasmlit::prelude::*;

/// Elements drawn when the URL does not say.
pub const DEFAULT_ELEMENTS: usize = 10;

/// The script: `n` elements in all (at least the three that matter), the first `changing` of
/// the others text lines that change with `x`.
pub fn app(ui: &Ui, n: usize, changing: usize) {
    ui.title("Rerun");
    let x = ui.slider("x", 0..=1000);
    ui.write(format!("{x} squared is {}", x * x));
    for i in 0..n.saturating_sub(3) {
        if i < changing {
            ui.text(format!("Row {i}: {x} + {i} = {}", x + i));
            continue;
        }
        match i % 4 {
            0 => drop(ui.markdown(format!("Row **{i}**: unchanged markdown"))),
            1 => drop(ui.text(format!("Row {i}: unchanged text"))),
            2 => drop(ui.caption(format!("Row {i}: unchanged caption"))),
            _ => drop(ui.checkbox(format!("Option {i}"))),
        }
    }
}

/// The element count asked for by a query string such as `?n=1000` (3 ..= 100,000).
pub fn elements_from_query(search: &str) -> usize {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("n="))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(DEFAULT_ELEMENTS)
        .clamp(3, 100_000)
}

/// How many elements change with the slider, from a query string such as `?changing=100`
/// (0 when absent; at most the `n - 3` elements after the three that matter).
pub fn changing_from_query(search: &str, n: usize) -> usize {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("changing="))
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(0)
        .min(n.saturating_sub(3))
}
