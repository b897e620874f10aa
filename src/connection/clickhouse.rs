//! `ClickHouseConnection`: SQL sent to ClickHouse's HTTP interface, answers as frames.
//!
//! The SQL is POSTed to `<url>/?add_http_cors_header=1&default_format=TabSeparatedWithNamesAndTypes`
//! through [`HttpConnection`]'s request path (timeout, retries with backoff), and the answer —
//! a row of names, a row of types, then the rows — is read into a [`DataFrame`] with a typed
//! column per ClickHouse type: `Int*`/`UInt*` → Int, `Float*`/`Decimal*` → Float, `Date` →
//! Date, `DateTime` → Datetime, everything else (`String`, `FixedString`, `Enum`, `UUID`,
//! arrays…) → Text; `Nullable(..)` and `LowCardinality(..)` read as the type inside.
//! The typed format is TSV because ClickHouse 18.16 (Debian's) has neither Arrow output nor
//! `JSONCompactEachRowWithNamesAndTypes`.
//!
//! Parameters: `url` (default `http://127.0.0.1:8123`), `database`, `user`, `password` (the
//! visitor's: `ui.set_secret("connections.<name>.password", ..)`), `timeout`, `retries`, and
//! `params` (ClickHouse settings added to the URL, as `max_result_rows`). The server must allow
//! the page's origin: `add_http_cors_header=1` makes it send `Access-Control-Allow-Origin: *`.
//! The user and password travel as URL parameters, not `X-ClickHouse-User`/`-Key` headers:
//! a custom header makes the browser ask first with an `OPTIONS` request, which ClickHouse
//! 18.16 never answers.
//!
//! A query ClickHouse refuses (it answers `Code: 62, e.displayText() = ...`) is an error with
//! ClickHouse's text, naming the connection; it is not retried.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::config::AppConfig;
//! use wasmlit::connection::clickhouse::ClickHouseConnection;
//! use wasmlit::fetch::Reply;
//!
//! async fn app(ui: Ui) -> Result {
//!     let db = ui.connection::<ClickHouseConnection>("warehouse")?;
//!     let trips = db.query(&ui, "SELECT city, count() AS n FROM trips GROUP BY city", Some("10m".into())).await?;
//!     ui.dataframe(&trips);
//!     ui.write(format!("{} cities", trips.num_rows()));
//!     Ok(())
//! }
//! let mut at = AppTest::new_async(app);
//! at.config(AppConfig::parse("[connections.warehouse]\nurl = \"http://127.0.0.1:8123\""));
//! at.route("http://127.0.0.1:8123/", |_| Reply::new(200, "city\tn\nString\tUInt64\nParis\t12\nLyon\t7\n"));
//! at.run();
//! assert_eq!(at.markdown(0).text(), "2 cities");
//! ```
//!
//! Another engine that takes SQL over HTTP (Databend's `/v1/query`, DuckDB's httpserver
//! extension, Trino's `/v1/statement`) is added the same way: a type that implements
//! [`Connection`], builds an [`HttpConnection`] over its URL in `connect`, and has one `query`
//! verb that sends the SQL as its engine wants it, reads the answer into a frame, and goes
//! through the connection's [`ReadCache::read_async`](crate::connection::ReadCache::read_async).

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};

use super::http::{after, excerpt, query_string, HttpConnection, SharedProgress};
use crate::cache::Ttl;
use crate::connection::{Connection, ConnectionError, ConnectionParams};
use crate::data::{Column, DataFrame};
use crate::fetch::{Received, Request, Response};
use crate::ui::Ui;

/// Where ClickHouse listens unless `url` says.
pub const DEFAULT_URL: &str = "http://127.0.0.1:8123";
/// The output format asked for: names, types, rows.
const FORMAT: &str = "TabSeparatedWithNamesAndTypes";
/// How much of ClickHouse's error text a message quotes.
const ERROR_TEXT: usize = 600;

/// How much of a query's answer has arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueryProgress {
    /// Complete rows received so far.
    pub rows: u64,
    /// Bytes received so far.
    pub bytes: u64,
    /// Whether the answer is complete (the last call).
    pub done: bool,
}

/// A ClickHouse server, spoken to over HTTP.
pub struct ClickHouseConnection {
    http: HttpConnection,
    /// The query string of every query: format, CORS, database and credentials.
    query: String,
}

/// A query ClickHouse refused is not worth another try; other 429s and 5xx are.
fn transient(response: &Response) -> bool {
    (response.status == 429 || response.status >= 500) && !response.body.starts_with(b"Code: ")
}

