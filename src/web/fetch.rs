//! `ui.fetch` and `ui.request` in the browser: `window.fetch`, so a relative URL resolves
//! against the page (the app's static folder under `trunk serve` or a GitHub Pages sub-path).
//! Dropping the future (a run cancelled by an interaction, a request that timed out) aborts
//! the request through its `AbortController`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestInit};

use crate::clock::LocalFuture;
use crate::fetch::{FetchError, FetchFailure, Fetcher, Progress, Received, Request, Response};

/// The page's fetcher.
pub(crate) struct WebFetcher;

/// Aborts the request when the fetch is dropped before it ends.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

/// A JS exception's message (`TypeError: Failed to fetch` gives `Failed to fetch`).
fn message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

impl Fetcher for WebFetcher {
    fn request(&self, request: Request, progress: Option<Progress>) -> LocalFuture<Result<Response, FetchError>> {
        Box::pin(async move {
            let url = request.url.clone();
            let network =
                |error: &JsValue| FetchError { url: url.clone(), reason: FetchFailure::Network(message(error)) };
            let window = web_sys::window().ok_or_else(|| network(&JsValue::from_str("no window")))?;
            let controller = AbortController::new().ok();
            let init = RequestInit::new();
            init.set_method(&request.method);
            if !request.headers.is_empty() {
                let headers = Headers::new().map_err(|e| network(&e))?;
                for (name, value) in &request.headers {
                    headers.append(name, value).map_err(|e| network(&e))?;
                }
                init.set_headers(&headers);
            }
            if let Some(body) = &request.body {
                init.set_body(&js_sys::Uint8Array::from(body.as_slice()));
            }
            if let Some(controller) = &controller {
                init.set_signal(Some(&controller.signal()));
            }
            let mut guard = AbortOnDrop(controller);
            let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
                .await
                .map_err(|e| network(&e))?
                .unchecked_into();
            let mut headers = Vec::new();
            if let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) {
                for entry in entries.flatten() {
                    let pair: js_sys::Array = entry.unchecked_into();
                    let (name, value) = (pair.get(0).as_string(), pair.get(1).as_string());
                    if let (Some(name), Some(value)) = (name, value) {
                        headers.push((name.to_ascii_lowercase(), value));
                    }
                }
            }
            let body = match (progress, response.body()) {
                (Some(progress), Some(body)) => {
                    let total = response
                        .headers()
                        .get("content-length")
                        .ok()
                        .flatten()
                        .and_then(|length| length.parse::<u64>().ok());
                    read_stream(body.get_reader().unchecked_into(), total, progress).await.map_err(|e| network(&e))?
                }
                (progress, _) => {
                    let buffer = JsFuture::from(response.array_buffer().map_err(|e| network(&e))?)
                        .await
                        .map_err(|e| network(&e))?;
                    let body = js_sys::Uint8Array::new(&buffer).to_vec();
                    if let Some(mut progress) = progress {
                        let bytes = body.len() as u64;
                        progress(Received { bytes, total: Some(bytes), chunk: &body, done: false });
                        progress(Received { bytes, total: Some(bytes), chunk: &[], done: true });
                    }
                    body
                }
            };
            guard.0 = None;
            Ok(Response { status: response.status(), status_text: response.status_text(), headers, body })
        })
    }
}

/// Reads a body stream to its end, reporting each chunk as it arrives.
async fn read_stream(
    reader: ReadableStreamDefaultReader,
    total: Option<u64>,
    mut progress: Progress,
) -> Result<Vec<u8>, JsValue> {
    let mut bytes = Vec::with_capacity(total.unwrap_or(0) as usize);
    loop {
        let result: ReadableStreamReadResult = JsFuture::from(reader.read()).await?.unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let chunk: js_sys::Uint8Array = result.get_value().unchecked_into();
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
        progress(Received { bytes: bytes.len() as u64, total, chunk: &bytes[start..], done: false });
    }
    let length = bytes.len() as u64;
    progress(Received { bytes: length, total: Some(length), chunk: &[], done: true });
    Ok(bytes)
}
