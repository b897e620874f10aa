//! The rerun engine: a session that applies widget values, runs callbacks,
//! runs the script (or just the fragments asked for) and cleans up after it.
//!
//! A run has three steps — [`Session::begin_run`] (callbacks, then a future
//! for the script body), awaiting that future, and [`Session::finish_run`] —
//! so the browser can paint and take input between the script's awaits and
//! cancel a run by dropping its future ([`Session::interrupt_run`]).
//! [`Session::run`] does all three on the session's clock, which natively is
//! a [`VirtualClock`]: an async script's sleeps take no real time in tests.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use crate::clock::{drive, Clock, LocalFuture, VirtualClock};
use crate::element::{BlockKind, Element, ElementTree, FragmentId, WidgetValue};
use crate::error::{Error, ErrorKind, IntoScriptResult};
use crate::identity::WidgetId;
use crate::request::RerunRequest;
use crate::session_state::{SessionState, StateStore};
use crate::ui::{Place, Ui};

/// State shared by the session and every [`Ui`] handle of the running script.
pub(crate) struct Runtime {
    pub store: StateStore,
    pub tree: ElementTree,
    pub phase: Phase,
    pub clock: Rc<dyn Clock>,
    /// Where `ui.fetch` goes when set (`AppTest` serves files from memory); unset, an empty
    /// [`StaticFiles`](crate::fetch::StaticFiles), made only by `ui.fetch`, so an app that never
    /// fetches does not link it.
    pub fetcher: Option<Rc<dyn crate::fetch::Fetcher>>,
    /// A session mounted in a page: `ui.fetch` goes to `window.fetch`, whose code only
    /// `ui.fetch` links (see `Ui::fetcher`).
    pub fetch_in_page: bool,
    /// What the current (or last) run covers.
    pub scope: RunScope,
    /// Forms drawn in this run.
    pub forms: Vec<FormRecord>,
    /// Fragments drawn by the last full run (and the fragment reruns since), with what reruns them.
    pub fragments: HashMap<FragmentId, FragmentRecord>,
    /// Fragments drawn in the current run.
    pub fragments_seen: HashSet<FragmentId>,
    /// The bodies of the fragments running now, innermost last: widgets may only be drawn inside the innermost.
    pub running_fragments: Vec<Place>,
    /// A dialog was opened in this run (only one may be).
    pub dialog_opened: bool,
    /// A fragment raised an error in this run (drawn in its body): the run failed, even if
    /// the script ignored the fragment's result.
    pub fragment_failed: bool,
    /// Counts runs, so handles kept past their run can tell.
    pub run_id: u64,
    /// The address bar's query parameters and the widgets bound to them.
    pub query: crate::query_params::QueryStore,
    /// Multipage apps: the page asked for, the page shown, the pages reachable.
    pub pages: crate::pages::PageStore,
    /// What the browser says about the viewer (`ui.context()`), refreshed before each run.
    pub context: crate::context::Context,
    /// `ui.secrets()`: the app's public config and what the visitor supplied (memory only).
    pub secrets: crate::secrets::SecretStore,
}

impl Runtime {
    /// The fragments `ids` and every fragment drawn inside their bodies (the fragment path
    /// rule: a fragment's place holds the places of the fragments nested in it).
    fn fragments_within(&self, ids: &[FragmentId]) -> HashSet<FragmentId> {
        let places: Vec<&Place> = ids.iter().filter_map(|id| self.fragments.get(id).map(|f| &f.place)).collect();
        let mut within: HashSet<FragmentId> = ids.iter().copied().collect();
        for (id, record) in &self.fragments {
            if places.iter().any(|outer| outer.contains(&record.place)) {
                within.insert(*id);
            }
        }
        within
    }
}

/// Where the session is in its life cycle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Phase {
    #[default]
    Idle,
    /// Callbacks are running before the script body.
    Callbacks,
    /// The script body is running.
    Script,
}

