//! The browser half: mounts a script into the page, turns DOM events into
//! rerun requests, runs the script (awaiting an async one while the page
//! paints) and renders each run with Leptos.
//!
//! This is the only part of wasmlit that touches `web-sys` or `leptos`.
//!
//! ```ignore
//! fn app(ui: &wasmlit::Ui) { ui.title("Hello"); }
//! fn main() { wasmlit::run(app) }
//! ```

mod blob;
mod clock;
mod context;
mod elements;
pub(crate) mod fetch;
mod help;
mod html_batch;
mod icon;
pub(crate) mod layout;
mod pages;
mod panic;
#[cfg(feature = "persist")]
pub mod persistence;
#[cfg(not(feature = "persist"))]
#[path = "web/without_persist.rs"]
mod persistence;
mod reload;
mod shell;
#[cfg(feature = "sqlite")]
pub(crate) mod sqlite;
mod style;
mod vendor;
mod view_model;
pub(crate) mod widgets;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::LocalFuture;
use crate::element::{FragmentId, WidgetEvent, WidgetValue};
use crate::error::{Error, IntoScriptResult};
use crate::form::{self, FormBuffer};
use crate::identity::WidgetId;
use crate::request::RerunRequest;
use crate::runtime::Session;
use crate::ui::Ui;
use clock::{Interval, WebClock};
use view_model::PageModel;

pub use shell::Theme;
#[cfg(feature = "components")]
pub use widgets::component::{register_component, ComponentHandle, LeptosComponent};

/// One install call per element kind, made by `element::make` (see web/elements.rs).
pub(crate) use elements::install_renderer;

/// Installs the dataframe grid (called by `DataFrameView`: see web/elements/data/dataframe.rs).
#[cfg(feature = "data")]
pub(crate) fn install_dataframe_renderer() {
    elements::data::dataframe::install();
}

/// Installs the chart renderer (called by every chart command: see web/elements/charts.rs).
#[cfg(feature = "charts")]
pub(crate) fn install_chart_renderer() {
    elements::charts::install();
}

/// Installs the custom component renderer (called by `ui.component`: see
/// web/widgets/component.rs), so an app without components does not link it.
#[cfg(feature = "components")]
pub(crate) fn install_component_renderer() {
    widgets::component::install();
}

/// Turns code highlighting on (called by code blocks with a language: web/elements/text/code.rs).
pub(crate) fn install_code_highlighter() {
    elements::text::code::install();
}

/// Installs the map renderer (called by `ui.map`: see web/elements/maps/map.rs).
#[cfg(feature = "maps")]
pub(crate) fn install_map_renderer() {
    elements::maps::map::install();
}

/// Mounts `script` into the page: into `<div id="wasmlit-app">` if there is
/// one, else into `<body>`. Runs it once, then again on every interaction.
pub fn run<F, R>(script: F)
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    mount_in_page(Session::new(script));
}

/// Like [`run`], for an async script: the page shows what it has drawn at
/// every await (a progress bar in a loop advances), and a new interaction
/// cancels the run at its next await.
pub fn run_async<F, Fut, R>(script: F)
where
    F: Fn(Ui) -> Fut + 'static,
    Fut: Future<Output = R> + 'static,
    R: IntoScriptResult,
{
    mount_in_page(Session::new_async(script));
}

/// Mounts a session built by hand: for an app with a custom theme,
/// `wasmlit::run_session(Session::new(app).with_theme_file(include_str!("../wasmlit.toml")))`.
pub fn run_session(session: Session) {
    mount_in_page(session);
}

fn mount_in_page(session: Session) {
    start_module();
    let parent = document()
        .get_element_by_id("wasmlit-app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document().body().expect("a page has a body"));
    // The page's "Loading the app…" goes; the app takes its place.
    if let Some(loading) = parent.query_selector(".wasmlit-loading").ok().flatten() {
        loading.remove();
    }
    mount(parent, session).forget();
}

/// What an app's module needs once, before its first app: the crash panel, the viewer's
/// time zone.
fn start_module() {
    panic::install_hook();
    // Dates and times of day are the viewer's: `Date.getTimezoneOffset` is minutes *behind* UTC.
    crate::time::set_local_offset(|now_ms| {
        -js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now_ms)).get_timezone_offset() * 60_000.0
    });
}

