//! The ClickHouse benchmark app of `cargo xtask bench`: one query that makes ClickHouse stream
//! `rows` rows of four columns (Int, Text, Float, Date), read into a `DataFrame` through
//! `ClickHouseConnection`, timed in the tab (`performance.now()`), the time shown as
//! `rows: <n>, ms: <t>, bytes: <b>` in a code block for the benchmark to read.

use wasmlit::connection::clickhouse::ClickHouseConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::prelude::*;
use web_time::Instant;

/// The query: `rows` generated rows, no table needed.
pub fn sql(rows: u64) -> String {
    format!(
        "SELECT number AS id, concat('city-', toString(number % 1000)) AS city, number * 0.25 AS fare, \
         toDate('2024-01-01') + number % 365 AS day FROM system.numbers LIMIT {rows}"
    )
}

/// The script: reads `server` and `rows` from the URL, queries, shows the timing.
pub async fn app(ui: Ui) -> Result {
    let params = ui.query_params();
    let server = params.get("server").unwrap_or_else(|| "http://127.0.0.1:8123".into());
    let rows: u64 = params.get("rows").and_then(|r| r.parse().ok()).unwrap_or(1_000_000);
    let db = ConnectionOptions::<ClickHouseConnection>::new("bench")
        .param("url", server)
        .param("timeout", "300s")
        .param("retries", 0_i64)
        .open(&ui)?;
    let start = Instant::now();
    let frame = db.query(&ui, &sql(rows), None).await?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let bytes = frame.batch().get_array_memory_size();
    ui.code(format!("rows: {}, ms: {ms:.1}, bytes: {bytes}", frame.num_rows()), "text");
    Ok(())
}