/// What one run executes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RunScope {
    /// The whole script.
    #[default]
    Full,
    /// Only these fragments, in order; the rest of the page stays as it is.
    Fragments(Vec<FragmentId>),
}

/// A form drawn in the current run.
pub(crate) struct FormRecord {
    pub key: String,
    pub place: Place,
    pub has_submit_button: bool,
    pub clear_on_submit: bool,
    /// Its submit button was pressed for this run.
    pub submitted: bool,
}

/// What a fragment rerun needs: the function and where its body is drawn.
pub(crate) struct FragmentRecord {
    pub script: Rc<dyn Fn(&Ui) -> crate::Result>,
    pub place: Place,
    /// The page whose body drew it: a rerun of the fragment runs as that page's body, so its
    /// widgets keep their identity.
    pub page: Option<Rc<str>>,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// The script returned `Ok`: widgets not drawn were dropped.
    Completed,
    /// The script called `stop()` (or the viewer pressed Stop): widget cleanup was skipped.
    Stopped,
    /// The script returned an error, shown in place; widget cleanup was skipped.
    Failed,
    /// The script called `rerun()` or `rerun_fragment()`: see [`Session::take_follow_up`].
    RerunRequested,
    /// A newer request cancelled the run at an await point: cleanup was skipped.
    Interrupted,
}

type Script = Rc<dyn Fn(Ui) -> LocalFuture<crate::Result>>;

/// One viewer's session: the script plus everything that survives between runs.
pub struct Session {
    runtime: Rc<RefCell<Runtime>>,
    script: Script,
    runs: u64,
    virtual_clock: Option<Rc<VirtualClock>>,
    follow_up: Option<RerunRequest>,
    /// The app's custom theme, or why its theme file was refused.
    theme: Option<Result<crate::theme::ThemeConfig, String>>,
    /// How the page turns the theme into CSS ([`ThemeConfig::css`](crate::theme::ThemeConfig::css)),
    /// set with the theme: an app without one does not link the theme's CSS writer.
    theme_css: Option<fn(&crate::theme::ThemeConfig) -> String>,
    /// Where pages live in the address bar.
    routing: crate::routing::Routing,
    /// Set by [`Session::embedded`]: the app's id among the apps of its page.
    embed_id: Option<String>,
}

impl Session {
    /// A session for a synchronous script: `fn(&Ui)` or `fn(&Ui) -> Result`.
    pub fn new<F, R>(script: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        Session::with_script(Rc::new(move |ui: Ui| {
            let result = script(&ui).into_script_result();
            Box::pin(std::future::ready(result))
        }))
    }

    /// A session for an async script: `async fn(Ui) -> Result`. It may await
    /// [`Ui::sleep`], fetches and the like; the page shows what it has drawn
    /// at every await, and a new interaction cancels it at one.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    ///
    /// async fn app(ui: Ui) -> Result {
    ///     let bar = ui.progress(0);
    ///     for percent in (0..=100).step_by(10) {
    ///         bar.progress(percent);
    ///         ui.sleep(Duration::from_millis(100)).await;
    ///     }
    ///     ui.success("Done!");
    ///     Ok(())
    /// }
    /// let mut at = AppTest::new_async(app);
    /// at.run_for(Duration::from_millis(350));
    /// assert_eq!(at.progress(0).element(), &wasmlit::Element::Progress(wasmlit::elements::status::progress::ProgressProps { value: 0.3, text: None }));
    /// at.wait();
    /// assert_eq!(at.success(0).text(), "Done!");
    /// ```
    pub fn new_async<F, Fut, R>(script: F) -> Self
    where
        F: Fn(Ui) -> Fut + 'static,
        Fut: Future<Output = R> + 'static,
        R: IntoScriptResult,
    {
        let script = Rc::new(script);
        Session::with_script(Rc::new(move |ui: Ui| {
            let future = script(ui);
            Box::pin(async move { future.await.into_script_result() })
        }))
    }

