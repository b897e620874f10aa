//! Widgets: one file each, all registered through [`register`].
//!
//! A widget file holds its builder, its identity call, its `Ui` shortcut and
//! its unit tests. This module holds what they share: common options, the
//! number types sliders accept, and the life-cycle rules of Streamlit 1.55.

pub mod audio_input;
pub mod button;
pub mod camera_input;
pub mod capture;
pub mod chat_input;
pub mod checkbox;
pub mod color_picker;
#[cfg(feature = "components")]
pub mod component;
#[cfg(feature = "data")]
pub mod data_editor;
pub mod date_input;
pub mod datetime_input;
pub mod download_button;
pub mod feedback;
pub mod file_uploader;
pub mod form_submit_button;
pub mod link_button;
pub mod multiselect;
pub mod number_input;
pub mod page_link;
pub mod pills;
pub mod radio;
pub mod segmented_control;
pub mod select_slider;
pub mod selectbox;
pub mod slider;
pub mod slider_scale;
pub mod temporal;
pub mod text_area;
pub mod text_input;
pub mod time_input;
pub mod toggle;

use std::any::Any;
use std::fmt::Display;
use std::rc::Rc;

use crate::element::{Element, LabelVisibility, WidgetCommon, WidgetValue};
use crate::error::IntoScriptResult;
use crate::identity::{Identity, WidgetId};
use crate::runtime::Phase;
use crate::session_state::{Callback, Value, WidgetRecord};
use crate::ui::Ui;

/// See [`CommonOptions::binder`].
pub(crate) type Binder = fn(&Ui, &str, WidgetId, bool, &mut Element) -> Option<WidgetValue>;

/// Options every widget takes; set through [`WidgetOptions`] methods.
#[derive(Clone, Default)]
pub struct CommonOptions {
    pub(crate) key: Option<String>,
    pub(crate) help: Option<String>,
    pub(crate) disabled: bool,
    pub(crate) label_visibility: LabelVisibility,
    pub(crate) callback: Option<Callback>,
    pub(crate) bind: Option<crate::query_params::Bind>,
    /// What takes a bound widget's value from the URL (`query_params::bind_widget`), set by
    /// [`WidgetOptions::bind`]: an app that binds no widget does not link it, nor the
    /// `test_value` of every widget kind that it reaches through `dyn WidgetProps`.
    pub(crate) binder: Option<Binder>,
    /// Callbacks chosen by what changed (custom components), instead of `callback`.
    pub(crate) select_callbacks: Option<crate::session_state::SelectCallbacks>,
}

impl CommonOptions {
    pub(crate) fn common(&self, id: WidgetId, label: &str) -> WidgetCommon {
        WidgetCommon {
            id,
            label: label.to_string(),
            key: self.key.clone(),
            form: None,
            help: self.help.clone(),
            disabled: self.disabled,
            label_visibility: self.label_visibility,
        }
    }
}

/// Builder methods every widget has: `key`, `help`, `disabled`, `on_change`, ...
pub trait WidgetOptions: Sized {
    #[doc(hidden)]
    fn options_mut(&mut self) -> &mut CommonOptions;

    /// Names the widget: the key is its identity and its session-state key.
    fn key(mut self, key: impl Into<String>) -> Self {
        self.options_mut().key = Some(key.into());
        self
    }

    /// A tooltip next to the label.
    fn help(mut self, help: impl Into<String>) -> Self {
        self.options_mut().help = Some(help.into());
        self
    }

    /// Greys the widget out; it keeps its value.
    fn disabled(mut self, disabled: bool) -> Self {
        self.options_mut().disabled = disabled;
        self
    }

    /// Shows, hides (keeping its space) or collapses the label.
    fn label_visibility(mut self, visibility: LabelVisibility) -> Self {
        self.options_mut().label_visibility = visibility;
        self
    }

    /// Binds the widget's value to the query parameter named by its key (Streamlit 1.55's
    /// `bind="query-params"`): a link with `?<key>=<value>` opens with that value, and the
    /// address bar follows the widget. Needs a key; buttons, chat inputs, uploaders and other
    /// one-run widgets cannot bind. See [`query_params`](crate::query_params).
    fn bind(mut self, bind: crate::query_params::Bind) -> Self {
        let options = self.options_mut();
        options.bind = Some(bind);
        options.binder = Some(crate::query_params::bind_widget);
        self
    }

    /// Runs `callback` before the next run whenever the user changes the value.
    ///
    /// The closure's captures are what they were when the widget was drawn.
    fn on_change<F, R>(mut self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.options_mut().callback = Some(Rc::new(move |ui: &Ui| callback(ui).into_script_result()));
        self
    }
}

