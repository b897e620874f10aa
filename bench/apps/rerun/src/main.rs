//! In the browser: built by `cargo xtask bench`. The script is wrapped in two User Timing marks,
//! `wl-script-start` and `wl-script-end`, which the benchmark reads to split an interaction into
//! event → script, the script itself, and script → DOM updated (the engine's finish and the
//! page's patch).

use wasmlit::prelude::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    let search = page::search();
    let n = bench_rerun::elements_from_query(&search);
    let changing = bench_rerun::changing_from_query(&search, n);
    wasmlit::run(move |ui: &Ui| {
        page::mark("wl-script-start");
        bench_rerun::app(ui, n, changing);
        page::mark("wl-script-end");
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    wasmlit::run(|ui: &Ui| bench_rerun::app(ui, bench_rerun::DEFAULT_ELEMENTS, 0))
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

    /// `location.search`, e.g. `?n=1000&changing=100`.
    pub fn search() -> String {
        let global = js_sys::global();
        js_sys::Reflect::get(&global, &"location".into())
            .and_then(|location| js_sys::Reflect::get(&location, &"search".into()))
            .ok()
            .and_then(|search| search.as_string())
            .unwrap_or_default()
    }
}
