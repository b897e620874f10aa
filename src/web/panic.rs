//! A panic aborts a wasm module, so the app cannot go on. Instead of a blank
//! or frozen page, show what happened and a button that restarts the app.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

/// Installs the hook once; later calls keep the first.
pub(crate) fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
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
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_id("wasmlit-crash");
    panel.set_class_name("wl-crash");
    let _ = panel.set_attribute("role", "alertdialog");
    let parts = [
        ("h2", "The app crashed"),
        ("p", "A panic stopped the app's WebAssembly module. Restart it to go on; the message below says what went wrong."),
    ];
    for (tag, text) in parts {
        if let Ok(node) = document.create_element(tag) {
            node.set_text_content(Some(text));
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
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = panel.append_child(&button);
    }
    if let Some(existing) = document.get_element_by_id("wasmlit-crash") {
        existing.remove();
    }
    let _ = body.append_child(panel.unchecked_ref::<web_sys::Node>());
}
