//! `ui.context()` in the browser: what the page can learn about the viewer, read before each
//! run (the engine half is `src/context.rs`).

use wasm_bindgen::prelude::*;

use crate::context::{Context, ThemeType};

/// Reads the browser's side of the context for the app mounted in `root`.
pub(crate) fn read(root: &web_sys::HtmlElement) -> Context {
    let window = leptos::prelude::window();
    let navigator = window.navigator();
    let offset = js_sys::Date::new_0().get_timezone_offset();
    let timezone = time_zone();
    // `document.cookie` through Reflect: no web-sys feature (and rebuild) for one property.
    let cookies = js_sys::Reflect::get(&leptos::prelude::document(), &"cookie".into())
        .ok()
        .and_then(|cookie| cookie.as_string())
        .unwrap_or_default();
    // The app's element (`.wl-app`, which wears the theme) inside `root`, if drawn yet.
    let app = root.query_selector(".wl-app").ok().flatten().and_then(|app| app.dyn_into::<web_sys::HtmlElement>().ok());
    Context {
        locale: navigator.language(),
        timezone,
        timezone_offset: offset.is_finite().then_some(offset as i32),
        url: window.location().href().ok(),
        theme_type: app.map(|app| if is_dark(&app) { ThemeType::Dark } else { ThemeType::Light }),
        user_agent: navigator.user_agent().ok(),
        cookies: Context::parse_cookies(&cookies),
        is_embedded: root.id() != "wasmlit-app" && root.tag_name() != "BODY",
    }
}

// The page's first `Intl.DateTimeFormat` costs 15–30 ms (ICU's time-zone data): the module
// makes it while the wasm downloads and compiles, and a run makes a new one only when the
// offset from UTC changed.
#[wasm_bindgen(inline_js = r#"
let zone, offset;
export function time_zone() {
  const now = new Date().getTimezoneOffset();
  if (zone === undefined || now !== offset) {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    offset = now;
  }
  return zone;
}
setTimeout(time_zone, 0);
"#)]
extern "C" {
    /// The IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
    fn time_zone() -> Option<String>;
}

/// Whether `element` shows a dark theme now: its text colour is light.
pub(crate) fn is_dark(element: &web_sys::HtmlElement) -> bool {
    let Ok(Some(style)) = leptos::prelude::window().get_computed_style(element) else { return false };
    let color = style.get_property_value("color").unwrap_or_default();
    let channels: Vec<f64> = color
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        // JavaScript's parser: the page needs no Rust float parsing for this.
        .map(|c| js_sys::Number::parse_float(c.trim()))
        .filter(|c| !c.is_nan())
        .collect();
    match channels.as_slice() {
        [r, g, b, ..] => 0.299 * r + 0.587 * g + 0.114 * b > 128.0,
        _ => false,
    }
}
