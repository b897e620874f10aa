//! In the browser: built by `cargo xtask bench`. The script's last step is the User Timing mark
//! `wl-data-end`, from which the benchmark times the grid's first painted row.

#[cfg(target_arch = "wasm32")]
fn main() {
    wasmlit::run_async(|ui| bench_data::app(ui, page::mark))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    wasmlit::run_async(|ui| bench_data::app(ui, |_| {}))
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
