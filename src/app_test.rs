//! `AppTest`: run an app headless, set widget values, read what it shows.
//!
//! Every rerun is explicit, and values set between runs travel to the engine
//! exactly as the page would send them, so callbacks and buttons behave as
//! in the browser.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) -> Result {
//!     let state = ui.session_state();
//!     state.get_or_insert_with("beans", || 0)?;
//!     let add = ui.add(NumberInput::int("Beans to add").min(0));
//!     if ui.button("Count") {
//!         state.update("beans", |b: &mut i64| *b += add)?;
//!     }
//!     ui.markdown(format!("Beans counted: {}", state.get::<i64>("beans")?));
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.run();
//! at.number_input(0).increment().run();
//! at.button(0).click().run();
//! assert_eq!(at.markdown(0).text(), "Beans counted: 1");
//! ```

use std::any::Any;

use crate::element::{Block, BlockKind, Element, Node, Root, WidgetEvent, WidgetValue};
use crate::error::IntoScriptResult;
use std::future::Future;
use std::time::Duration;

use crate::clock::LocalFuture;
use crate::form::FormBuffer;
use crate::identity::WidgetId;
use crate::request::RerunRequest;
use crate::runtime::{RunStatus, Session};
use crate::session_state::SessionState;
use crate::ui::Ui;
use crate::widgets::pills::ButtonGroupProps;

/// Runs an app without a browser.
pub struct AppTest {
    session: Session,
    pending: RerunRequest,
    /// Values set on widgets in a form: sent with its submit button, as the page does.
    forms: FormBuffer,
    /// An async run stopped half-way by [`AppTest::run_for`].
    in_flight: Option<LocalFuture<crate::Result>>,
    /// Requests waiting for the run in flight to end (they only rerun fragments), as the
    /// page queues them.
    queued: Option<RerunRequest>,
    status: Option<RunStatus>,
    /// What `ui.fetch` finds ([`serve`](Self::serve)); every other URL is a 404.
    files: crate::fetch::StaticFiles,
}

/// How many `rerun()` calls in a row one [`AppTest::run`] follows before giving up.
const MAX_RERUNS: usize = 100;

impl AppTest {
    /// A test of the app `script` (Streamlit's `AppTest.from_function`).
    pub fn new<F, R>(script: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        AppTest::with_session(Session::new(script))
    }

    /// A test of an async app; its sleeps run on a virtual clock, so they
    /// take no time, and [`run_for`](Self::run_for) can stop it half-way.
    pub fn new_async<F, Fut, R>(script: F) -> Self
    where
        F: Fn(Ui) -> Fut + 'static,
        Fut: Future<Output = R> + 'static,
        R: IntoScriptResult,
    {
        AppTest::with_session(Session::new_async(script))
    }

    fn with_session(mut session: Session) -> Self {
        let files = crate::fetch::StaticFiles::default();
        if let Some(clock) = session.virtual_clock() {
            files.set_clock(std::rc::Rc::new(clock));
        }
        session.set_fetcher(std::rc::Rc::new(files.clone()));
        AppTest {
            session,
            pending: RerunRequest::default(),
            forms: FormBuffer::default(),
            in_flight: None,
            queued: None,
            status: None,
            files,
        }
    }

    /// Serves `bytes` at `path` to the script's [`Ui::fetch`] (a leading `./` or `/` is
    /// ignored); URLs not served answer 404, so tests of scripts that fetch need no network.
    pub fn serve(&mut self, path: &str, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.files.serve(path, bytes.into());
        self
    }

    /// Answers the script's requests ([`Ui::request`], [`Ui::fetch`]) whose URL starts with
    /// `prefix` with `handler`: a status, headers and body, a network failure, or a delay on
    /// the session's virtual clock ([`Reply`](crate::fetch::Reply)). Newer routes win.
    pub fn route(
        &mut self,
        prefix: &str,
        handler: impl Fn(&crate::fetch::Request) -> crate::fetch::Reply + 'static,
    ) -> &mut Self {
        self.files.route(prefix, handler);
        self
    }

    /// Runs the script once to the end with the values set since the last
    /// run, and follows `rerun()` requests like the browser does. A run left
    /// in flight by [`run_for`](Self::run_for) meets the request as on the page
    /// ([`Session::interrupts_run`]): one that needs the whole script interrupts
    /// it; one that only reruns fragments waits for it to end, then runs.
    pub fn run(&mut self) -> &mut Self {
        self.start_and_drive(None);
        self
    }

    /// Starts a run like [`run`](Self::run) but lets at most `duration` of
    /// (virtual) time pass: an async script that is still sleeping then stays
    /// in flight, and the elements show what it has drawn so far.
    pub fn run_for(&mut self, duration: Duration) -> &mut Self {
        self.start_and_drive(Some(duration));
        self
    }