/// Number types that sliders and number inputs accept.
pub trait Number: Copy + PartialOrd + Display + 'static {
    /// Integers get integer steps and formatting.
    const IS_INT: bool;
    fn to_f64(self) -> f64;
    fn from_f64(value: f64) -> Self;
    /// Streamlit's default step: 1 for integers, 0.01 for floats.
    fn default_step() -> Self;
}

macro_rules! number_int {
    ($($t:ty),*) => {$(
        impl Number for $t {
            const IS_INT: bool = true;
            fn to_f64(self) -> f64 { self as f64 }
            fn from_f64(value: f64) -> Self { value.round() as $t }
            fn default_step() -> Self { 1 }
        }
    )*};
}
number_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! number_float {
    ($($t:ty),*) => {$(
        impl Number for $t {
            const IS_INT: bool = false;
            fn to_f64(self) -> f64 { self as f64 }
            fn from_f64(value: f64) -> Self { value as $t }
            fn default_step() -> Self { 0.01 }
        }
    )*};
}
number_float!(f32, f64);

/// Turns a wire value into the script's type, or refuses it.
pub(crate) type DecodeFn<T> = Rc<dyn Fn(&WidgetValue) -> Option<T>>;
/// Turns a value set through session state into a wire value, or says why not.
pub(crate) type EncodeFn<T> = Box<dyn Fn(&T) -> Result<WidgetValue, String>>;
/// Shows an option as text (a choice widget's `format_func`).
pub(crate) type FormatFn<T> = Rc<dyn Fn(&T) -> String>;
/// Makes a value of the text a viewer typed (`accept_new_options`).
pub(crate) type NewOption<T> = Rc<dyn Fn(&str) -> T>;

/// How a widget's value moves between the script, the page and session state.
pub(crate) struct Spec<T> {
    pub kind: &'static str,
    /// Identity parts; `register` adds form and page.
    pub identity: Identity,
    pub default: WidgetValue,
    /// The wire value as the script's type; `None` if the page sent nonsense.
    pub decode: DecodeFn<T>,
    /// A value set through session state, as a wire value.
    pub encode: EncodeFn<T>,
    /// Whether the script passed a default (`value`, `index`, `default`).
    pub explicit_default: bool,
}

/// What [`register`] hands back to the widget.
pub(crate) struct Registered<T> {
    pub value: T,
    pub wire: WidgetValue,
    /// The fields every widget element carries.
    pub common: WidgetCommon,
    /// The widget was not in the store before this run.
    pub first_seen: bool,
    /// Its value came from session state in this run.
    pub from_session_state: bool,
    pub decode: DecodeFn<T>,
}

