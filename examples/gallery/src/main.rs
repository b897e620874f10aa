//! In the browser: `trunk serve` at the repository root. Natively this only prints a hint.

fn main() {
    wasmlit::run_async(gallery::app)
}