impl Connection for ClickHouseConnection {
    fn connect(params: &ConnectionParams) -> crate::Result<Self> {
        let url = params.get_opt::<String>("url")?.unwrap_or_else(|| DEFAULT_URL.into());
        let http = HttpConnection::with_base(params, url)?.retry_when(transient);
        let mut query =
            vec![("add_http_cors_header".to_string(), "1".to_string()), ("default_format".into(), FORMAT.into())];
        for key in ["database", "user", "password"] {
            if let Some(value) = params.get_opt::<String>(key)? {
                query.push((key.into(), value));
            }
        }
        Ok(ClickHouseConnection { http, query: query_string(&query) })
    }
}

impl ClickHouseConnection {
    /// The result of `sql` as a frame, cached for `ttl` (`None`: until cleared).
    pub async fn query(&self, ui: &Ui, sql: &str, ttl: Option<Ttl>) -> crate::Result<DataFrame> {
        self.http.reads().read_async("query", sql, ttl, self.fetch(ui, sql, None)).await
    }

    /// [`query`](Self::query), calling `progress` as the answer streams in with the rows and
    /// bytes received so far (on a miss only). ClickHouse sends its answer chunked, with no
    /// length and (18.16) no progress header a page can read, so the total is not known
    /// here: for a bar, ask for it first (`SELECT count() FROM …`, see `examples/connections`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    /// use wasmlit::connection::clickhouse::ClickHouseConnection;
    /// use wasmlit::fetch::Reply;
    ///
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let db = ui.connection::<ClickHouseConnection>("db")?;
    ///     let note = ui.empty();
    ///     let df = db.query_with_progress(&ui, "SELECT n FROM t", None, move |p| { note.text(format!("{} rows", p.rows)); }).await?;
    ///     ui.write(format!("{} in all", df.num_rows()));
    ///     Ok::<_, Error>(())
    /// });
    /// at.route("http://127.0.0.1:8123/", |_| Reply::new(200, "n\nUInt8\n1\n2\n3\n").chunked(2, Duration::from_secs(1)));
    /// at.run_for(Duration::from_millis(6500)); // "1\n" came at 5s, "2\n" at 6s
    /// assert_eq!(at.text(0).text(), "2 rows");
    /// at.wait();
    /// assert_eq!((at.text(0).text(), at.markdown(0).text()), ("3 rows".into(), "3 in all".into()));
    /// ```
    pub async fn query_with_progress(
        &self,
        ui: &Ui,
        sql: &str,
        ttl: Option<Ttl>,
        mut progress: impl FnMut(QueryProgress) + 'static,
    ) -> crate::Result<DataFrame> {
        let mut newlines = 0_u64;
        let counted = move |received: Received| {
            if received.bytes == received.chunk.len() as u64 && !received.done {
                newlines = 0; // the first chunk of a try
            }
            newlines += received.chunk.iter().filter(|&&b| b == b'\n').count() as u64;
            // The first two lines are the names and the types.
            progress(QueryProgress { rows: newlines.saturating_sub(2), bytes: received.bytes, done: received.done });
        };
        let progress: SharedProgress = Rc::new(RefCell::new(counted));
        self.http.reads().read_async("query", sql, ttl, self.fetch(ui, sql, Some(progress))).await
    }

    async fn fetch(&self, ui: &Ui, sql: &str, progress: Option<SharedProgress>) -> crate::Result<DataFrame> {
        let request = Request::post(format!("?{}", self.query), sql);
        let answer = self.http.answer(ui, request, progress).await?;
        let error = |message: String| -> crate::Error {
            ConnectionError { connection: self.http.name().into(), message }.into()
        };
        if !answer.response.ok() {
            let body = String::from_utf8_lossy(&answer.response.body);
            return Err(error(match exception(&body) {
                Some((code, text)) => format!("ClickHouse refused the query (Code {code}): {text}"),
                None => format!(
                    "`{}` answered HTTP {}{}: {}",
                    answer.what,
                    answer.response.status,
                    after(answer.tries),
                    excerpt(&answer.response.body)
                ),
            }));
        }
        read_tsv(&answer.response.body).map_err(|e| error(format!("could not read ClickHouse's answer: {e}")))
    }
}

/// ClickHouse's error code and text: `Code: 62, e.displayText() = DB::Exception: Syntax error…,
/// e.what() = DB::Exception` (18.16) or `Code: 62. DB::Exception: Syntax error…` (newer).
fn exception(body: &str) -> Option<(u32, String)> {
    let rest = body.trim().strip_prefix("Code: ")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let code = rest[..digits].parse().ok()?;
    let text = rest[digits..].trim_start_matches([',', '.', ' ']);
    let text = text.strip_prefix("e.displayText() = ").unwrap_or(text);
    let text = text.strip_prefix("DB::Exception: ").unwrap_or(text);
    let text = text.strip_suffix(", e.what() = DB::Exception").unwrap_or(text);
    let text = match text.char_indices().nth(ERROR_TEXT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    };
    Some((code, text))
}

