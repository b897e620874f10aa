//! Fetching files for scripts: `ui.fetch(url).await` goes through the session's [`Fetcher`].
//!
//! In the browser the fetcher is `window.fetch` (`web/fetch.rs`): a relative URL resolves
//! against the page, so a file in the app's static folder is `ui.fetch("data/pickups.csv")`
//! under `trunk serve` and under a GitHub Pages sub-path alike; any CORS-enabled URL works
//! too. Natively the fetcher is [`StaticFiles`], files held in memory: [`AppTest::serve`]
//! adds them, and every other URL is a 404, so tests of scripts that fetch need no network.
//!
//! A failed fetch is a [`FetchError`] naming the URL and the HTTP status or the network
//! failure; `?` turns it into the script's exception element.
//!
//! [`Ui::request`] sends a [`Request`] — a method, headers, a body and a timeout — and answers
//! the [`Response`] whatever its status (the connections build on it). The timeout races the
//! request against [`Ui::sleep`]: the session's virtual clock natively, real time in the
//! browser, where a request that loses the race is aborted. Natively [`StaticFiles::route`]
//! (or [`AppTest::route`]) answers requests with a handler: a status, headers, a body, a
//! network failure, and a delay on the session's clock.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::data::{CsvOptions, DataFrame};
//!
//! async fn app(ui: Ui) -> Result {
//!     let bytes = ui.fetch("data/cities.csv").await?;
//!     let df = DataFrame::read_csv(&bytes, &CsvOptions::default())?;
//!     ui.write(format!("{} cities", df.num_rows()));
//!     Ok(())
//! }
//! let mut at = AppTest::new_async(app);
//! at.serve("data/cities.csv", "city\nParis\nLyon\n").run();
//! assert_eq!(at.markdown(0).text(), "2 cities");
//! ```
//!
//! [`AppTest::serve`]: crate::AppTest::serve
//! [`AppTest::route`]: crate::AppTest::route

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

use crate::clock::{Clock, LocalFuture};
use crate::ui::Ui;

/// How much of an answer's body has arrived, as a progress callback sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Received<'a> {
    /// Bytes received so far (of this try: a retried request starts again at 0).
    pub bytes: u64,
    /// The body's length, when the server sent one (`Content-Length`); a chunked answer
    /// (ClickHouse's) has none until the end.
    pub total: Option<u64>,
    /// The bytes that just arrived (empty in the last call).
    pub chunk: &'a [u8],
    /// Whether the body is complete (the last call).
    pub done: bool,
}

impl Received<'_> {
    /// The fraction received: 1 when done, else `bytes / total` when the total is known.
    pub fn fraction(&self) -> Option<f64> {
        if self.done {
            return Some(1.0);
        }
        self.total.filter(|&t| t > 0).map(|t| (self.bytes as f64 / t as f64).min(1.0))
    }
}

/// A progress callback, called as the body arrives and once more when it is complete.
pub type Progress = Box<dyn FnMut(Received<'_>)>;

/// Where a session's fetches go.
pub trait Fetcher {
    /// The answer to `request`, whatever its status, or why none came (its `timeout` is the
    /// caller's: [`Ui::request`] races it). `progress`, if given, is called as the body
    /// arrives, chunk by chunk, and once more when it is complete.
    fn request(&self, request: Request, progress: Option<Progress>) -> LocalFuture<Result<Response, FetchError>>;

    /// The body of `url` (a GET), or why it could not be had: a status outside 200–299 is an error.
    fn fetch(&self, url: &str, progress: Option<Progress>) -> LocalFuture<Result<Vec<u8>, FetchError>> {
        let url = url.to_string();
        let answer = self.request(Request::get(&url), progress);
        Box::pin(async move { answer.await?.into_body(&url) })
    }
}

/// An HTTP request: method, URL, headers, body, and how long to wait for the answer.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::fetch::Request;
/// let request = Request::post("https://db.example.com/", "SELECT 1")
///     .header("X-ClickHouse-User", "default")
///     .timeout(Duration::from_secs(10));
/// assert_eq!(request.method, "POST");
/// assert_eq!(request.header_value("x-clickhouse-user"), Some("default"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub url: String,
    /// Names and values, in order.
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// No answer within it is a [`FetchFailure::Timeout`] (through [`Ui::request`]).
    pub timeout: Option<Duration>,
}

impl Request {
    /// A GET of `url`.
    pub fn get(url: impl Into<String>) -> Self {
        Request { method: "GET".into(), url: url.into(), headers: Vec::new(), body: None, timeout: None }
    }

