use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use super::*;
use crate::config::AppConfig;
use crate::prelude::*;
use crate::time::ManualClock;

thread_local! {
    static COUNTS: RefCell<HashMap<&'static str, u32>> = RefCell::default();
}

fn count(what: &'static str) {
    COUNTS.with(|c| *c.borrow_mut().entry(what).or_default() += 1);
}

fn counted(what: &'static str) -> u32 {
    COUNTS.with(|c| c.borrow().get(what).copied().unwrap_or(0))
}

/// An in-memory "database": rows of text, a label, and a read verb that can fail.
struct Memory {
    label: String,
    rows: Vec<String>,
    reads: ReadCache,
}

impl Connection for Memory {
    fn connect(params: &ConnectionParams) -> Result<Self> {
        count("connect");
        let label = params.get_opt::<String>("label")?.unwrap_or_else(|| params.name().to_string());
        let limit: i64 = params.get_opt::<String>("limit")?.map(|l| l.parse()).transpose()?.unwrap_or(100);
        let rows: Vec<String> = params.get("rows")?;
        Ok(Memory { label, rows: rows.into_iter().take(limit as usize).collect(), reads: params.reads() })
    }

    fn close(&self) {
        count("close");
    }
}

impl Memory {
    fn query(&self, prefix: &str, ttl: Option<Ttl>) -> Result<Vec<String>> {
        self.reads.read("query", prefix, ttl, || {
            count("query");
            if prefix == "!" {
                return Err(Error::msg("syntax error near `!`"));
            }
            Ok(self.rows.iter().filter(|row| row.starts_with(prefix)).cloned().collect())
        })
    }
}

const FRUIT: &str =
    "[connections.fruit]\nrows = [\"apple\", \"banana\", \"blueberry\", \"cherry\"]\nlabel = \"from the file\"";

fn fruit_app(ui: &Ui) -> Result {
    let conn = ConnectionOptions::<Memory>::new("fruit").ttl("60s").open(ui)?;
    if ui.button("reset") {
        conn.reset();
    }
    let prefix = ui.text_input("prefix");
    let rows = conn.query(&prefix, Some("10s".into()))?;
    ui.write(format!("{}: {}", conn.label, rows.join(",")));
    Ok(())
}

fn fruit_test() -> AppTest {
    let mut at = AppTest::new(fruit_app);
    at.config(AppConfig::parse(FRUIT));
    at
}

#[test]
fn the_connection_and_its_reads_expire_on_their_own_ttls() {
    let clock = ManualClock::new();
    let mut at = fruit_test();
    at.run();
    assert_eq!(at.markdown(0).text(), "from the file: apple,banana,blueberry,cherry");
    at.run();
    assert_eq!((counted("connect"), counted("query")), (1, 1), "both cached");
    clock.advance(Duration::from_secs(10));
    at.run();
    assert_eq!((counted("connect"), counted("query")), (1, 2), "the read's 10 s ttl passed, not the connection's");
    at.text_input(0).input("b").run();
    assert_eq!(at.markdown(0).text(), "from the file: banana,blueberry");
    assert_eq!(counted("query"), 3, "other arguments: another entry");
    clock.advance(Duration::from_secs(50));
    at.run();
    assert_eq!(
        (counted("connect"), counted("close")),
        (2, 1),
        "60 s: the connection is built again, the old one closed"
    );
}

#[test]
fn reset_builds_the_connection_again_and_keeps_cached_reads() {
    let _clock = ManualClock::new();
    let mut at = fruit_test();
    at.run();
    at.button(0).click().run();
    assert_eq!(counted("close"), 1);
    at.run();
    assert_eq!(counted("connect"), 2, "built again after reset");
    assert_eq!(counted("query"), 1, "the read stayed cached");
    cache::data::clear();
    at.run();
    assert_eq!(counted("query"), 2, "Clear cache clears connection reads");
}

