//! Renders `component`: a JavaScript component mounted into a host element (no iframe), or a
//! Leptos component the app registered with [`register_component`].
//!
//! A JavaScript component's host is `<div class="wl-component-host">` holding a `<style>` with its
//! CSS inside `@scope { .. }` (so it styles the host only) and the `parentElement` its entry
//! gets, filled with its HTML once. The module is imported once per distinct code (a Blob URL
//! and a dynamic `import()`); its default export is called on mount and again, with the same
//! `parentElement`, every time the script sends new `data`. The previous cleanup is NOT called
//! between these calls: a function the entry returns is kept (the latest one) and called once,
//! when the script stops drawing the component. Load failures, a missing default export and
//! exceptions thrown by the entry show an error box naming the component in its place.
//!
//! The host carries the theme as CSS custom properties (`--st-primary-color`,
//! `--st-text-color`, `--st-background-color`, `--st-secondary-background-color`,
//! `--st-border-color`, `--st-font`, `--st-code-font`, `--st-base-radius`; see `theme.css`),
//! and the entry's `theme` argument has the resolved colours and `base` (`"light"`/`"dark"`).

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{Sink, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::component::{ComponentData, ComponentProps, ComponentSource, ComponentValue};

#[wasm_bindgen(inline_js = r#"
const modules = new Map();
export function load_entry(js) {
  let module = modules.get(js);
  if (!module) {
    const url = URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
    module = import(url).finally(() => URL.revokeObjectURL(url));
    modules.set(js, module);
  }
  return module.then((m) => {
    if (typeof m.default !== "function") throw new Error("its module has no default export function");
    return m.default;
  });
}
function theme(host) {
  const probe = document.createElement("span");
  probe.hidden = true;
  host.appendChild(probe);
  const read = (name) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const t = {
    primaryColor: read("--st-primary-color"),
    backgroundColor: read("--st-background-color"),
    secondaryBackgroundColor: read("--st-secondary-background-color"),
    textColor: read("--st-text-color"),
    borderColor: read("--st-border-color"),
    font: getComputedStyle(host).getPropertyValue("--st-font").trim(),
  };
  probe.remove();
  const rgb = (t.backgroundColor.match(/[\d.]+/g) || [255, 255, 255]).map(Number);
  t.base = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128 ? "dark" : "light";
  return t;
}
export function call_entry(entry, name, key, data, host, parent, set_state, set_trigger) {
  const result = entry({
    name, key, data, parentElement: parent, theme: theme(host),
    setStateValue: (k, v) => set_state(String(k), JSON.stringify(v) ?? "null"),
    setTriggerValue: (k, v) => set_trigger(String(k), JSON.stringify(v) ?? "null"),
  });
  return typeof result === "function" ? result : null;
}
export function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
"#)]
extern "C" {
    /// The default export of the module `js` (imported once per distinct code).
    #[wasm_bindgen(catch)]
    async fn load_entry(js: &str) -> Result<JsValue, JsValue>;
    /// Calls the entry; returns its cleanup function, or null.
    #[wasm_bindgen(catch)]
    #[allow(clippy::too_many_arguments)]
    fn call_entry(
        entry: &JsValue,
        name: &str,
        key: &str,
        data: JsValue,
        host: &web_sys::HtmlElement,
        parent: &web_sys::HtmlElement,
        set_state: &Closure<dyn Fn(String, String)>,
        set_trigger: &Closure<dyn Fn(String, String)>,
    ) -> Result<JsValue, JsValue>;
    /// An exception as text: `TypeError: x is not a function`.
    fn describe(error: &JsValue) -> String;
}

/// Sends a component's values: the one path of JavaScript and Leptos components.
#[derive(Clone, Copy)]
struct Bridge {
    sink: Sink,
    /// The state values as the page knows them (the engine's, plus those just set).
    state: StoredValue<BTreeMap<String, String>>,
}

impl Bridge {
    fn new(sink: Sink, props: Memo<ComponentProps>) -> Self {
        let state = StoredValue::new(props.with_untracked(|p| p.value.state.clone()));
        // The engine's values (a default, a value from session state) are the page's.
        Effect::new(move |_| {
            let engine = props.with(|p| p.value.state.clone());
            state.set_value(engine);
        });
        Bridge { sink, state }
    }

    /// Sets a state value (JSON text); sends it only if it changed.
    fn set_state(self, name: String, json: String) {
        let changed = self.state.try_update_value(|state| state.insert(name, json.clone()).as_ref() != Some(&json));
        if changed == Some(true) {
            self.send(BTreeMap::new());
        }
    }

    /// Fires a trigger value (JSON text) for the next run.
    fn set_trigger(self, name: String, json: String) {
        self.send(BTreeMap::from([(name, json)]));
    }

    fn send(self, triggers: BTreeMap<String, String>) {
        let Some(state) = self.state.try_get_value() else { return };
        self.sink.send(WidgetValue::Component(ComponentValue { state, triggers }));
    }
}

/// An error box naming the component, in its place.
fn error_box(message: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    move || {
        message().map(|message| {
            view! {
                <div class="wl-exception-box wl-component-error" role="alert">
                    <div class="wl-exception-kind">"ComponentError"</div>
                    <pre class="wl-exception-message">{message}</pre>
                </div>
            }
        })
    }
}

type Render = fn(WidgetCell<ComponentProps>) -> AnyView;

thread_local! {
    static RENDERER: Cell<Option<Render>> = const { Cell::new(None) };
}

/// Makes [`mount`] the renderer (called by every `ui.component`), so an app without custom
/// components does not link their glue.
pub(crate) fn install() {
    RENDERER.with(|r| r.set(Some(mount)));
}

pub(crate) fn render(cell: WidgetCell<ComponentProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::COMPONENT);
    match RENDERER.with(Cell::get) {
        Some(render) => render(cell),
        None => {
            error_box(|| Some("This component cannot be shown: its renderer is not installed.".to_string())).into_any()
        }
    }
}

