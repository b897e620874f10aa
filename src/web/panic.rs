//! A panic aborts a wasm module, so the app cannot go on. Instead of a blank
//! or frozen page, show what happened and a button that restarts the app.
//!
//! The app stops for good: the driver refuses every run after a panic
//! ([`crashed`]), the app's page is made `inert`, and its timers do nothing.
//!
//! An embedded app (`Session::embedded`) that panics while its driver runs or patches
//! ([`Active`]) stops alone: only its root goes inert and shows the panel; the page's other
//! apps go on (a panic that left shared state half-updated may still upset them: the
//! panel's button reloads the page).

use std::cell::RefCell;
use std::collections::HashSet;
use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

static CRASHED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The embedded app whose driver is at work: its id and root.
    static ACTIVE: RefCell<Option<(String, web_sys::HtmlElement)>> = const { RefCell::new(None) };
    /// Embedded apps that panicked.
    static CRASHED_APPS: RefCell<HashSet<String>> = RefCell::default();
}

/// Whether the app (`embed_id`: an embedded one's id) panicked, or the page's own app
/// did: nothing of it may run any more.
pub(crate) fn crashed(embed_id: Option<&str>) -> bool {
    CRASHED.load(Ordering::Relaxed) || embed_id.is_some_and(|id| CRASHED_APPS.with(|apps| apps.borrow().contains(id)))
}

/// Marks an embedded app as the one at work until dropped: a panic meanwhile is its own.
pub(crate) struct Active {
    previous: Option<(String, web_sys::HtmlElement)>,
}

impl Active {
    /// `None` for the page's own app: its panic stops every app, as it always did.
    pub(crate) fn enter(embed_id: Option<&str>, root: &web_sys::HtmlElement) -> Active {
        let app = embed_id.map(|id| (id.to_string(), root.clone()));
        Active { previous: ACTIVE.with(|active| std::mem::replace(&mut *active.borrow_mut(), app)) }
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        let previous = self.previous.take();
        ACTIVE.with(|active| *active.borrow_mut() = previous);
    }
}

/// Installs the hook once; later calls keep the first.
pub(crate) fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // `try_borrow_mut`: a panic must not panic again. Taken: the aborted run never
            // drops its `Active`, and a later panic of another app is that app's.
            let active = ACTIVE.with(|active| active.try_borrow_mut().ok().and_then(|mut a| a.take()));
            match &active {
                Some((id, _)) => CRASHED_APPS.with(|apps| {
                    if let Ok(mut apps) = apps.try_borrow_mut() {
                        apps.insert(id.clone());
                    }
                }),
                None => CRASHED.store(true, Ordering::Relaxed),
            }
            show_panel(info, active.map(|(_, root)| root));
            default(info);
        }));
    });
}

/// Shows the panel over the page, or (`root`: an embedded app's) over that app alone.
fn show_panel(info: &PanicHookInfo<'_>, root: Option<web_sys::HtmlElement>) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("wasmlit: the app crashed: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let (host, scope): (web_sys::Element, web_sys::Element) = match root {
        Some(root) => (root.clone().into(), root.into()),
        None => (body.clone().into(), body.into()),
    };
    // The stopped app stays visible behind the panel, but takes no input.
    let mut theme = None;
    if let Ok(apps) = scope.query_selector_all(".wl-app") {
        for index in 0..apps.length() {
            if let Some(app) = apps.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                let _ = app.set_attribute("inert", "");
                theme = theme.or_else(|| app.get_attribute("data-theme"));
            }
        }
    }
    let Ok(panel) = document.create_element("div") else { return };
    let whole_page = host.tag_name() == "BODY";
    if whole_page {
        panel.set_id("wasmlit-crash");
    }
    panel.set_class_name("wl-crash");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = if whole_page {
        panel.set_attribute("aria-labelledby", "wasmlit-crash-title")
    } else {
        panel.set_attribute("aria-label", "The app crashed")
    };
    if let Some(theme) = theme {
        let _ = panel.set_attribute("data-theme", &theme);
    }
    // The stopped app is inert: the panel is the page's one heading.
    let parts = [
        ("h1", "The app crashed"),
        ("p", "A panic stopped the app's WebAssembly module. Restart it to go on; the message below says what went wrong."),
    ];
    for (tag, text) in parts {
        if let Ok(node) = document.create_element(tag) {
            node.set_text_content(Some(text));
            if tag == "h1" && whole_page {
                node.set_id("wasmlit-crash-title");
            }
            let _ = panel.append_child(&node);
        }
    }
    if let Ok(pre) = document.create_element("pre") {
        pre.set_text_content(Some(&message));
        // A long message scrolls: Tab reaches it, so keys can scroll it.
        let _ = pre.set_attribute("tabindex", "0");
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
    if let Some(existing) = host.query_selector(":scope > .wl-crash").ok().flatten() {
        existing.remove();
    }
    let _ = host.append_child(panel.unchecked_ref::<web_sys::Node>());
    // Keyboard users land on the way out.
    if let Some(button) =
        panel.query_selector("button").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}