/// Mounts a session into `parent` and returns the handle that unmounts it
/// (browser tests mount several apps, one after the other).
///
/// An embedded session ([`Session::embedded`]) is one of several apps in a host page: it
/// marks `parent` with `data-wasmlit-app="<id>"` and keeps to it (no address bar, title
/// or page-wide theme; see the README's "Embedding in an existing page"). Call `.forget()`
/// on the handle to keep the app for the page's life.
pub fn mount(parent: web_sys::HtmlElement, mut session: Session) -> UnmountHandle<impl Mountable> {
    let embed_id = session.embed_id().map(str::to_string);
    if let Some(id) = &embed_id {
        start_module();
        let _ = parent.set_attribute("data-wasmlit-app", id);
    }
    style::base();
    let custom_theme = session.theme_css();
    let theme_error = session.theme_error().map(str::to_string);
    session.set_clock(Rc::new(WebClock::new()));
    session.fetch_in_page();
    let state = session.session_state();
    let driver = Rc::new(Driver::new(session, parent.clone(), embed_id.clone()));
    let shell = shell::Shell {
        main: driver.page.main.clone(),
        sidebar: driver.page.sidebar.clone(),
        running: driver.running.clone(),
        page_config: driver.page_config.clone(),
        sender: Sender(StoredValue::new_local(driver.clone())),
        custom_theme,
        theme_error,
        embed_id: embed_id.clone(),
        #[cfg(not(feature = "persist"))]
        persist_missing: driver.persist_missing.clone(),
    };
    let view = mount_to(parent, move || shell::page(shell));
    // The address bar names the page and the query params of the first run (an embedded
    // app leaves it to the host page).
    if embed_id.is_none() {
        pages::start(&driver);
    }
    // Persisted caches and session keys (and, after a development reload, the
    // whole session) come back before the first run.
    wasm_bindgen_futures::spawn_local(async move {
        persistence::restore_app(state.clone(), embed_id).await;
        // "Reset session" in another tab reruns this page.
        #[cfg(feature = "persist")]
        {
            let weak = Rc::downgrade(&driver);
            persistence::on_reset_elsewhere(&state, move || {
                if let Some(driver) = weak.upgrade() {
                    driver.request(RerunRequest::default());
                }
            });
        }
        driver.request(RerunRequest::default());
    });
    view
}

/// Runs the session for the page: coalesces requests until a run starts,
/// polls an async run between the browser's tasks, cancels it when a newer
/// request needs the whole script, and patches the page.
struct Driver {
    session: RefCell<Session>,
    /// Requests waiting for the next run; later ones merge in.
    pending: RefCell<Option<RerunRequest>>,
    start_scheduled: Cell<bool>,
    in_flight: RefCell<Option<InFlight>>,
    generation: Cell<u64>,
    page: PageModel,
    /// An async run is in progress (after its first await).
    running: ArcRwSignal<bool>,
    /// What the last finished run's `set_page_config` calls asked for.
    page_config: ArcRwSignal<crate::page_config::PageConfig>,
    /// Values of widgets in forms, held until the form is submitted.
    forms: RefCell<FormBuffer>,
    timers: RefCell<HashMap<FragmentId, (Duration, Interval)>>,
    /// The element the app is mounted in (`ui.context()` reads its theme).
    root: web_sys::HtmlElement,
    /// The app's id when it is embedded in a host page (`Session::embedded`).
    embed_id: Option<String>,
    /// The app asked to persist something, but the `persist` feature is off: the page says so.
    #[cfg(not(feature = "persist"))]
    persist_missing: ArcRwSignal<bool>,
}

/// The run in progress.
struct InFlight {
    /// `None` only while it is being polled.
    future: Option<LocalFuture<crate::Result>>,
    /// Widgets the request carried values for: their controls re-read the value.
    echo: HashSet<WidgetId>,
    generation: u64,
}

impl Driver {
    fn new(session: Session, root: web_sys::HtmlElement, embed_id: Option<String>) -> Self {
        Driver {
            session: RefCell::new(session),
            pending: RefCell::new(None),
            start_scheduled: Cell::new(false),
            in_flight: RefCell::new(None),
            generation: Cell::new(0),
            page: PageModel::default(),
            running: ArcRwSignal::new(false),
            page_config: ArcRwSignal::new(Default::default()),
            forms: RefCell::default(),
            timers: RefCell::default(),
            root,
            embed_id,
            #[cfg(not(feature = "persist"))]
            persist_missing: ArcRwSignal::new(false),
        }
    }

