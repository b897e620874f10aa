//! `component`: a custom component, Streamlit's `st.components.v2.component`.
//!
//! A [`Component`] is a name plus HTML, CSS and a JavaScript module (or a Leptos view the app
//! registers in the web layer, see [`Component::leptos`]). Drawing it with
//! [`Ui::component`] mounts it into its place in the page, without an iframe, and returns a
//! [`ComponentResult`] with the values its JavaScript sent back:
//!
//! - `setStateValue(name, value)` keeps a value across runs; the `on_change` callback of
//!   `name` runs only when the value changed;
//! - `setTriggerValue(name, value)` is an event: its value lasts one run, like a button press,
//!   and its callback runs every time.
//!
//! Both start a rerun, and every callback whose value changed runs before it, in the order
//! they were given. Values travel as JSON and are decoded into the script's types with serde.
//! A component is a widget: it follows the widget rules for identity (the name and the
//! defaults without a key; the key and the name with one; never the `data`, so new data
//! reaches the same mounted component), keys and session state (the key reads the
//! [`ComponentValue`]; it cannot be set).
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::serde_json::json;
//!
//! fn counter() -> Component {
//!     Component::new("counter")
//!         .html("<button>+1</button>")
//!         .js("export default ({ parentElement, setStateValue, data }) => {
//!                let n = data.start;
//!                parentElement.querySelector('button').onclick = () => setStateValue('count', ++n);
//!            }")
//! }
//!
//! let mut at = AppTest::new(|ui: &Ui| {
//!     let result = ui.add(ui.component(&counter()).data(json!({ "start": 0 })).key("c").default("count", 0));
//!     let count: i64 = result.state("count").unwrap_or(0);
//!     ui.write(format!("count = {count}"));
//! });
//! at.run();
//! assert_eq!(at.markdown(0).text(), "count = 0");
//! at.component(key("c")).set_state("count", 3).run();
//! assert_eq!(at.markdown(0).text(), "count = 3");
//! ```

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{api, identity, CommonOptions, Spec, WidgetError};
use crate::app_test::{TestValue, WidgetRef};
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::error::IntoScriptResult;
use crate::session_state::Callback;
use crate::ui::{Command, Ui};

/// A custom component's code: what [`Ui::component`] mounts. Cheap to build; build it once
/// (a function or a `LazyLock`) and draw it as often as you like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// The name the entry receives; with the key, the component's identity.
    pub name: String,
    /// Where the component's view comes from.
    pub source: ComponentSource,
}

/// Where a component's view comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ComponentSource {
    /// HTML put into the host element, CSS scoped to it, and an ES module whose default export
    /// is called with `{name, key, data, parentElement, setStateValue, setTriggerValue, theme}`.
    Js { html: String, css: String, js: String },
    /// A Leptos view registered under the component's name with
    /// `wasmlit::web::register_component` (wasm32).
    Leptos,
}

impl Component {
    /// A JavaScript component called `name`, with no HTML, CSS or JS yet.
    pub fn new(name: impl Into<String>) -> Self {
        Component {
            name: name.into(),
            source: ComponentSource::Js { html: String::new(), css: String::new(), js: String::new() },
        }
    }

    /// A component drawn by the Leptos view the app registered under `name`
    /// (`wasmlit::web::register_component::<C>()`, with `C::NAME == name`).
    pub fn leptos(name: impl Into<String>) -> Self {
        Component { name: name.into(), source: ComponentSource::Leptos }
    }

    fn code_mut(&mut self) -> Option<(&mut String, &mut String, &mut String)> {
        match &mut self.source {
            ComponentSource::Js { html, css, js } => Some((html, css, js)),
            ComponentSource::Leptos => None,
        }
    }

    /// The HTML put into the host element when the component mounts (not for a Leptos one).
    pub fn html(mut self, html: impl Into<String>) -> Self {
        if let Some((code, _, _)) = self.code_mut() {
            *code = html.into();
        }
        self
    }

