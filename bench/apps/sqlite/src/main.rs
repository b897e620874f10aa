//! In the browser: built by `cargo xtask bench --only sqlite`.

fn main() {
    wasmlit::run(bench_sqlite::app)
}
