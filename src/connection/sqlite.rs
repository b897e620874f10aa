//! SQLite in the tab (feature `sqlite`): [`SqliteConnection`], Streamlit's `SQLConnection` for a
//! database that lives in the browser.
//!
//! Its parameters (`[connections.<name>]` or `.param(..)`) say where the database comes from:
//!
//! - nothing, or `url = ":memory:"`: a new, empty database in memory;
//! - `url = "shop.sqlite"` (or `path`): a database file shipped beside the app, fetched with
//!   `ui.fetch` once, by [`ready`](SqliteConnection::ready); writes stay in memory;
//! - `persist = "notes"`: a database kept in the tab under that name (IndexedDB, the bytes
//!   written after each committed [`session`](SqliteConnection::session)), there again after a
//!   reload; on its first use it starts from `url` when one is given, else empty.
//!
//! An uploaded file replaces the database with [`load_bytes`](SqliteConnection::load_bytes).
//! Reads go through [`query`](SqliteConnection::query) (cached like `cache_data`, with its own
//! `ttl`); writes through a [`session`](SqliteConnection::session), one transaction: committed
//! when the closure returns `Ok` (which clears cached query results), rolled back on `Err`.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::connection::sqlite::SqliteConnection;
//! use wasmlit::data::Value;
//!
//! let mut at = AppTest::new_async(|ui: Ui| async move {
//!     let conn = ui.connection::<SqliteConnection>("notes")?;
//!     conn.ready(&ui).await?;
//!     conn.session(|tx| {
//!         tx.execute_batch("CREATE TABLE IF NOT EXISTS note (body TEXT)")?;
//!         tx.execute("INSERT INTO note VALUES (?1)", &[Value::Text("hello".into())])?;
//!         Ok(())
//!     })?;
//!     let df = conn.query("SELECT count(*) AS n FROM note", &[], None)?;
//!     ui.write(format!("{} notes", df.cell_text(0, 0)));
//!     Ok::<_, Error>(())
//! });
//! at.run();
//! assert_eq!(at.markdown(0).text(), "1 notes");
//! ```
//!
//! A persisted database is stored whole (its bytes, `sqlite3_serialize`) after each commit, so
//! it suits app-sized databases; two tabs writing the same name keep the last commit's bytes.
//! Names are shared by the apps of one origin.
//!
//! In the browser SQLite is compiled to WebAssembly (rusqlite over `sqlite-wasm-rs`) and runs
//! on the page's thread; natively it is rusqlite's bundled SQLite, and a persisted database
//! lives in the process's memory, as in one tab, so `AppTest` scenarios run the same code.

use std::cell::{Cell, RefCell};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value as Sql;
use rusqlite::{Statement, MAIN_DB};

use super::{Connection, ConnectionError, ConnectionParams, ReadCache};
use crate::cache::Ttl;
use crate::data::{Column, DataFrame, Value};
use crate::ui::Ui;

/// Where the database's first bytes come from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    Memory,
    /// A file beside the app.
    File(String),
    /// A database kept in the tab under `key`, started from `seed` the first time.
    Stored {
        key: String,
        seed: Option<String>,
    },
}

/// A SQLite database in the tab; see the [module docs](self).
pub struct SqliteConnection {
    name: String,
    source: Source,
    db: RefCell<rusqlite::Connection>,
    /// Whether the source's bytes are in `db` (always for `:memory:`).
    loaded: Cell<bool>,
    /// The hash of the bytes [`load_bytes`](Self::load_bytes) last put in, to load a file once.
    uploaded: Cell<Option<u64>>,
    reads: ReadCache,
}

impl Connection for SqliteConnection {
    fn connect(params: &ConnectionParams) -> crate::Result<Self> {
        let url: Option<String> = match params.get_opt("url")? {
            Some(url) => Some(url),
            None => params.get_opt("path")?,
        };
        let url = url.filter(|url: &String| url != ":memory:");
        let source = match params.get_opt::<String>("persist")? {
            Some(key) => Source::Stored { key, seed: url },
            None => url.map_or(Source::Memory, Source::File),
        };
        let db = rusqlite::Connection::open_in_memory().map_err(|e| sql_error(params.name(), "could not open", &e))?;
        Ok(SqliteConnection {
            name: params.name().to_string(),
            loaded: Cell::new(source == Source::Memory),
            source,
            db: RefCell::new(db),
            uploaded: Cell::new(None),
            reads: params.reads(),
        })
    }
}