    /// A POST of `body` to `url`.
    pub fn post(url: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Request { method: "POST".into(), body: Some(body.into()), ..Request::get(url) }
    }

    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Waits at most `timeout` for the answer.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The value of the header `name` (case-insensitive).
    pub fn header_value(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// An HTTP answer, of any status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// The status's reason phrase (`Not Found`), when the server sent one.
    pub status_text: String,
    /// Names (lower case) and values.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// An answer with `status` and `body`.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Response { status, status_text: String::new(), headers: Vec::new(), body: body.into() }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.into()));
        self
    }

    /// The value of the header `name` (case-insensitive).
    pub fn header_value(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }

    /// Whether the status is 200–299.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body, or the status as the error of fetching `url`.
    fn into_body(self, url: &str) -> Result<Vec<u8>, FetchError> {
        if self.ok() {
            return Ok(self.body);
        }
        Err(FetchError {
            url: url.to_string(),
            reason: FetchFailure::Status { code: self.status, text: self.status_text },
        })
    }
}

/// A fetch that failed: the URL, and the HTTP status or the network failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    /// The URL as the script gave it.
    pub url: String,
    /// What went wrong.
    pub reason: FetchFailure,
}

/// Why a fetch failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// The server answered with a status outside 200–299.
    Status { code: u16, text: String },
    /// No answer: the network failed, the URL is malformed, or CORS refused it.
    Network(String),
    /// No answer within the request's timeout.
    Timeout(Duration),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            FetchFailure::Status { code, text } if text.is_empty() => {
                write!(f, "could not fetch `{}`: HTTP {code}", self.url)
            }
            FetchFailure::Status { code, text } => write!(f, "could not fetch `{}`: HTTP {code} {text}", self.url),
            FetchFailure::Network(message) => write!(
                f,
                "could not fetch `{}`: network error ({message}); check the URL, the connection, and that \
                 another site's server allows it (CORS)",
                self.url
            ),
            FetchFailure::Timeout(after) => {
                write!(f, "could not fetch `{}`: no answer within {} (timed out)", self.url, seconds(*after))
            }
        }
    }
}

/// `1.5s`, `10s`, `250ms`.
pub(crate) fn seconds(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{}ms", duration.as_millis())
    } else {
        format!("{}s", duration.as_secs_f64())
    }
}

impl std::error::Error for FetchError {}

/// Files held in memory, by path, and routes: the native fetcher (what [`AppTest::serve`] and
/// [`AppTest::route`] fill). A URL is looked up without a leading `./` or `/` among the files
/// (any method), then among the routes (the newest whose prefix it starts with); every other
/// URL answers 404 Not Found.
///
/// ```
/// use wasmlit::fetch::{Fetcher, StaticFiles};
/// let files = StaticFiles::default();
/// files.serve("data/a.txt", b"hi".to_vec());
/// let mut future = files.fetch("./data/a.txt", None);
/// let waker = std::task::Waker::noop();
/// let poll = future.as_mut().poll(&mut std::task::Context::from_waker(&waker));
/// assert_eq!(poll, std::task::Poll::Ready(Ok(b"hi".to_vec())));
/// ```
///
/// [`AppTest::serve`]: crate::AppTest::serve
/// [`AppTest::route`]: crate::AppTest::route
#[derive(Clone, Default)]
pub struct StaticFiles {
    files: Rc<RefCell<HashMap<String, Vec<u8>>>>,
    routes: Rc<RefCell<Vec<(String, Handler)>>>,
    clock: Rc<RefCell<Option<Rc<dyn Clock>>>>,
}

/// A route's handler: the reply to a request.
pub type Handler = Rc<dyn Fn(&Request) -> Reply>;

/// What a route answers: a [`Response`] or a network failure, after a delay.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::fetch::Reply;
/// let slow = Reply::new(200, r#"{"ok": true}"#).header("content-type", "application/json").delay(Duration::from_secs(30));
/// let down = Reply::network_error("connection refused");
/// # let _ = (slow, down);
/// ```
#[derive(Clone, Debug)]
pub struct Reply {
    answer: Result<Response, String>,
    delay: Duration,
    /// The body in chunks of this many bytes, one every so often, without a length.
    chunks: Option<(usize, Duration)>,
}

impl Reply {
    /// Answers `status` with `body`.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Response::new(status, body).into()
    }

    /// No answer: the request fails as on a network failure, with `message`.
    pub fn network_error(message: impl Into<String>) -> Self {
        Reply { answer: Err(message.into()), delay: Duration::ZERO, chunks: None }
    }

    /// Adds a header to the response.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.answer = self.answer.map(|response| response.header(name, value));
        self
    }

    /// Answers after `delay` on the session's clock (virtual under `AppTest`).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Sends the body as a chunked answer does (no length): `size` bytes every `every` on
    /// the session's clock, so a progress callback sees it arrive.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    /// use wasmlit::fetch::{Reply, Request};
    ///
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let bar = ui.progress_with_text(0, "");
    ///     let shown = bar.clone();
    ///     let request = Request::get("https://db.example.com/rows");
    ///     ui.request_with_progress(request, move |r| { shown.progress_with_text(0, format!("{} bytes", r.bytes)); }).await?;
    ///     Ok::<_, Error>(())
    /// });
    /// at.route("https://db.example.com/", |_| Reply::new(200, "x".repeat(10)).chunked(4, Duration::from_secs(1)));
    /// at.run_for(Duration::from_millis(2500));
    /// assert_eq!(at.progress(0).text(), "8 bytes");
    /// ```
    pub fn chunked(mut self, size: usize, every: Duration) -> Self {
        self.chunks = Some((size.max(1), every));
        self
    }
}

