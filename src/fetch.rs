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

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::rc::Rc;

use crate::clock::LocalFuture;
use crate::ui::Ui;

/// A progress callback: the fraction of the body received so far (0 to 1).
pub type Progress = Box<dyn FnMut(f64)>;

/// Where a session's fetches go.
pub trait Fetcher {
    /// The body of `url`, or why it could not be had. `progress`, if given, is called as the
    /// body arrives (at least once, with 1.0, when it is complete).
    fn fetch(&self, url: &str, progress: Option<Progress>) -> LocalFuture<Result<Vec<u8>, FetchError>>;
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
        }
    }
}

impl std::error::Error for FetchError {}

/// Files held in memory, by path: the native fetcher (what [`AppTest::serve`] fills). A URL
/// is looked up without a leading `./` or `/`; every other URL answers 404 Not Found.
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
#[derive(Clone, Default)]
pub struct StaticFiles {
    files: Rc<RefCell<HashMap<String, Vec<u8>>>>,
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
}

fn normalize(path: &str) -> &str {
    let path = path.strip_prefix("./").unwrap_or(path);
    path.trim_start_matches('/')
}

impl Fetcher for StaticFiles {
    fn fetch(&self, url: &str, progress: Option<Progress>) -> LocalFuture<Result<Vec<u8>, FetchError>> {
        let result = match self.files.borrow().get(normalize(url)) {
            Some(bytes) => {
                if let Some(mut progress) = progress {
                    progress(1.0);
                }
                Ok(bytes.clone())
            }
            None => Err(FetchError {
                url: url.to_string(),
                reason: FetchFailure::Status { code: 404, text: "Not Found".into() },
            }),
        };
        Box::pin(std::future::ready(result))
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
        progress: impl FnMut(f64) + 'static,
    ) -> impl Future<Output = Result<Vec<u8>, FetchError>> {
        self.fetcher().fetch(url, Some(Box::new(progress)))
    }

    /// Where this session's fetches go: `window.fetch` when it is mounted in a page (named
    /// only here, so an app that never fetches does not link it), else the session's fetcher.
    fn fetcher(&self) -> Rc<dyn Fetcher> {
        let runtime = self.runtime.borrow();
        #[cfg(target_arch = "wasm32")]
        if runtime.fetch_in_page {
            return Rc::new(crate::web::fetch::WebFetcher);
        }
        runtime.fetcher.clone()
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
            assert_eq!(poll, std::task::Poll::Ready(Ok(b"x".to_vec())), "{url}");
        }
        files.remove("a/b.csv");
        let mut future = files.fetch("a/b.csv", None);
        let poll = future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
        assert!(matches!(
            poll,
            std::task::Poll::Ready(Err(FetchError { reason: FetchFailure::Status { code: 404, .. }, .. }))
        ));
    }
}