fn mount(cell: WidgetCell<ComponentProps>) -> AnyView {
    let bridge = Bridge::new(cell.sink, cell.props);
    match cell.first.component.source.clone() {
        ComponentSource::Js { html, css, js } => js_component(cell, bridge, html, css, js),
        ComponentSource::Leptos => leptos_component(cell, bridge),
    }
}

/// The data as the entry gets it: parsed JSON, a `Uint8Array`, or null.
fn js_data(data: &ComponentData) -> Result<JsValue, String> {
    match data {
        ComponentData::None => Ok(JsValue::NULL),
        ComponentData::Json(text) => js_sys::JSON::parse(text).map_err(|error| describe(&error)),
        ComponentData::Bytes(bytes) | ComponentData::Arrow(bytes) => {
            Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
        }
    }
}

/// What a mounted JavaScript component keeps: its entry, its callbacks and its cleanup.
struct Mounted {
    entry: Option<JsValue>,
    cleanup: Option<js_sys::Function>,
    set_state: Closure<dyn Fn(String, String)>,
    set_trigger: Closure<dyn Fn(String, String)>,
}

impl Mounted {
    fn new(bridge: Bridge) -> Self {
        Mounted {
            entry: None,
            cleanup: None,
            set_state: Closure::new(move |name: String, json: String| bridge.set_state(name, json)),
            set_trigger: Closure::new(move |name: String, json: String| bridge.set_trigger(name, json)),
        }
    }
}