impl From<Response> for Reply {
    fn from(response: Response) -> Self {
        Reply { answer: Ok(response), delay: Duration::ZERO, chunks: None }
    }
}

impl StaticFiles {
    /// Serves `bytes` at `path` (replacing what was there).
    pub fn serve(&self, path: &str, bytes: Vec<u8>) {
        self.files.borrow_mut().insert(normalize(path).to_string(), bytes);
    }

    /// Stops serving `path`: it answers 404 from now on.
    pub fn remove(&self, path: &str) {
        self.files.borrow_mut().remove(normalize(path));
    }

    /// Answers every request whose URL starts with `prefix` with `handler` (over older routes).
    pub fn route(&self, prefix: &str, handler: impl Fn(&Request) -> Reply + 'static) {
        self.routes.borrow_mut().push((normalize(prefix).to_string(), Rc::new(handler)));
    }

    /// The clock replies' delays run on (without one, they answer at once).
    pub fn set_clock(&self, clock: Rc<dyn Clock>) {
        *self.clock.borrow_mut() = Some(clock);
    }

    fn reply(&self, request: &Request) -> Reply {
        let url = normalize(&request.url);
        if let Some(bytes) = self.files.borrow().get(url) {
            return Reply::new(200, bytes.clone());
        }
        let handler = self
            .routes
            .borrow()
            .iter()
            .rev()
            .find(|(prefix, _)| url.starts_with(prefix.as_str()))
            .map(|(_, h)| h.clone());
        match handler {
            Some(handler) => handler(request),
            None => Response { status_text: "Not Found".into(), ..Response::new(404, Vec::new()) }.into(),
        }
    }
}

fn normalize(path: &str) -> &str {
    let path = path.strip_prefix("./").unwrap_or(path);
    path.trim_start_matches('/')
}

impl Fetcher for StaticFiles {
    fn request(&self, request: Request, progress: Option<Progress>) -> LocalFuture<Result<Response, FetchError>> {
        let Reply { answer, delay, chunks } = self.reply(&request);
        let clock = self.clock.borrow().clone();
        Box::pin(async move {
            if let Some(clock) = clock.as_ref().filter(|_| !delay.is_zero()) {
                clock.sleep(delay).await;
            }
            let response =
                answer.map_err(|message| FetchError { url: request.url, reason: FetchFailure::Network(message) })?;
            let Some(mut progress) = progress else { return Ok(response) };
            let length = response.body.len() as u64;
            let mut received = Received { bytes: 0, total: Some(length), chunk: &[], done: false };
            if let Some((size, every)) = chunks {
                received.total = None;
                for chunk in response.body.chunks(size) {
                    if let Some(clock) = &clock {
                        clock.sleep(every).await;
                    }
                    received.bytes += chunk.len() as u64;
                    progress(Received { chunk, ..received });
                }
            } else if length > 0 {
                progress(Received { bytes: length, chunk: &response.body, ..received });
            }
            progress(Received { bytes: length, total: Some(length), chunk: &[], done: true });
            Ok(response)
        })
    }
}

impl Ui {
    /// Fetches `url` (async scripts): in the browser through `window.fetch` (a relative URL
    /// resolves against the page), natively from the files [`AppTest::serve`] holds. Cancelling
    /// the run drops the request.
    ///
    /// [`AppTest::serve`]: crate::AppTest::serve
    pub fn fetch(&self, url: &str) -> impl Future<Output = Result<Vec<u8>, FetchError>> {
        self.fetcher().fetch(url, None)
    }

    /// [`fetch`](Self::fetch), calling `progress` with the fraction of the body received as it
    /// arrives (when the server sends the body's length; else once, at the end).
    ///
    /// ```
    /// use std::cell::Cell;
    /// use std::rc::Rc;
    /// use wasmlit::prelude::*;
    ///
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let bar = ui.progress(0);
    ///     let shown = bar.clone();
    ///     let bytes = ui.fetch_with_progress("big.bin", move |f| { shown.progress(f); }).await?;
    ///     ui.write(format!("{} bytes", bytes.len()));
    ///     Ok::<_, Error>(())
    /// });
    /// at.serve("big.bin", vec![0_u8; 1000]).run();
    /// assert_eq!(at.markdown(0).text(), "1000 bytes");
    /// ```
    pub fn fetch_with_progress(
        &self,
        url: &str,
        mut progress: impl FnMut(f64) + 'static,
    ) -> impl Future<Output = Result<Vec<u8>, FetchError>> {
        let fraction = move |received: Received| {
            if let Some(f) = received.fraction() {
                progress(f);
            }
        };
        self.fetcher().fetch(url, Some(Box::new(fraction)))
    }

