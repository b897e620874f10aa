//! What stateful tabs, expanders and popovers share (Streamlit's `on_change` on `st.tabs`,
//! `st.expander` and `st.popover`): the [`Static`] and [`Stateful`] modes of their builders,
//! the [`Panel`] a stateful one hands back, and the registration of its open state as a
//! widget value.

use std::any::Any;
use std::ops::Deref;
use std::rc::Rc;

use crate::element::WidgetValue;
use crate::error::IntoScriptResult;
use crate::identity::Identity;
use crate::session_state::Callback;
use crate::ui::Ui;
use crate::widgets::{api, register, CommonOptions, DecodeFn, EncodeFn, Registered, Spec, WidgetError};

/// The default mode of [`Tabs`](super::tabs::Tabs), [`Expander`](super::expander::Expander)
/// and [`Popover`](super::popover::Popover): every body runs, opening and closing happen in
/// the browser only, and the builder returns plain [`Ui`]s.
pub struct Static;

/// The mode a builder enters with `.on_change(..)` or `.rerun_on_change()`: the open state
/// is widget state (its key's session-state value), changing it reruns the app, and the
/// builder returns [`Panel`]s that say whether they are open.
pub struct Stateful {
    callback: Option<Callback>,
}

/// `on_change` and `rerun_on_change` of [`Tabs`](super::tabs::Tabs),
/// [`Expander`](super::expander::Expander) and [`Popover`](super::popover::Popover): they make
/// the open state widget state (Streamlit's `on_change=` on `st.tabs`, `st.expander`,
/// `st.popover`). The builder then hands back [`Panel`]s; with a `key`, the key's
/// session-state value is the selected tab's label or whether it is open, and setting it
/// before the container is drawn selects, opens or closes it.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let help = ui.add(Expander::new("Help").key("help").rerun_on_change());
///     ui.write(format!("help open: {}", help.open));
/// });
/// at.run();
/// at.expander(0).open().run();
/// assert_eq!(at.markdown(0).text(), "help open: true");
/// assert!(at.session_state().get::<bool>("help").unwrap());
/// ```
pub trait OnChange: Sized {
    /// The builder in [`Stateful`] mode.
    type Stateful;
    #[doc(hidden)]
    fn stateful(self, mode: Stateful) -> Self::Stateful;

    /// Streamlit's `on_change=callable`: when the viewer selects another tab, or opens or
    /// closes the expander or popover, `callback` runs (in the order of other widgets'
    /// callbacks), then the app reruns.
    fn on_change<F, R>(self, callback: F) -> Self::Stateful
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.stateful(Stateful { callback: Some(Rc::new(move |ui: &Ui| callback(ui).into_script_result())) })
    }

    /// Streamlit's `on_change="rerun"`: like [`on_change`](Self::on_change) without a callback.
    fn rerun_on_change(self) -> Self::Stateful {
        self.stateful(Stateful { callback: None })
    }
}

/// The body of a stateful tab, expander or popover, and whether it is the open one in this
/// run (Streamlit's `.open`). It derefs to its [`Ui`], so `panel.write(..)` draws in it; a
/// script can skip the expensive content of a closed panel.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let [summary, details] = ui.add(Tabs::new(["Summary", "Details"]).rerun_on_change());
///     summary.write("short");
///     if details.open {
///         details.write("expensive"); // runs only while "Details" is selected
///     }
/// });
/// at.run();
/// assert!(at.tab(1).get("markdown").is_empty());
/// at.tabs(0).select("Details").run();
/// assert_eq!(at.tab(1).markdown(0).text(), "expensive");
/// ```
pub struct Panel {
    /// Whether this is the selected tab, or the expander or popover is open.
    pub open: bool,
    ui: Ui,
}

impl Panel {
    pub(crate) fn new(ui: Ui, open: bool) -> Self {
        Panel { open, ui }
    }

    /// The body's handle, to keep or pass on.
    pub fn ui(&self) -> &Ui {
        &self.ui
    }
}

impl Deref for Panel {
    type Target = Ui;
    fn deref(&self) -> &Ui {
        &self.ui
    }
}

/// How one container's open state is a widget value.
pub(crate) struct OpenSpec<T> {
    pub kind: &'static str,
    pub label: String,
    pub key: Option<String>,
    pub identity: Identity,
    pub default: WidgetValue,
    pub decode: DecodeFn<T>,
    pub encode: EncodeFn<T>,
    pub explicit_default: bool,
}

/// Registers a stateful container's open state as a widget (identity, key binding,
/// session state, callback); a form cannot hold one, since its values wait for a submit.
pub(crate) fn register_open<T: Any + Clone>(
    ui: &Ui,
    mode: Stateful,
    spec: OpenSpec<T>,
) -> Result<Registered<T>, WidgetError> {
    let OpenSpec { kind, label, key, identity, default, decode, encode, explicit_default } = spec;
    if ui.form_key().is_some() {
        return Err(api(format!(
            "The {kind} \"{label}\" has an on_change and is in a form: a form holds its values until it is \
             submitted, so only static {kind} can be in one."
        )));
    }
    let options = CommonOptions { key, callback: mode.callback, ..CommonOptions::default() };
    register(ui, &label, &options, Spec { kind, identity, default, decode, encode, explicit_default })
}

/// A bool open state (expander, popover): the spec of its wire value.
pub(crate) fn bool_state(
    kind: &'static str,
    label: String,
    key: Option<String>,
    identity: Identity,
    open: bool,
    explicit_default: bool,
) -> OpenSpec<bool> {
    OpenSpec {
        kind,
        label,
        key,
        identity,
        default: WidgetValue::Bool(open),
        decode: Rc::new(|wire| match wire {
            WidgetValue::Bool(open) => Some(*open),
            _ => None,
        }),
        encode: Box::new(|open| Ok(WidgetValue::Bool(*open))),
        explicit_default,
    }
}