/// Registers a widget for this run and returns its current value.
///
/// This is Streamlit's widget life cycle: a new widget starts at its default
/// or at a value set for its key; an existing one keeps its value; a key set
/// before the widget in this run sets the value; a second widget with the same
/// id is a `DuplicateWidgetID` error.
pub(crate) fn register<T: Any + Clone>(
    ui: &Ui,
    label: &str,
    options: &CommonOptions,
    spec: Spec<T>,
) -> Result<Registered<T>, WidgetError> {
    let Spec { kind, identity, default, decode, encode, explicit_default } = spec;
    // The form and the page enter identity (widgets of the entry script, the frame common
    // to every page, have page "").
    let form = ui.form_key();
    let page = crate::pages::running_page(ui);
    let id = identity
        .opt_text("form", form.as_deref())
        .text("page", &page.as_deref().map_or(String::new(), |p| format!("/{p}")))
        .finish();
    let settable = default.is_settable();
    if options.bind.is_some() {
        if options.key.is_none() {
            return Err(api(format!(
                "The {kind} \"{label}\" is bound to the query parameters but has no key: a bound widget \
                 needs a key, which names its parameter."
            )));
        }
        if !crate::query_params::bindable(&default) {
            return Err(api(format!("A {kind} cannot be bound to the query parameters.")));
        }
    }
    if ui.phase() == Phase::Callbacks {
        return Err(api(format!("Widgets cannot be drawn inside a callback (the {kind} \"{label}\").")));
    }
    if let Some(function) = crate::cache::running_function() {
        // Streamlit's CachedWidgetWarning: shown (and replayed with the function's other
        // elements), and the widget is still created and returns its value.
        ui.push_warning_exception(
            "CachedWidgetWarning".into(),
            format!(
                "Your script uses a widget command in a cached function (function marked `#[cache_data]` or \
                 `#[cache_resource]`): `{function}()` draws the {kind} \"{label}\". This code will only be called \
                 when we detect a cache \"miss\", which can lead to unexpected results.\n\n\
                 To fix this, move all widget commands outside the cached function."
            ),
        );
    }
    if form.is_some() && options.callback.is_some() && kind != "form_submit_button" {
        return Err(api("With forms, callbacks can only be defined on the `form_submit_button`. \
             Defining callbacks on other widgets inside a form is not allowed."
            .into()));
    }
    let mut runtime = ui.runtime.borrow_mut();
    // While a fragment runs (in a full run too), its widgets go in its body: a container made
    // outside it would hold a widget that the fragment's reruns cannot redraw.
    if runtime.running_fragments.last().is_some_and(|body| !body.contains(ui.place())) {
        return Err(api(format!("Fragments cannot write widgets to outside containers (the {kind} \"{label}\").")));
    }
    let store = &mut runtime.store;
    if store.seen_set.contains(&id) {
        let what = match &options.key {
            Some(key) => format!("with key \"{key}\""),
            None => format!("with label \"{label}\""),
        };
        return Err(WidgetError::DuplicateId(format!(
            "There are multiple identical {kind} widgets {what}. To fix this, \
                 please pass a unique key argument to each {kind}, e.g. `.key(\"{kind}_1\")`."
        )));
    }

    if let Some(key) = &options.key {
        if store.keys.get(key).is_some_and(|bound| *bound != id && store.seen_set.contains(bound)) {
            return Err(WidgetError::DuplicateKey(format!(
                "There are multiple elements with the same `key='{key}'`. To fix this, please make sure \
                     that the `key` argument is unique for each element you create."
            )));
        }
    }

    // A value set for the key through session state (and not yet taken by a widget).
    let set_value = match &options.key {
        Some(key) => match store.user.get(key) {
            Some(_) if !settable => {
                return Err(api(format!(
                    "The value of the {kind} with key \"{key}\" cannot be set using st.session_state."
                )));
            }
            Some(value) => match value.coerce::<T>() {
                Some(typed) => Some(encode(&typed).map_err(|message| {
                    api(format!(
                        "st.session_state[\"{key}\"] is not a valid value for the {kind} \"{label}\": {message}"
                    ))
                })?),
                None => {
                    return Err(api(format!(
                        "st.session_state[\"{key}\"] holds a `{}`, but the {kind} \"{label}\" takes `{}`.",
                        value.type_name(),
                        std::any::type_name::<T>()
                    )))
                }
            },
            None => None,
        },
        None => None,
    };

    let existing = store.widgets.get(&id);
    let first_seen = existing.is_none();
    let from_session_state = set_value.is_some();
    // A value restored after a reload, for the widget's first appearance.
    let seeded = if first_seen { store.restored.take_widget(id) } else { None };
    // Values are checked when they arrive; the default is the last resort.
    let candidates = [set_value, existing.map(|record| record.value.clone()), seeded, Some(default.clone())];
    let Some((value, wire)) = candidates.into_iter().flatten().find_map(|wire| decode(&wire).map(|v| (v, wire))) else {
        return Err(api(format!("The {kind} \"{label}\" has no valid value.")));
    };
    if let Some(key) = &options.key {
        store.user.remove(key);
        store.keys.insert(key.clone(), id);
    }
    let typed_decode = decode.clone();
    let returned_decode = decode.clone();
    store.widgets.insert(
        id,
        WidgetRecord {
            kind,
            key: options.key.clone(),
            value: wire.clone(),
            decode: Rc::new(move |wire| typed_decode(wire).map(Value::new)),
            callback: options.callback.clone(),
            select_callbacks: options.select_callbacks.clone(),
            default,
            form: form.clone(),
            fragment: ui.fragment,
            page,
        },
    );
    store.seen.push(id);
    store.seen_set.insert(id);
    drop(runtime);
    if let (true, true, true, Some(key)) = (first_seen, from_session_state, explicit_default, &options.key) {
        ui.warning(format!(
            "The widget with key \"{key}\" was created with a default value but also had its value set via the Session State API."
        ));
    }
    let mut common = options.common(id, label);
    common.form = form.as_deref().map(str::to_string);
    Ok(Registered { value, wire, common, first_seen, from_session_state, decode: returned_decode })
}

/// Why a widget could not be registered; drawn in its place by [`show_error`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum WidgetError {
    /// A bad call: arguments, a widget in a callback, a bad session-state value.
    Api(String),
    /// Two widgets with the same identity in one run.
    DuplicateId(String),
    /// Two elements with the same key in one run.
    DuplicateKey(String),
}