    /// Whether this app (or the whole module) panicked: nothing of it runs any more.
    fn crashed(&self) -> bool {
        panic::crashed(self.embed_id.as_deref())
    }

    /// Queues `request`; a run in progress is cancelled if the request needs
    /// the whole script (a fragment rerun waits for it instead).
    fn request(self: &Rc<Self>, request: RerunRequest) {
        if self.crashed() {
            return; // the app panicked: nothing runs any more
        }
        {
            let mut pending = self.pending.borrow_mut();
            match pending.as_mut() {
                Some(queued) => queued.merge(request),
                None => *pending = Some(request),
            }
        }
        let interrupts = self.pending.borrow().as_ref().is_some_and(|p| self.session.borrow().interrupts_run(p));
        if self.in_flight.borrow().is_some() && interrupts {
            self.interrupt();
        }
        self.schedule_start();
    }

    /// Cancels the run in progress at its current await: its future is dropped.
    fn interrupt(&self) {
        let Some(_cancelled) = self.in_flight.borrow_mut().take() else { return };
        let mut carried = self.session.borrow_mut().interrupt_run();
        if let Some(pending) = self.pending.borrow_mut().take() {
            carried.merge(pending);
        }
        *self.pending.borrow_mut() = Some(carried);
    }

    /// The Stop control: ends the run in progress as `stop()` would.
    fn stop(self: &Rc<Self>) {
        let Some(run) = self.in_flight.borrow_mut().take() else { return };
        self.finish(Err(Error::stop()), run.echo);
    }

    /// Starts the pending run after the current event handler, so events of
    /// one task coalesce into one run.
    fn schedule_start(self: &Rc<Self>) {
        if self.start_scheduled.replace(true) {
            return;
        }
        let driver = self.clone();
        leptos::task::spawn_local(async move {
            driver.start_scheduled.set(false);
            driver.start_pending();
        });
    }

    fn start_pending(self: &Rc<Self>) {
        if self.crashed() {
            return;
        }
        if self.in_flight.borrow().is_some() {
            return; // it starts when the current run ends
        }
        let Some(request) = self.pending.borrow_mut().take() else { return };
        let echo = request.ids().collect();
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        self.session.borrow_mut().set_context(context::read(&self.root));
        // A synchronous script runs here: a panic in it is this app's.
        let _active = panic::Active::enter(self.embed_id.as_deref(), &self.root);
        let future = self.session.borrow_mut().begin_run(request);
        *self.in_flight.borrow_mut() = Some(InFlight { future: Some(future), echo, generation });
        // A synchronous script has already run: one poll finishes it in this task.
        let mut context = Context::from_waker(Waker::noop());
        if self.poll_run(generation, &mut context).is_pending() {
            leptos::task::spawn_local(RunTask { driver: self.clone(), generation });
        }
    }

    fn poll_run(self: &Rc<Self>, generation: u64, context: &mut Context<'_>) -> Poll<()> {
        if self.crashed() {
            return Poll::Ready(());
        }
        // A panic in the script or the patch is this app's.
        let _active = panic::Active::enter(self.embed_id.as_deref(), &self.root);
        let mut future = {
            let mut slot = self.in_flight.borrow_mut();
            match slot.as_mut() {
                Some(run) if run.generation == generation => match run.future.take() {
                    Some(future) => future,
                    None => return Poll::Pending,
                },
                // Cancelled or stopped: this task is over.
                _ => return Poll::Ready(()),
            }
        };
        match future.as_mut().poll(context) {
            Poll::Ready(result) => {
                let echo = self.in_flight.borrow_mut().take().map(|run| run.echo).unwrap_or_default();
                self.finish(result, echo);
                Poll::Ready(())
            }
            Poll::Pending => {
                if let Some(run) = self.in_flight.borrow_mut().as_mut() {
                    run.future = Some(future);
                }
                self.show_progress();
                Poll::Pending
            }
        }
    }

    /// The script awaits: show what it has drawn so far; elements it has not
    /// reached yet stay, faded.
    fn show_progress(&self) {
        if !self.running.get_untracked() {
            self.running.set(true);
        }
        self.session.borrow().with_tree(|tree| self.page.patch_partial(tree));
    }

