//! In the browser: `trunk serve` in this folder. Natively this only prints a hint.

fn main() {
    wasmlit::run({{crate}}::app)
}
