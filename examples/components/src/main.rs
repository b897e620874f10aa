//! In the browser: `trunk serve` in this folder. Natively this only prints a hint.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasmlit::web::register_component::<components::swatch::Swatch>();
    wasmlit::run(components::app)
}