    fn finish(self: &Rc<Self>, result: crate::Result, echo: HashSet<WidgetId>) {
        self.session.borrow_mut().finish_run(result);
        match &self.embed_id {
            None => pages::after_run(&mut self.session.borrow_mut()),
            Some(_) => pages::after_embedded_run(&mut self.session.borrow_mut()),
        }
        let state = self.session.borrow().session_state();
        #[cfg(feature = "persist")]
        persistence::after_run_app(&state, self.embed_id.as_deref());
        #[cfg(not(feature = "persist"))]
        if persistence::after_run_app(&state, self.embed_id.as_deref()) && !self.persist_missing.get_untracked() {
            self.persist_missing.set(true);
        }
        self.session.borrow().with_tree(|tree| {
            self.page.patch(tree, &echo);
            if self.page_config.with_untracked(|config| *config != tree.page_config) {
                self.page_config.set(tree.page_config.clone());
            }
        });
        if self.running.get_untracked() {
            self.running.set(false);
        }
        self.update_timers();
        let follow_up = self.session.borrow_mut().take_follow_up();
        if let Some(follow_up) = follow_up {
            // A script that always reruns must not freeze the page: yield a frame.
            let driver = self.clone();
            set_timeout(move || driver.request(follow_up), Duration::ZERO);
        }
        if self.pending.borrow().is_some() {
            self.schedule_start();
        }
    }

    /// Keeps one `setInterval` per fragment with `run_every` on the page.
    fn update_timers(self: &Rc<Self>) {
        let wanted = self.session.borrow().timed_fragments();
        let mut timers = self.timers.borrow_mut();
        timers.retain(|id, (period, _)| wanted.contains(&(*id, *period)));
        for (id, period) in wanted {
            if timers.contains_key(&id) {
                continue;
            }
            let driver = Rc::downgrade(self);
            let tick = move || {
                if let Some(driver) = driver.upgrade() {
                    driver.request(RerunRequest::fragment(id));
                }
            };
            if let Some(interval) = Interval::new(period, tick) {
                timers.insert(id, (period, interval));
            }
        }
    }

    /// A widget changed. Values of widgets in a form wait for its submit button.
    fn event(self: &Rc<Self>, event: WidgetEvent, form: Option<&str>, submits: bool) {
        let request = self.forms.borrow_mut().send(event, form, submits);
        if let Some(request) = request {
            self.request(request);
        }
    }

    /// Enter in a form's text input: press the form's submit button (unless the form was
    /// made with `enter_to_submit(false)`).
    fn submit_form(self: &Rc<Self>, form: &str) {
        let submit = self.session.borrow().with_tree(|tree| form::enter_submit_button(tree, form));
        if let Some(id) = submit {
            self.event(WidgetEvent { id, value: WidgetValue::Trigger(true) }, Some(form), true);
        }
    }
}

/// Polls the run in progress whenever what it awaits is ready.
struct RunTask {
    driver: Rc<Driver>,
    generation: u64,
}

impl Future for RunTask {
    type Output = ();
    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        self.driver.poll_run(self.generation, context)
    }
}

/// The page's handle on the driver. `Copy`, so any view can hold one.
#[derive(Clone, Copy)]
pub(crate) struct Sender(StoredValue<Rc<Driver>, LocalStorage>);

impl Sender {
    fn with(&self, f: impl FnOnce(&Rc<Driver>)) {
        if let Some(driver) = self.0.try_get_value() {
            // The app panicked: its page sends nothing any more.
            if !driver.crashed() {
                f(&driver);
            }
        }
    }

    /// Sends one widget value (held back if the widget is in a form and
    /// `submits` is false); the rerun starts after the current event.
    pub fn send(&self, event: WidgetEvent, form: Option<&str>, submits: bool) {
        self.with(|driver| driver.event(event, form, submits));
    }

    /// Submits `form` as its submit button would.
    pub fn submit_form(&self, form: &str) {
        self.with(|driver| driver.submit_form(form));
    }

    /// Ends the run in progress (the "Stop" control).
    pub fn stop(&self) {
        self.with(Driver::stop);
    }

    /// Reruns the whole script (the menu's "Rerun").
    pub fn rerun(&self) {
        self.with(|driver| driver.request(RerunRequest::full()));
    }
}
