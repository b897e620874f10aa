//! Two small apps to embed in an existing page from JavaScript:
//!
//! ```js
//! import init, { mount } from "./pkg/embed.js";
//! await init();
//! mount(document.getElementById("left"), { app: "counter", id: "left" });
//! mount(document.getElementById("right"), { app: "echo", id: "right" });
//! ```
//!
//! `wasm-pack build --target web` in this folder makes `pkg/` (or, without wasm-pack:
//! `cargo build --release --target wasm32-unknown-unknown -p embed` and
//! `wasm-bindgen --target web --out-dir pkg <target>/wasm32-unknown-unknown/release/embed.wasm`).
//! `www/index.html` is an ordinary page that mounts both apps.

use wasmlit::prelude::*;
#[cfg(target_arch = "wasm32")]
use wasmlit::Session;

/// A button that counts its clicks (the count lives in session state).
pub fn counter(ui: &Ui) -> Result {
    ui.subheader("Counter");
    let state = ui.session_state();
    let mut count: i64 = state.get_or_insert_with("count", || 0)?;
    if ui.button("Add one") {
        count += 1;
        state.set("count", count)?;
    }
    ui.write(format!("Count: {count}"));
    Ok(())
}

/// A text input whose value is written back below it.
pub fn echo(ui: &Ui) {
    ui.subheader("Echo");
    let text = ui.text_input("Say something");
    if text.is_empty() {
        ui.write("Nothing said yet.");
    } else {
        ui.write(format!("You said: {text}"));
    }
}

/// A button that panics: the end-to-end test checks that only this app stops.
pub fn crash(ui: &Ui) {
    if ui.button("Crash") {
        panic!("a deliberate panic from the embedded crash app");
    }
}

/// Mounts one of the apps into `element`. `options` is an object: `app` (`"counter"`,
/// `"echo"` or `"crash"`) picks the app, `id` (letters, digits, `-`, `_`; default: the app's name) keys
/// its theme choice and stored state, so two apps on one page keep theirs apart.
///
/// Returns an error (a JS exception) for an unknown app or a malformed id.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    options: wasm_bindgen::JsValue,
) -> std::result::Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsValue;
    let field = |name: &str| -> Option<String> {
        if options.is_undefined() || options.is_null() {
            return None;
        }
        js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
    };
    let app = field("app").unwrap_or_else(|| "counter".to_string());
    let session = match app.as_str() {
        "counter" => Session::new(counter),
        "echo" => Session::new(echo),
        "crash" => Session::new(crash),
        other => {
            return Err(JsValue::from_str(&format!(
                "wasmlit: unknown app {other:?} (options.app: \"counter\", \"echo\" or \"crash\")"
            )))
        }
    };
    let id = field("id").unwrap_or(app);
    let session = session.embedded(&id).map_err(|e| JsValue::from_str(&e))?;
    wasmlit::web::mount(element, session).forget();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_counts_clicks() {
        let mut at = AppTest::new(counter);
        at.run();
        assert_eq!(at.markdown(0).text(), "Count: 0");
        at.button(0).click().run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Count: 2");
    }

    #[test]
    fn echo_writes_the_text_back() {
        let mut at = AppTest::new(echo);
        at.run();
        assert_eq!(at.markdown(0).text(), "Nothing said yet.");
        at.text_input(0).input("hello").run();
        assert_eq!(at.markdown(0).text(), "You said: hello");
    }
}
