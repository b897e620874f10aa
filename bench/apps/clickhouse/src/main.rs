//! In the browser: built by `cargo xtask bench --only connections`, opened with
//! `?server=<ClickHouse URL>&rows=<n>`.

fn main() {
    wasmlit::run_async(bench_clickhouse::app)
}
