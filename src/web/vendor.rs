//! The JavaScript libraries charts and maps draw with, `html` sanitizes with and `code`
//! highlights with, loaded the first time a page needs them.
//!
//! `cargo xtask setup` installs Vega, Vega-Lite, vega-embed, Leaflet, DOMPurify and Prism from
//! the npm registry and assembles their browser builds in `vendor/wasmlit-vendor/`; an app that
//! shows charts, maps, `html` or highlighted code copies that folder beside its wasm with trunk
//! (without it, `html` says it cannot be shown and code stays plain):
//!
//! ```html
//! <link data-trunk rel="copy-dir" href="../../vendor/wasmlit-vendor" />
//! ```
//!
//! [`load`] adds the library's `<script>` (and stylesheet) tags once and resolves when they have
//! run, so a page without a chart or map never downloads them. The files are found relative to
//! the app's own JavaScript (a wasm-bindgen snippet sits at `snippets/<crate>/inline0.js`), so
//! the app works under any public URL and on any page path.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A library the web layer can load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Library {
    /// Vega, Vega-Lite and vega-embed (`window.vega`, `window.vegaLite`, `window.vegaEmbed`).
    #[cfg(feature = "charts")]
    Vega,
    /// Leaflet and its stylesheet (`window.L`).
    #[cfg(feature = "maps")]
    Leaflet,
    /// DOMPurify (`window.DOMPurify`), which sanitizes `html` bodies.
    DomPurify,
    /// Prism's core and the languages `code` highlights (`window.Prism`, in manual mode).
    Prism,
}

impl Library {
    /// Its stylesheets, then its scripts in the order they must run.
    fn files(self) -> &'static [&'static str] {
        match self {
            #[cfg(feature = "charts")]
            Library::Vega => &["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"],
            #[cfg(feature = "maps")]
            Library::Leaflet => &["leaflet.css", "leaflet.js"],
            Library::DomPurify => &["purify.min.js"],
            Library::Prism => &["prism.min.js"],
        }
    }
}

#[wasm_bindgen(inline_js = r#"
const base = new URL('../../wasmlit-vendor/', import.meta.url);
export function load_files(files) {
  const loads = files.map((file) => new Promise((resolve, reject) => {
    const url = new URL(file, base).href;
    const css = file.endsWith('.css');
    const tag = document.createElement(css ? 'link' : 'script');
    if (css) { tag.rel = 'stylesheet'; tag.href = url; } else { tag.src = url; tag.async = false; }
    tag.onload = () => resolve();
    tag.onerror = () => { tag.remove(); reject(new Error('could not load ' + url)); };
    document.head.appendChild(tag);
  }));
  return Promise.all(loads);
}
"#)]
extern "C" {
    /// Appends the tags (scripts with `async = false` run in order) and resolves when all ran.
    fn load_files(files: Vec<JsValue>) -> js_sys::Promise;
}

thread_local! {
    /// One promise per library: later callers await the same load.
    static LOADS: RefCell<HashMap<Library, js_sys::Promise>> = RefCell::new(HashMap::new());
}

/// Loads `library` once per page and resolves when its globals exist.
///
/// An `Err` names the file that could not load (for an error element in place of the chart or
/// map); the next call tries again.
pub async fn load(library: Library) -> Result<(), String> {
    let promise = LOADS.with_borrow_mut(|loads| {
        loads
            .entry(library)
            .or_insert_with(|| load_files(library.files().iter().map(|f| JsValue::from_str(f)).collect()))
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(error) => {
            LOADS.with_borrow_mut(|loads| loads.remove(&library));
            let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
            Err(message.unwrap_or_else(|| format!("could not load {library:?}")))
        }
    }
}
