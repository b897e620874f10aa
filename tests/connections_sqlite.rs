//! `SqliteConnection` in AppTest scenarios: queries as frames (types, NULLs), the read cache and
//! its ttl, write sessions (commit clears the cache, rollback keeps the data), bad SQL as an
//! error element, a shipped file, an uploaded file, and a persisted database reopened.
#![cfg(feature = "sqlite")]

use std::cell::RefCell;
use std::time::Duration;

use wasmlit::cache::{last_outcome, CacheOutcome, Ttl};
use wasmlit::config::AppConfig;
use wasmlit::connection::sqlite::SqliteConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::data::{DataFrame, DataType, Value};
use wasmlit::prelude::*;
use wasmlit::time::ManualClock;

thread_local! {
    static FRAME: RefCell<Option<DataFrame>> = const { RefCell::new(None) };
}

fn seen() -> DataFrame {
    FRAME.with(|f| f.borrow().clone()).expect("the script showed a frame")
}

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS city (
    name TEXT, people INTEGER, area REAL, coastal BOOLEAN, founded DATE, updated DATETIME
);";

/// A database file with three cities, made by SQLite itself.
fn cities_file() -> Vec<u8> {
    let db = rusqlite_file(&[
        SCHEMA,
        "INSERT INTO city VALUES ('Paris', 2102650, 105.4, 0, '0250-01-01', '2024-01-01 10:00:00')",
        "INSERT INTO city VALUES ('Marseille', 873076, 240.6, 1, '0600-01-01', NULL)",
        "INSERT INTO city VALUES ('Lyon', NULL, 47.9, 0, NULL, '2024-03-05T08:30:00')",
    ]);
    assert!(db.starts_with(b"SQLite format 3\0"));
    db
}

/// SQLite's bytes for a database built by `statements`, through a session of a `:memory:`
/// connection (the same code an app uses).
fn rusqlite_file(statements: &[&str]) -> Vec<u8> {
    let script = statements.join(";\n");
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        let conn = ConnectionOptions::<SqliteConnection>::new("builder").param("url", ":memory:").open(ui)?;
        conn.session(|tx| tx.execute_batch(&script))?;
        let bytes = conn.to_bytes()?;
        BYTES.with(|b| *b.borrow_mut() = bytes);
        Ok(())
    });
    at.run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    BYTES.with(|b| b.take())
}

thread_local! {
    static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Shows the rows of the `city` table (from the shipped file) whose name starts with the
/// text input's value.
async fn city_app(ui: Ui) -> Result {
    let conn = ui.connection::<SqliteConnection>("cities")?;
    conn.ready(&ui).await?;
    let prefix = ui.text_input("prefix");
    let df = conn.query(
        "SELECT * FROM city WHERE name LIKE ?1 || '%' ORDER BY name",
        &[Value::Text(prefix)],
        Some(Ttl::from("10s")),
    )?;
    FRAME.with(|f| *f.borrow_mut() = Some(df.clone()));
    ui.write(format!("{} rows", df.num_rows()));
    Ok(())
}

fn city_test() -> AppTest {
    let mut at = AppTest::new_async(city_app);
    at.config(AppConfig::parse("[connections.cities]\nurl = \"data/cities.sqlite\""));
    at.serve("data/cities.sqlite", cities_file());
    at
}

#[test]
fn a_query_reads_a_shipped_file_into_typed_columns_with_nulls() {
    let mut at = city_test();
    at.run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(at.markdown(0).text(), "3 rows");
    let df = seen();
    assert_eq!(df.column_names(), ["name", "people", "area", "coastal", "founded", "updated"]);
    let types: Vec<DataType> = (0..6).map(|i| df.dtype(i)).collect();
    use DataType::*;
    assert_eq!(types, [Text, Int, Float, Bool, Date, Datetime]);
    assert_eq!(df.value(0, 0), Value::Text("Lyon".into()));
    assert_eq!(df.value(0, 1), Value::Null, "a NULL stays a null");
    assert_eq!(df.value(0, 4), Value::Null);
    assert_eq!(df.value(1, 3), Value::Bool(true));
    assert_eq!(df.cell_text(2, 5), "2024-01-01 10:00:00");
    assert_eq!(df.value(2, 1), Value::Int(2_102_650));

    at.text_input(0).input("Ma").run();
    assert_eq!(at.markdown(0).text(), "1 rows");
    assert_eq!(seen().cell_text(0, 0), "Marseille");
}

#[test]
fn expressions_and_mixed_columns_take_the_values_types() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let conn = ui.connection::<SqliteConnection>("scratch")?;
        let df = conn.query(
            "SELECT 1 AS i, 1.5 AS f, 'a' AS t, NULL AS n, x'0aff' AS b
             UNION ALL SELECT 2, 2, 3, NULL, 'text'",
            &[],
            None,
        )?;
        FRAME.with(|f| *f.borrow_mut() = Some(df));
        Ok(())
    });
    at.run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    let df = seen();
    let types: Vec<DataType> = (0..5).map(|i| df.dtype(i)).collect();
    use DataType::*;
    assert_eq!(types, [Int, Float, Text, Text, Text]);
    assert_eq!(df.value(1, 1), Value::Float(2.0), "an INTEGER among REALs is a float");
    assert_eq!(df.cell_text(1, 2), "3");
    assert_eq!(df.value(0, 3), Value::Null);
    assert_eq!(df.cell_text(0, 4), "x'0aff'", "a blob shows as its literal");
}