    /// CSS scoped to the component's host element (`@scope`): it styles nothing else.
    pub fn css(mut self, css: impl Into<String>) -> Self {
        if let Some((_, code, _)) = self.code_mut() {
            *code = css.into();
        }
        self
    }

    /// The ES module: its default export is the entry, called on mount and again with every
    /// new `data`; a function it returns is the cleanup, run when the component is removed.
    pub fn js(mut self, js: impl Into<String>) -> Self {
        if let Some((_, _, code)) = self.code_mut() {
            *code = js.into();
        }
        self
    }
}

/// What a component's entry receives as `data`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum ComponentData {
    /// `null`.
    #[default]
    None,
    /// JSON text, parsed in the page.
    Json(String),
    /// Bytes, received as a `Uint8Array`.
    Bytes(Vec<u8>),
    /// A frame as Arrow IPC stream bytes, received as a `Uint8Array` (read it with
    /// apache-arrow's `tableFromIPC`).
    Arrow(Vec<u8>),
}

/// A component's values as they travel: JSON texts by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentValue {
    /// State values: they stay until the component sets them again.
    pub state: BTreeMap<String, String>,
    /// Trigger values: set for the run they started only.
    pub triggers: BTreeMap<String, String>,
}

impl ComponentValue {
    /// The same state, with no trigger (what a value goes back to after its run).
    pub fn without_triggers(&self) -> Self {
        ComponentValue { state: self.state.clone(), triggers: BTreeMap::new() }
    }
}

/// What the page shows for a component.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentProps {
    /// Id, key, form, ... (the label is the component's name).
    pub common: WidgetCommon,
    /// The component's code.
    pub component: Component,
    /// The data its entry receives.
    pub data: ComponentData,
    /// Its values.
    pub value: ComponentValue,
}

impl WidgetProps for ComponentProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Component(self.value.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Component(value) = value {
            self.value = value.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        Err(format!("a component takes its values through `set_state` and `trigger`, not {value:?}"))
    }
}

/// The values a component sent back, as the script reads them.
///
/// A value that does not decode into the type asked for draws an error naming the component
/// and the value in the component's place, and reads as `None`.
#[derive(Clone)]
pub struct ComponentResult {
    name: String,
    value: ComponentValue,
    /// The component's place in the page, for a decode error.
    slot: Option<Ui>,
}

impl std::fmt::Debug for ComponentResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComponentResult").field("name", &self.name).field("value", &self.value).finish()
    }
}

impl ComponentResult {
    /// The state value `name`, or `None` if the component has not set it (and no default did).
    pub fn state<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.decode("state", name, self.value.state.get(name))
    }

    /// The trigger value `name` of this run, or `None` if it did not fire.
    pub fn trigger<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.decode("trigger", name, self.value.triggers.get(name))
    }

    /// All values, as JSON texts.
    pub fn value(&self) -> &ComponentValue {
        &self.value
    }

    fn decode<T: DeserializeOwned>(&self, what: &str, name: &str, json: Option<&String>) -> Option<T> {
        match serde_json::from_str(json?) {
            Ok(value) => Some(value),
            Err(error) => {
                if let Some(slot) = &self.slot {
                    slot.push_exception(
                        "ComponentError".into(),
                        format!(
                            "The {what} value \"{name}\" of the component \"{}\" is not a `{}`: {error}",
                            self.name,
                            std::any::type_name::<T>()
                        ),
                    );
                }
                None
            }
        }
    }
}

/// A component ready to draw: made by [`Ui::component`], drawn by `ui.add(..)`.
#[must_use = "a component is drawn by `ui.add(..)`"]
pub struct ComponentCall {
    component: Component,
    data: Result<ComponentData, String>,
    defaults: Result<BTreeMap<String, String>, String>,
    callbacks: Vec<(String, Callback)>,
    options: CommonOptions,
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|error| error.to_string())
}