    /// Lets a run left in flight go on for at most `duration` more (virtual) time.
    pub fn wait_for(&mut self, duration: Duration) -> &mut Self {
        if let Some(mut future) = self.in_flight.take() {
            let status = self.session.drive(&mut future, Some(duration));
            if status.is_none() {
                self.in_flight = Some(future);
            }
            self.after(status, Some(duration));
        }
        self
    }

    /// Lets a run left in flight by [`run_for`](Self::run_for) go on to its end.
    pub fn wait(&mut self) -> &mut Self {
        if let Some(mut future) = self.in_flight.take() {
            let status = self.session.drive(&mut future, None);
            self.after(status, None);
        }
        self
    }

    /// What `web::Driver::request` does with a new request, then the run.
    fn start_and_drive(&mut self, limit: Option<Duration>) {
        let request = std::mem::take(&mut self.pending);
        let Some(mut future) = self.in_flight.take() else {
            return self.begin_and_drive(request, limit);
        };
        let mut queued = self.queued.take().unwrap_or_default();
        queued.merge(request);
        if self.session.interrupts_run(&queued) {
            drop(future); // the cancellation, at the script's current await
            let mut carried = self.session.interrupt_run();
            carried.merge(queued);
            return self.begin_and_drive(carried, limit);
        }
        // It waits for the run in flight, which goes on (for at most `limit`).
        self.queued = Some(queued);
        let status = self.session.drive(&mut future, limit);
        if status.is_none() {
            self.in_flight = Some(future);
        }
        self.after(status, limit);
    }

    fn begin_and_drive(&mut self, request: RerunRequest, limit: Option<Duration>) {
        let mut future = self.session.begin_run(request);
        let status = self.session.drive(&mut future, limit);
        if status.is_none() {
            self.in_flight = Some(future);
        }
        self.after(status, limit);
    }

    /// After a run ended with `status` (`None`: still in flight), starts what waits, as the
    /// page does: the run's `rerun()` request and the requests queued behind it, merged.
    fn after(&mut self, mut status: Option<RunStatus>, limit: Option<Duration>) {
        for _ in 0..MAX_RERUNS {
            if status.is_none() {
                return;
            }
            self.status = status;
            let request = match (self.session.take_follow_up(), self.queued.take()) {
                (None, None) => return,
                (Some(follow_up), None) => follow_up,
                (None, Some(queued)) => queued,
                (Some(mut follow_up), Some(queued)) => {
                    follow_up.merge(queued);
                    follow_up
                }
            };
            let mut future = self.session.begin_run(request);
            status = self.session.drive(&mut future, limit);
            if status.is_none() {
                self.in_flight = Some(future);
            }
        }
        panic!("the app called rerun() {MAX_RERUNS} times in a row");
    }

    /// Whether an async run is still in flight (see [`run_for`](Self::run_for)).
    pub fn is_running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// How the last run ended.
    pub fn status(&self) -> Option<RunStatus> {
        self.status
    }

    /// How many script runs have started.
    pub fn runs(&self) -> u64 {
        self.session.runs()
    }

    /// The session state; set values here before [`run`](Self::run) to start in a given state.
    pub fn session_state(&self) -> SessionState {
        self.session.session_state()
    }

    /// Opens the app with this query string (`"?a=1&b=2"`, the `?` optional), as a link
    /// would: it replaces the query parameters before the next run; widgets bound to a
    /// parameter take its value on their first run.
    pub fn set_query_string(&mut self, query: &str) -> &mut Self {
        self.session.load_query_string(query);
        self
    }

    /// What `ui.context()` says from the next run on (the browser's locale, time zone, URL,
    /// theme type, user agent, cookies); empty until set.
    pub fn set_context(&mut self, context: crate::context::Context) -> &mut Self {
        self.session.set_context(context);
        self
    }

    /// Gives the app its `wasmlit.toml`, as [`Session::with_config`]: `[secrets]`,
    /// `[connections.<name>]` and `[theme]` (usually `wasmlit::config!("wasmlit.toml")`, or
    /// [`AppConfig::parse`](crate::config::AppConfig::parse) of a string in tests).
    pub fn config(&mut self, config: crate::config::AppConfig) -> &mut Self {
        self.session.set_config(config);
        self
    }

    /// Supplies a secret before the next run, as the visitor would at run time
    /// ([`Ui::set_secret`](crate::Ui::set_secret); Streamlit's `at.secrets["key"] = ..`).
    pub fn set_secret(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        let (key, value) = (key.into(), value.into());
        self.session.with_secrets(|secrets| secrets.visitor.insert(key, value));
        self
    }