    fn with_script(script: Script) -> Self {
        let clock = Rc::new(VirtualClock::default());
        let runtime = Runtime {
            store: StateStore::default(),
            tree: ElementTree::default(),
            phase: Phase::Idle,
            clock: Rc::new(clock.clone()),
            fetcher: None,
            fetch_in_page: false,
            scope: RunScope::Full,
            forms: Vec::new(),
            fragments: HashMap::new(),
            fragments_seen: HashSet::new(),
            running_fragments: Vec::new(),
            dialog_opened: false,
            fragment_failed: false,
            run_id: 0,
            query: Default::default(),
            pages: Default::default(),
            context: Default::default(),
            secrets: Default::default(),
        };
        Session {
            runtime: Rc::new(RefCell::new(runtime)),
            script,
            runs: 0,
            virtual_clock: Some(clock),
            follow_up: None,
            theme: None,
            theme_css: None,
            routing: Default::default(),
            embed_id: None,
        }
    }

    /// Makes the app one of several in a host page (see `wasmlit::web::mount`): it leaves the
    /// address bar, the history and the page's title and icon alone, keeps its theme on its
    /// own root element, keys its stored theme choice and reload snapshot by `id`, and a
    /// panic stops only this app. `id` is letters, digits, `-` and `_`, and must be unique
    /// on the page.
    ///
    /// ```
    /// use wasmlit::{Session, Ui};
    /// let session = Session::new(|ui: &Ui| {
    ///     ui.title("Hi");
    /// });
    /// let session = session.embedded("left").unwrap();
    /// assert_eq!(session.embed_id(), Some("left"));
    /// assert!(Session::new(|_: &Ui| {}).embedded("no spaces").is_err());
    /// ```
    pub fn embedded(mut self, id: &str) -> Result<Self, String> {
        let valid = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if id.is_empty() || !id.chars().all(valid) {
            return Err(format!("the embedded app's id {id:?} must be letters, digits, `-` or `_`"));
        }
        self.embed_id = Some(id.to_string());
        Ok(self)
    }

    /// The app's id when it is embedded in a host page ([`Session::embedded`]).
    pub fn embed_id(&self) -> Option<&str> {
        self.embed_id.as_deref()
    }

    /// Puts pages in the address bar's fragment (`#/plotting`) instead of its path, for a host
    /// that neither serves deep links nor falls back to a `404.html` (see [`crate::routing`]).
    /// An app opened from a `file:` URL routes this way whatever it says.
    ///
    /// ```
    /// use wasmlit::routing::Routing;
    /// use wasmlit::{Session, Ui};
    /// let session = Session::new(|ui: &Ui| {
    ///     ui.title("Hi");
    /// })
    /// .with_routing(Routing::Hash);
    /// assert_eq!(session.routing(), Routing::Hash);
    /// ```
    pub fn with_routing(mut self, routing: crate::routing::Routing) -> Self {
        self.routing = routing;
        self
    }

    /// Replaces what `ui.context()` says from the next run on (the web layer calls it before
    /// each run).
    pub fn set_context(&mut self, context: crate::context::Context) {
        self.runtime.borrow_mut().context = context;
    }

    /// Where pages live in the address bar.
    pub fn routing(&self) -> crate::routing::Routing {
        self.routing
    }

    /// Gives the app a custom theme (offered as "Custom theme" in ⋮ → Settings, and used
    /// first). An invalid one is refused as [`Self::with_theme_file`] refuses a file.
    pub fn with_theme(mut self, theme: crate::theme::ThemeConfig) -> Self {
        self.theme = Some(theme.validate().map(|()| theme));
        self.theme_css = Some(crate::theme::ThemeConfig::css);
        self
    }