fn js_component(cell: WidgetCell<ComponentProps>, bridge: Bridge, html: String, css: String, js: String) -> AnyView {
    let props = cell.props;
    let name = cell.first.component.name.clone();
    let key = cell.dom_id.clone();
    let host = NodeRef::<Div>::new();
    let parent = NodeRef::<Div>::new();
    let error = RwSignal::new(None::<String>);
    let mounted: StoredValue<Rc<RefCell<Mounted>>, LocalStorage> =
        StoredValue::new_local(Rc::new(RefCell::new(Mounted::new(bridge))));
    let js = Rc::new(js);

    // Calls the entry with the current data (once loaded), and keeps its cleanup.
    let call = {
        let name = name.clone();
        move |data: &ComponentData| {
            let (Some(host), Some(parent)) = (host.get_untracked(), parent.get_untracked()) else { return };
            let Some(mounted) = mounted.try_get_value() else { return };
            let Some(entry) = mounted.borrow().entry.clone() else { return };
            let data = match js_data(data) {
                Ok(data) => data,
                Err(why) => return error.set(Some(format!("The data of the component \"{name}\" is not JSON: {why}"))),
            };
            // The entry may set values synchronously: they only schedule a run.
            let called = {
                let m = mounted.borrow();
                call_entry(&entry, &name, &key, data, &host, &parent, &m.set_state, &m.set_trigger)
            };
            match called {
                Ok(cleanup) => {
                    if let Ok(cleanup) = cleanup.dyn_into::<js_sys::Function>() {
                        mounted.borrow_mut().cleanup = Some(cleanup);
                    }
                    error.set(None);
                }
                Err(thrown) => error.set(Some(format!(
                    "The component \"{name}\" raised an exception in its entry: {}",
                    describe(&thrown)
                ))),
            }
        }
    };
    let call = Rc::new(call);
    let call_later = StoredValue::new_local(call.clone());

    // First mount: HTML and CSS into the host, then the module's entry.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let (Some(host_el), Some(parent_el)) = (host.get(), parent.get()) else { return false };
        let style = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("style").ok());
        if let Some(style) = style {
            style.set_text_content(Some(&format!("@scope {{\n{css}\n}}")));
            let _ = host_el.insert_before(&style, Some(&parent_el));
        }
        parent_el.set_inner_html(&html);
        let js = js.clone();
        let name = name.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load_entry(&js).await;
            let Some(state) = mounted.try_get_value() else { return };
            match loaded {
                Ok(entry) => state.borrow_mut().entry = Some(entry),
                Err(why) => {
                    error.try_set(Some(format!(
                        "The component \"{name}\" could not load its module: {}",
                        describe(&why)
                    )));
                    return;
                }
            }
            let Some(data) = props.try_with_untracked(|p| p.data.clone()) else { return };
            if let Some(call) = call_later.try_get_value() {
                call(&data);
            }
        });
        true
    });
    // New data: the entry again, in the same parentElement.
    Effect::new(move |previous: Option<ComponentData>| {
        let data = props.with(|p| p.data.clone());
        if previous.as_ref().is_some_and(|previous| *previous != data) {
            call(&data);
        }
        data
    });
    on_cleanup(move || {
        let Some(state) = mounted.try_get_value() else { return };
        let cleanup = state.borrow_mut().cleanup.take();
        if let Some(cleanup) = cleanup {
            if let Err(error) = cleanup.call0(&JsValue::NULL) {
                web_sys::console::error_1(&format!("A component's cleanup failed: {}", describe(&error)).into());
            }
        }
    });
    view! {
        <div class="wl-component-frame">
            {error_box(move || error.get())}
            <div class="wl-component-host" node_ref=host hidden=move || error.with(Option::is_some)>
                <div class="wl-component-root" node_ref=parent></div>
            </div>
        </div>
    }
    .into_any()
}

/// A Rust component drawn with Leptos: props in, a view out, values sent back through a
/// [`ComponentHandle`], with the same rules as a JavaScript component (state values call back
/// when they change, trigger values last one run).
///
/// Register it once before `run` with [`register_component`]; the script draws it with
/// `ui.component(&Component::leptos(C::NAME)).data(props)`, natively too (in `AppTest`).
///
/// ```ignore
/// struct Counter;
/// impl LeptosComponent for Counter {
///     const NAME: &'static str = "counter";
///     type Props = u32; // the step
///     fn view(step: Signal<u32>, handle: ComponentHandle) -> AnyView {
///         let count = move || handle.state::<u32>("count").unwrap_or(0);
///         view! { <button on:click=move |_| handle.set_state("count", count() + step.get())>{count}</button> }
///             .into_any()
///     }
/// }
/// wasmlit::web::register_component::<Counter>();
/// ```
pub trait LeptosComponent: 'static {
    /// The name the script draws it by (`Component::leptos(NAME)`).
    const NAME: &'static str;
    /// Its props: the `data` the script sends, decoded from JSON.
    type Props: DeserializeOwned + Clone + Send + Sync + 'static;
    /// Its view. `props` changes in place when the script sends new data; the view is made
    /// once per mounted component.
    fn view(props: Signal<Self::Props>, handle: ComponentHandle) -> AnyView;
}

