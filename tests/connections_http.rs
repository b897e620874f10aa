//! HttpConnection under AppTest: routes answer its requests on the session's virtual clock.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use wasmlit::config::AppConfig;
use wasmlit::connection::http::HttpConnection;
use wasmlit::fetch::{Reply, Request};
use wasmlit::prelude::*;
use wasmlit::time::ManualClock;

const API: &str = "[connections.api]\nbase_url = \"https://api.example.com/v1/\"\nretries = 2\ntimeout = \"5s\"\nheaders = { Accept = \"application/json\" }\nparams = { lang = \"fr\" }";

/// The requests a route saw.
type Seen = Rc<RefCell<Vec<Request>>>;

fn api_test(script: fn(Ui) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result>>>) -> AppTest {
    let mut at = AppTest::new_async(script);
    at.config(AppConfig::parse(API));
    at
}

fn record(at: &mut AppTest, prefix: &str, reply: impl Fn(usize) -> Reply + 'static) -> Seen {
    let seen: Seen = Rc::default();
    let log = seen.clone();
    at.route(prefix, move |request| {
        log.borrow_mut().push(request.clone());
        reply(log.borrow().len())
    });
    seen
}

fn cities(ui: Ui) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result>>> {
    Box::pin(async move {
        let api = ui.connection::<HttpConnection>("api")?;
        let value = api.get_json(&ui, "cities", Some("60s".into())).await?;
        ui.write(format!("{} cities", value.as_array().map_or(0, Vec::len)));
        Ok(())
    })
}

fn json(body: &str) -> Reply {
    Reply::new(200, body.to_string()).header("content-type", "application/json")
}

#[test]
fn reads_are_cached_for_their_ttl_with_the_connections_headers_and_params() {
    let clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen =
        record(&mut at, "https://api.example.com/v1/cities", |_| json(r#"[{"city": "Paris"}, {"city": "Lyon"}]"#));
    at.run();
    assert_eq!(at.markdown(0).text(), "2 cities");
    let first = seen.borrow()[0].clone();
    assert_eq!(first.url, "https://api.example.com/v1/cities?lang=fr");
    assert_eq!(first.method, "GET");
    assert_eq!(first.header_value("accept"), Some("application/json"));
    assert_eq!(first.header_value("authorization"), None);
    at.run();
    assert_eq!(seen.borrow().len(), 1, "cached");
    clock.advance(Duration::from_secs(61));
    at.run();
    assert_eq!(seen.borrow().len(), 2, "fetched again after the ttl");
    assert_eq!(at.markdown(0).text(), "2 cities");
}

#[test]
fn a_visitors_token_becomes_a_bearer_header_and_a_new_cache_entry() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen = record(&mut at, "https://api.example.com/", |_| json("[]"));
    at.run();
    at.set_secret("connections.api.token", "s3cr3t").run();
    assert_eq!(seen.borrow().len(), 2, "another token, another connection and read");
    assert_eq!(seen.borrow()[1].header_value("Authorization"), Some("Bearer s3cr3t"));
}

#[test]
fn transient_failures_are_retried_with_backoff_on_the_virtual_clock() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen = record(&mut at, "https://api.example.com/", |n| match n {
        1 => Reply::network_error("connection reset"),
        2 => Reply::new(503, "busy"),
        _ => json(r#"[{"city": "Nice"}]"#),
    });
    at.run_for(Duration::from_millis(400));
    assert_eq!(seen.borrow().len(), 1, "the first try failed; waiting 0.5s");
    at.wait_for(Duration::from_millis(200));
    assert_eq!(seen.borrow().len(), 2, "second try at 0.5s got a 503; waiting 1s");
    assert!(at.is_running());
    at.wait_for(Duration::from_millis(1000));
    assert!(!at.is_running());
    assert_eq!(seen.borrow().len(), 3, "third try at 1.5s");
    assert_eq!(at.markdown(0).text(), "1 cities");
}

#[test]
fn client_errors_are_not_retried_and_quote_the_body() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen =
        record(&mut at, "https://api.example.com/", |_| Reply::new(404, "{\"error\": \"no such\n  collection\"}"));
    at.run();
    assert_eq!(seen.borrow().len(), 1);
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `api`: `GET https://api.example.com/v1/cities?lang=fr` answered HTTP 404: \
         {\"error\": \"no such collection\"}"
    );
}

