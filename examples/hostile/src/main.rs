//! In the browser: `trunk serve` in this folder. Natively this only prints a hint.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasmlit::web::register_component::<hostile::bomb::Bomb>();
    wasmlit::run_async(hostile::app)
}