/// What a [`LeptosComponent`] sends its values through, and reads its state from. `Copy`.
#[derive(Clone, Copy)]
pub struct ComponentHandle {
    bridge: Bridge,
    props: Memo<ComponentProps>,
}

impl ComponentHandle {
    /// Keeps `value` as the state value `name`: the script reads it on later runs, and its
    /// `on_change` runs if it changed.
    pub fn set_state(&self, name: &str, value: impl Serialize) {
        if let Some(json) = self.json(name, value) {
            self.bridge.set_state(name.to_string(), json);
        }
    }

    /// Fires the trigger value `name` for the next run only.
    pub fn set_trigger(&self, name: &str, value: impl Serialize) {
        if let Some(json) = self.json(name, value) {
            self.bridge.set_trigger(name.to_string(), json);
        }
    }

    /// The state value `name` as the engine holds it (reactive), or `None`.
    pub fn state<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.props.with(|p| p.value.state.get(name).and_then(|json| serde_json::from_str(json).ok()))
    }

    fn json(&self, name: &str, value: impl Serialize) -> Option<String> {
        serde_json::to_string(&value)
            .map_err(|error| web_sys::console::error_1(&format!("The value \"{name}\" is not JSON: {error}").into()))
            .ok()
    }
}

type LeptosView = Rc<dyn Fn(Memo<ComponentProps>, ComponentHandle) -> AnyView>;

thread_local! {
    static LEPTOS: RefCell<HashMap<String, LeptosView>> = RefCell::new(HashMap::new());
}

/// Makes `C` drawable as `Component::leptos(C::NAME)`; call it before `wasmlit::run`.
pub fn register_component<C: LeptosComponent>() {
    let view: LeptosView = Rc::new(|props: Memo<ComponentProps>, handle| {
        let decode = move |p: &ComponentProps| -> Result<C::Props, String> {
            let json = match &p.data {
                ComponentData::Json(json) => json.as_str(),
                ComponentData::None => "null",
                ComponentData::Bytes(_) | ComponentData::Arrow(_) => return Err("it got bytes, not JSON".into()),
            };
            serde_json::from_str(json).map_err(|error| error.to_string())
        };
        let what = move |why: String| {
            format!("The data of the component \"{}\" is not a `{}`: {why}", C::NAME, std::any::type_name::<C::Props>())
        };
        let first = match props.with_untracked(decode) {
            Ok(first) => first,
            Err(why) => {
                let message = what(why);
                return error_box(move || Some(message.clone())).into_any();
            }
        };
        let current = RwSignal::new(first);
        let error = RwSignal::new(None::<String>);
        // New data: the same view, new props (or an error over the last good ones).
        Effect::new(move |_| match props.with(decode) {
            Ok(next) => {
                current.set(next);
                error.set(None);
            }
            Err(why) => error.set(Some(what(why))),
        });
        view! { {error_box(move || error.get())} {C::view(current.into(), handle)} }.into_any()
    });
    LEPTOS.with(|views| views.borrow_mut().insert(C::NAME.to_string(), view));
}

fn leptos_component(cell: WidgetCell<ComponentProps>, bridge: Bridge) -> AnyView {
    let name = cell.first.component.name.clone();
    let view = LEPTOS.with(|views| views.borrow().get(&name).cloned());
    let handle = ComponentHandle { bridge, props: cell.props };
    let inner = match view {
        Some(view) => view(cell.props, handle),
        None => {
            let message = format!(
                "No Leptos component is registered as \"{name}\": call \
                 `wasmlit::web::register_component::<C>()` (with `C::NAME == \"{name}\"`) before `run`."
            );
            error_box(move || Some(message.clone())).into_any()
        }
    };
    view! { <div class="wl-component-host wl-component-leptos">{inner}</div> }.into_any()
}