/// A connection error naming the connection and carrying SQLite's message.
fn sql_error(name: &str, doing: &str, error: &rusqlite::Error) -> crate::Error {
    ConnectionError { connection: name.into(), message: format!("{doing}: {error}") }.into()
}

impl SqliteConnection {
    fn error(&self, message: impl Into<String>) -> crate::Error {
        ConnectionError { connection: self.name.clone(), message: message.into() }.into()
    }

    /// Loads the database from its source the first time (a no-op after, and for `:memory:`):
    /// fetches `url`, or reads the tab's copy of a `persist`ed database. Await it before the
    /// first query; a page that cannot await can call it in the async entry script.
    pub async fn ready(&self, ui: &Ui) -> crate::Result {
        if self.loaded.get() {
            return Ok(());
        }
        let bytes = match &self.source {
            Source::Memory => None,
            Source::File(url) => Some(self.fetch(ui, url).await?),
            Source::Stored { key, seed } => match store::load(key).await.map_err(|e| self.error(e))? {
                Some(bytes) => Some(bytes),
                None => match seed {
                    Some(url) => Some(self.fetch(ui, url).await?),
                    None => None,
                },
            },
        };
        if let Some(bytes) = bytes {
            self.replace(&bytes)?;
        }
        self.loaded.set(true);
        Ok(())
    }

    async fn fetch(&self, ui: &Ui, url: &str) -> crate::Result<Vec<u8>> {
        ui.fetch(url).await.map_err(|e| self.error(e.to_string()))
    }

    /// Replaces the database with a SQLite file's bytes, checked before they are taken.
    fn replace(&self, bytes: &[u8]) -> crate::Result {
        if !bytes.starts_with(b"SQLite format 3\0") {
            return Err(self.error(format!("not a SQLite database ({} bytes without SQLite's header)", bytes.len())));
        }
        let mut db = self.db.try_borrow_mut().map_err(|_| self.busy())?;
        db.deserialize_read_exact(MAIN_DB, bytes, bytes.len(), false)
            .and_then(|()| db.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())))
            .map_err(|e| sql_error(&self.name, "could not read the database", &e))
    }

    fn busy(&self) -> crate::Error {
        self.error("the database is in use: inside a session, read with the session's `query`")
    }

    fn check_loaded(&self) -> crate::Result {
        match self.loaded.get() {
            true => Ok(()),
            false => Err(self.error("the database is not loaded yet: await `conn.ready(&ui)` before using it")),
        }
    }

    /// Replaces the database with an uploaded SQLite file (say, `file_uploader`'s bytes). The
    /// same bytes again are a no-op, so it can run on every rerun; new bytes clear cached
    /// queries and, for a `persist`ed database, are stored in the tab.
    pub fn load_bytes(&self, bytes: &[u8]) -> crate::Result {
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        if self.uploaded.get() == Some(hash) {
            return Ok(());
        }
        self.replace(bytes)?;
        self.loaded.set(true);
        self.uploaded.set(Some(hash));
        self.changed()
    }

    /// Streamlit's `conn.query(sql, params=.., ttl=..)`: the rows of `sql` as a frame, cached
    /// for `ttl` (`None`: until a session commits or the cache is cleared). `?1`, `?2`, ... in
    /// `sql` take `params`. SQLite's types become columns: INTEGER → Int, REAL → Float (Int
    /// when mixed with INTEGER), TEXT → Text, or Date / Datetime / Bool when the column is
    /// declared so and every value reads as one; NULLs stay nulls.
    pub fn query(&self, sql: &str, params: &[Value], ttl: Option<Ttl>) -> crate::Result<DataFrame> {
        self.check_loaded()?;
        let args = (sql.to_string(), format!("{params:?}"));
        self.reads.read("query", &args, ttl, || {
            let db = self.db.try_borrow().map_err(|_| self.busy())?;
            frame(&db, &self.name, sql, params)
        })
    }

    /// Streamlit's `with conn.session as s: ...; s.commit()`: runs `write` in one transaction,
    /// committed when it returns `Ok` (then cached queries are cleared, and a `persist`ed
    /// database is stored in the tab), rolled back when it returns `Err`.
    pub fn session<R>(&self, write: impl FnOnce(&Session<'_>) -> crate::Result<R>) -> crate::Result<R> {
        self.check_loaded()?;
        let value = {
            let mut db = self.db.try_borrow_mut().map_err(|_| self.busy())?;
            let tx = db.transaction().map_err(|e| sql_error(&self.name, "could not begin a session", &e))?;
            let session = Session { tx, name: &self.name };
            let value = write(&session)?;
            session.tx.commit().map_err(|e| sql_error(&self.name, "could not commit", &e))?;
            value
        };
        self.changed()?;
        Ok(value)
    }

    /// After a change: clears cached queries and stores a persisted database.
    fn changed(&self) -> crate::Result {
        self.reads.clear("query");
        if let Source::Stored { key, .. } = &self.source {
            store::save(key, self.to_bytes()?);
        }
        Ok(())
    }

    /// The database as a SQLite file's bytes (for `download_button`, or to store it).
    pub fn to_bytes(&self) -> crate::Result<Vec<u8>> {
        let mut db = self.db.try_borrow_mut().map_err(|_| self.busy())?;
        let data = db.serialize(MAIN_DB).map_err(|e| sql_error(&self.name, "could not serialize", &e))?;
        Ok(data.to_vec())
    }

    /// Waits until the tab has stored every committed change of a `persist`ed database; `Err`
    /// says why the last write failed (storage full, refused).
    pub async fn saved(&self) -> crate::Result {
        match &self.source {
            Source::Stored { key, .. } => store::saved(key).await.map_err(|e| self.error(e)),
            _ => Ok(()),
        }
    }
}