    /// Gives the app the theme of a `wasmlit.toml` file (its `[theme]` table, as Streamlit's
    /// config), usually `include_str!("../wasmlit.toml")`. A file with an unknown key or a bad
    /// value is refused as a whole: the page says why above the app, which keeps the default
    /// theme and runs.
    ///
    /// ```
    /// use wasmlit::{Session, Ui};
    /// fn app(ui: &Ui) {
    ///     ui.title("Hi");
    /// }
    /// let good = Session::new(app).with_theme_file("[theme]\nprimaryColor = \"#0af\"");
    /// assert!(good.theme().is_some() && good.theme_error().is_none());
    /// let bad = Session::new(app).with_theme_file("[theme]\nprimary = \"#0af\"");
    /// assert!(bad.theme().is_none() && bad.theme_error().unwrap().contains("primary"));
    /// ```
    pub fn with_theme_file(mut self, text: &str) -> Self {
        self.theme = Some(crate::theme::ThemeConfig::from_toml(text));
        self.theme_css = Some(crate::theme::ThemeConfig::css);
        self
    }

    /// Gives the app its `wasmlit.toml`, usually [`config!`](crate::config!)`("wasmlit.toml")`
    /// (checked at build time): its `[secrets]` and `[connections.<name>]` become
    /// [`Ui::secrets`] and connection parameters, and its `[theme]`, if any, the theme as
    /// [`Self::with_theme_file`]. A refused file is reported as [`Self::theme_error`] is (the
    /// page says why above the app, which runs without it).
    ///
    /// ```
    /// use wasmlit::{config::AppConfig, Session, Ui};
    /// fn app(ui: &Ui) {
    ///     ui.title("Hi");
    /// }
    /// let good = Session::new(app).with_config(AppConfig::parse("[secrets]\nregion = \"eu\""));
    /// assert!(good.theme_error().is_none());
    /// let bad = Session::new(app).with_config(AppConfig::parse("[secrets]\ntoken = \"t0p\""));
    /// assert!(bad.theme_error().unwrap().contains("`secrets.token`"));
    /// let themed = Session::new(app).with_config(AppConfig::parse("[theme]\nprimaryColor = \"#0af\""));
    /// assert!(themed.theme_css().unwrap().contains("--wl-primary: #0af;"));
    /// ```
    pub fn with_config(mut self, config: crate::config::AppConfig) -> Self {
        self.set_config(config);
        self
    }

    /// [`Self::with_config`] on a session already made (`AppTest::config`).
    pub fn set_config(&mut self, config: crate::config::AppConfig) {
        if let Some(error) = config.error() {
            self.theme = Some(Err(error.to_string()));
        } else if config.has_theme() {
            self.theme = Some(crate::theme::ThemeConfig::from_toml(config.text()));
            self.theme_css = Some(crate::theme::ThemeConfig::css);
        }
        self.runtime.borrow_mut().secrets.config = Some(Rc::new(config.secrets_root()));
    }

    /// The session's secrets, for `AppTest` to set and read.
    pub(crate) fn with_secrets<R>(&self, f: impl FnOnce(&mut crate::secrets::SecretStore) -> R) -> R {
        f(&mut self.runtime.borrow_mut().secrets)
    }

    /// The custom theme, when the app has a valid one.
    pub fn theme(&self) -> Option<&crate::theme::ThemeConfig> {
        self.theme.as_ref().and_then(|t| t.as_ref().ok())
    }

    /// The custom theme as the page's CSS custom properties, when the app has a valid one.
    ///
    /// ```
    /// use wasmlit::{Session, Ui};
    /// fn app(ui: &Ui) {
    ///     ui.title("Hi");
    /// }
    /// let themed = Session::new(app).with_theme_file("[theme]\nprimaryColor = \"#0af\"");
    /// assert!(themed.theme_css().unwrap().contains("--wl-primary: #0af;"));
    /// assert!(Session::new(app).theme_css().is_none());
    /// ```
    pub fn theme_css(&self) -> Option<String> {
        Some((self.theme_css?)(self.theme()?))
    }

    /// Why the app's theme was refused.
    pub fn theme_error(&self) -> Option<&str> {
        self.theme.as_ref().and_then(|t| t.as_ref().err()).map(String::as_str)
    }

