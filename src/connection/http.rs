//! `HttpConnection`: a REST/JSON/CSV/Arrow endpoint as a connection.
//!
//! Parameters (the call's [`.param`](crate::connection::ConnectionOptions::param)s over
//! `[connections.<name>]` of `wasmlit.toml`):
//!
//! | key | what | default |
//! |---|---|---|
//! | `base_url` | what paths are relative to | required |
//! | `headers` | a table of headers sent with every request | none |
//! | `params` | a table of query parameters added to every URL | none |
//! | `timeout` | how long one try may take (`"10s"`, or seconds) | `"10s"` |
//! | `retries` | tries after the first | `2` |
//! | `token` | sent as `Authorization: Bearer <token>`; the visitor's secret (`ui.set_secret("connections.<name>.token", ..)`), never the config's | none |
//!
//! A try that fails on the network, times out, or is answered 429 or 5xx is tried again after
//! 0.5s, 1s, 2s, 4s, then every 8s (on the session's clock: virtual under `AppTest`). Other
//! statuses fail at once. Errors name the connection, the method and URL, and the cause: the
//! status and the start of the body, or how many tries timed out or failed.
//!
//! The read verbs [`get_json`](HttpConnection::get_json) and
//! [`get_frame`](HttpConnection::get_frame) are cached like `cache_data`, each call with its
//! own `ttl`; [`send`](HttpConnection::send) is not cached (a POST, say).
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::config::AppConfig;
//! use wasmlit::connection::http::HttpConnection;
//! use wasmlit::fetch::Reply;
//!
//! async fn app(ui: Ui) -> Result {
//!     let api = ui.connection::<HttpConnection>("cities")?;
//!     let cities = api.get_frame(&ui, "cities.json", Some("10m".into())).await?;
//!     ui.write(format!("{} cities", cities.num_rows()));
//!     Ok(())
//! }
//! let mut at = AppTest::new_async(app);
//! at.config(AppConfig::parse("[connections.cities]\nbase_url = \"https://api.example.com/v1\"\nparams = { country = \"FR\" }"));
//! at.route("https://api.example.com/v1/cities.json?country=FR", |_| {
//!     Reply::new(200, r#"[{"city": "Paris"}, {"city": "Lyon"}]"#).header("content-type", "application/json")
//! });
//! at.run();
//! assert_eq!(at.markdown(0).text(), "2 cities");
//! ```

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use crate::cache::{parse_duration, Ttl};
use crate::config::looks_secret;
use crate::connection::{Connection, ConnectionError, ConnectionParams, ReadCache};
use crate::data::{CsvOptions, DataFrame};
use crate::fetch::{seconds, FetchFailure, Received, Request, Response};
use crate::ui::Ui;

/// How long one try may take unless `timeout` says.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Tries after the first unless `retries` says.
pub const DEFAULT_RETRIES: u32 = 2;
/// How much of an error's body its message quotes.
const EXCERPT: usize = 300;