/// How a ClickHouse type is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Date,
    Datetime,
    Text,
}

/// The column kind of a ClickHouse type, through `Nullable(..)` and `LowCardinality(..)`.
fn kind(ty: &str) -> Kind {
    let ty = ty.trim();
    for wrapper in ["Nullable(", "LowCardinality("] {
        if let Some(inner) = ty.strip_prefix(wrapper).and_then(|t| t.strip_suffix(')')) {
            return kind(inner);
        }
    }
    match ty {
        "Int8" | "Int16" | "Int32" | "Int64" | "UInt8" | "UInt16" | "UInt32" | "UInt64" => Kind::Int,
        "Float32" | "Float64" => Kind::Float,
        "Date" => Kind::Date,
        t if t.starts_with("Decimal") => Kind::Float,
        t if t == "DateTime" || t.starts_with("DateTime(") => Kind::Datetime,
        _ => Kind::Text,
    }
}

/// One column being read.
enum Builder {
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Date(Vec<Option<NaiveDate>>),
    Datetime(Vec<Option<NaiveDateTime>>),
    Text(Vec<Option<String>>),
}

impl Builder {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Int => Builder::Int(Vec::new()),
            Kind::Float => Builder::Float(Vec::new()),
            Kind::Date => Builder::Date(Vec::new()),
            Kind::Datetime => Builder::Datetime(Vec::new()),
            Kind::Text => Builder::Text(Vec::new()),
        }
    }

    /// Adds one field, as ClickHouse wrote it (escaped; `\N` is null).
    fn push(&mut self, field: &[u8]) -> Result<(), String> {
        if field == b"\\N" {
            match self {
                Builder::Int(v) => v.push(None),
                Builder::Float(v) => v.push(None),
                Builder::Date(v) => v.push(None),
                Builder::Datetime(v) => v.push(None),
                Builder::Text(v) => v.push(None),
            }
            return Ok(());
        }
        let text = || std::str::from_utf8(field).map_err(|_| "a field is not UTF-8".to_string());
        let bad = |what: &str| format!("`{}` is not {what}", String::from_utf8_lossy(field));
        match self {
            Builder::Int(v) => v.push(Some(text()?.parse().map_err(|_| bad("an integer that fits 64 bits"))?)),
            Builder::Float(v) => v.push(Some(text()?.parse().map_err(|_| bad("a number"))?)),
            // ClickHouse writes its zero date for "no date".
            Builder::Date(v) => v.push(match text()? {
                "0000-00-00" => None,
                t => Some(NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad("a date"))?),
            }),
            Builder::Datetime(v) => v.push(match text()? {
                "0000-00-00 00:00:00" => None,
                t => Some(NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").map_err(|_| bad("a date and time"))?),
            }),
            Builder::Text(v) => v.push(Some(unescape(field)?)),
        }
        Ok(())
    }

    fn finish(self) -> Column {
        match self {
            Builder::Int(v) => Column::Int(v),
            Builder::Float(v) => Column::Float(v),
            Builder::Date(v) => Column::Date(v),
            Builder::Datetime(v) => Column::Datetime(v),
            Builder::Text(v) => Column::Text(v),
        }
    }
}

/// A TSV field's text: ClickHouse's escapes (`\t`, `\n`, `\\`, `\0`…) undone.
fn unescape(field: &[u8]) -> Result<String, String> {
    if !field.contains(&b'\\') {
        return String::from_utf8(field.to_vec()).map_err(|_| "a field is not UTF-8".to_string());
    }
    let mut out = Vec::with_capacity(field.len());
    let mut bytes = field.iter();
    while let Some(&b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        out.push(match bytes.next() {
            Some(b'n') => b'\n',
            Some(b't') => b'\t',
            Some(b'r') => b'\r',
            Some(b'0') => 0,
            Some(b'b') => 8,
            Some(b'f') => 12,
            Some(&other) => other,
            None => b'\\',
        });
    }
    String::from_utf8(out).map_err(|_| "a field is not UTF-8".to_string())
}

