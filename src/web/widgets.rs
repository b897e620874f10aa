//! Renderers of the widgets: one file each, named like the engine's widget file.

pub(crate) mod audio_input;
pub(crate) mod button;
pub(crate) mod camera_input;
pub(crate) mod capture;
pub(crate) mod chat_input;
pub(crate) mod checkbox;
pub(crate) mod color_picker;
pub(crate) mod combobox;
#[cfg(feature = "components")]
pub(crate) mod component;
#[cfg(feature = "data")]
pub(crate) mod data_editor;
pub(crate) mod date_input;
pub(crate) mod datetime_input;
pub(crate) mod download_button;
pub(crate) mod feedback;
pub(crate) mod file_uploader;
pub(crate) mod link_button;
pub(crate) mod multiselect;
pub(crate) mod number_input;
pub(crate) mod page_link;
pub(crate) mod pills;
pub(crate) mod radio;
pub(crate) mod range;
pub(crate) mod segmented_control;
pub(crate) mod select_slider;
pub(crate) mod selectbox;
pub(crate) mod slider;
pub(crate) mod temporal;
pub(crate) mod text_area;
pub(crate) mod text_input;
pub(crate) mod time_input;
pub(crate) mod toggle;

use leptos::prelude::*;

use super::html_batch::batched_html;
use super::view_model::ElementCell;
use super::Sender;
use crate::element::{Element, LabelVisibility, WidgetCommon, WidgetEvent, WidgetProps, WidgetValue};
use crate::identity::WidgetId;

/// Sends values for one widget. `Copy`, so any closure can hold one.
#[derive(Clone, Copy)]
pub(crate) struct Sink {
    sender: Sender,
    id: WidgetId,
    /// The widget's form: its values wait for the form's submit button.
    form: StoredValue<Option<String>>,
}

impl Sink {
    /// Sends `value` as the widget's new value; the rerun starts after this
    /// event (or, in a form, when the form is submitted).
    pub fn send(self, value: WidgetValue) {
        self.form.with_value(|form| self.sender.send(WidgetEvent { id: self.id, value }, form.as_deref(), false));
    }

    /// A form's submit button was pressed: send the form's values with it.
    pub fn submit(self) {
        let event = WidgetEvent { id: self.id, value: WidgetValue::Trigger(true) };
        self.form.with_value(|form| self.sender.send(event, form.as_deref(), true));
    }

    /// Enter in a form's text input submits the form.
    pub fn submit_form(self) {
        self.form.with_value(|form| {
            if let Some(form) = form {
                self.sender.submit_form(form);
            }
        });
    }

    /// Whether the widget is in a form (its value waits for the submit).
    pub fn in_form(self) -> bool {
        self.form.with_value(Option::is_some)
    }
}

/// What every widget renderer gets: its props, its echo and its sink.
pub(crate) struct WidgetCell<P: Send + Sync + 'static> {
    pub props: Memo<P>,
    pub echo: ArcRwSignal<u64>,
    pub sink: Sink,
    /// The widget's DOM id, `wl-<widget id>`.
    pub dom_id: String,
    pub first: P,
}

impl<P: WidgetProps + Clone + PartialEq + Send + Sync + 'static> WidgetCell<P> {
    pub(crate) fn new(cell: &ElementCell, sender: Sender, first: P, pick: fn(&Element) -> Option<&P>) -> Self {
        let signal = cell.props.clone();
        let fallback = first.clone();
        let props = Memo::new(move |previous: Option<&P>| {
            signal
                .with(|element| pick(element).cloned())
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| fallback.clone())
        });
        let id = first.common().id;
        let form = StoredValue::new(first.common().form.clone());
        WidgetCell {
            props,
            echo: cell.echo.clone(),
            sink: Sink { sender, id, form },
            dom_id: format!("wl-{id}"),
            first,
        }
    }
}