    /// Forgets a secret supplied with [`set_secret`](Self::set_secret).
    pub fn clear_secret(&mut self, key: &str) -> &mut Self {
        self.session.with_secrets(|secrets| secrets.visitor.remove(key));
        self
    }

    /// The secrets the script sees ([`Ui::secrets`](crate::Ui::secrets)).
    pub fn secrets(&self) -> crate::secrets::Secrets {
        self.session.with_secrets(|secrets| crate::secrets::Secrets::of(secrets))
    }

    /// Sets one query parameter before the next run, keeping the others.
    pub fn set_query_param(&mut self, key: &str, value: impl std::fmt::Display) -> &mut Self {
        let mut pairs = crate::query_params::parse(&self.session.query_string()).0;
        pairs.retain(|(k, _)| k != key);
        pairs.push((key.to_string(), value.to_string()));
        let query: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", crate::query_params::encode(k), crate::query_params::encode(v)))
            .collect();
        self.session.load_query_string(&query.join("&"));
        self
    }

    /// The query string the address bar would show after the last run (without `?`).
    pub fn query_string(&self) -> String {
        self.session.query_string()
    }

    /// The query parameters (Streamlit's `at.query_params`).
    pub fn query_params(&self) -> crate::query_params::QueryParams {
        crate::query_params::QueryParams::new(self.session.runtime())
    }

    /// What the page would log to the console about the URL since the last call: query parts
    /// it could not read, values a bound widget refused.
    pub fn console_notes(&mut self) -> Vec<String> {
        self.session.take_console_notes()
    }

    /// Goes to the page at `path` (its URL path; `""` for the default page) on the next
    /// run, as a click on its link would. A path that is no page shows "Page not found".
    pub fn switch_page(&mut self, path: &str) -> &mut Self {
        self.session.request_page(path);
        self
    }

    /// The URL path of the page the last run showed.
    pub fn current_page(&self) -> Option<String> {
        self.session.current_page()
    }

    /// What the last run's `set_page_config` calls asked for.
    pub fn page_config(&self) -> crate::page_config::PageConfig {
        self.session.with_tree(|tree| tree.page_config.clone())
    }

    /// The element tree of the last run.
    pub fn tree(&self) -> crate::element::ElementTree {
        self.session.tree()
    }