    /// Replaces the session's clock (the browser uses real timers).
    pub fn set_clock(&mut self, clock: Rc<dyn Clock>) {
        self.runtime.borrow_mut().clock = clock;
        self.virtual_clock = None;
    }

    /// Replaces where `ui.fetch` goes (the browser uses `window.fetch`; `AppTest` serves files
    /// from memory).
    pub fn set_fetcher(&mut self, fetcher: Rc<dyn crate::fetch::Fetcher>) {
        let mut runtime = self.runtime.borrow_mut();
        runtime.fetcher = Some(fetcher);
        runtime.fetch_in_page = false;
    }

    /// Sends `ui.fetch` to `window.fetch` (the page does this when it mounts the session).
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn fetch_in_page(&mut self) {
        self.runtime.borrow_mut().fetch_in_page = true;
    }

    /// Runs the script (or the fragments asked for) once for `request`, to
    /// the end, and returns how the run ended. With the native virtual clock,
    /// sleeps take no time; a script awaiting anything else fails here.
    pub fn run(&mut self, request: RerunRequest) -> RunStatus {
        let mut future = self.begin_run(request);
        self.drive(&mut future, None).unwrap_or_else(|| self.finish_run(Err(never_completes())))
    }

    /// Polls an in-flight run on the virtual clock until it ends or the clock
    /// reaches `limit` (then the run is still in flight: `None`).
    pub(crate) fn drive(
        &mut self,
        future: &mut LocalFuture<crate::Result>,
        limit: Option<Duration>,
    ) -> Option<RunStatus> {
        let clock = self.virtual_clock.clone()?;
        let limit = limit.map(|limit| clock.now() + limit);
        let result = drive(future, &clock, limit);
        match result {
            Some(result) => Some(self.finish_run(result)),
            None if limit.is_some() => None,
            None => Some(self.finish_run(Err(never_completes()))),
        }
    }

    /// What `request` would run: the whole script, or only some fragments.
    pub fn scope_of(&self, request: &RerunRequest) -> RunScope {
        if request.wants_full_run() {
            return RunScope::Full;
        }
        let runtime = self.runtime.borrow();
        let mut ids: Vec<FragmentId> = request.fragments().iter().copied().collect();
        for id in request.values().keys() {
            match runtime.store.widgets.get(id).map(|record| record.fragment) {
                Some(Some(fragment)) => ids.push(fragment),
                Some(None) => return RunScope::Full,
                None => {}
            }
        }
        // Only fragments whose body is still where the last full run drew it.
        ids.retain(|id| runtime.fragments.get(id).is_some_and(|f| f.place.holds_fragment(&runtime.tree, *id)));
        ids.sort_by_key(|id| runtime.fragments.get(id).map(|f| f.place.clone()));
        ids.dedup();
        // A fragment drawn inside another one that reruns reruns with it (once, in its place).
        let places: Vec<Place> =
            ids.iter().filter_map(|id| runtime.fragments.get(id).map(|f| f.place.clone())).collect();
        ids.retain(|id| {
            let place = &runtime.fragments[id].place;
            !places.iter().any(|outer| outer != place && outer.contains(place))
        });
        if ids.is_empty() {
            RunScope::Full
        } else {
            RunScope::Fragments(ids)
        }
    }

    /// Whether `pending` (every request waiting, merged) cancels the run in flight, or waits
    /// for it to end: a request that needs the whole script interrupts it (Streamlit's fast
    /// reruns; its presses are carried over by [`interrupt_run`](Self::interrupt_run)); one
    /// that only reruns fragments waits, so the full run draws to its end first. The page
    /// and `AppTest` both drive runs by this one rule.
    pub fn interrupts_run(&self, pending: &RerunRequest) -> bool {
        self.scope_of(pending) == RunScope::Full
    }