/// `TabSeparatedWithNamesAndTypes` as a frame.
fn read_tsv(body: &[u8]) -> Result<DataFrame, String> {
    let body = body.strip_suffix(b"\n").unwrap_or(body);
    let mut lines = body.split(|&b| b == b'\n');
    let names: Vec<String> =
        lines.next().unwrap_or_default().split(|&b| b == b'\t').map(unescape).collect::<Result<_, _>>()?;
    if names.len() == 1 && names[0].is_empty() {
        return Ok(DataFrame::empty());
    }
    let types = lines.next().ok_or("no row of types")?;
    let kinds: Vec<Kind> =
        types.split(|&b| b == b'\t').map(|t| String::from_utf8_lossy(t).into_owned()).map(|t| kind(&t)).collect();
    if kinds.len() != names.len() {
        return Err(format!("{} names but {} types", names.len(), kinds.len()));
    }
    let mut columns: Vec<Builder> = kinds.into_iter().map(Builder::new).collect();
    for (row, line) in lines.enumerate() {
        let mut fields = line.split(|&b| b == b'\t');
        for (column, (builder, name)) in columns.iter_mut().zip(&names).enumerate() {
            let field =
                fields.next().ok_or_else(|| format!("row {}: {} fields, not {}", row + 1, column, names.len()))?;
            builder.push(field).map_err(|e| format!("row {}, column `{name}`: {e}", row + 1))?;
        }
        if fields.next().is_some() {
            return Err(format!("row {}: more than {} fields", row + 1, names.len()));
        }
    }
    DataFrame::new(names.into_iter().zip(columns.into_iter().map(Builder::finish)).collect()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{DataType, Value};

    #[test]
    fn types_map_to_column_kinds_through_nullable_and_low_cardinality() {
        assert_eq!(kind("UInt64"), Kind::Int);
        assert_eq!(kind("Nullable(Int8)"), Kind::Int);
        assert_eq!(kind("LowCardinality(Nullable(String))"), Kind::Text);
        assert_eq!(kind("Decimal(9, 2)"), Kind::Float);
        assert_eq!(kind("DateTime('Europe/Paris')"), Kind::Datetime);
        assert_eq!(kind("Array(UInt8)"), Kind::Text);
        assert_eq!(kind("Enum8('a' = 1)"), Kind::Text);
    }

    #[test]
    fn tsv_with_names_and_types_reads_nulls_escapes_dates_and_nan() {
        let body = "a\ts\tn\td\tt\tarr\tf\n\
                    UInt8\tString\tNullable(Int32)\tDate\tDateTime\tArray(UInt8)\tFloat64\n\
                    1\tx\\ty\\\\n\\n\t\\N\t2024-01-02\t2024-01-02 03:04:05\t[1,2]\tnan\n\
                    2\t\\'é\\'\t-7\t0000-00-00\t0000-00-00 00:00:00\t[]\t-inf\n";
        let df = read_tsv(body.as_bytes()).unwrap();
        assert_eq!(df.column_names(), ["a", "s", "n", "d", "t", "arr", "f"]);
        let types: Vec<DataType> = (0..7).map(|i| df.dtype(i)).collect();
        use DataType::*;
        assert_eq!(types, [Int, Text, Int, Date, Datetime, Text, Float]);
        assert_eq!(df.value(0, 1), Value::Text("x\ty\\n\n".into()));
        assert_eq!(df.value(1, 1), Value::Text("'é'".into()));
        assert!(df.value(0, 2).is_null());
        assert_eq!(df.value(1, 2), Value::Int(-7));
        assert!(df.value(1, 3).is_null() && df.value(1, 4).is_null(), "zero dates are nulls");
        assert_eq!(df.cell_text(0, 4), "2024-01-02 03:04:05");
        assert!(matches!(df.value(0, 6), Value::Float(x) if x.is_nan()));
        assert_eq!(df.value(1, 6), Value::Float(f64::NEG_INFINITY));
    }

    #[test]
    fn broken_answers_name_the_row_and_column() {
        assert_eq!(
            read_tsv(b"a\nInt32\nx\n").unwrap_err(),
            "row 1, column `a`: `x` is not an integer that fits 64 bits"
        );
        assert_eq!(read_tsv(b"a\tb\nInt32\tString\n1\n").unwrap_err(), "row 1: 1 fields, not 2");
        assert_eq!(read_tsv(b"a\tb\nInt32\n").unwrap_err(), "2 names but 1 types");
        assert_eq!(read_tsv(b"").unwrap().num_rows(), 0);
        assert_eq!(read_tsv(b"a\nString\n").unwrap().shape(), (0, 1));
    }

    #[test]
    fn exceptions_give_the_code_and_the_text() {
        let old = "Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 1: SELEC 1, e.what() = DB::Exception\n";
        assert_eq!(exception(old), Some((62, "Syntax error: failed at position 1: SELEC 1".into())));
        let new = "Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version 23.8.1)";
        assert_eq!(
            exception(new),
            Some((60, "Table default.x does not exist. (UNKNOWN_TABLE) (version 23.8.1)".into()))
        );
        assert_eq!(exception("Bad Gateway"), None);
    }
}