#[test]
fn a_static_hosts_html_404_page_is_quoted_as_text() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let page = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv=\"Content-type\" content=\"text/html; charset=utf-8\">\n\
        <title>Page not found &middot; GitHub Pages</title>\n    <style type=\"text/css\" media=\"screen\">\n\
        body { background-color: #f1f1f1; margin: 0; }\n    </style>\n  </head>\n  <body>\n\
        <div class=\"container\">\n      <h1>404</h1>\n      <p><strong>File not found</strong></p>\n\
        <p>\n        The site configured at this address does not\n        contain the requested file.\n      </p>\n\
        </div>\n  </body>\n</html>\n";
    record(&mut at, "https://api.example.com/", move |_| Reply::new(404, page).header("content-type", "text/html"));
    at.run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `api`: `GET https://api.example.com/v1/cities?lang=fr` answered HTTP 404: \
         Page not found · GitHub Pages 404 File not found The site configured at this address does not \
         contain the requested file."
    );
}

#[test]
fn a_server_error_names_the_tries_and_the_body() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen = record(&mut at, "https://api.example.com/", |_| Reply::new(500, "Internal error: disk full"));
    at.run();
    assert_eq!(seen.borrow().len(), 3, "the first try and two retries");
    assert!(
        at.exception(0).text().ends_with("answered HTTP 500 (after 3 tries): Internal error: disk full"),
        "{}",
        at.exception(0).text()
    );
}

#[test]
fn every_try_times_out_and_the_error_says_so() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    let seen = record(&mut at, "https://api.example.com/", |_| json("[]").delay(Duration::from_secs(60)));
    at.run_for(Duration::from_millis(5400));
    assert_eq!(seen.borrow().len(), 1, "the first try times out at 5s, the next starts at 5.5s");
    at.wait();
    assert_eq!(seen.borrow().len(), 3);
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `api`: `GET https://api.example.com/v1/cities?lang=fr` timed out: no answer \
         within 5s (3 tries)"
    );
}

#[test]
fn a_slow_answer_inside_the_timeout_is_kept() {
    let _clock = ManualClock::new();
    let mut at = api_test(cities);
    record(&mut at, "https://api.example.com/", |_| json("[1, 2, 3]").delay(Duration::from_millis(4900)));
    at.run();
    assert_eq!(at.markdown(0).text(), "3 cities");
}

fn frame_app(ui: Ui) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result>>> {
    Box::pin(async move {
        let api = ui.connection::<HttpConnection>("api")?;
        for path in ["data.json", "data.csv", "table", "data.arrow"] {
            let df = api.get_frame(&ui, path, None).await?;
            ui.write(format!("{path}: {:?} {}", df.column_names(), df.num_rows()));
        }
        Ok(())
    })
}