/// A widget's `<label>`, and its help (`help::icon`), which describes the control `for_id`.
pub(crate) fn label<P: Send + Sync + Clone + PartialEq + 'static>(
    props: Memo<P>,
    common: fn(&P) -> &WidgetCommon,
    for_id: String,
) -> impl IntoView {
    let visibility = props.with_untracked(|p| common(p).label_visibility);
    let tip = super::help::tip_id(&for_id);
    // The control is drawn by the renderer after its label: it is found by id once mounted.
    let control = for_id.clone();
    let described = tip.clone();
    Effect::new(move |_| {
        let has_help = props.with(|p| common(p).help.is_some());
        if let Some(control) = document().get_element_by_id(&control) {
            let _ = match super::help::described_by(has_help, &described) {
                Some(id) => control.set_attribute("aria-describedby", &id),
                None => control.remove_attribute("aria-describedby"),
            };
        }
    });
    view! {
        <div
            class="wl-widget-label"
            class:wl-label-hidden=visibility == LabelVisibility::Hidden
            class:wl-label-collapsed=visibility == LabelVisibility::Collapsed
        >
            <label id=format!("{for_id}-label") for=for_id>
                {label_text(props, move |p| &common(p).label)}
            </label>
            {super::help::icon(move || props.with(|p| common(p).help.clone()), tip)}
        </div>
    }
}

/// A label's text with its inline Markdown (bold, italics, code, links, colours, emoji), as
/// Streamlit draws labels; redrawn only when the label changes.
pub(crate) fn label_text<P: Send + Sync + Clone + PartialEq + 'static>(
    props: Memo<P>,
    text: impl Fn(&P) -> &String + Send + Sync + 'static,
) -> impl IntoView {
    let label = Memo::new(move |_| props.with(|p| text(p).clone()));
    let html = move || label.with(|l| (crate::markdown::label_html(l), true));
    view! { <span class="wl-label-text" use:batched_html=html></span> }
}

/// A field's icon (text and number inputs), at the left inside the field.
pub(crate) fn field_icon<P: Send + Sync + Clone + PartialEq + 'static>(
    props: Memo<P>,
    icon: fn(&P) -> &Option<String>,
) -> impl IntoView {
    move || {
        props
            .with(|p| icon(p).clone())
            .map(|icon| view! { <span class="wl-field-icon">{super::icon::icon_view(icon)}</span> })
    }
}

/// A value the viewer has set but the engine has not confirmed yet: while a
/// thumb moves, or while a form holds it back. It goes away whenever the
/// engine's props or echo change.
pub(crate) fn draft<T, P>(props: Memo<P>, echo: ArcRwSignal<u64>) -> RwSignal<Option<T>>
where
    T: Send + Sync + 'static,
    P: Clone + PartialEq + Send + Sync + 'static,
{
    let draft = RwSignal::new(None);
    Effect::new(move |_| {
        props.track();
        echo.track();
        draft.set(None);
    });
    draft
}

/// Commits typed text (on Enter or blur): sends it if it differs from the
/// engine's value, and clears the "press Enter to apply" hint.
pub(crate) fn text_commit<P>(
    props: Memo<P>,
    value: fn(&P) -> &str,
    sink: Sink,
    dirty: RwSignal<bool>,
) -> impl Fn(String) + Copy
where
    P: Clone + PartialEq + Send + Sync + 'static,
{
    move |text: String| {
        dirty.set(false);
        if props.with_untracked(|p| value(p) != text) {
            sink.send(WidgetValue::Text(text));
        }
    }
}

/// Formats a number the way a widget shows it: integers plainly, floats with
/// as many decimals as the step needs (at least two).
pub(crate) fn format_number(value: f64, is_int: bool, step: f64) -> String {
    if is_int {
        return format!("{value:.0}");
    }
    let mut decimals = 2;
    while decimals < 8 && (step * 10f64.powi(decimals)).fract().abs() > 1e-9 {
        decimals += 1;
    }
    format!("{value:.*}", decimals as usize)
}