    /// Sends `request` (async scripts) and answers the [`Response`] whatever its status; no
    /// answer within the request's `timeout` (on the session's clock) is a
    /// [`FetchFailure::Timeout`], and in the browser the request is aborted.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    /// use wasmlit::fetch::{Reply, Request};
    ///
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let request = Request::post("https://api.example.com/echo", "hello").timeout(Duration::from_secs(5));
    ///     match ui.request(request).await {
    ///         Ok(response) => ui.write(format!("{} {}", response.status, String::from_utf8_lossy(&response.body))),
    ///         Err(error) => ui.write(error.to_string()),
    ///     };
    /// });
    /// at.route("https://api.example.com/echo", |request| Reply::new(201, request.body.clone().unwrap_or_default()));
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "201 hello");
    /// at.route("https://api.example.com/", |_| Reply::new(200, "late").delay(Duration::from_secs(60)));
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "could not fetch `https://api.example.com/echo`: no answer within 5s (timed out)");
    /// ```
    pub fn request(&self, request: Request) -> impl Future<Output = Result<Response, FetchError>> {
        self.request_with_progress_opt(request, None)
    }

    /// [`request`](Self::request), calling `progress` as the body arrives with the bytes
    /// received, the total when the server sent it, and the chunk (see [`Received`]).
    pub fn request_with_progress(
        &self,
        request: Request,
        progress: impl FnMut(Received<'_>) + 'static,
    ) -> impl Future<Output = Result<Response, FetchError>> {
        self.request_with_progress_opt(request, Some(Box::new(progress)))
    }

    fn request_with_progress_opt(
        &self,
        request: Request,
        progress: Option<Progress>,
    ) -> impl Future<Output = Result<Response, FetchError>> {
        let (url, timeout) = (request.url.clone(), request.timeout);
        let timer = timeout.map(|timeout| (timeout, self.sleep(timeout)));
        let answer = self.fetcher().request(request, progress);
        async move {
            let Some((timeout, timer)) = timer else { return answer.await };
            let (mut answer, mut timer) = (pin!(answer), pin!(timer));
            // The answer is polled first: one that is ready when the timer fires still counts.
            std::future::poll_fn(|cx| match answer.as_mut().poll(cx) {
                Poll::Ready(result) => Poll::Ready(result),
                Poll::Pending => timer
                    .as_mut()
                    .poll(cx)
                    .map(|()| Err(FetchError { url: url.clone(), reason: FetchFailure::Timeout(timeout) })),
            })
            .await
        }
    }

    /// Where this session's fetches go: `window.fetch` when it is mounted in a page (named
    /// only here, so an app that never fetches does not link it), else the session's fetcher.
    fn fetcher(&self) -> Rc<dyn Fetcher> {
        let runtime = self.runtime.borrow();
        #[cfg(target_arch = "wasm32")]
        if runtime.fetch_in_page {
            return Rc::new(crate::web::fetch::WebFetcher);
        }
        match &runtime.fetcher {
            Some(fetcher) => fetcher.clone(),
            None => Rc::new(StaticFiles::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_url_and_the_status_or_the_failure() {
        let missing = FetchError {
            url: "data/x.csv".into(),
            reason: FetchFailure::Status { code: 404, text: "Not Found".into() },
        };
        assert_eq!(missing.to_string(), "could not fetch `data/x.csv`: HTTP 404 Not Found");
        let offline =
            FetchError { url: "https://example.com/a".into(), reason: FetchFailure::Network("Failed to fetch".into()) };
        assert!(offline
            .to_string()
            .starts_with("could not fetch `https://example.com/a`: network error (Failed to fetch)"));
    }

    #[test]
    fn paths_match_with_or_without_a_leading_dot_or_slash() {
        let files = StaticFiles::default();
        files.serve("/a/b.csv", b"x".to_vec());
        for url in ["a/b.csv", "./a/b.csv", "/a/b.csv"] {
            let mut future = files.fetch(url, None);
            let poll = future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
            assert_eq!(poll, Poll::Ready(Ok(b"x".to_vec())), "{url}");
        }
        files.remove("a/b.csv");
        let mut future = files.fetch("a/b.csv", None);
        let poll = future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
        assert!(matches!(poll, Poll::Ready(Err(FetchError { reason: FetchFailure::Status { code: 404, .. }, .. }))));
    }
}