#[test]
fn frames_are_read_by_content_type_or_extension() {
    use wasmlit::data::{Column, DataFrame};
    let _clock = ManualClock::new();
    let mut at = api_test(frame_app);
    at.route("https://api.example.com/v1/data.json", |_| Reply::new(200, r#"[{"a": 1}, {"a": 2}]"#));
    at.route("https://api.example.com/v1/data.csv", |_| Reply::new(200, "a,b\n1,x\n"));
    at.route("https://api.example.com/v1/table", |_| {
        Reply::new(200, "b\n1\n2\n3\n").header("content-type", "text/csv")
    });
    let df = DataFrame::new(vec![("n", Column::from(vec![1_i64, 2])), ("s", Column::from(vec!["x", "y"]))]).unwrap();
    let mut bytes = Vec::new();
    {
        let mut writer = arrow_ipc::writer::StreamWriter::try_new(&mut bytes, &df.batch().schema()).unwrap();
        writer.write(df.batch()).unwrap();
        writer.finish().unwrap();
    }
    at.route("https://api.example.com/v1/data.arrow", move |_| Reply::new(200, bytes.clone()));
    at.run();
    let lines: Vec<String> = (0..4).map(|i| at.markdown(i).text()).collect();
    assert_eq!(
        lines,
        [r#"data.json: ["a"] 2"#, r#"data.csv: ["a", "b"] 1"#, r#"table: ["b"] 3"#, r#"data.arrow: ["n", "s"] 2"#]
    );
}

#[test]
fn a_table_of_unknown_format_is_an_error_naming_the_url() {
    let _clock = ManualClock::new();
    let mut at = api_test(frame_app);
    at.route("https://api.example.com/v1/data.json", |_| Reply::new(200, "<html>"));
    at.run();
    let text = at.exception(0).text();
    assert!(
        text.starts_with("ConnectionError: connection `api`: `GET https://api.example.com/v1/data.json?lang=fr`: "),
        "{text}"
    );
}

#[test]
fn a_post_goes_through_send_uncached() {
    let _clock = ManualClock::new();
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let api = ui.connection::<HttpConnection>("api")?;
        let answer = api.send(&ui, Request::post("echo", "SELECT 1").header("Content-Type", "text/plain")).await?;
        ui.write(String::from_utf8_lossy(&answer.body).into_owned());
        Ok::<_, Error>(())
    });
    at.config(AppConfig::parse(API));
    let seen = record(&mut at, "https://api.example.com/v1/echo", |_| Reply::new(200, "1"));
    at.run().run();
    assert_eq!(seen.borrow().len(), 2);
    let request = seen.borrow()[0].clone();
    assert_eq!((request.method.as_str(), request.body.as_deref()), ("POST", Some(&b"SELECT 1"[..])));
    assert_eq!(request.header_value("content-type"), Some("text/plain"));
    assert_eq!(at.markdown(0).text(), "1");
}

#[test]
fn bad_parameters_name_the_connection_and_the_key() {
    let mut at = api_test(cities);
    at.config(AppConfig::parse("[connections.api]\nbase_url = \"https://x\"\ntimeout = \"soon\""));
    at.run();
    assert!(at.exception(0).text().contains("connection `api`: parameter `timeout`"), "{}", at.exception(0).text());
}

mod clickhouse {
    use super::*;
    use wasmlit::connection::clickhouse::ClickHouseConnection;

    const WAREHOUSE: &str =
        "[connections.warehouse]\nurl = \"http://db.example.com:8123\"\ndatabase = \"trips\"\nuser = \"reader\"";

    fn app(ui: Ui) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result>>> {
        Box::pin(async move {
            let db = ui.connection::<ClickHouseConnection>("warehouse")?;
            let df = db.query(&ui, "SELECT city, n FROM t", Some("1m".into())).await?;
            ui.write(format!("{:?} {}", df.column_names(), df.num_rows()));
            Ok(())
        })
    }

    fn warehouse() -> AppTest {
        let mut at = AppTest::new_async(app);
        at.config(AppConfig::parse(WAREHOUSE));
        at
    }

    #[test]
    fn the_sql_is_posted_with_the_format_the_database_and_the_visitors_password() {
        let _clock = ManualClock::new();
        let mut at = warehouse();
        at.set_secret("connections.warehouse.password", "p&ss");
        let seen = record(&mut at, "http://db.example.com:8123/", |_| {
            Reply::new(200, "city\tn\nString\tNullable(UInt32)\nParis\t\\N\n")
        });
        at.run().run();
        assert_eq!(at.markdown(0).text(), r#"["city", "n"] 1"#);
        assert_eq!(seen.borrow().len(), 1, "cached");
        let request = seen.borrow()[0].clone();
        assert_eq!(request.method, "POST");
        assert_eq!(request.body.as_deref(), Some(&b"SELECT city, n FROM t"[..]));
        assert_eq!(
            request.url,
            "http://db.example.com:8123/?add_http_cors_header=1&default_format=TabSeparatedWithNamesAndTypes\
             &database=trips&user=reader&password=p%26ss"
        );
        assert!(request.headers.is_empty(), "no header: a custom one would need a CORS preflight");
    }

    #[test]
    fn a_refused_query_shows_clickhouses_text_and_is_not_retried() {
        let _clock = ManualClock::new();
        let mut at = warehouse();
        let seen = record(&mut at, "http://db.example.com:8123/", |_| {
            Reply::new(
                500,
                "Code: 60, e.displayText() = DB::Exception: Table trips.t doesn't exist., e.what() = DB::Exception\n",
            )
        });
        at.run();
        assert_eq!(seen.borrow().len(), 1);
        assert_eq!(
            at.exception(0).text(),
            "ConnectionError: connection `warehouse`: ClickHouse refused the query (Code 60): Table trips.t doesn't exist."
        );
    }

    #[test]
    fn a_server_down_is_retried_and_the_error_hides_the_password() {
        let _clock = ManualClock::new();
        let mut at = warehouse();
        at.set_secret("connections.warehouse.password", "hunter2");
        let seen = record(&mut at, "http://db.example.com:8123/", |_| Reply::network_error("Failed to fetch"));
        at.run();
        assert_eq!(seen.borrow().len(), 3);
        let text = at.exception(0).text();
        assert!(text.contains("password=***") && !text.contains("hunter2"), "{text}");
        assert!(text.contains("network error (Failed to fetch) (after 3 tries)"), "{text}");
    }
}
