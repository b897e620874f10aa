//! What every browser test file shares: mounting an app into a fresh `<div>`, waiting for the
//! page, and reading it. Included by each `tests/browser*.rs` with
//! `#[path = "support/browser.rs"] mod support;`; a file uses what it needs.

#![allow(dead_code)]

use wasm_bindgen::JsCast;
use wasmlit::prelude::*;
use wasmlit::Session;
use web_sys::HtmlElement;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Keeps an app mounted; dropping it unmounts the app and removes its `<div>`.
pub struct Unmount(Option<Box<dyn std::any::Any>>, HtmlElement);

impl Drop for Unmount {
    fn drop(&mut self) {
        self.0.take();
        self.1.remove();
    }
}

/// Mounts `app` into a fresh `<div>` and returns it, once the first run has drawn.
pub async fn mount<F, R>(app: F) -> (HtmlElement, Unmount)
where
    F: Fn(&Ui) -> R + 'static,
    R: wasmlit::error::IntoScriptResult,
{
    mount_session(Session::new(app)).await
}

/// Like [`mount`], for a session made by the test.
pub async fn mount_session(session: Session) -> (HtmlElement, Unmount) {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = wasmlit::web::mount(root.clone(), session);
    // The first run starts once stored state is restored (IndexedDB): wait for its output.
    for _ in 0..300 {
        if root.query_selector(".wl-element").unwrap().is_some() {
            break;
        }
        sleep_ms(10).await;
    }
    settle().await;
    (root.clone(), Unmount(Some(Box::new(handle)), root))
}

pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the scheduled rerun and the render happen.
pub async fn settle() {
    for _ in 0..3 {
        sleep_ms(10).await;
    }
}

/// Waits (up to 5 s) for something matching `selector` under `root`.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    for _ in 0..500 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return Some(found.unchecked_into());
        }
        sleep_ms(10).await;
    }
    None
}

/// The first element matching `selector` under `root`; panics when there is none.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}")).unchecked_into()
}

/// Every element matching `selector` under `root`.
pub fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

/// The trimmed text of every element matching `selector` under `root`.
pub fn all_text(root: &HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(|e| e.text_content().unwrap_or_default().trim().to_string()).collect()
}

/// Waits (up to 5 s) for `selector` under `root` and returns it; panics with the page's HTML
/// when it never shows.
pub async fn wait_find(root: &HtmlElement, selector: &str) -> HtmlElement {
    match wait_for(root, selector).await {
        Some(found) => found,
        None => panic!("nothing matches {selector}: {}", root.inner_html()),
    }
}