    fn scope_of(&mut self, elements: Vec<Element>) -> Scope<'_> {
        Scope { at: self, elements, panel: None }
    }

    /// Sends a value the page would send for the widget `id` (outside any form).
    fn send_event(&mut self, id: WidgetId, value: WidgetValue) {
        if let Some(request) = self.forms.send(WidgetEvent { id, value }, None, false) {
            self.pending.merge(request);
        }
    }

    /// Only the main area.
    pub fn main(&mut self) -> Scope<'_> {
        let elements = self.session.with_tree(|t| t.main.elements().into_iter().cloned().collect());
        self.scope_of(elements)
    }

    /// Only the sidebar.
    pub fn sidebar(&mut self) -> Scope<'_> {
        let elements = self.session.with_tree(|t| t.sidebar.elements().into_iter().cloned().collect());
        self.scope_of(elements)
    }

    fn block(&mut self, what: &str, index: usize, matches: fn(&BlockKind) -> bool) -> Scope<'_> {
        let found = self.session.with_tree(|tree| {
            let blocks: Vec<&Block> = [Root::Main, Root::Sidebar]
                .into_iter()
                .flat_map(|root| tree.root(root).blocks())
                .filter(|b| matches(&b.kind))
                .collect();
            let count = blocks.len();
            blocks.get(index).map(|b| b.elements().into_iter().cloned().collect::<Vec<_>>()).ok_or(count)
        });
        match found {
            Ok(elements) => self.scope_of(elements),
            Err(count) => panic!("no {what} at index {index}: the app has {count}"),
        }
    }

    /// The `index`-th column, counting all column rows in display order.
    pub fn column(&mut self, index: usize) -> Scope<'_> {
        self.block("column", index, |k| matches!(k, BlockKind::Column { .. }))
    }

    /// The body of the `index`-th tab, counting all tab bars in display order.
    pub fn tab(&mut self, index: usize) -> Scope<'_> {
        let bodies = self.session.with_tree(|tree| {
            let mut bodies = Vec::new();
            for root in [Root::Main, Root::Sidebar] {
                for block in tree.root(root).blocks() {
                    if let BlockKind::Tabs { .. } = block.kind {
                        for child in &block.children {
                            if let Node::Block(body) = child {
                                bodies.push(body.elements().into_iter().cloned().collect::<Vec<_>>());
                            }
                        }
                    }
                }
            }
            bodies
        });
        let count = bodies.len();
        match bodies.into_iter().nth(index) {
            Some(elements) => self.scope_of(elements),
            None => panic!("no tab at index {index}: the app has {count}"),
        }
    }

    /// The `index`-th expander; [`Scope::open`] and [`Scope::close`] open and close a
    /// stateful one (`on_change`).
    pub fn expander(&mut self, index: usize) -> Scope<'_> {
        let panel = self.panel_state("expander", index, |k| match k {
            BlockKind::Expander { expanded, widget, .. } => Some((*expanded, *widget)),
            _ => None,
        });
        let mut scope = self.block("expander", index, |k| matches!(k, BlockKind::Expander { .. }));
        scope.panel = Some(panel);
        scope
    }

    /// The body of the `index`-th popover (Streamlit's `at.popover[i]`); [`Scope::open`] and
    /// [`Scope::close`] open and close a stateful one (`on_change`).
    pub fn popover(&mut self, index: usize) -> Scope<'_> {
        let panel = self.panel_state("popover", index, |k| match k {
            BlockKind::Popover { open, widget, .. } => Some((*open, *widget)),
            _ => None,
        });
        let mut scope = self.block("popover", index, |k| matches!(k, BlockKind::Popover { .. }));
        scope.panel = Some(panel);
        scope
    }

    /// The open state of the `index`-th block that `state` reads (`None` for other blocks).
    fn panel_state(&self, what: &'static str, index: usize, state: fn(&BlockKind) -> Option<OpenState>) -> PanelState {
        let found = self.session.with_tree(|tree| {
            [Root::Main, Root::Sidebar]
                .into_iter()
                .flat_map(|root| tree.root(root).blocks())
                .filter_map(|b| state(&b.kind))
                .nth(index)
        });
        let (open, widget) = found.unwrap_or((false, None));
        PanelState { what, open, widget }
    }

    /// The `index`-th tab bar, counting all tab bars in display order (its tab bodies are
    /// [`tab`](Self::tab)s): its labels, the selected tab, and `select` for a stateful bar.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.add(Tabs::new(["A", "B"]).rerun_on_change());
    /// });
    /// at.run();
    /// assert_eq!(at.tabs(0).labels(), ["A", "B"]);
    /// at.tabs(0).select("B").run();
    /// assert_eq!(at.tabs(0).selected(), "B");
    /// ```
    pub fn tabs(&mut self, index: usize) -> TabBar<'_> {
        let found = self.session.with_tree(|tree| {
            let bars: Vec<_> = [Root::Main, Root::Sidebar]
                .into_iter()
                .flat_map(|root| tree.root(root).blocks())
                .filter_map(|b| match &b.kind {
                    BlockKind::Tabs { labels, default, widget } => Some((labels.clone(), *default, *widget)),
                    _ => None,
                })
                .collect();
            let count = bars.len();
            bars.into_iter().nth(index).ok_or(count)
        });
        match found {
            Ok((labels, selected, widget)) => TabBar { at: self, labels, selected, widget },
            Err(count) => panic!("no tabs at index {index}: the app has {count}"),
        }
    }

    /// The body of the `index`-th chat message (Streamlit's `at.chat_message[i]`).
    pub fn chat_message(&mut self, index: usize) -> Scope<'_> {
        self.block("chat_message", index, |k| matches!(k, BlockKind::ChatMessage { .. }))
    }

    /// The body of the `index`-th `status` box (Streamlit's `at.status[i]`; `status()` here
    /// is how the last run ended).
    pub fn status_container(&mut self, index: usize) -> Scope<'_> {
        self.block("status", index, |k| matches!(k, BlockKind::Status { .. }))
    }

    /// The body of the `index`-th form.
    pub fn form(&mut self, index: usize) -> Scope<'_> {
        self.block("form", index, |k| matches!(k, BlockKind::Form { .. }))
    }

    /// The body of the `index`-th fragment.
    pub fn fragment(&mut self, index: usize) -> Scope<'_> {
        self.block("fragment", index, |k| matches!(k, BlockKind::Fragment { .. }))
    }

    /// The body of the open dialog, if any (`index` 0).
    pub fn dialog(&mut self, index: usize) -> Scope<'_> {
        self.block("dialog", index, |k| matches!(k, BlockKind::Dialog { .. }))
    }

    /// The open dialog's title, whether it is dismissible, whether dismissing it reruns and
    /// the trigger of its `on_dismiss` callback; panics if the last run drew none.
    fn dialog_flags(&self) -> (String, bool, bool, Option<WidgetId>) {
        fn find(block: &Block) -> Option<(String, bool, bool, Option<WidgetId>)> {
            if let BlockKind::Dialog { title, dismissible, rerun_on_dismiss, on_dismiss, .. } = &block.kind {
                return Some((title.clone(), *dismissible, *rerun_on_dismiss, *on_dismiss));
            }
            block.children.iter().find_map(|node| match node {
                Node::Block(block) => find(block),
                Node::Element(_) => None,
            })
        }
        self.session
            .with_tree(|tree| find(&tree.main).or_else(|| find(&tree.sidebar)))
            .unwrap_or_else(|| panic!("the last run opened no dialog"))
    }

    /// Whether the open dialog can be dismissed by the viewer (`Dialog::dismissible`).
    pub fn dialog_dismissible(&self) -> bool {
        self.dialog_flags().1
    }

    /// Dismisses the open dialog as the viewer would (×, Esc, a click outside): with
    /// `on_dismiss_rerun` the next [`run`](Self::run) is a full rerun, as on the page;
    /// otherwise nothing is sent. Panics if the dialog is not dismissible.
    pub fn dismiss_dialog(&mut self) -> &mut Self {
        let (title, dismissible, rerun_on_dismiss, on_dismiss) = self.dialog_flags();
        assert!(dismissible, "the dialog {title:?} cannot be dismissed (dismissible(false))");
        if let Some(id) = on_dismiss {
            self.send_event(id, WidgetValue::Trigger(true));
        }
        if rerun_on_dismiss {
            self.pending.merge(RerunRequest::full());
        }
        self
    }

    /// The `index`-th `container()` (plain or bordered).
    pub fn container(&mut self, index: usize) -> Scope<'_> {
        self.block("container", index, |k| matches!(k, BlockKind::Vertical | BlockKind::Container { .. }))
    }

    fn all(&mut self) -> Scope<'_> {
        let elements = self.session.elements();
        self.scope_of(elements)
    }
}

