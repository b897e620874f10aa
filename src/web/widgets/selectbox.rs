//! Renders `selectbox` as a `<select>`; option values are indices (`""` for none).

use leptos::prelude::*;

use super::{label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::selectbox::SelectboxProps;

pub(crate) fn render(cell: WidgetCell<SelectboxProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    // Options are part of the widget's identity: new options make a new widget.
    let options = cell
        .first
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let selected = move || props.with(|p| p.index == Some(index));
            view! { <option value=index.to_string() selected=selected>{option.clone()}</option> }
        })
        .collect_view();
    // A selectbox made by `.no_default()` may be empty: its first option is the placeholder,
    // shown while nothing is chosen, and choosing it clears the selectbox.
    let empty = cell.first.optional.then(|| {
        let none_selected = move || props.with(|p| p.index.is_none());
        view! {
            <option value="" class="wl-placeholder" selected=none_selected>
                {move || props.with(|p| p.placeholder.clone())}
            </option>
        }
    });
    let sink = cell.sink;
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <select
            id=dom_id
            class="wl-select"
            disabled=move || props.with(|p| p.common.disabled)
            prop:value=move || {
                echo.track();
                props.with(|p| p.index.map(|i| i.to_string()).unwrap_or_default())
            }
            on:change=move |event| {
                let value = event_target_value(&event);
                if let Ok(index) = value.parse::<usize>() {
                    sink.send(WidgetValue::Index(Some(index)));
                } else if value.is_empty() && props.with_untracked(|p| p.optional) {
                    sink.send(WidgetValue::Index(None));
                }
            }
        >
            {empty}
            {options}
        </select>
    }
    .into_any()
}
