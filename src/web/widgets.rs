//! Renderers of the widgets: one file each, named like the engine's widget file.

mod button;
mod checkbox;
mod multiselect;
mod number_input;
mod radio;
mod selectbox;
mod slider;
mod text_area;
mod text_input;
mod toggle;

use leptos::prelude::*;

use super::view_model::ElementCell;
use super::Sender;
use crate::element::{Element, LabelVisibility, WidgetCommon, WidgetEvent, WidgetValue};
use crate::identity::WidgetId;

/// Sends values for one widget. `Copy`, so any closure can hold one.
#[derive(Clone, Copy)]
pub(crate) struct Sink {
    sender: Sender,
    id: WidgetId,
}

impl Sink {
    /// Sends `value` as the widget's new value; the rerun starts after this event.
    pub fn send(self, value: WidgetValue) {
        self.sender.send(WidgetEvent { id: self.id, value });
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

impl<P: Clone + PartialEq + Send + Sync + 'static> WidgetCell<P> {
    fn new(cell: &ElementCell, sender: Sender, first: P, pick: fn(&Element) -> Option<&P>, common: fn(&P) -> &WidgetCommon) -> Self {
        let signal = cell.props.clone();
        let fallback = first.clone();
        let props = Memo::new(move |previous: Option<&P>| {
            signal
                .with(|element| pick(element).cloned())
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| fallback.clone())
        });
        let id = common(&first).id;
        WidgetCell { props, echo: cell.echo.clone(), sink: Sink { sender, id }, dom_id: format!("wl-{id}"), first }
    }
}

macro_rules! dispatch {
    ($cell:ident, $sender:ident, $($variant:ident => $module:ident),* $(,)?) => {
        match $cell.props.get_untracked() {
            $(Element::$variant(first) => $module::render(WidgetCell::new(
                &$cell,
                $sender,
                first,
                |element| match element {
                    Element::$variant(props) => Some(props),
                    _ => None,
                },
                |props| &props.common,
            )),)*
            Element::Toggle(first) => toggle::render(WidgetCell::new(
                &$cell,
                $sender,
                first,
                |element| match element {
                    Element::Toggle(props) => Some(props),
                    _ => None,
                },
                |props| &props.common,
            )),
            _ => ().into_any(),
        }
    };
}

/// Renders a widget element.
pub(crate) fn widget(cell: ElementCell, sender: Sender) -> AnyView {
    dispatch!(cell, sender,
        Button => button,
        Checkbox => checkbox,
        Radio => radio,
        Selectbox => selectbox,
        Multiselect => multiselect,
        Slider => slider,
        TextInput => text_input,
        TextArea => text_area,
        NumberInput => number_input,
    )
}

/// A widget's `<label>`, with its help as a tooltip.
pub(crate) fn label<P: Send + Sync + Clone + PartialEq + 'static>(
    props: Memo<P>,
    common: fn(&P) -> &WidgetCommon,
    for_id: String,
) -> impl IntoView {
    let visibility = props.with_untracked(|p| common(p).label_visibility);
    view! {
        <label
            class="wl-widget-label"
            for=for_id
            class:wl-label-hidden=visibility == LabelVisibility::Hidden
            class:wl-label-collapsed=visibility == LabelVisibility::Collapsed
        >
            {move || props.with(|p| common(p).label.clone())}
            {move || props.with(|p| common(p).help.clone()).map(|help| view! { <span class="wl-help" title=help>"?"</span> })}
        </label>
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
