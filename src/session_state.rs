//! Session state: values that survive reruns, shared by the script and its widgets.
//!
//! Widget keys live here too: a keyed widget's value is readable (and, before
//! the widget is drawn in a run, writable) under its key.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) -> Result {
//!     let state = ui.session_state();
//!     let runs = state.get_or_insert_with("runs", || 0)? + 1;
//!     state.set("runs", runs)?;
//!     ui.write(format!("This page has run {runs} times."));
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.run().run();
//! assert_eq!(at.markdown(0).text(), "This page has run 2 times.");
//! ```

use std::any::{type_name, Any};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

use crate::element::WidgetValue;
use crate::identity::WidgetId;
use crate::runtime::Runtime;
use crate::ui::Ui;

/// A value of any cloneable type, with its type name kept for error messages.
pub(crate) struct Value {
    inner: Box<dyn CloneAny>,
    type_name: &'static str,
}

trait CloneAny: Any {
    fn clone_box(&self) -> Box<dyn CloneAny>;
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any + Clone> CloneAny for T {
    fn clone_box(&self) -> Box<dyn CloneAny> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Clone for Value {
    fn clone(&self) -> Self {
        Value { inner: self.inner.clone_box(), type_name: self.type_name }
    }
}

impl Value {
    pub(crate) fn new<T: Any + Clone>(value: T) -> Self {
        Value { inner: Box::new(value), type_name: type_name::<T>() }
    }

    pub(crate) fn downcast<T: Any + Clone>(&self) -> Option<T> {
        self.inner.as_any().downcast_ref::<T>().cloned()
    }

    pub(crate) fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The value as a `T`, allowing the conversions a Python user takes for
    /// granted: `&str` to `String`, and between number types when no
    /// information is lost (`5` is a fine `5.0`; `5.5` is not an integer).
    pub(crate) fn coerce<T: Any + Clone>(&self) -> Option<T> {
        if let Some(value) = self.downcast::<T>() {
            return Some(value);
        }
        let any = self.inner.as_any();
        let converted: Box<dyn Any> = if let Some(text) = any.downcast_ref::<&'static str>() {
            Box::new(text.to_string())
        } else if let Some(number) = as_f64(any) {
            from_f64::<T>(number)?
        } else {
            return None;
        };
        converted.downcast::<T>().ok().map(|boxed| *boxed)
    }
}

macro_rules! numbers {
    ($callback:ident) => {
        $callback!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64)
    };
}

fn as_f64(any: &dyn Any) -> Option<f64> {
    macro_rules! try_each {
        ($($t:ty),*) => {$(
            if let Some(n) = any.downcast_ref::<$t>() {
                return Some(*n as f64);
            }
        )*};
    }
    numbers!(try_each);
    None
}

fn from_f64<T: Any>(number: f64) -> Option<Box<dyn Any>> {
    use std::any::TypeId;
    macro_rules! try_each {
        ($($t:ty),*) => {$(
            if TypeId::of::<T>() == TypeId::of::<$t>() {
                let converted = number as $t;
                return (converted as f64 == number).then(|| Box::new(converted) as Box<dyn Any>);
            }
        )*};
    }
    numbers!(try_each);
    None
}

/// Decodes a widget's wire value into the typed value the script sees;
/// `None` if the widget cannot hold that value.
pub(crate) type Decode = Rc<dyn Fn(&WidgetValue) -> Option<Value>>;
/// A callback: `on_change` / `on_click`.
pub(crate) type Callback = Rc<dyn Fn(&Ui) -> crate::Result>;
/// Picks the callbacks a change from the old wire value to the new one fires (a custom
/// component has one per state or trigger value).
pub(crate) type SelectCallbacks = Rc<dyn Fn(&WidgetValue, &WidgetValue) -> Vec<Callback>>;

/// The engine's record of one widget between runs.
pub(crate) struct WidgetRecord {
    pub kind: &'static str,
    pub key: Option<String>,
    pub value: WidgetValue,
    pub decode: Decode,
    pub callback: Option<Callback>,
    /// Callbacks chosen by what changed, instead of `callback` (custom components).
    pub select_callbacks: Option<SelectCallbacks>,
    /// The value a form's `clear_on_submit` puts back.
    pub default: WidgetValue,
    /// The form the widget is in: its value arrives only on submit.
    pub form: Option<Rc<str>>,
    /// The fragment whose body drew the widget: changing it reruns only that.
    pub fragment: Option<crate::element::FragmentId>,
    /// The page whose body drew the widget (its url path); `None` for the entry script's frame.
    pub page: Option<Rc<str>>,
}