impl ComponentCall {
    /// The data the entry receives, as JSON (`serde_json::json!(..)` or any serializable value).
    pub fn data(mut self, data: impl Serialize) -> Self {
        self.data = to_json(&data).map(ComponentData::Json).map_err(|error| format!("its data: {error}"));
        self
    }

    /// The data the entry receives, as bytes (a `Uint8Array`).
    pub fn bytes(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.data = Ok(ComponentData::Bytes(bytes.into()));
        self
    }

    /// The data the entry receives: a frame, as Arrow IPC stream bytes (a `Uint8Array`).
    #[cfg(feature = "data")]
    pub fn dataframe(mut self, frame: &crate::data::DataFrame) -> Self {
        let mut bytes = Vec::new();
        let written = arrow_ipc::writer::StreamWriter::try_new(&mut bytes, frame.batch().schema_ref())
            .and_then(|mut writer| writer.write(frame.batch()).and_then(|()| writer.finish()));
        self.data = match written {
            Ok(()) => Ok(ComponentData::Arrow(bytes)),
            Err(error) => Err(format!("its frame as Arrow IPC: {error}")),
        };
        self
    }

    /// Names the component: the key is its identity and its session-state key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.options.key = Some(key.into());
        self
    }

    /// The state value `name` starts with, before the component sets it.
    pub fn default(mut self, name: &str, value: impl Serialize) -> Self {
        if let Ok(defaults) = &mut self.defaults {
            match to_json(&value) {
                Ok(json) => {
                    defaults.insert(name.to_string(), json);
                }
                Err(error) => self.defaults = Err(format!("its default \"{name}\": {error}")),
            }
        }
        self
    }

    /// Runs `callback` before the next run when the state value `name` changes, or every time
    /// the trigger value `name` fires. Several callbacks can run before one run.
    pub fn on_change<F, R>(mut self, name: &str, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.callbacks.push((name.to_string(), Rc::new(move |ui: &Ui| callback(ui).into_script_result())));
        self
    }
}

/// The callbacks of the values that changed from `old` to `new`, in the order given.
fn fired(callbacks: &[(String, Callback)], old: &WidgetValue, new: &WidgetValue) -> Vec<Callback> {
    let (WidgetValue::Component(old), WidgetValue::Component(new)) = (old, new) else { return Vec::new() };
    callbacks
        .iter()
        .filter(|(name, _)| new.triggers.contains_key(name) || new.state.get(name) != old.state.get(name))
        .map(|(_, callback)| callback.clone())
        .collect()
}

impl Command for ComponentCall {
    type Output = ComponentResult;

    fn show(self, ui: &Ui) -> ComponentResult {
        #[cfg(target_arch = "wasm32")]
        crate::web::install_component_renderer();
        let ComponentCall { component, data, defaults, callbacks, mut options } = self;
        let name = component.name.clone();
        let fallback_value = defaults.clone().map(|state| ComponentValue { state, triggers: BTreeMap::new() });
        let fallback =
            || ComponentResult { name: name.clone(), value: fallback_value.clone().unwrap_or_default(), slot: None };
        let spec = (|| -> Result<Spec<ComponentValue>, WidgetError> {
            let defaults = defaults.map_err(|why| api(format!("The component \"{name}\" cannot be drawn: {why}")))?;
            let default = ComponentValue { state: defaults, triggers: BTreeMap::new() };
            let default_text = to_json(&default.state).unwrap_or_default();
            Ok(Spec {
                kind: "component",
                identity: identity(
                    "component",
                    options.key.as_deref(),
                    |id| id.text("name", &name).text("default", &default_text),
                    |id| id.text("name", &name),
                ),
                default: WidgetValue::Component(default),
                decode: Rc::new(|wire| match wire {
                    WidgetValue::Component(value) => Some(value.clone()),
                    _ => None,
                }),
                encode: Box::new(|value: &ComponentValue| Ok(WidgetValue::Component(value.clone()))),
                explicit_default: false,
            })
        })();
        let data = match data {
            Ok(data) => data,
            Err(why) => {
                super::show_error(ui, api(format!("The component \"{name}\" cannot be drawn: {why}")));
                return fallback();
            }
        };
        if !callbacks.is_empty() {
            // Marks the widget as having callbacks (forms refuse them); `select_callbacks` picks.
            options.callback = Some(Rc::new(|_: &Ui| Ok(())));
            let callbacks = Rc::new(callbacks);
            options.select_callbacks = Some(Rc::new(move |old, new| fired(&callbacks, old, new)));
        }
        match spec.and_then(|spec| super::register(ui, &name, &options, spec)) {
            Ok(registered) => {
                let element = make::component(ComponentProps {
                    common: registered.common,
                    component,
                    data,
                    value: registered.value.clone(),
                });
                // The slot is the place a value that fails to decode draws its error in.
                let slot = ui.push_element(element);
                ComponentResult { name, value: registered.value, slot: Some(slot) }
            }
            Err(error) => {
                super::show_error(ui, error);
                fallback()
            }
        }
    }
}

