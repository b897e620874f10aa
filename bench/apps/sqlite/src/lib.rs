//! The SQLite benchmark app of `cargo xtask bench --only sqlite`: a `:memory:` database gets a
//! table of a million generated rows (one session), which is aggregated with `GROUP BY` and read
//! whole into a `DataFrame`; the timings show as one JSON line in a code block.

use wasmlit::connection::sqlite::SqliteConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::prelude::*;
use web_time::Instant;

/// Rows in the generated table.
pub const ROWS: usize = 1_000_000;

/// Milliseconds since `start`.
fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// The timings as JSON: `insert_ms`, `group_by_ms`, `select_all_ms`, and the shapes read.
pub fn measure(ui: &Ui) -> Result<String> {
    let conn = ConnectionOptions::<SqliteConnection>::new("bench").param("url", ":memory:").open(ui)?;
    let start = Instant::now();
    conn.session(|tx| {
        tx.execute_batch(&format!(
            "CREATE TABLE t (id INTEGER, g INTEGER, x REAL, label TEXT);
             WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {})
             INSERT INTO t SELECT i, i % 100, (i * 7919 % 1000) / 10.0, 'row ' || i FROM n;",
            ROWS - 1
        ))
    })?;
    let insert_ms = ms(start);
    let start = Instant::now();
    let grouped = conn.query("SELECT g, count(*) AS n, avg(x) AS mean FROM t GROUP BY g", &[], None)?;
    let group_by_ms = ms(start);
    let start = Instant::now();
    let all = conn.query("SELECT * FROM t", &[], None)?;
    let select_all_ms = ms(start);
    Ok(format!(
        "{{\"insert_ms\": {insert_ms:.1}, \"group_by_ms\": {group_by_ms:.1}, \"select_all_ms\": {select_all_ms:.1}, \
         \"groups\": {}, \"rows\": {}, \"columns\": {}}}",
        grouped.num_rows(),
        all.num_rows(),
        all.num_columns()
    ))
}

pub fn app(ui: &Ui) -> Result {
    ui.title("SQLite in the tab");
    let timings = measure(ui)?;
    ui.code(timings, "json");
    Ok(())
}