/// One write session: a transaction (see [`SqliteConnection::session`]).
pub struct Session<'a> {
    tx: rusqlite::Transaction<'a>,
    name: &'a str,
}

impl Session<'_> {
    /// Runs one statement with `params` (`?1`, `?2`, ...); returns the rows it changed.
    pub fn execute(&self, sql: &str, params: &[Value]) -> crate::Result<usize> {
        self.tx
            .execute(sql, rusqlite::params_from_iter(params.iter().map(to_sql)))
            .map_err(|e| sql_error(self.name, &format!("`{}` failed", short(sql)), &e))
    }

    /// Runs statements separated by `;`, without parameters (a schema, a script).
    pub fn execute_batch(&self, sql: &str) -> crate::Result {
        self.tx.execute_batch(sql).map_err(|e| sql_error(self.name, &format!("`{}` failed", short(sql)), &e))
    }

    /// The rows of `sql` inside the session (its own writes included), never cached.
    pub fn query(&self, sql: &str, params: &[Value]) -> crate::Result<DataFrame> {
        frame(&self.tx, self.name, sql, params)
    }
}

/// The first line of `sql`, at most 60 characters, for error messages.
fn short(sql: &str) -> String {
    let line = sql.trim().lines().next().unwrap_or_default();
    match line.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_string(),
    }
}

fn to_sql(value: &Value) -> Sql {
    match value {
        Value::Null => Sql::Null,
        Value::Int(v) => Sql::Integer(*v),
        Value::Float(v) => Sql::Real(*v),
        Value::Bool(v) => Sql::Integer(i64::from(*v)),
        Value::Text(v) => Sql::Text(v.clone()),
        Value::Date(v) => Sql::Text(v.format("%Y-%m-%d").to_string()),
        Value::Datetime(v) => Sql::Text(v.format("%Y-%m-%d %H:%M:%S%.f").to_string()),
    }
}

/// Runs `sql` and reads its rows into a frame.
fn frame(db: &rusqlite::Connection, name: &str, sql: &str, params: &[Value]) -> crate::Result<DataFrame> {
    let failed = |e: rusqlite::Error| sql_error(name, &format!("`{}` failed", short(sql)), &e);
    let mut statement = db.prepare(sql).map_err(failed)?;
    let (names, declared) = columns(&statement);
    let mut cells: Vec<Vec<Sql>> = vec![Vec::new(); names.len()];
    let mut rows = statement.query(rusqlite::params_from_iter(params.iter().map(to_sql))).map_err(failed)?;
    while let Some(row) = rows.next().map_err(failed)? {
        for (index, column) in cells.iter_mut().enumerate() {
            column.push(row.get::<_, Sql>(index).map_err(failed)?);
        }
    }
    let columns = names
        .into_iter()
        .zip(declared)
        .zip(cells)
        .map(|((name, declared), cells)| (name, column(declared.as_deref(), cells)))
        .collect();
    DataFrame::new(columns).map_err(|e| ConnectionError { connection: name.into(), message: e.to_string() }.into())
}