impl Ui {
    /// Starts drawing `component`; set its data, key, defaults and callbacks, then draw it
    /// with `ui.add(..)`, which returns its values (see [`ComponentResult`]).
    pub fn component(&self, component: &Component) -> ComponentCall {
        ComponentCall {
            component: component.clone(),
            data: Ok(ComponentData::None),
            defaults: Ok(BTreeMap::new()),
            callbacks: Vec::new(),
            options: CommonOptions::default(),
        }
    }
}

impl WidgetRef<'_> {
    fn component_value(&self) -> ComponentValue {
        match self.next_wire() {
            WidgetValue::Component(value) => value,
            other => panic!("only a component has state and trigger values, not {other:?}"),
        }
    }

    /// Sets the component's state value `name` for the next run, as its `setStateValue` does.
    pub fn set_state(self, name: &str, value: impl Serialize) -> Self {
        let mut next = self.component_value();
        next.state.insert(name.to_string(), to_json(&value).unwrap_or_else(|error| panic!("{error}")));
        self.send(WidgetValue::Component(next))
    }

    /// Fires the component's trigger value `name` for the next run, as its `setTriggerValue` does.
    pub fn trigger(self, name: &str, value: impl Serialize) -> Self {
        let mut next = self.component_value();
        next.triggers.insert(name.to_string(), to_json(&value).unwrap_or_else(|error| panic!("{error}")));
        self.send(WidgetValue::Component(next))
    }

    /// Sends raw JSON text as the state value `name`, as a misbehaving component could.
    pub fn set_state_json(self, name: &str, json: &str) -> Self {
        let mut next = self.component_value();
        next.state.insert(name.to_string(), json.to_string());
        self.send(WidgetValue::Component(next))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::ComponentSource;
    use crate::prelude::*;
    use serde_json::json;

    fn rating() -> Component {
        Component::new("rating").html("<div></div>").css("div { color: red }").js("export default () => {}")
    }

    thread_local! {
        static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn log(line: &str) {
        LOG.with(|log| log.borrow_mut().push(line.to_string()));
    }

    fn take_log() -> Vec<String> {
        LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
    }

    fn app(ui: &Ui) {
        let result = ui.add(
            ui.component(&rating())
                .data(json!({ "stars": 5 }))
                .key("r")
                .default("rating", 0)
                .on_change("rating", |_| log("rating"))
                .on_change("clicked", |_| log("clicked"))
                .on_change("hover", |_| log("hover")),
        );
        let rating: u8 = result.state("rating").unwrap_or(0);
        let clicked: Option<String> = result.trigger("clicked");
        ui.write(format!("rating {rating} clicked {clicked:?}"));
    }

    #[test]
    fn the_element_carries_code_data_and_values() {
        let mut at = AppTest::new(app);
        at.run();
        let Element::Component(props) = at.component(key("r")).element().clone() else { panic!("not a component") };
        assert_eq!(props.component.name, "rating");
        assert_eq!(props.data, ComponentData::Json(r#"{"stars":5}"#.into()));
        assert_eq!(props.value.state.get("rating").map(String::as_str), Some("0"));
        assert!(matches!(props.component.source, ComponentSource::Js { ref css, .. } if css.contains("color: red")));
        assert_eq!(at.markdown(0).text(), "rating 0 clicked None");
    }

    #[test]
    fn a_state_value_calls_back_only_when_it_changes() {
        take_log();
        let mut at = AppTest::new(app);
        at.run();
        at.component(key("r")).set_state("rating", 4).run();
        assert_eq!(at.markdown(0).text(), "rating 4 clicked None");
        assert_eq!(take_log(), ["rating"]);
        // The same value again: no callback.
        at.component(key("r")).set_state("rating", 4).run();
        assert_eq!(take_log(), Vec::<String>::new());
        // It stays over runs that do not touch it.
        at.run();
        assert_eq!(at.markdown(0).text(), "rating 4 clicked None");
    }

    #[test]
    fn a_trigger_value_lasts_one_run_and_calls_back_every_time() {
        take_log();
        let mut at = AppTest::new(app);
        at.run();
        at.component(key("r")).trigger("clicked", "star 3").run();
        assert_eq!(at.markdown(0).text(), "rating 0 clicked Some(\"star 3\")");
        assert_eq!(take_log(), ["clicked"]);
        at.run();
        assert_eq!(at.markdown(0).text(), "rating 0 clicked None");
        at.component(key("r")).trigger("clicked", "star 3").run();
        assert_eq!(take_log(), ["clicked"], "the same trigger value fires again");
    }

    #[test]
    fn several_callbacks_run_before_one_rerun_in_the_order_given() {
        take_log();
        let mut at = AppTest::new(app);
        at.run();
        at.component(key("r")).trigger("hover", 2).trigger("clicked", "x").set_state("rating", 2).run();
        assert_eq!(take_log(), ["rating", "clicked", "hover"]);
        assert_eq!(at.markdown(0).text(), "rating 2 clicked Some(\"x\")");
    }

    #[test]
    fn triggers_sent_in_one_task_all_reach_the_run() {
        let mut at = AppTest::new(app);
        at.run();
        // Two separate sends (as two JS calls): the second carries only its own trigger.
        let id = at.component(key("r")).element().widget().map(|c| c.id).expect("a widget");
        let mut first = ComponentValue::default();
        first.triggers.insert("clicked".into(), "\"a\"".into());
        let mut second = ComponentValue::default();
        second.state.insert("rating".into(), "1".into());
        let mut request = crate::RerunRequest::default();
        request.push(crate::WidgetEvent { id, value: crate::WidgetValue::Component(first) });
        request.push(crate::WidgetEvent { id, value: crate::WidgetValue::Component(second) });
        let Some(crate::WidgetValue::Component(merged)) = request.value(id) else { panic!("no value") };
        assert_eq!(merged.triggers.get("clicked").map(String::as_str), Some("\"a\""));
        assert_eq!(merged.state.get("rating").map(String::as_str), Some("1"));
    }

    #[test]
    fn the_key_reads_the_values_through_session_state_and_cannot_set_them() {
        let mut at = AppTest::new(|ui: &Ui| {
            let set = ui.session_state().set("r", ComponentValue::default());
            ui.add(ui.component(&rating()).key("r").default("rating", 1));
            let value: ComponentValue = ui.session_state().get("r")?;
            ui.write(format!("{:?} {set:?}", value.state.get("rating")));
            Ok::<_, Error>(())
        });
        at.run();
        // Set before the component existed: the component refuses the value and says so.
        assert!(at.exception(0).text().contains("cannot be set"), "{}", at.exception(0).text());
        let mut at = AppTest::new(|ui: &Ui| {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
            let set =
                if runs > 1 { Some(ui.session_state().set("r", ComponentValue::default()).is_ok()) } else { None };
            ui.add(ui.component(&rating()).key("r").default("rating", 1));
            let value: ComponentValue = ui.session_state().get("r")?;
            ui.write(format!("{:?} {set:?}", value.state.get("rating")));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "Some(\"1\") None");
        at.run();
        assert_eq!(at.markdown(0).text(), "Some(\"1\") Some(false)", "a component's key cannot be set");
    }

    #[test]
    fn without_a_key_the_name_and_defaults_are_the_identity_and_data_is_not() {
        let mut at = AppTest::new(|ui: &Ui| {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
            let result = ui.add(ui.component(&rating()).data(json!({ "run": runs })));
            ui.write(format!("{:?}", result.state::<i32>("rating")));
            ui.add(ui.component(&rating()));
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("multiple identical component"), "{}", at.exception(0).text());
        at.component(0).set_state("rating", 3).run();
        assert_eq!(at.markdown(0).text(), "Some(3)", "new data, same component: the value stays");
    }

    #[test]
    fn a_value_that_does_not_decode_draws_an_error_in_the_components_place() {
        let mut at = AppTest::new(app);
        at.run();
        at.component(key("r")).set_state_json("rating", "\"five\"").run();
        assert!(at.get("component").is_empty(), "the error replaces the component");
        let message = at.exception(0).text();
        assert!(message.contains("state value \"rating\" of the component \"rating\""), "{message}");
        assert!(message.contains("u8"), "{message}");
        assert_eq!(at.markdown(0).text(), "rating 0 clicked None", "the script goes on");
    }

    #[cfg(feature = "data")]
    #[test]
    fn a_frame_travels_as_arrow_ipc_bytes() {
        use crate::data::Column;
        let frame = DataFrame::new(vec![("x", Column::from(vec![1_i64, 2, 3]))]).expect("a frame");
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(ui.component(&rating()).dataframe(&frame));
        });
        at.run();
        let Element::Component(props) = at.component(0).element().clone() else { panic!("not a component") };
        let ComponentData::Arrow(bytes) = props.data else { panic!("not Arrow: {:?}", props.data) };
        let mut reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None).expect("IPC");
        let batch = reader.next().expect("a batch").expect("a good batch");
        assert_eq!((batch.num_rows(), batch.schema().field(0).name().as_str()), (3, "x"));
    }

    #[test]
    fn bad_data_or_defaults_draw_an_error_naming_them() {
        let mut at = AppTest::new(|ui: &Ui| {
            let bad = std::collections::HashMap::from([((1, 2), 3)]);
            ui.add(ui.component(&rating()).data(&bad));
            ui.add(ui.component(&rating()).default("rating", &bad));
            ui.write("after");
        });
        at.run();
        assert!(at.exception(0).text().contains("its data"), "{}", at.exception(0).text());
        assert!(at.exception(1).text().contains("its default \"rating\""), "{}", at.exception(1).text());
        assert_eq!(at.markdown(0).text(), "after");
    }

    #[test]
    fn a_leptos_component_is_a_component_with_the_same_rules() {
        let mut at = AppTest::new(|ui: &Ui| {
            let result = ui.add(ui.component(&Component::leptos("swatch")).data(json!({ "colors": ["red"] })).key("s"));
            ui.write(format!("{:?}", result.state::<String>("color")));
        });
        at.run();
        at.component(key("s")).set_state("color", "red").run();
        assert_eq!(at.markdown(0).text(), "Some(\"red\")");
        let Element::Component(props) = at.component(key("s")).element().clone() else { panic!("not a component") };
        assert_eq!(props.component.source, ComponentSource::Leptos);
    }
}