impl WidgetError {
    /// The exception's name, as Streamlit shows it.
    fn kind(&self) -> &'static str {
        match self {
            WidgetError::Api(_) => "StreamlitAPIException",
            WidgetError::DuplicateId(_) => "DuplicateWidgetID",
            WidgetError::DuplicateKey(_) => "StreamlitDuplicateElementKey",
        }
    }

    fn into_message(self) -> String {
        match self {
            WidgetError::Api(message) | WidgetError::DuplicateId(message) | WidgetError::DuplicateKey(message) => {
                message
            }
        }
    }
}

pub(crate) fn api(message: String) -> WidgetError {
    WidgetError::Api(message)
}

/// Draws a widget's error in place of the widget; the run goes on.
pub(crate) fn show_error(ui: &Ui, error: WidgetError) {
    ui.push_exception(error.kind().into(), error.into_message());
}

/// Registers a widget and draws the element `element` makes of it, returning its value; on
/// an error, draws the error in its place and returns `fallback()`. Every widget ends here.
pub(crate) fn show<T: Any + Clone>(
    ui: &Ui,
    label: &str,
    options: &CommonOptions,
    spec: Result<Spec<T>, WidgetError>,
    fallback: impl FnOnce() -> T,
    element: impl FnOnce(&Registered<T>) -> Element,
) -> T {
    match spec.and_then(|spec| register(ui, label, options, spec)) {
        Ok(mut registered) => {
            let mut shown = element(&registered);
            if let (Some(crate::query_params::Bind::QueryParams), Some(key), Some(bind)) =
                (options.bind, &options.key, options.binder)
            {
                let first = registered.first_seen && !registered.from_session_state;
                if let Some(wire) = bind(ui, key, registered.common.id, first, &mut shown) {
                    if let Some(value) = (registered.decode)(&wire) {
                        registered.value = value;
                    }
                }
            }
            ui.push_element(shown);
            registered.value
        }
        Err(error) => {
            show_error(ui, error);
            fallback()
        }
    }
}

/// `WidgetProps` for the props of a widget that picks one of its `options` by index (radio,
/// selectbox): they have `common`, `options`, `index` and `optional` fields and the same wire
/// value, `Index`; `AppTest` picks by the option's text.
macro_rules! single_choice_props {
    ($props:ty, $what:literal) => {
        impl $crate::element::WidgetProps for $props {
            fn common(&self) -> &$crate::element::WidgetCommon {
                &self.common
            }
            fn value(&self) -> $crate::element::WidgetValue {
                $crate::element::WidgetValue::Index(self.index)
            }
            fn set_value(&mut self, value: &$crate::element::WidgetValue) {
                if let $crate::element::WidgetValue::Index(index) = value {
                    self.index = *index;
                }
            }
            fn test_value(&self, value: $crate::app_test::TestValue) -> Result<$crate::element::WidgetValue, String> {
                use $crate::app_test::TestValue;
                match value {
                    TestValue::Text(option) => Ok($crate::element::WidgetValue::Index(Some(
                        $crate::widgets::option_index(&self.options, &option)?,
                    ))),
                    TestValue::Empty if self.optional => Ok($crate::element::WidgetValue::Index(None)),
                    other => Err(format!(concat!("a ", $what, " cannot take {:?}"), other)),
                }
            }
            fn options(&self) -> Option<&[String]> {
                Some(&self.options)
            }
        }
    };
}
pub(crate) use single_choice_props;

/// Checks a field's `icon` (text and number inputs): one emoji or `:material/name:`.
pub(crate) fn check_field_icon(label: &str, icon: Option<&str>) -> Result<(), WidgetError> {
    match icon.map(crate::layout::check_icon) {
        Some(Err(why)) => Err(api(format!("The icon of the input \"{label}\": {why}"))),
        _ => Ok(()),
    }
}

/// The index of `option` among a choice widget's shown `options` (for `AppTest`).
pub(crate) fn option_index(options: &[String], option: &str) -> Result<usize, String> {
    options
        .iter()
        .position(|o| o == option)
        .ok_or_else(|| format!("\"{option}\" is not one of the options {options:?}"))
}

/// A widget's identity, stated in one call: `keyless` parts identify a widget
/// without a key; with a key, the key plus the `value_domain` parts do (the
/// parameters that constrain its value, such as a slider's bounds).
pub(crate) fn identity(
    kind: &str,
    key: Option<&str>,
    keyless: impl FnOnce(Identity) -> Identity,
    value_domain: impl FnOnce(Identity) -> Identity,
) -> Identity {
    match key {
        Some(key) => value_domain(Identity::new(kind).text("key", key)),
        None => keyless(Identity::new(kind)),
    }
}

