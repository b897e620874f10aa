//! The rerun engine: a session that applies widget values, runs callbacks,
//! runs the script and cleans up after it.
//!
//! A run has three steps — [`Session::begin_run`], the script, and
//! [`Session::finish_run`] — so a driver can run a synchronous script in one
//! go ([`Session::run`]) or await an async one between the two ends.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::element::{Element, ElementTree, WidgetEvent, WidgetValue};
use crate::error::{ErrorKind, IntoScriptResult};
use crate::identity::WidgetId;
use crate::session_state::{SessionState, StateStore};
use crate::ui::Ui;

/// State shared by the session and every [`Ui`] handle of the running script.
#[derive(Default)]
pub(crate) struct Runtime {
    pub store: StateStore,
    pub tree: ElementTree,
    pub phase: Phase,
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

/// A request to rerun, carrying the widget values the page changed.
///
/// Requests that arrive while a run is pending are coalesced: the newest
/// value per widget wins, but a button press is never lost.
///
/// ```
/// use wasmlit::{RerunRequest, WidgetEvent, WidgetValue, identity::WidgetId};
/// let (slider, button) = (WidgetId(1), WidgetId(2));
/// let mut pending = RerunRequest::default();
/// pending.push(WidgetEvent { id: button, value: WidgetValue::Trigger(true) });
/// pending.push(WidgetEvent { id: slider, value: WidgetValue::Number(1.0) });
/// let mut newer = RerunRequest::default();
/// newer.push(WidgetEvent { id: slider, value: WidgetValue::Number(2.0) });
/// newer.push(WidgetEvent { id: button, value: WidgetValue::Trigger(false) });
/// pending.merge(newer);
/// assert_eq!(pending.value(slider), Some(&WidgetValue::Number(2.0)));
/// assert_eq!(pending.value(button), Some(&WidgetValue::Trigger(true)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RerunRequest {
    values: BTreeMap<WidgetId, WidgetValue>,
}

impl RerunRequest {
    /// A request carrying one widget value.
    pub fn from_event(event: WidgetEvent) -> Self {
        let mut request = RerunRequest::default();
        request.push(event);
        request
    }

    /// Adds a widget value; a pending button press survives a newer release.
    pub fn push(&mut self, event: WidgetEvent) {
        let keep_trigger = self.values.get(&event.id) == Some(&WidgetValue::Trigger(true))
            && matches!(event.value, WidgetValue::Trigger(false));
        if !keep_trigger {
            self.values.insert(event.id, event.value);
        }
    }

    /// Folds a newer request into this one.
    pub fn merge(&mut self, newer: RerunRequest) {
        for (id, value) in newer.values {
            self.push(WidgetEvent { id, value });
        }
    }

    /// The value this request carries for `id`.
    pub fn value(&self, id: WidgetId) -> Option<&WidgetValue> {
        self.values.get(&id)
    }

    /// The widgets this request carries values for.
    pub fn ids(&self) -> impl Iterator<Item = WidgetId> + '_ {
        self.values.keys().copied()
    }

    /// Whether the request carries no widget value (e.g. a plain "Rerun").
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// The script returned `Ok`: widgets not drawn were dropped.
    Completed,
    /// The script called `stop()`: widget cleanup was skipped.
    Stopped,
    /// The script returned an error, shown in place; widget cleanup was skipped.
    Failed,
    /// The script called `rerun()`: the driver should run again.
    RerunRequested,
}

/// The boxed form of a synchronous script.
pub(crate) type Script = Rc<dyn Fn(&Ui) -> crate::Result>;

/// One viewer's session: the script plus everything that survives between runs.
pub struct Session {
    runtime: Rc<RefCell<Runtime>>,
    script: Script,
    runs: u64,
}

impl Session {
    /// A session for a synchronous script: `fn(&Ui)` or `fn(&Ui) -> Result`.
    pub fn new<F, R>(script: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        Session {
            runtime: Rc::default(),
            script: Rc::new(move |ui: &Ui| script(ui).into_script_result()),
            runs: 0,
        }
    }

