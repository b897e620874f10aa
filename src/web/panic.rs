//! A panic aborts a wasm module, so the app cannot go on. Instead of a blank
//! or frozen page, show what happened and a button that restarts the app.
//!
//! The app stops for good: the driver refuses every run after a panic
//! ([`crashed`]), the app's page is made `inert`, and its timers do nothing.

use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

static CRASHED: AtomicBool = AtomicBool::new(false);

/// Whether the app panicked: nothing may run any more.
pub(crate) fn crashed() -> bool {
    CRASHED.load(Ordering::Relaxed)
}

/// Installs the hook once; later calls keep the first.
pub(crate) fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            CRASHED.store(true, Ordering::Relaxed);
            show_panel(info);
            default(info);
        }));
    });
}

fn show_panel(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("wasmlit: the app crashed: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    // The stopped app stays visible behind the panel, but takes no input.
    let mut theme = None;
    if let Ok(apps) = document.query_selector_all(".wl-app") {
        for index in 0..apps.length() {
            if let Some(app) = apps.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                let _ = app.set_attribute("inert", "");
                theme = theme.or_else(|| app.get_attribute("data-theme"));
            }
        }
    }
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_id("wasmlit-crash");
    panel.set_class_name("wl-crash");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "wasmlit-crash-title");
    if let Some(theme) = theme {
        let _ = panel.set_attribute("data-theme", &theme);
    }
    let parts = [
        ("h2", "The app crashed"),
        ("p", "A panic stopped the app's WebAssembly module. Restart it to go on; the message below says what went wrong."),
    ];
    for (tag, text) in parts {
        if let Ok(node) = document.create_element(tag) {
            node.set_text_content(Some(text));
            if tag == "h2" {
                node.set_id("wasmlit-crash-title");
            }
            let _ = panel.append_child(&node);
        }
    }
    if let Ok(pre) = document.create_element("pre") {
        pre.set_text_content(Some(&message));
        let _ = panel.append_child(&pre);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Restart app"));
        button.set_class_name("wl-btn wl-primary");
        // A listener, not an inline `onclick`: pages served with a Content-Security-Policy
        // refuse inline handlers.
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = panel.append_child(&button);
    }
    if let Some(existing) = document.get_element_by_id("wasmlit-crash") {
        existing.remove();
    }
    let _ = body.append_child(panel.unchecked_ref::<web_sys::Node>());
    // Keyboard users land on the way out.
    if let Some(button) =
        panel.query_selector("button").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}
