//! What every app keeps in the browser, with or without the `persist` feature: the
//! development-reload snapshot of its session in `sessionStorage` (debug builds), the keys
//! it stores under, and the app menu's "Clear cache" and "Reset session".

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::persisted_state::Snapshot;
use crate::storage::StoragePort;

thread_local! {
    /// Overrides the "was this page load a reload?" test (browser tests).
    static FORCED_RELOAD: Cell<Option<bool>> = const { Cell::new(None) };
}

/// The app's path, the prefix of every key it stores: `/`, `/repo/`, ...
pub(crate) fn scope() -> String {
    let path = window().location().pathname().unwrap_or_else(|_| "/".into());
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// The prefix an embedded app's (`Session::embedded`) session keys and flags carry in
/// storage, so apps of one page keep theirs apart: `""` for the page's own app.
pub(crate) fn app_prefix(app: Option<&str>) -> String {
    app.map(|id| format!("@{id}|")).unwrap_or_default()
}

/// The menu items "Clear cache" and "Reset session", for the app menu. `close` closes
/// the menu; `rerun` reruns the script.
pub(crate) fn menu_items(close: impl Fn() + Copy + 'static, rerun: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <button role="menuitem" on:click=move |_| {
            close();
            super::persistence::clear_cache();
            rerun();
        }>"Clear cache"</button>
        <button role="menuitem" on:click=move |_| {
            close();
            super::persistence::reset_session();
        }>"Reset session"</button>
    }
}

/// Treats this page load as a reload (`Some(true)`), a fresh load (`Some(false)`), or
/// asks the browser (`None`). Browser tests of storage set it.
#[cfg(feature = "persist")]
#[doc(hidden)]
pub fn set_dev_reload(reload: Option<bool>) {
    FORCED_RELOAD.with(|forced| forced.set(reload));
}

fn snapshot_key(app: &str) -> String {
    format!("wasmlit:dev-snapshot:{}{app}", scope())
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Whether the browser says this page load is a reload.
fn is_reload() -> bool {
    if let Some(forced) = FORCED_RELOAD.with(Cell::get) {
        return forced;
    }
    let Ok(performance) = js_sys::Reflect::get(&window(), &"performance".into()) else { return false };
    let entries = js_sys::Reflect::get(&performance, &"getEntriesByType".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&performance, &"navigation".into()).ok());
    let first = entries.map(|list| js_sys::Array::from(&list).get(0));
    first
        .and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok())
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "reload")
}

/// The snapshot the last page load left, if this load is a development reload.
pub(crate) fn dev_snapshot(app: &str) -> Option<Snapshot> {
    if !cfg!(debug_assertions) || !is_reload() {
        return None;
    }
    let text = session_storage()?.get_item(&snapshot_key(app)).ok()??;
    Snapshot::decode(&from_hex(&text)?)
}

pub(crate) fn save_dev_snapshot(port: &StoragePort, app: &str) {
    let Some(storage) = session_storage() else { return };
    let bytes = port.snapshot().encode();
    // sessionStorage holds a few MB; a snapshot that does not fit is simply not kept.
    let _ = storage.set_item(&snapshot_key(app), &to_hex(&bytes));
}

/// Removes the snapshots of every app of the page (the page reloads: all of them restart).
pub(crate) fn remove_dev_snapshot() {
    let Some(storage) = session_storage() else { return };
    let page = snapshot_key("");
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.into_iter().filter(|key| *key == page || key.starts_with(&format!("{page}@"))) {
        let _ = storage.remove_item(&key);
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 15)] as char);
    }
    text
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}
