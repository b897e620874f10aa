//! In the browser: `trunk serve` in this folder. Natively this only prints a hint.
//!
//! The app's look comes from `wasmlit.toml` (Streamlit's `[theme]` options), read at build time.

fn main() {
    let session = wasmlit::Session::new_async(chat::app).with_theme_file(include_str!("../wasmlit.toml"));
    wasmlit::run_session(session)
}