/// A progress callback every try of a request calls.
pub(crate) type SharedProgress = Rc<RefCell<dyn FnMut(Received<'_>)>>;

/// The last answer to a request, after its retries.
pub(crate) struct Answer {
    pub response: Response,
    pub tries: u32,
    /// The method and URL (secrets masked), for error messages.
    pub what: String,
}

/// An HTTP API: a base URL with headers, query parameters, a timeout and retries.
pub struct HttpConnection {
    name: String,
    base_url: String,
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    timeout: Duration,
    retries: u32,
    /// Whether an answer with an error status is worth another try.
    retry_status: fn(&Response) -> bool,
    reads: ReadCache,
}

/// 429 Too Many Requests and 5xx are worth another try.
fn transient(response: &Response) -> bool {
    response.status == 429 || response.status >= 500
}

/// The wait before try `n + 1` (`n` ≥ 1): 0.5s doubled each time, at most 8s.
pub fn backoff(n: u32) -> Duration {
    Duration::from_millis(500 << n.saturating_sub(1).min(4))
}

/// A parameter's scalar value as text (`"FR"`, `2`, `true`).
fn scalar(params: &ConnectionParams, key: &str, value: toml::Value) -> crate::Result<String> {
    match value {
        toml::Value::String(s) => Ok(s),
        toml::Value::Integer(n) => Ok(n.to_string()),
        toml::Value::Float(x) => Ok(x.to_string()),
        toml::Value::Boolean(b) => Ok(b.to_string()),
        other => Err(ConnectionError {
            connection: params.name().into(),
            message: format!("`{key}` must be text or a number, not {}", other.type_str()),
        }
        .into()),
    }
}

/// A table parameter's entries as text.
fn pairs(params: &ConnectionParams, key: &str) -> crate::Result<Vec<(String, String)>> {
    let table: BTreeMap<String, toml::Value> = params.get_opt(key)?.unwrap_or_default();
    table.into_iter().map(|(k, v)| Ok((k.clone(), scalar(params, &format!("{key}.{k}"), v)?))).collect()
}

impl HttpConnection {
    /// The connection over `base_url`, with the parameters other than `base_url` read from
    /// `params` (what [`ClickHouseConnection`](super::clickhouse::ClickHouseConnection) builds on).
    pub(crate) fn with_base(params: &ConnectionParams, base_url: String) -> crate::Result<Self> {
        let timeout = match params.get_opt::<toml::Value>("timeout")? {
            None => DEFAULT_TIMEOUT,
            Some(toml::Value::String(text)) => {
                parse_duration(&text).map_err(|e| params_error(params, "timeout", &e))?
            }
            Some(toml::Value::Integer(n)) if n > 0 => Duration::from_secs(n as u64),
            Some(toml::Value::Float(x)) if x > 0.0 && x.is_finite() => Duration::from_secs_f64(x),
            Some(other) => {
                return Err(params_error(params, "timeout", &format!("a {} is not a duration", other.type_str())))
            }
        };
        let mut headers = pairs(params, "headers")?;
        if let Some(token) = params.get_opt::<String>("token")? {
            headers.push(("Authorization".into(), format!("Bearer {token}")));
        }
        Ok(HttpConnection {
            name: params.name().into(),
            base_url,
            headers,
            query: pairs(params, "params")?,
            timeout,
            retries: params.get_opt("retries")?.unwrap_or(DEFAULT_RETRIES),
            retry_status: transient,
            reads: params.reads(),
        })
    }

    /// Answers with an error status that `retry` says are worth another try (429 and 5xx
    /// unless set).
    pub(crate) fn retry_when(mut self, retry: fn(&Response) -> bool) -> Self {
        self.retry_status = retry;
        self
    }

    /// The connection's read cache (for verbs built on [`send`](Self::send)).
    pub(crate) fn reads(&self) -> &ReadCache {
        &self.reads
    }

    /// The connection's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The full URL of `path`: relative to `base_url` (unless it is a full URL; `""` is
    /// `base_url` itself), with the `params` added to its query string.
    pub fn url(&self, path: &str) -> String {
        let mut url = if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else if path.is_empty() {
            self.base_url.clone()
        } else if path.starts_with('?') {
            format!("{}/{path}", self.base_url.trim_end_matches('/'))
        } else {
            format!("{}/{}", self.base_url.trim_end_matches('/'), path.trim_start_matches('/'))
        };
        if !self.query.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&query_string(&self.query));
        }
        url
    }

    fn error(&self, message: String) -> crate::Error {
        ConnectionError { connection: self.name.clone(), message }.into()
    }

    /// Sends `request` (its URL a path, see [`url`](Self::url)) with the connection's headers,
    /// timeout and retries; not cached. A status outside 200–299 is an error quoting the body.
    pub async fn send(&self, ui: &Ui, request: Request) -> crate::Result<Response> {
        let Answer { response, tries, what } = self.answer(ui, request, None).await?;
        if response.ok() {
            return Ok(response);
        }
        let status = if response.status_text.is_empty() { String::new() } else { format!(" {}", response.status_text) };
        Err(self.error(format!(
            "`{what}` answered HTTP {}{status}{}: {}",
            response.status,
            after(tries),
            excerpt(&response.body)
        )))
    }

    /// The last answer to `request` (whatever its status) after the retries, with the number
    /// of tries; an error if no try was answered. `progress` sees each try's body arrive.
    pub(crate) async fn answer(
        &self,
        ui: &Ui,
        mut request: Request,
        progress: Option<SharedProgress>,
    ) -> crate::Result<Answer> {
        request.url = self.url(&request.url);
        request.headers.splice(0..0, self.headers.iter().cloned());
        request.timeout = Some(self.timeout);
        let what = format!("{} {}", request.method, redacted(&request.url));
        let mut tries = 0;
        loop {
            tries += 1;
            let answer = match &progress {
                Some(progress) => {
                    let progress = progress.clone();
                    ui.request_with_progress(request.clone(), move |r: Received| (progress.borrow_mut())(r)).await
                }
                None => ui.request(request.clone()).await,
            };
            let retry = match &answer {
                Ok(response) => !response.ok() && (self.retry_status)(response),
                Err(_) => true,
            };
            if retry && tries <= self.retries {
                ui.sleep(backoff(tries)).await;
                continue;
            }
            return match answer {
                Ok(response) => Ok(Answer { response, tries, what }),
                Err(error) => Err(self.error(match error.reason {
                    FetchFailure::Timeout(timeout) => {
                        format!("`{what}` timed out: no answer within {} ({tries} tries)", seconds(timeout))
                    }
                    FetchFailure::Network(message) => format!(
                        "`{what}` failed: network error ({message}){}; check the URL, that the server is up, \
                         and that it allows this page's origin (CORS)",
                        after(tries)
                    ),
                    FetchFailure::Status { code, text } => {
                        format!("`{what}` answered HTTP {code} {text}{}", after(tries))
                    }
                })),
            };
        }
    }

    /// The JSON at `path`, cached for `ttl` (`None`: until cleared).
    pub async fn get_json(&self, ui: &Ui, path: &str, ttl: Option<Ttl>) -> crate::Result<serde_json::Value> {
        self.reads
            .read_async("get_json", path, ttl, async {
                let response = self.send(ui, Request::get(path)).await?;
                serde_json::from_slice(&response.body).map_err(|e| {
                    self.error(format!(
                        "`GET {}`: the answer is not JSON ({e}): {}",
                        self.url(path),
                        excerpt(&response.body)
                    ))
                })
            })
            .await
    }

    /// The table at `path` as a frame, cached for `ttl`: JSON (records, columns or NDJSON),
    /// CSV, Arrow IPC (file or stream) or Parquet, told by the answer's content type, else by
    /// the path's extension.
    pub async fn get_frame(&self, ui: &Ui, path: &str, ttl: Option<Ttl>) -> crate::Result<DataFrame> {
        self.reads
            .read_async("get_frame", path, ttl, async {
                let response = self.send(ui, Request::get(path)).await?;
                let format = response.header_value("content-type").and_then(Format::of_content_type).or_else(|| {
                    let file = path.split(['?', '#']).next().unwrap_or(path);
                    Format::of_extension(file.rsplit_once('.').map_or("", |(_, ext)| ext))
                });
                let url = self.url(path);
                let Some(format) = format else {
                    return Err(self.error(format!(
                        "`GET {url}`: cannot tell the table's format (content type {}); serve it as JSON, CSV or Arrow, or name it .json, .csv or .arrow",
                        response.header_value("content-type").unwrap_or("none")
                    )));
                };
                format.read(&response.body).map_err(|e| self.error(format!("`GET {url}`: {e}")))
            })
            .await
    }
}