    /// Runs the script once for `request` and returns how the run ended.
    pub fn run(&mut self, request: RerunRequest) -> RunStatus {
        let result = self.begin_run(request).and_then(|ui| (self.script)(&ui));
        self.finish_run(result)
    }

    /// Starts a run: resets buttons, applies the request's widget values and
    /// runs the callbacks of widgets whose value changed. Returns the root
    /// [`Ui`] for the script body, or the error of a callback that failed or
    /// called `stop()` (the body then does not run; pass it to
    /// [`finish_run`](Self::finish_run)).
    pub fn begin_run(&mut self, request: RerunRequest) -> crate::Result<Ui> {
        self.runs += 1;
        let callbacks = {
            let mut runtime = self.runtime.borrow_mut();
            runtime.tree = ElementTree::default();
            runtime.phase = Phase::Callbacks;
            let store = &mut runtime.store;
            store.reset_triggers();
            store.start_run();
            let mut changed = Vec::new();
            for (id, value) in request.values {
                let Some(record) = store.widgets.get_mut(&id) else { continue };
                // A value the widget cannot hold (out of range, not an option) is refused.
                if record.value != value && (record.decode)(&value).is_some() {
                    record.value = value;
                    changed.push(id);
                }
            }
            let order = &store.order;
            changed.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
            changed
                .into_iter()
                .filter_map(|id| store.widgets.get(&id).and_then(|r| r.callback.clone()))
                .collect::<Vec<_>>()
        };
        let ui = Ui::root(self.runtime.clone());
        for callback in callbacks {
            match callback(&ui) {
                Ok(()) => {}
                Err(error) if error.is_rerun() => {
                    ui.warning("Calling st.rerun() within a callback is a no-op.");
                }
                // As in Streamlit, callbacks run inside the script's error handling.
                Err(error) => return Err(error),
            }
        }
        self.runtime.borrow_mut().phase = Phase::Script;
        Ok(ui)
    }

    /// Ends a run with the script's result: shows an error in place, and drops
    /// widgets not drawn if (and only if) the run completed.
    pub fn finish_run(&mut self, result: crate::Result) -> RunStatus {
        let status = match result {
            Ok(()) => RunStatus::Completed,
            Err(error) => match error.into_kind() {
                ErrorKind::Stop => RunStatus::Stopped,
                ErrorKind::Rerun => RunStatus::RerunRequested,
                ErrorKind::Script { kind, message } => {
                    Ui::root(self.runtime.clone()).push_exception(kind, message);
                    RunStatus::Failed
                }
            },
        };
        let mut runtime = self.runtime.borrow_mut();
        runtime.phase = Phase::Idle;
        if matches!(status, RunStatus::Completed | RunStatus::RerunRequested) {
            runtime.store.remove_unseen_widgets();
        }
        runtime.store.finish_run();
        status
    }

    /// The element tree of the latest run.
    pub fn tree(&self) -> ElementTree {
        self.runtime.borrow().tree.clone()
    }

    /// Calls `f` with the element tree of the latest run, without copying it.
    pub fn with_tree<R>(&self, f: impl FnOnce(&ElementTree) -> R) -> R {
        f(&self.runtime.borrow().tree)
    }

    /// The session state handle.
    pub fn session_state(&self) -> SessionState {
        SessionState::new(self.runtime.clone())
    }

    /// How many runs have started.
    pub fn runs(&self) -> u64 {
        self.runs
    }

    /// A widget's wire value decoded as the script would see it.
    pub(crate) fn decode_widget(&self, id: WidgetId, wire: &WidgetValue) -> Option<crate::session_state::Value> {
        let runtime = self.runtime.borrow();
        runtime.store.widgets.get(&id).and_then(|record| (record.decode)(wire))
    }

    /// All elements of the latest run, in display order.
    pub fn elements(&self) -> Vec<Element> {
        self.with_tree(|tree| tree.elements().into_iter().cloned().collect())
    }
}
