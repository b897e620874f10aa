//! In the browser: built by `cargo xtask bench`. The script marks `wl-chart-call` (User Timing)
//! just before its chart call, from which the benchmark times the painted chart.

#[cfg(target_arch = "wasm32")]
fn main() {
    wasmlit::run(|ui| bench_charts::app(ui, page::mark))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    wasmlit::run(|ui| bench_charts::app(ui, |_| {}))
}

#[cfg(target_arch = "wasm32")]
mod page {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.mark(name)`.
        #[wasm_bindgen(js_namespace = performance)]
        pub fn mark(name: &str);
    }
}