/// A part of the page: the whole app, the sidebar, a column, a tab, ...
pub struct Scope<'a> {
    at: &'a mut AppTest,
    elements: Vec<Element>,
    /// For an expander or a popover: whether it is open, and its widget if it is stateful.
    panel: Option<PanelState>,
}

/// Whether a block is open, and its widget if it is stateful.
type OpenState = (bool, Option<WidgetId>);

/// Whether an expander or popover is open, and the widget of a stateful one.
struct PanelState {
    what: &'static str,
    open: bool,
    widget: Option<WidgetId>,
}

impl<'a> Scope<'a> {
    /// Whether this expander or popover is open (a static popover: never, as the engine sees it).
    pub fn is_open(&self) -> bool {
        self.panel.as_ref().unwrap_or_else(|| panic!("only an expander or a popover is open or closed")).open
    }

    /// Opens this stateful expander or popover as the viewer would; the next run sees it.
    pub fn open(self) -> Self {
        self.set_open(true)
    }

    /// Closes this stateful expander or popover as the viewer would; the next run sees it.
    pub fn close(self) -> Self {
        self.set_open(false)
    }

    fn set_open(self, open: bool) -> Self {
        let Some(panel) = &self.panel else { panic!("only an expander or a popover opens and closes") };
        let Some(id) = panel.widget else {
            panic!("this {} has no on_change: opening it is the browser's business, the app never sees it", panel.what)
        };
        self.at.send_event(id, WidgetValue::Bool(open));
        self
    }

    /// Runs the app again.
    pub fn run(self) -> &'a mut AppTest {
        self.at.run()
    }
}

/// A tab bar of the last run ([`AppTest::tabs`]).
pub struct TabBar<'a> {
    at: &'a mut AppTest,
    labels: Vec<String>,
    selected: usize,
    widget: Option<WidgetId>,
}

impl<'a> TabBar<'a> {
    /// The tabs' labels.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The label of the tab shown (of a static bar: the one shown first).
    pub fn selected(&self) -> &str {
        self.labels.get(self.selected).map_or("", String::as_str)
    }

    /// Selects the tab `label` as the viewer would; the next run sees it. Panics for a bar
    /// without `on_change` (switching its tabs never reaches the app) or an unknown label.
    pub fn select(self, label: &str) -> Self {
        let Some(id) = self.widget else {
            panic!("these tabs have no on_change: switching them is the browser's business, the app never sees it")
        };
        assert!(self.labels.iter().any(|l| l == label), "{label:?} is not one of the tabs {:?}", self.labels);
        self.at.send_event(id, WidgetValue::Text(label.to_string()));
        self
    }

    /// Runs the app again.
    pub fn run(self) -> &'a mut AppTest {
        self.at.run()
    }
}

/// Picks one widget: by index (`0`), by [`key`] or by [`label`].
#[derive(Clone, Debug)]
pub enum Selector {
    Index(usize),
    Key(String),
    Label(String),
}