/// The result's column names and declared types (upper case; `None` for expressions).
fn columns(statement: &Statement<'_>) -> (Vec<String>, Vec<Option<String>>) {
    statement.columns().map(|c| (c.name().to_string(), c.decl_type().map(str::to_ascii_uppercase))).unzip()
}

/// What SQLite's storage classes say a column is, its declared type breaking the ties.
fn column(declared: Option<&str>, cells: Vec<Sql>) -> Column {
    let declared = declared.unwrap_or_default();
    let (mut ints, mut reals, mut others) = (0, 0, 0);
    for cell in &cells {
        match cell {
            Sql::Null => {}
            Sql::Integer(_) => ints += 1,
            Sql::Real(_) => reals += 1,
            Sql::Text(_) | Sql::Blob(_) => others += 1,
        }
    }
    if others == 0 && reals == 0 && (ints > 0 || declared.contains("INT")) {
        let bools = declared.contains("BOOL") && cells.iter().all(|c| matches!(c, Sql::Null | Sql::Integer(0 | 1)));
        return match bools {
            true => Column::Bool(cells.iter().map(|c| integer(c).map(|v| v == 1)).collect()),
            false => Column::Int(cells.iter().map(integer).collect()),
        };
    }
    if others == 0 && (reals > 0 || ["REAL", "FLOA", "DOUB"].iter().any(|t| declared.contains(t))) {
        return Column::Float(
            cells
                .into_iter()
                .map(|c| match c {
                    Sql::Integer(v) => Some(v as f64),
                    Sql::Real(v) => Some(v),
                    _ => None,
                })
                .collect(),
        );
    }
    if ints == 0 && reals == 0 && (declared.contains("DATETIME") || declared.contains("TIMESTAMP")) {
        if let Some(times) = parsed(&cells, datetime) {
            return Column::Datetime(times);
        }
    } else if ints == 0 && reals == 0 && declared.contains("DATE") {
        if let Some(dates) = parsed(&cells, |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()) {
            return Column::Date(dates);
        }
    }
    Column::Text(cells.into_iter().map(text).collect())
}

fn integer(cell: &Sql) -> Option<i64> {
    match cell {
        Sql::Integer(v) => Some(*v),
        _ => None,
    }
}

/// Every text cell read by `parse` (nulls kept), or `None` if one does not read.
fn parsed<T>(cells: &[Sql], parse: impl Fn(&str) -> Option<T>) -> Option<Vec<Option<T>>> {
    cells
        .iter()
        .map(|cell| match cell {
            Sql::Text(text) => parse(text).map(Some),
            _ => Some(None),
        })
        .collect()
}

/// SQLite's date-and-time text forms.
fn datetime(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

/// A cell as text: numbers as SQLite prints them, a blob as its literal `x'..'`.
fn text(cell: Sql) -> Option<String> {
    match cell {
        Sql::Null => None,
        Sql::Integer(v) => Some(v.to_string()),
        Sql::Real(v) => Some(crate::data::format_float(v)),
        Sql::Text(v) => Some(v),
        Sql::Blob(bytes) => Some(format!("x'{}'", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())),
    }
}

/// A persisted database's bytes: IndexedDB in the browser.
#[cfg(target_arch = "wasm32")]
use crate::web::sqlite as store;

/// A persisted database's bytes natively: in the process's memory, like one tab's storage.
#[cfg(not(target_arch = "wasm32"))]
mod store {
    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        static TAB: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
    }

    pub(super) async fn load(key: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(TAB.with(|tab| tab.borrow().get(key).cloned()))
    }

    pub(super) fn save(key: &str, bytes: Vec<u8>) {
        TAB.with(|tab| tab.borrow_mut().insert(key.to_string(), bytes));
    }

    pub(super) async fn saved(_key: &str) -> Result<(), String> {
        Ok(())
    }
}
