//! In the browser: `trunk serve` in this folder. Natively this only prints a hint.
//!
//! The connections' parameters come from `wasmlit.toml`, read and checked at build time.

fn main() {
    let session = wasmlit::Session::new_async(connections::app).with_config(wasmlit::config!("wasmlit.toml"));
    wasmlit::run_session(session)
}