/// ` (after 3 tries)` when there was more than one.
pub(crate) fn after(tries: u32) -> String {
    if tries > 1 {
        format!(" (after {tries} tries)")
    } else {
        String::new()
    }
}

/// `url` with the values of query parameters whose names look secret (`password`, `token`…) masked.
fn redacted(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else { return url.to_string() };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if looks_secret(name) => format!("{name}=***"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
}

/// A table's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Arrow,
    Parquet,
}

impl Format {
    fn of_content_type(content_type: &str) -> Option<Format> {
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match mime.as_str() {
            m if m.ends_with("json") || m == "application/x-ndjson" => Some(Format::Json),
            "text/csv" | "application/csv" => Some(Format::Csv),
            m if m.starts_with("application/vnd.apache.arrow") => Some(Format::Arrow),
            "application/vnd.apache.parquet" | "application/x-parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    fn of_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "json" | "ndjson" | "jsonl" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "arrow" | "arrows" | "ipc" | "feather" => Some(Format::Arrow),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    fn read(self, bytes: &[u8]) -> Result<DataFrame, String> {
        match self {
            Format::Json => DataFrame::read_json(bytes).map_err(|e| e.to_string()),
            Format::Csv => DataFrame::read_csv(bytes, &CsvOptions::default()).map_err(|e| e.to_string()),
            Format::Arrow => read_ipc(bytes),
            Format::Parquet => DataFrame::read_parquet(bytes).map_err(|e| e.to_string()),
        }
    }
}

/// An Arrow IPC file (`ARROW1…`) or stream as one frame.
fn read_ipc(bytes: &[u8]) -> Result<DataFrame, String> {
    use arrow_ipc::reader::{FileReader, StreamReader};
    let cursor = std::io::Cursor::new(bytes);
    let ipc = |e: arrow_schema::ArrowError| format!("not Arrow IPC: {e}");
    let (schema, batches) = if bytes.starts_with(b"ARROW1") {
        let reader = FileReader::try_new(cursor, None).map_err(ipc)?;
        let schema = reader.schema();
        (schema, reader.collect::<Result<Vec<_>, _>>().map_err(ipc)?)
    } else {
        let reader = StreamReader::try_new(cursor, None).map_err(ipc)?;
        let schema = reader.schema();
        (schema, reader.collect::<Result<Vec<_>, _>>().map_err(ipc)?)
    };
    let batch = arrow_select::concat::concat_batches(&schema, &batches).map_err(ipc)?;
    DataFrame::from_batch(batch).map_err(|e| e.to_string())
}

fn params_error(params: &ConnectionParams, key: &str, message: &str) -> crate::Error {
    ConnectionError { connection: params.name().into(), message: format!("parameter `{key}`: {message}") }.into()
}

/// The start of a body, as text on one line: an HTML page (a static host's 404) is read as
/// its text, without markup, scripts, styles or comments.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = if text.trim_start().starts_with('<') { html_text(&text) } else { text.into_owned() };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(EXCERPT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None if text.is_empty() => "(empty body)".into(),
        None => text,
    }
}

