//! The HTTP API and ClickHouse pages through `AppTest`, their servers played by routes.

use connections::app;
use wasmlit::fetch::Reply;
use wasmlit::prelude::*;

fn connections() -> AppTest {
    let mut at = AppTest::new_async(app);
    at.config(wasmlit::config!("wasmlit.toml"));
    at
}

#[test]
fn the_http_page_filters_the_served_cities_by_country_and_population() {
    let mut at = connections();
    at.serve("data/cities.json", include_bytes!("../data/cities.json").to_vec());
    at.switch_page("http_api").run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(at.caption(0).text(), "3 of 12 cities");
    at.selectbox(key("country")).select("Germany").run();
    at.slider(key("min")).set_value(1600).run();
    assert_eq!(at.caption(0).text(), "2 of 12 cities");
}

/// A ClickHouse server of three trips (one in Queens): counts, and rows as TSV with names and
/// types, sent in chunks of `chunk` bytes a second apart.
fn trips_server(at: &mut AppTest, chunk: usize) {
    at.route("http://127.0.0.1:18123/", move |request| {
        let sql = String::from_utf8_lossy(request.body.as_deref().unwrap_or_default()).into_owned();
        let queens = sql.contains("borough = 'Queens'");
        if sql.contains("count()") {
            return Reply::new(200, format!("n\nUInt64\n{}\n", if queens { 1 } else { 3 }));
        }
        let rows = if queens {
            "2024-01-01 10:00:00\tQueens\t1\t30\t\\N\n"
        } else {
            "2024-01-01 09:00:00\tManhattan\t2\t12.5\t2\n2024-01-01 10:00:00\tQueens\t1\t30\t\\N\n\
             2024-01-01 11:00:00\tBronx\t1\t9\t\\N\n"
        };
        let body = format!(
            "pickup\tborough\tpassengers\tfare\ttip\nDateTime\tString\tUInt8\tFloat64\tNullable(Float64)\n{rows}"
        );
        Reply::new(200, body).chunked(chunk, std::time::Duration::from_secs(1))
    });
}

#[test]
fn the_clickhouse_page_queries_the_server_in_the_url_and_filters_by_borough() {
    let mut at = connections();
    trips_server(&mut at, 4096);
    at.set_query_string("server=http://127.0.0.1:18123");
    at.switch_page("clickhouse").run();
    assert_eq!(at.caption(0).text(), "3 trips");
    at.selectbox(key("borough")).select("Queens").run();
    assert_eq!(at.caption(0).text(), "1 trips");
}

#[test]
fn the_clickhouse_page_shows_the_rows_received_while_the_answer_streams_in() {
    let mut at = connections();
    // The header (two lines, 83 bytes) and the rows (35 to 39 bytes each) arrive 20 bytes a second.
    trips_server(&mut at, 20);
    at.set_query_string("server=http://127.0.0.1:18123");
    at.switch_page("clickhouse");
    let mut seen = Vec::new();
    at.run_for(std::time::Duration::from_millis(500));
    while at.is_running() {
        if let Some(progress) = at.get("progress").first() {
            seen.push(format!("{progress:?}"));
        }
        at.wait_for(std::time::Duration::from_secs(1));
    }
    let counts: Vec<&str> =
        ["0 of 3", "1 of 3", "2 of 3"].into_iter().filter(|c| seen.iter().any(|s| s.contains(c))).collect();
    assert_eq!(counts, ["0 of 3", "1 of 3", "2 of 3"], "{seen:#?}");
    assert!(at.get("progress").is_empty(), "the bar goes when the rows are in");
    assert_eq!(at.caption(0).text(), "3 trips");
}

#[test]
fn the_clickhouse_page_says_how_to_start_a_server_when_none_answers() {
    let mut at = connections();
    at.route("http://127.0.0.1:8123/", |_| Reply::network_error("Failed to fetch"));
    at.switch_page("clickhouse").run();
    let error = at.error(0).text();
    assert!(error.starts_with("ConnectionError: connection `warehouse`: `POST http://127.0.0.1:8123/?"), "{error}");
    assert!(error.contains("Is ClickHouse up? Start one with `clickhouse-server"), "{error}");
}

#[test]
fn the_http_page_times_out_after_the_timeout_in_its_url() {
    let mut at = connections();
    at.route("data/cities.json", |_| Reply::new(200, "[]").delay(std::time::Duration::from_secs(60)));
    at.set_query_string("timeout=2s");
    at.switch_page("http_api").run();
    let text = at.exception(0).text();
    assert!(text.ends_with("`GET ./data/cities.json` timed out: no answer within 2s (3 tries)"), "{text}");
}

#[test]
fn the_clickhouse_page_takes_a_server_on_this_machine_only() {
    use connections::clickhouse::is_local;
    assert!(is_local("http://127.0.0.1:18123") && is_local("http://localhost:8123/") && is_local("http://[::1]:8123"));
    assert!(!is_local("https://127.0.0.1.evil.example:8123") && !is_local("http://evil.example/?127.0.0.1"));
    assert!(!is_local("http://127.0.0.1@evil.example:8123"));
    let mut at = connections();
    let seen = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = seen.clone();
    at.route("http://", move |_| {
        count.set(count.get() + 1);
        Reply::new(200, "")
    });
    at.set_query_string("server=http://evil.example:8123");
    at.switch_page("clickhouse").run();
    assert!(at.error(0).text().contains("is not on this machine"), "{}", at.error(0).text());
    assert_eq!(seen.get(), 0, "nothing sent");
}