/// Everything that survives between runs.
#[derive(Default)]
pub(crate) struct StateStore {
    /// Plain keys, and values set for widget keys before their widget ran.
    pub user: BTreeMap<String, Value>,
    pub widgets: HashMap<WidgetId, WidgetRecord>,
    /// Visible widget keys: key → the widget it is bound to.
    pub keys: BTreeMap<String, WidgetId>,
    /// Widgets drawn in the current run, in order.
    pub seen: Vec<WidgetId>,
    pub seen_set: HashSet<WidgetId>,
    /// Widget order of the last run: callbacks fire in this order.
    pub order: Vec<WidgetId>,
    /// Values restored from browser storage or a development-reload snapshot.
    pub restored: crate::persisted_state::Restored,
}

impl WidgetRecord {
    /// The callbacks a change from `old` to the record's value fires.
    pub(crate) fn callbacks(&self, old: &WidgetValue) -> Vec<Callback> {
        match &self.select_callbacks {
            Some(select) => select(old, &self.value),
            None => self.callback.iter().cloned().collect(),
        }
    }
}

impl StateStore {
    fn bound_widget(&self, key: &str) -> Option<&WidgetRecord> {
        self.keys.get(key).and_then(|id| self.widgets.get(id))
    }

    pub(crate) fn get_value(&self, key: &str) -> Option<Value> {
        if let Some(value) = self.user.get(key) {
            return Some(value.clone());
        }
        self.bound_widget(key).and_then(|record| (record.decode)(&record.value))
    }

    /// Drops widgets not drawn in the run that just completed.
    pub(crate) fn remove_unseen_widgets(&mut self, in_scope: impl Fn(&WidgetRecord) -> bool) {
        let seen = std::mem::take(&mut self.seen_set);
        let stale: Vec<WidgetId> = self
            .widgets
            .iter()
            .filter(|(id, record)| !seen.contains(id) && in_scope(record))
            .map(|(id, _)| *id)
            .collect();
        for id in stale {
            if let Some(record) = self.widgets.remove(&id) {
                if let Some(key) = record.key {
                    if self.keys.get(&key) == Some(&id) {
                        self.keys.remove(&key);
                    }
                }
            }
        }
        self.seen_set = seen;
    }

    pub(crate) fn start_run(&mut self) {
        self.seen.clear();
        self.seen_set.clear();
    }

    /// Ends a run; a full run's widget order is the order callbacks fire in next.
    pub(crate) fn finish_run(&mut self, full: bool) {
        if full {
            self.order = self.seen.clone();
        }
        // Between runs no widget is drawn: every widget key may be set again.
        self.seen_set.clear();
        self.reset_triggers();
    }

    /// Buttons go back to false and chat inputs to `None`: a press or a submission lasts
    /// exactly one run.
    pub(crate) fn reset_triggers(&mut self) {
        for record in self.widgets.values_mut() {
            if let Some(released) = record.value.released() {
                record.value = released;
            }
        }
    }
}

/// Why a session-state call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateError {
    /// The key does not exist.
    Missing { key: String },
    /// The key holds a value of another type.
    WrongType { key: String, expected: &'static str, found: &'static str },
    /// The key belongs to a widget already drawn in this run.
    WidgetAlreadyCreated { key: String },
    /// Buttons are true for one run only, and a data editor's edits come from the viewer:
    /// their value cannot be set.
    NotSettable { key: String, kind: &'static str },
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::Missing { key } => {
                write!(f, "st.session_state has no key \"{key}\". Did you forget to initialize it?")
            }
            StateError::WrongType { key, expected, found } => {
                write!(f, "st.session_state[\"{key}\"] holds a value of type `{found}`, not `{expected}`")
            }
            StateError::WidgetAlreadyCreated { key } => write!(
                f,
                "`st.session_state.{key}` cannot be modified after the widget with key `{key}` is instantiated."
            ),
            StateError::NotSettable { key, kind } => {
                write!(f, "The value of the {kind} with key \"{key}\" cannot be set using st.session_state.")
            }
        }
    }
}

impl std::error::Error for StateError {}

/// The handle to session state that [`Ui::session_state`] returns.
///
/// Cheap to clone; every call looks at the live state.
#[derive(Clone)]
pub struct SessionState {
    pub(crate) runtime: Rc<RefCell<Runtime>>,
}