impl From<usize> for Selector {
    fn from(index: usize) -> Self {
        Selector::Index(index)
    }
}

/// Selects the widget with this key: `at.button(key("submit"))`.
pub fn key(key: impl Into<String>) -> Selector {
    Selector::Key(key.into())
}

/// Selects the widget with this label: `at.slider(label("Hour"))`.
pub fn label(label: impl Into<String>) -> Selector {
    Selector::Label(label.into())
}

/// Generates one accessor per element kind from [`element_kinds!`]: display elements by
/// index, widgets by [`Selector`].
macro_rules! define_accessors {
    (
        display { $($(#[$dmeta:meta])* $dname:ident : $dvariant:ident ($dprops:ident) in $($dpath:ident)::+),* $(,)? }
        widgets { $($(#[$wmeta:meta])* $wname:ident : $wvariant:ident ($wprops:ident) in $($wpath:ident)::+),* $(,)? }
    ) => {
        impl<'a> Scope<'a> {
            $($(#[$dmeta])*
            #[doc = concat!("The `index`-th `", stringify!($dname), "` element, in display order.")]
            pub fn $dname(&self, index: usize) -> ElementView {
                self.nth(stringify!($dname), index)
            })*
            $($(#[$wmeta])*
            #[doc = concat!("The `", stringify!($wname), "` widget picked by `selector`.")]
            pub fn $wname(self, selector: impl Into<Selector>) -> WidgetRef<'a> {
                self.widget(stringify!($wname), selector.into())
            })*
        }
        impl AppTest {
            $($(#[$dmeta])*
            #[doc = concat!("The `index`-th `", stringify!($dname), "` element, in display order.")]
            pub fn $dname(&self, index: usize) -> ElementView {
                nth(&self.elements(), stringify!($dname), index)
            })*
            $($(#[$wmeta])*
            #[doc = concat!("The `", stringify!($wname), "` widget picked by `selector`.")]
            pub fn $wname(&mut self, selector: impl Into<Selector>) -> WidgetRef<'_> {
                self.all().$wname(selector)
            })*
        }
    };
}

element_kinds!(define_accessors);

impl AppTest {
    /// All elements of the last run, in display order.
    pub fn elements(&self) -> Vec<Element> {
        self.session.elements()
    }

    /// All elements of one kind (`"slider"`, `"markdown"`, ...), in display order.
    pub fn get(&self, kind: &str) -> Vec<Element> {
        self.elements().into_iter().filter(|e| e.kind() == kind).collect()
    }
}

impl<'a> Scope<'a> {
    /// All elements of one kind in this scope.
    pub fn get(&self, kind: &str) -> Vec<Element> {
        self.elements.iter().filter(|e| e.kind() == kind).cloned().collect()
    }

    fn nth(&self, kind: &str, index: usize) -> ElementView {
        nth(&self.elements, kind, index)
    }

    fn widget(self, kind: &str, selector: Selector) -> WidgetRef<'a> {
        let all = self.get(kind);
        let found = match &selector {
            Selector::Index(i) => all.get(*i),
            Selector::Key(k) => all.iter().find(|e| e.widget().and_then(|w| w.key.as_deref()) == Some(k)),
            Selector::Label(l) => all.iter().find(|e| e.widget().map(|w| w.label.as_str()) == Some(l)),
        };
        match found {
            Some(element) => WidgetRef { at: self.at, element: element.clone() },
            None => panic!(
                "no {kind} matching {selector:?}: this scope has {} ({:?})",
                all.len(),
                all.iter().map(Element::text).collect::<Vec<_>>()
            ),
        }
    }
}

/// The `index`-th element of `kind` among `elements`.
fn nth(elements: &[Element], kind: &str, index: usize) -> ElementView {
    let all: Vec<&Element> = elements.iter().filter(|e| e.kind() == kind).collect();
    match all.get(index) {
        Some(element) => ElementView { element: (*element).clone() },
        None => panic!(
            "no {kind} at index {index}: there are {} ({:?})",
            all.len(),
            all.iter().map(|e| e.text()).collect::<Vec<_>>()
        ),
    }
}

/// A display element as the last run drew it.
#[derive(Clone, Debug)]
pub struct ElementView {
    element: Element,
}

impl ElementView {
    /// The element's text (for an exception: `"Kind: message"`).
    pub fn text(&self) -> String {
        self.element.text()
    }

    /// The element itself.
    pub fn element(&self) -> &Element {
        &self.element
    }
}

/// A value to set on a widget in a test; converted as the page would send it.
#[derive(Clone, Debug, PartialEq)]
pub enum TestValue {
    Bool(bool),
    Number(f64),
    Pair(f64, f64),
    Text(String),
    Texts(Vec<String>),
    /// No value: an empty date, time, number or text input, a choice widget with nothing chosen.
    Empty,
}

impl<T: Into<TestValue>> From<Option<T>> for TestValue {
    fn from(value: Option<T>) -> Self {
        value.map_or(TestValue::Empty, Into::into)
    }
}

impl From<bool> for TestValue {
    fn from(value: bool) -> Self {
        TestValue::Bool(value)
    }
}
impl From<&str> for TestValue {
    fn from(value: &str) -> Self {
        TestValue::Text(value.into())
    }
}
impl From<String> for TestValue {
    fn from(value: String) -> Self {
        TestValue::Text(value)
    }
}
impl<S: AsRef<str>> From<Vec<S>> for TestValue {
    fn from(values: Vec<S>) -> Self {
        TestValue::Texts(values.iter().map(|s| s.as_ref().to_string()).collect())
    }
}
macro_rules! test_value_number {
    ($($t:ty),*) => {$(
        impl From<$t> for TestValue {
            fn from(value: $t) -> Self { TestValue::Number(value as f64) }
        }
        impl From<($t, $t)> for TestValue {
            fn from((low, high): ($t, $t)) -> Self { TestValue::Pair(low as f64, high as f64) }
        }
    )*};
}
test_value_number!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

/// A widget of the last run, ready to be changed.
pub struct WidgetRef<'a> {
    at: &'a mut AppTest,
    element: Element,
}

impl<'a> WidgetRef<'a> {
    /// The widget as the last run drew it.
    pub fn element(&self) -> &Element {
        &self.element
    }

    /// The widget's label.
    pub fn label(&self) -> String {
        self.element.text()
    }

    /// The options of a choice widget, as shown (stringified).
    pub fn options(&self) -> Vec<String> {
        match self.element.widget_props().and_then(|props| props.options()) {
            Some(options) => options.to_vec(),
            None => panic!("a {} has no options", self.element.kind()),
        }
    }

    fn wire(&self) -> WidgetValue {
        self.element.widget_value().unwrap_or_else(|| panic!("a {} is not a widget", self.element.kind()))
    }

    /// The value the script got from this widget in the last run.
    pub fn value<T: Any + Clone>(&self) -> T {
        let Some(common) = self.element.widget() else { panic!("not a widget") };
        let value = self
            .at
            .session
            .decode_widget(common.id, &self.wire())
            .unwrap_or_else(|| panic!("the {} \"{}\" is gone", self.element.kind(), common.label));
        value.coerce::<T>().unwrap_or_else(|| {
            panic!(
                "the {} \"{}\" holds a `{}`, not a `{}`",
                self.element.kind(),
                common.label,
                value.type_name(),
                std::any::type_name::<T>()
            )
        })
    }

    /// The value the next run will get: one set since the last run (held by the widget's
    /// form, or pending), else the last run's. Setters that build on the value start here,
    /// so `select("a").select("b")` picks both, as in Streamlit's `AppTest`.
    pub(crate) fn next_wire(&self) -> WidgetValue {
        let Some(common) = self.element.widget() else { panic!("not a widget") };
        let held = common.form.as_deref().and_then(|form| self.at.forms.held(form, common.id));
        let queued = || self.at.queued.as_ref().and_then(|queued| queued.value(common.id));
        held.or_else(|| self.at.pending.value(common.id)).or_else(queued).cloned().unwrap_or_else(|| self.wire())
    }

    pub(crate) fn send(self, value: WidgetValue) -> Self {
        let Some(common) = self.element.widget() else { panic!("not a widget") };
        let event = WidgetEvent { id: common.id, value };
        let submit = matches!(&self.element, Element::Button(p) if p.form_submit);
        if let Some(request) = self.at.forms.send(event, common.form.as_deref(), submit) {
            self.at.pending.merge(request);
        }
        self
    }

    fn option_index(&self, option: &str) -> usize {
        crate::widgets::option_index(&self.options(), option).unwrap_or_else(|message| panic!("{message}"))
    }

    /// Sets the value the next run sees, converted as the page would send it.
    pub fn set_value(self, value: impl Into<TestValue>) -> Self {
        let Some(props) = self.element.widget_props() else { panic!("a {} is not a widget", self.element.kind()) };
        match props.test_value(value.into()) {
            Ok(wire) => self.send(wire),
            Err(message) => panic!("{message}"),
        }
    }

    /// Presses Enter in a text or number input (Ctrl+Enter in a text area), as the page does:
    /// in a form, it presses the form's submit button unless the form was made with
    /// `enter_to_submit(false)`; outside a form the value set is all Enter sends.
    pub fn press_enter(self) -> Self {
        let Some(common) = self.element.widget() else { panic!("a {} is not a widget", self.element.kind()) };
        let Some(form) = common.form.clone() else { return self };
        let Some(id) = self.at.session.with_tree(|tree| crate::form::enter_submit_button(tree, &form)) else {
            return self;
        };
        let event = WidgetEvent { id, value: WidgetValue::Trigger(true) };
        if let Some(request) = self.at.forms.send(event, Some(&form), true) {
            self.at.pending.merge(request);
        }
        self
    }

    /// Presses a button.
    pub fn click(self) -> Self {
        self.set_value(true)
    }

    /// Checks a checkbox or switches a toggle on.
    pub fn check(self) -> Self {
        self.set_value(true)
    }

    /// Unchecks a checkbox or switches a toggle off.
    pub fn uncheck(self) -> Self {
        self.set_value(false)
    }

    /// Picks an option (by its shown text) in a radio, selectbox, multiselect, pills or
    /// segmented control; a multiselect (and multi-selection pills or segmented control) adds
    /// it to what is picked already, including picks not run yet.
    pub fn select(self, option: &str) -> Self {
        match &self.element {
            Element::Multiselect(_)
            | Element::Pills(ButtonGroupProps { multi: true, .. })
            | Element::SegmentedControl(ButtonGroupProps { multi: true, .. }) => {
                let mut indices = match self.next_wire() {
                    WidgetValue::Indices(indices) => indices,
                    // A multiselect that accepts new options holds texts.
                    WidgetValue::Texts(mut texts) => {
                        if !texts.iter().any(|t| t == option) {
                            texts.push(option.to_string());
                        }
                        return self.send(WidgetValue::Texts(texts));
                    }
                    other => panic!("a multiselect cannot hold {other:?}"),
                };
                let index = self.option_index(option);
                if !indices.contains(&index) {
                    indices.push(index);
                }
                self.send(WidgetValue::Indices(indices))
            }
            _ => self.set_value(option),
        }
    }

    /// Picks the option at `index`.
    pub fn select_index(self, index: usize) -> Self {
        self.send(WidgetValue::Index(Some(index)))
    }

    /// Removes an option from a multiselect, pills, a segmented control or a feedback widget
    /// (from what is picked, including picks not run yet), as clicking a selected pill again does.
    pub fn unselect(self, option: &str) -> Self {
        let (Element::Multiselect(_) | Element::Pills(_) | Element::SegmentedControl(_) | Element::Feedback(_)) =
            &self.element
        else {
            panic!("only a multiselect, pills, a segmented control or feedback can unselect")
        };
        if let WidgetValue::Texts(texts) = self.next_wire() {
            let texts = texts.into_iter().filter(|t| t != option).collect();
            return self.send(WidgetValue::Texts(texts));
        }
        let index = self.option_index(option);
        match self.next_wire() {
            WidgetValue::Indices(indices) => {
                let indices = indices.into_iter().filter(|&i| i != index).collect();
                self.send(WidgetValue::Indices(indices))
            }
            WidgetValue::Index(Some(selected)) if selected == index => self.send(WidgetValue::Index(None)),
            WidgetValue::Index(_) => self,
            other => panic!("a {} cannot hold {other:?}", self.element.kind()),
        }
    }

    /// Types `text` into a text input or text area (committed, as on Enter), or submits it
    /// in a chat input (its value for the next run only).
    pub fn input(self, text: &str) -> Self {
        self.set_value(text)
    }

    /// Sets both ends of a range slider.
    pub fn set_range(self, low: f64, high: f64) -> Self {
        self.set_value((low, high))
    }

    /// Clicks the + of a number input (stopping at its maximum), from the value set since
    /// the last run if there is one: `increment().increment()` adds two steps.
    pub fn increment(self) -> Self {
        self.step_by(1.0)
    }

    /// Clicks the − of a number input (stopping at its minimum).
    pub fn decrement(self) -> Self {
        self.step_by(-1.0)
    }

    fn step_by(self, direction: f64) -> Self {
        let Element::NumberInput(p) = &self.element else { panic!("only a number input has steppers") };
        let value = match self.next_wire() {
            WidgetValue::Number(value) => Some(value),
            WidgetValue::NoNumber => None,
            _ => Some(p.value),
        };
        // An empty input steps to its minimum (or 0), as the page does.
        let mut next = value.map_or(p.min.unwrap_or(0.0), |value| value + direction * p.step);
        if let Some(max) = p.max {
            next = next.min(max);
        }
        if let Some(min) = p.min {
            next = next.max(min);
        }
        self.send(WidgetValue::Number(next))
    }

    /// Runs the app again.
    pub fn run(self) -> &'a mut AppTest {
        self.at.run()
    }
}