/// The text of an HTML page: tags become spaces; comments, `<script>` and `<style>` go; the
/// common entities are read.
fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut text = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| at + i) {
        text.push_str(&html[at..open]);
        text.push(' ');
        let skip_to = |end: &str| lower[open..].find(end).map_or(html.len(), |i| open + i + end.len());
        at = if lower[open..].starts_with("<!--") {
            skip_to("-->")
        } else if let Some(name) = ["script", "style"].into_iter().find(|name| {
            lower[open + 1..].starts_with(name)
                && lower[open + 1 + name.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
        }) {
            let close = skip_to(&format!("</{name}"));
            lower[close..].find('>').map_or(html.len(), |i| close + i + 1)
        } else {
            skip_to(">")
        };
    }
    text.push_str(&html[at..]);
    entities(&text)
}

/// The common named entities (`&amp;`, `&lt;`, `&nbsp;`, `&middot;`…) and numeric ones
/// read; others kept as written.
fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest.find(';').filter(|&end| end <= 10).map(|end| (&rest[1..end], end));
        let read = entity.and_then(|(name, end)| {
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "middot" => '·',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "copy" => '©',
                _ => {
                    let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => name.strip_prefix('#')?.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, end))
        });
        match read {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `a=1&b=x%20y`: pairs percent-encoded for a URL's query string.
pub(crate) fn query_string(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

impl Connection for HttpConnection {
    fn connect(params: &ConnectionParams) -> crate::Result<Self> {
        HttpConnection::with_base(params, params.get("base_url")?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_half_a_second_up_to_eight() {
        let waits: Vec<u128> = (1..=7).map(|n| backoff(n).as_millis()).collect();
        assert_eq!(waits, [500, 1000, 2000, 4000, 8000, 8000, 8000]);
    }

    #[test]
    fn formats_come_from_the_content_type_then_the_extension() {
        assert_eq!(Format::of_content_type("application/json; charset=utf-8"), Some(Format::Json));
        assert_eq!(Format::of_content_type("text/csv"), Some(Format::Csv));
        assert_eq!(Format::of_content_type("application/vnd.apache.arrow.stream"), Some(Format::Arrow));
        assert_eq!(Format::of_content_type("application/octet-stream"), None);
        assert_eq!(Format::of_extension("CSV"), Some(Format::Csv));
        assert_eq!(Format::of_extension("html"), None);
    }

    #[test]
    fn query_strings_are_percent_encoded_and_excerpts_cut() {
        let pairs = [("q".to_string(), "a b&c=é".to_string()), ("n".into(), "1".into())];
        assert_eq!(query_string(&pairs), "q=a%20b%26c%3D%C3%A9&n=1");
        assert_eq!(excerpt(b"  line one\n\tline two "), "line one line two");
        assert_eq!(excerpt(b""), "(empty body)");
        assert_eq!(redacted("http://h/?user=u&password=p%20q&x=1"), "http://h/?user=u&password=***&x=1");
        assert_eq!(excerpt("x".repeat(400).as_bytes()).chars().count(), EXCERPT + 1);
    }

    #[test]
    fn html_bodies_are_quoted_as_their_text() {
        let page = "<!DOCTYPE html>\n<html><head><title>Not found &amp; gone</title>\
            <STYLE type=\"text/css\">body { color: red }</style><script>var a = '<b>';</script></head>\
            <body><!-- a <comment> --><h1>404</h1>\n\n  <p>No file at&nbsp;<code>/data/x.csv</code> &#8212; &#x263A; &bogus; a&b</p></body></html>";
        assert_eq!(excerpt(page.as_bytes()), "Not found & gone 404 No file at /data/x.csv — ☺ &bogus; a&b");
        assert_eq!(excerpt(b"<p>unclosed <script>x"), "unclosed");
        assert_eq!(excerpt(b"<p>cut <b"), "cut");
        assert_eq!(excerpt(b"a < b"), "a < b", "text that does not start with markup stays as it is");
    }
}