#[test]
fn queries_are_cached_for_their_ttl() {
    let clock = ManualClock::new();
    let mut at = city_test();
    at.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::Miss));
    at.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::Hit), "the same query within its ttl is served from the cache");
    clock.advance(Duration::from_secs(11));
    at.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::Miss), "its 10 s ttl passed");
}

/// A persisted notes database: a count, and buttons that add a note or fail half-way.
async fn notes_app(ui: Ui) -> Result {
    let conn = ConnectionOptions::<SqliteConnection>::new("notes").param("persist", "notes-test").open(&ui)?;
    conn.ready(&ui).await?;
    if ui.button("reopen") {
        conn.reset();
        return Ok(());
    }
    if ui.button("add") {
        conn.session(|tx| {
            tx.execute_batch("CREATE TABLE IF NOT EXISTS note (body TEXT NOT NULL)")?;
            tx.execute("INSERT INTO note VALUES (?1)", &[Value::Text("hello".into())])?;
            Ok(())
        })?;
    }
    if ui.button("add then fail") {
        let result = conn.session(|tx| {
            tx.execute("INSERT INTO note VALUES (?1)", &[Value::Text("lost".into())])?;
            let inside = tx.query("SELECT count(*) FROM note", &[])?;
            ui.write(format!("inside the session: {}", inside.cell_text(0, 0)));
            tx.execute("INSERT INTO note VALUES (NULL)", &[])
        });
        ui.write(format!("rolled back: {}", result.unwrap_err()));
    }
    let exists = conn.query("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'note'", &[], None)?;
    let count = match exists.value(0, 0) {
        Value::Int(1) => conn.query("SELECT count(*) AS n FROM note", &[], None)?.cell_text(0, 0),
        _ => "0".into(),
    };
    ui.write(format!("{count} notes"));
    Ok(())
}

#[test]
fn a_session_commits_and_clears_the_read_cache_or_rolls_back() {
    let mut at = AppTest::new_async(notes_app);
    at.run();
    assert_eq!(at.markdown(0).text(), "0 notes");
    at.button(1).click().run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(at.markdown(0).text(), "1 notes", "the commit cleared the cached count");
    at.button(1).click().run();
    assert_eq!(at.markdown(0).text(), "2 notes");

    at.button(2).click().run();
    assert_eq!(at.markdown(0).text(), "inside the session: 3");
    assert_eq!(
        at.markdown(1).text(),
        "rolled back: ConnectionError: connection `notes`: `INSERT INTO note VALUES (NULL)` failed: NOT NULL constraint failed: note.body"
    );
    assert_eq!(at.markdown(2).text(), "2 notes", "the failed session's insert was rolled back");

    // Dropped and opened again: the database is read back from the tab's storage.
    at.button(0).click().run();
    at.run();
    assert_eq!(at.markdown(0).text(), "2 notes");
    let mut other = AppTest::new_async(notes_app);
    other.run();
    assert_eq!(other.markdown(0).text(), "2 notes", "another session of the tab sees the stored database");
}

#[test]
fn bad_sql_is_an_error_naming_the_connection_and_the_app_keeps_its_state() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let conn = ui.connection::<SqliteConnection>("scratch")?;
        let sql = ui.text_input("sql");
        let sql = if sql.is_empty() { "SELECT 42 AS answer" } else { &sql };
        let df = conn.query(sql, &[], None)?;
        ui.write(format!("answer {}", df.cell_text(0, 0)));
        Ok(())
    });
    at.run();
    assert_eq!(at.markdown(0).text(), "answer 42");
    at.text_input(0).input("SELEC nothing").run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `scratch`: `SELEC nothing` failed: near \"SELEC\": syntax error in SELEC nothing at offset 0"
    );
    assert_eq!(at.text_input(0).value::<String>(), "SELEC nothing", "the widget kept its value");
    at.text_input(0).input("SELECT 6 * 7 AS answer").run();
    assert!(at.get("exception").is_empty());
    assert_eq!(at.markdown(0).text(), "answer 42");
}

#[test]
fn an_uploaded_file_replaces_the_database_once() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let conn = ui.connection::<SqliteConnection>("upload")?;
        match ui.file_uploader("database") {
            Some(file) => conn.load_bytes(file.bytes())?,
            None => return Ok(()),
        }
        let df = conn.query("SELECT name FROM city ORDER BY name", &[], None)?;
        ui.write(format!("{} cities, first {}", df.num_rows(), df.cell_text(0, 0)));
        Ok(())
    });
    at.run();
    at.file_uploader(0).upload("cities.sqlite", "application/vnd.sqlite3", cities_file()).run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(at.markdown(0).text(), "3 cities, first Lyon");
    at.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::Hit), "the same upload again changes nothing");

    at.file_uploader(0).upload("notes.txt", "text/plain", b"not a database".to_vec()).run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `upload`: not a SQLite database (14 bytes without SQLite's header)"
    );
}

#[test]
fn a_missing_file_or_an_unloaded_database_is_a_clear_error() {
    let mut at = AppTest::new_async(city_app);
    at.config(AppConfig::parse("[connections.cities]\nurl = \"data/missing.sqlite\""));
    at.run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `cities`: could not fetch `data/missing.sqlite`: HTTP 404 Not Found"
    );

    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let conn = ConnectionOptions::<SqliteConnection>::new("late").param("url", "x.sqlite").open(ui)?;
        conn.query("SELECT 1", &[], None)?;
        Ok(())
    });
    at.run();
    assert_eq!(
        at.exception(0).text(),
        "ConnectionError: connection `late`: the database is not loaded yet: await `conn.ready(&ui)` before using it"
    );
}
