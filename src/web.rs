//! The browser half: mounts a script into the page, turns DOM events into
//! rerun requests and renders each run with Leptos.
//!
//! This is the only part of wasmlit that touches `web-sys` or `leptos`.
//!
//! ```ignore
//! fn app(ui: &wasmlit::Ui) { ui.title("Hello"); }
//! fn main() { wasmlit::run(app) }
//! ```

mod elements;
mod page;
mod panic;
mod view_model;
mod widgets;

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::element::WidgetEvent;
use crate::error::IntoScriptResult;
use crate::runtime::{RerunRequest, RunStatus, Session};
use crate::ui::Ui;
use view_model::PageModel;

pub use page::Theme;

/// Mounts `script` into the page: into `<div id="wasmlit-app">` if there is
/// one, else into `<body>`. Runs it once, then again on every interaction.
pub fn run<F, R>(script: F)
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    panic::install_hook();
    let parent = document()
        .get_element_by_id("wasmlit-app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document().body().expect("a page has a body"));
    mount(parent, Session::new(script)).forget();
}

/// Mounts a session into `parent` and returns the handle that unmounts it
/// (browser tests mount several apps, one after the other).
pub fn mount(parent: web_sys::HtmlElement, session: Session) -> leptos::mount::UnmountHandle<impl Mountable> {
    inject_stylesheet();
    let driver = Rc::new(Driver { session: RefCell::new(session), pending: RefCell::new(None), page: PageModel::default() });
    let sender = Sender::new(driver.clone());
    let theme = Theme::from_query();
    let model = (driver.page.main.clone(), driver.page.sidebar.clone());
    let view = leptos::mount::mount_to(parent, move || page::page(model.0, model.1, sender, theme));
    driver.request(RerunRequest::default());
    view
}

/// Adds wasmlit's stylesheet to `<head>` once.
fn inject_stylesheet() {
    const ID: &str = "wasmlit-theme";
    if document().get_element_by_id(ID).is_some() {
        return;
    }
    let Ok(style) = document().create_element("style") else { return };
    style.set_id(ID);
    style.set_text_content(Some(include_str!("web/theme.css")));
    if let Some(head) = document().head() {
        let _ = head.append_child(&style);
    }
}

/// Runs the session when the page asks, coalescing requests that arrive
/// before the run starts.
struct Driver {
    session: RefCell<Session>,
    /// `Some` while a run is scheduled: later requests merge into it.
    pending: RefCell<Option<RerunRequest>>,
    page: PageModel,
}

impl Driver {
    fn request(self: &Rc<Self>, request: RerunRequest) {
        let mut pending = self.pending.borrow_mut();
        match pending.as_mut() {
            Some(queued) => queued.merge(request),
            None => {
                *pending = Some(request);
                let driver = self.clone();
                // After the current event handler: events of one task coalesce.
                leptos::task::spawn_local(async move { driver.run_pending() });
            }
        }
    }

    fn run_pending(self: &Rc<Self>) {
        let Some(request) = self.pending.borrow_mut().take() else { return };
        let echo: HashSet<_> = request.ids().collect();
        let status = self.session.borrow_mut().run(request);
        self.session.borrow().with_tree(|tree| self.page.patch(tree, &echo));
        if status == RunStatus::RerunRequested {
            // A script that always reruns must not freeze the page: yield a frame.
            let driver = self.clone();
            set_timeout(move || driver.request(RerunRequest::default()), Duration::ZERO);
        }
    }
}

/// Sends widget values from the DOM to the session. `Copy`, so any view can hold one.
#[derive(Clone, Copy)]
pub(crate) struct Sender(StoredValue<Rc<dyn Fn(WidgetEvent)>, LocalStorage>);

impl Sender {
    fn new(driver: Rc<Driver>) -> Self {
        Sender(StoredValue::new_local(Rc::new(move |event| driver.request(RerunRequest::from_event(event)))))
    }

    /// Sends one widget value; the rerun starts after the current event.
    pub fn send(&self, event: WidgetEvent) {
        if let Some(send) = self.0.try_get_value() {
            send(event);
        }
    }
}