    /// Starts a run: resets buttons, applies the request's widget values, runs
    /// the callbacks of widgets whose value changed, and returns the future of
    /// the script body (or of the fragments asked for). Pass its output to
    /// [`finish_run`](Self::finish_run). A synchronous script has already run
    /// when this returns.
    pub fn begin_run(&mut self, request: RerunRequest) -> LocalFuture<crate::Result> {
        self.runs += 1;
        self.follow_up = None;
        let scope = self.scope_of(&request);
        let (callbacks, fragments) = {
            let mut runtime = self.runtime.borrow_mut();
            let runtime = &mut *runtime;
            runtime.phase = Phase::Callbacks;
            runtime.run_id += 1;
            runtime.forms.clear();
            runtime.running_fragments.clear();
            runtime.dialog_opened = false;
            runtime.fragment_failed = false;
            runtime.fragments_seen.clear();
            let mut fragments = Vec::new();
            match &scope {
                RunScope::Full => {
                    runtime.tree = ElementTree::default();
                }
                RunScope::Fragments(ids) => {
                    for id in ids {
                        let Some(record) = runtime.fragments.get(id) else { continue };
                        record.place.clear_children(&mut runtime.tree);
                        fragments.push((*id, record.place.clone(), record.script.clone(), record.page.clone()));
                    }
                }
            }
            runtime.scope = scope.clone();
            let store = &mut runtime.store;
            store.reset_triggers();
            store.start_run();
            let mut changed = Vec::new();
            for (id, value) in request.values() {
                let Some(record) = store.widgets.get_mut(id) else { continue };
                // A value the widget cannot hold (out of range, not an option) is refused.
                if (record.decode)(value).is_none() {
                    continue;
                }
                // The visitor's value is newer than one set for the widget's key in an earlier
                // run and not yet taken (say, by a callback of a fragment that does not draw it).
                if let Some(key) = &record.key {
                    store.user.remove(key);
                }
                if &record.value != value {
                    let old = std::mem::replace(&mut record.value, value.clone());
                    if !request.called_back(*id) {
                        changed.push((*id, old));
                    }
                }
            }
            let order = &store.order;
            changed.sort_by_key(|(id, _)| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
            let callbacks: Vec<_> = changed
                .into_iter()
                .flat_map(|(id, old)| store.widgets.get(&id).map(|r| r.callbacks(&old)).unwrap_or_default())
                .collect();
            (callbacks, fragments)
        };
        // Callback output goes above the script's: at the top of the page, or
        // of the fragment that reruns.
        let callback_ui = match fragments.first() {
            Some((id, place, ..)) => Ui::at_place(self.runtime.clone(), place.clone(), Some(*id)),
            None => Ui::root(self.runtime.clone()),
        };
        for callback in callbacks {
            match callback(&callback_ui) {
                Ok(()) => {}
                Err(error) if error.is_rerun() => {
                    callback_ui.warning("Calling st.rerun() within a callback is a no-op.");
                }
                // As in Streamlit, callbacks run inside the script's error handling.
                Err(error) => {
                    self.runtime.borrow_mut().phase = Phase::Script;
                    return Box::pin(std::future::ready(Err(error)));
                }
            }
        }
        self.runtime.borrow_mut().phase = Phase::Script;
        if fragments.is_empty() {
            return (self.script)(Ui::root(self.runtime.clone()));
        }
        let runtime = self.runtime.clone();
        // Fragments are synchronous functions: run them now, in order. One that raises has its
        // error drawn in its body and the others still run (with their presses), as in
        // Streamlit; `stop()` and reruns end the run.
        let mut result = Ok(());
        for (id, place, script, page) in fragments {
            let outer = std::mem::replace(&mut runtime.borrow_mut().pages.running, page);
            let ran = crate::fragment::run_body(&Ui::at_place(runtime.clone(), place, Some(id)), &*script);
            runtime.borrow_mut().pages.running = outer;
            match ran {
                Ok(()) => {}
                Err(error) if error.is_script_error() => {
                    if result.is_ok() {
                        result = Err(error);
                    }
                }
                Err(control) => {
                    result = Err(control);
                    break;
                }
            }
        }
        Box::pin(std::future::ready(result))
    }

    /// Ends a run with the script's result: shows an error in place, checks
    /// forms, and drops widgets not drawn if (and only if) the run completed.
    pub fn finish_run(&mut self, result: crate::Result) -> RunStatus {
        let scope = self.runtime.borrow().scope.clone();
        let error_ui = match &scope {
            RunScope::Full => Ui::root(self.runtime.clone()),
            RunScope::Fragments(ids) => {
                let place = self.runtime.borrow().fragments.get(&ids[0]).map(|f| f.place.clone());
                match place {
                    Some(place) => Ui::at_place(self.runtime.clone(), place, Some(ids[0])),
                    None => Ui::root(self.runtime.clone()),
                }
            }
        };
        let fragment_failed = std::mem::take(&mut self.runtime.borrow_mut().fragment_failed);
        let status = match result {
            // A fragment's error ends the run in Streamlit; if the script ignored it, the run
            // still failed (the error is drawn in the fragment).
            Ok(()) if fragment_failed => RunStatus::Failed,
            Ok(()) => RunStatus::Completed,
            Err(error) => match error.into_kind() {
                ErrorKind::Stop => RunStatus::Stopped,
                ErrorKind::Rerun => {
                    self.follow_up = Some(RerunRequest::full());
                    RunStatus::RerunRequested
                }
                ErrorKind::RerunFragment(id) => {
                    self.follow_up = Some(RerunRequest::fragment(id));
                    RunStatus::RerunRequested
                }
                ErrorKind::Script { kind, message, shown } => {
                    // A fragment's error is already drawn in its body.
                    if !shown {
                        error_ui.push_exception(kind, message);
                    }
                    RunStatus::Failed
                }
            },
        };
        crate::form::finish_forms(&self.runtime);
        let mut runtime = self.runtime.borrow_mut();
        let runtime = &mut *runtime;
        runtime.phase = Phase::Idle;
        if matches!(status, RunStatus::Completed | RunStatus::RerunRequested) {
            match &scope {
                RunScope::Full => {
                    runtime.store.remove_unseen_widgets(|_| true);
                    let seen = &runtime.fragments_seen;
                    runtime.fragments.retain(|id, _| seen.contains(id));
                }
                RunScope::Fragments(ids) => {
                    // The fragments that reran, and those drawn inside them: a nested fragment its
                    // parent no longer draws goes, with its widgets.
                    let within = runtime.fragments_within(ids);
                    runtime.store.remove_unseen_widgets(|record| record.fragment.is_some_and(|f| within.contains(&f)));
                    let seen = &runtime.fragments_seen;
                    runtime.fragments.retain(|id, _| ids.contains(id) || seen.contains(id) || !within.contains(id));
                }
            }
        }
        runtime.store.finish_run(scope == RunScope::Full);
        // A bound widget cleaned up takes its query parameter with it.
        runtime.query.drop_stale(&runtime.store.widgets);
        runtime.pages.running = None;
        status
    }

    /// Cancels the run in flight (its future must be dropped): no cleanup, so
    /// widgets it did not reach keep their state. Returns the button presses
    /// the run had not reached yet, to be merged into the next request so no
    /// press is lost; their callbacks ran before the cancelled run and do not
    /// run again.
    pub fn interrupt_run(&mut self) -> RerunRequest {
        let mut runtime = self.runtime.borrow_mut();
        runtime.phase = Phase::Idle;
        let store = &mut runtime.store;
        let mut carried = RerunRequest::default();
        for (id, record) in &store.widgets {
            if record.value.is_pending_trigger() && !store.seen_set.contains(id) {
                carried.push_called_back(*id, record.value.clone());
            }
        }
        store.finish_run(false);
        carried
    }

    /// The request the last run asked for with `rerun()` / `rerun_fragment()`.
    pub fn take_follow_up(&mut self) -> Option<RerunRequest> {
        self.follow_up.take()
    }

    /// The element tree of the latest run.
    pub fn tree(&self) -> ElementTree {
        self.runtime.borrow().tree.clone()
    }

    /// Calls `f` with the element tree of the latest run, without copying it.
    pub fn with_tree<R>(&self, f: impl FnOnce(&ElementTree) -> R) -> R {
        f(&self.runtime.borrow().tree)
    }

    pub(crate) fn runtime(&self) -> Rc<RefCell<Runtime>> {
        self.runtime.clone()
    }

    /// The session state handle.
    pub fn session_state(&self) -> SessionState {
        SessionState::new(self.runtime.clone())
    }

    /// How many runs have started.
    pub fn runs(&self) -> u64 {
        self.runs
    }

    /// The fragments of the page that rerun on a timer, with their period.
    pub fn timed_fragments(&self) -> Vec<(FragmentId, Duration)> {
        let mut timed = Vec::new();
        self.with_tree(|tree| {
            for root in [&tree.main, &tree.sidebar] {
                for block in root.blocks() {
                    if let BlockKind::Fragment { id, run_every_ms: Some(ms) } = block.kind {
                        timed.push((id, Duration::from_millis(ms)));
                    }
                }
            }
        });
        timed
    }

    /// A widget's wire value decoded as the script would see it.
    pub(crate) fn decode_widget(&self, id: WidgetId, wire: &WidgetValue) -> Option<crate::session_state::Value> {
        let runtime = self.runtime.borrow();
        runtime.store.widgets.get(&id).and_then(|record| (record.decode)(wire))
    }

    /// Replaces the query parameters with those of `query` (the address bar's `?...`), as
    /// when the app is opened; bound widgets take them on their first run.
    pub fn load_query_string(&mut self, query: &str) {
        self.runtime.borrow_mut().query.load(query);
    }

    /// The query parameters as the address bar should show them (without `?`).
    pub fn query_string(&self) -> String {
        self.runtime.borrow().query.to_query_string()
    }

    /// Messages about the URL for the browser console (bad query parts, refused values).
    pub fn take_console_notes(&mut self) -> Vec<String> {
        self.runtime.borrow_mut().query.take_notes()
    }

    /// Asks for the page at `path` (a URL path without slashes; `""`: the default page) for
    /// the next run, as the address bar or a link does.
    pub fn request_page(&mut self, path: &str) {
        self.runtime.borrow_mut().pages.requested = Some(path.trim_matches('/').to_string());
    }

    /// The URL path of the page the last run showed (`None` for an app without pages).
    pub fn current_page(&self) -> Option<String> {
        self.runtime.borrow().pages.current.clone()
    }

    /// The path the address bar should show for the page the last run showed (`""` for the
    /// default page), and whether the viewer moved there by `switch_page` (a new history
    /// entry) rather than the app correcting the address; `None` for an app without pages.
    pub fn take_address(&mut self) -> Option<(String, bool)> {
        let mut runtime = self.runtime.borrow_mut();
        // A switch asked for but not made yet (the run that called `switch_page` ends in a
        // rerun): the address waits for it, and keeps its new history entry.
        if crate::pages::switch_pending(&runtime.pages) {
            return None;
        }
        let push = std::mem::take(&mut runtime.pages.push);
        crate::pages::address_path(&runtime.pages).map(|path| (path, push))
    }

    /// The virtual clock, if the session runs on one (natively, in tests).
    pub fn virtual_clock(&self) -> Option<Rc<VirtualClock>> {
        self.virtual_clock.clone()
    }

    /// All elements of the latest run, in display order.
    pub fn elements(&self) -> Vec<Element> {
        self.with_tree(|tree| tree.elements().into_iter().cloned().collect())
    }
}

fn never_completes() -> Error {
    Error::msg(
        "the script awaited something that never completes outside the browser \
         (natively only `ui.sleep` and `ui.yield_now` make progress)",
    )
}