#[test]
fn call_options_beat_the_visitors_secrets_which_beat_the_file() {
    let _clock = ManualClock::new();
    let app = |ui: &Ui| -> Result {
        let mut options = ConnectionOptions::<Memory>::new("fruit");
        if ui.checkbox("limit in the call") {
            options = options.param("limit", "1");
        }
        let conn = options.open(ui)?;
        ui.write(format!("{}: {}", conn.label, conn.query("", None)?.join(",")));
        Ok(())
    };
    let mut at = AppTest::new(app);
    at.config(AppConfig::parse(FRUIT));
    at.run();
    assert_eq!(at.markdown(0).text(), "from the file: apple,banana,blueberry,cherry");
    at.set_secret("connections.fruit.label", "typed").set_secret("connections.fruit.limit", "2").run();
    assert_eq!(at.markdown(0).text(), "typed: apple,banana");
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "typed: apple");
    assert_eq!(counted("connect"), 3, "each parameter set is its own connection");
}

#[test]
fn errors_name_the_connection_are_not_cached_and_the_app_keeps_running() {
    let _clock = ManualClock::new();
    let app = |ui: &Ui| -> Result {
        let conn = ui.connection::<Memory>("fruit")?;
        let prefix = ui.text_input("prefix");
        ui.write(conn.query(&prefix, None)?.join(","));
        Ok(())
    };
    let mut at = AppTest::new(app);
    at.run();
    let missing = at.exception(0).text();
    assert!(missing.contains("connection `fruit`: missing parameter `rows`"), "{missing}");
    assert!(missing.contains("[connections.fruit]"), "{missing}");

    at.set_secret("connections.fruit.rows", "not a list").run();
    let shape = at.exception(0).text();
    assert!(shape.contains("connection `fruit`: parameter `rows`: invalid type"), "{shape}");

    at.config(AppConfig::parse(FRUIT)).set_secret("connections.fruit.limit", "many").run();
    let driver = at.exception(0).text();
    assert!(driver.contains("connection `fruit`: could not connect (") && driver.contains("ParseIntError"), "{driver}");
    assert_eq!(counted("connect"), 3, "failed connections are not cached");

    at.clear_secret("connections.fruit.rows").set_secret("connections.fruit.limit", "3").run();
    assert!(at.get("exception").is_empty());
    assert_eq!(at.markdown(0).text(), "apple,banana,blueberry");
    at.text_input(0).input("!").run();
    let read = at.exception(0).text();
    assert!(read.contains("connection `fruit`: `query` failed: Error: syntax error near `!`"), "{read}");
    at.run();
    assert_eq!(counted("query"), 3, "a failed read is not cached");
    at.text_input(0).input("c").run();
    assert!(at.get("exception").is_empty());
    assert_eq!(at.markdown(0).text(), "", "cherry was cut by limit = 3");
}

#[test]
fn bad_ttls_and_non_table_config_are_errors() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ConnectionOptions::<Memory>::new("fruit").ttl("soon").open(ui)?;
        Ok(())
    });
    at.run();
    assert!(at.exception(0).text().contains("connection `fruit`: invalid ttl"), "{}", at.exception(0).text());
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.connection::<Memory>("fruit")?;
        Ok(())
    });
    at.set_secret("connections.fruit", "x").run();
    assert!(at.exception(0).text().contains("`connections.fruit` must be a table"), "{}", at.exception(0).text());
    assert!(AppConfig::parse("[connections]\nfruit = 3")
        .error()
        .unwrap()
        .contains("`connections.fruit` must be a table"));
}

#[test]
fn max_entries_keeps_that_many_connections_and_closes_the_evicted() {
    let _clock = ManualClock::new();
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let name = if ui.checkbox("other") { "b" } else { "a" };
        let conn = ConnectionOptions::<Memory>::new(name).max_entries(1).param("rows", vec!["x"]).open(ui)?;
        ui.write(&conn.label);
        Ok(())
    });
    at.run();
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "b");
    assert_eq!((counted("connect"), counted("close")), (2, 1));
    at.checkbox(0).uncheck().run();
    assert_eq!((counted("connect"), counted("close")), (3, 2), "`a` was evicted, so it is built again");
}

#[test]
fn an_env_name_is_an_error_that_says_to_read_the_variable_at_build_time() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.connection::<Memory>("env:FRUIT_DB")?;
        ui.write("not reached");
        Ok(())
    });
    at.config(AppConfig::parse(FRUIT)).run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `env:FRUIT_DB`: a static app has no environment at run time, so \
         `env:FRUIT_DB` cannot name its connection; name it directly (`ui.connection(\"<name>\")`), or read \
         the variable when the app is built: `ui.connection(env!(\"FRUIT_DB\"))`"
    );
    assert!(at.get("markdown").is_empty());
    assert_eq!(counted("connect"), 0);
}