/// The options of a choice widget (radio, selectbox, multiselect), with their labels.
pub(crate) struct Choices<T> {
    pub values: Rc<Vec<T>>,
    pub labels: Vec<String>,
}

impl<T: Clone + PartialEq + 'static> Choices<T> {
    pub fn new(values: Vec<T>, format: &dyn Fn(&T) -> String) -> Self {
        let labels = values.iter().map(format).collect();
        Choices { values: Rc::new(values), labels }
    }

    /// Turns typed text into a value: an option's text is that option, other text goes
    /// through `make` (`accept_new_options`).
    pub fn text_decoder(&self, make: NewOption<T>) -> NewOption<Option<T>> {
        let values = self.values.clone();
        let labels = self.labels.clone();
        Rc::new(move |text| match labels.iter().position(|l| l == text) {
            Some(i) => values.get(i).cloned(),
            None => Some(make(text)),
        })
    }

    /// Encodes one value as its index.
    pub fn encode_one(&self) -> EncodeFn<T> {
        let values = self.values.clone();
        let labels = self.labels.clone();
        Box::new(move |value| match values.iter().position(|v| v == value) {
            Some(i) => Ok(WidgetValue::Index(Some(i))),
            None => Err(format!("it is not one of the options {labels:?}")),
        })
    }
}

/// A widget that always holds a value: what widgets are unless told otherwise.
pub struct Required;
/// A widget that may hold no value: made by `.no_default()` (Streamlit's `index=None` or
/// `value=None`); it starts empty, shows its placeholder, and returns an `Option`.
pub struct Optional;

/// Whether a widget always holds a value ([`Required`]) or may hold none ([`Optional`]).
///
/// An empty state is a type, not a flag: `Selectbox::new(..)` returns `T` and
/// `Selectbox::new(..).no_default()` returns `Option<T>`, so a script never unwraps a value
/// that is always there, nor forgets the case where there is none.
pub trait Presence: 'static {
    /// What the script gets: `T`, or `Option<T>`.
    type Output<T: Clone + 'static>: Clone + 'static;
    /// Whether the widget may be empty.
    const OPTIONAL: bool;
    /// A value or none, as the script gets it (`None` for a required widget: refused).
    #[doc(hidden)]
    fn from_option<T: Clone + 'static>(value: Option<T>) -> Option<Self::Output<T>>;
    /// The value inside, if any.
    #[doc(hidden)]
    fn to_option<T: Clone + 'static>(value: &Self::Output<T>) -> Option<T>;
}

impl Presence for Required {
    type Output<T: Clone + 'static> = T;
    const OPTIONAL: bool = false;
    fn from_option<T: Clone + 'static>(value: Option<T>) -> Option<T> {
        value
    }
    fn to_option<T: Clone + 'static>(value: &T) -> Option<T> {
        Some(value.clone())
    }
}

impl Presence for Optional {
    type Output<T: Clone + 'static> = Option<T>;
    const OPTIONAL: bool = true;
    fn from_option<T: Clone + 'static>(value: Option<T>) -> Option<Option<T>> {
        Some(value)
    }
    fn to_option<T: Clone + 'static>(value: &Option<T>) -> Option<T> {
        value.clone()
    }
}

impl<T: Clone + PartialEq + 'static> Choices<T> {
    /// Decodes one selected index, or none for a widget that may be empty.
    pub fn decode_presence<P: Presence>(&self) -> DecodeFn<P::Output<T>> {
        let values = self.values.clone();
        Rc::new(move |wire| match wire {
            WidgetValue::Index(Some(i)) => values.get(*i).cloned().and_then(|v| P::from_option(Some(v))),
            WidgetValue::Index(None) => P::from_option(None),
            _ => None,
        })
    }

    /// Encodes one value as its index, or none as `Index(None)`.
    pub fn encode_presence<P: Presence>(&self) -> EncodeFn<P::Output<T>> {
        let one = self.encode_one();
        Box::new(move |value| match P::to_option(value) {
            Some(value) => one(&value),
            None => Ok(WidgetValue::Index(None)),
        })
    }

    /// The value at `index` (none for `None`), as the script gets it.
    pub fn pick<P: Presence>(&self, index: Option<usize>) -> P::Output<T>
    where
        T: Default,
    {
        let value = index.and_then(|i| self.values.get(i).cloned());
        P::from_option(value).or_else(|| P::from_option(Some(T::default()))).expect("a value is always taken")
    }
}

/// The default formatting of options: their `Display` text.
pub(crate) fn display_format<T: Display>(value: &T) -> String {
    value.to_string()
}