impl SessionState {
    pub(crate) fn new(runtime: Rc<RefCell<Runtime>>) -> Self {
        SessionState { runtime }
    }

    /// A copy of the value under `key`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.text_input_keyed("Name", "name");
    ///     let name: String = ui.session_state().get("name")?;
    ///     ui.write(format!("Hello {name}"));
    ///     Ok::<_, Error>(())
    /// });
    /// at.run();
    /// at.text_input(0).input("Ada").run();
    /// assert_eq!(at.markdown(0).text(), "Hello Ada");
    /// ```
    pub fn get<T: Any + Clone>(&self, key: &str) -> Result<T, StateError> {
        let runtime = self.runtime.borrow();
        let Some(value) = runtime.store.get_value(key) else {
            return Err(StateError::Missing { key: key.to_string() });
        };
        value.coerce::<T>().ok_or_else(|| StateError::WrongType {
            key: key.to_string(),
            expected: type_name::<T>(),
            found: value.type_name(),
        })
    }

    /// Stores `value` under `key`.
    ///
    /// Setting a widget's key before the widget is drawn sets the widget's
    /// value; setting it after is an error, as in Streamlit. So is setting a
    /// form's key after the form is drawn in the run.
    pub fn set<T: Any + Clone>(&self, key: &str, value: T) -> Result<(), StateError> {
        let mut runtime = self.runtime.borrow_mut();
        // A form's key is taken once the form is drawn in this run, as a widget's key is.
        if runtime.forms.iter().any(|form| form.key == key) {
            return Err(StateError::WidgetAlreadyCreated { key: key.to_string() });
        }
        let store = &mut runtime.store;
        if let Some(id) = store.keys.get(key) {
            if store.seen_set.contains(id) {
                return Err(StateError::WidgetAlreadyCreated { key: key.to_string() });
            }
            if let Some(record) = store.widgets.get(id) {
                if !record.value.is_settable() {
                    return Err(StateError::NotSettable { key: key.to_string(), kind: record.kind });
                }
            }
        }
        store.user.insert(key.to_string(), Value::new(value));
        Ok(())
    }

    /// Whether `key` exists.
    pub fn contains(&self, key: &str) -> bool {
        let runtime = self.runtime.borrow();
        runtime.store.user.contains_key(key) || runtime.store.keys.contains_key(key)
    }

    /// Deletes `key`; returns whether it existed.
    ///
    /// Deleting a widget's key does not reset the widget: the key comes back
    /// with the widget's current value the next time the widget is drawn.
    pub fn remove(&self, key: &str) -> bool {
        let mut runtime = self.runtime.borrow_mut();
        let user = runtime.store.user.remove(key).is_some();
        let widget = runtime.store.keys.remove(key).is_some();
        user || widget
    }

    /// All keys: plain keys and keyed widgets, sorted.
    pub fn keys(&self) -> Vec<String> {
        let runtime = self.runtime.borrow();
        let keys: BTreeSet<&String> = runtime.store.user.keys().chain(runtime.store.keys.keys()).collect();
        keys.into_iter().cloned().collect()
    }

    /// The value under `key`, first storing `init()` there if the key is missing.
    pub fn get_or_insert_with<T: Any + Clone>(&self, key: &str, init: impl FnOnce() -> T) -> Result<T, StateError> {
        if !self.contains(key) {
            self.set(key, init())?;
        }
        self.get(key)
    }

    /// Changes the value under `key` in place and returns the new value.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let state = ui.session_state();
    ///     state.get_or_insert_with("count", || 0)?;
    ///     if ui.button("Increment") {
    ///         state.update("count", |n: &mut i32| *n += 1)?;
    ///     }
    ///     ui.write(format!("Count = {}", state.get::<i32>("count")?));
    ///     Ok::<_, Error>(())
    /// });
    /// at.run();
    /// at.button(0).click().run();
    /// assert_eq!(at.markdown(0).text(), "Count = 1");
    /// ```
    pub fn update<T: Any + Clone>(&self, key: &str, change: impl FnOnce(&mut T)) -> Result<T, StateError> {
        let mut value: T = self.get(key)?;
        change(&mut value);
        self.set(key, value.clone())?;
        Ok(value)
    }

    /// Like [`update`](Self::update), first storing `init` if the key is missing.
    pub fn update_or<T: Any + Clone>(&self, key: &str, init: T, change: impl FnOnce(&mut T)) -> Result<T, StateError> {
        self.get_or_insert_with(key, || init)?;
        self.update(key, change)
    }
}
