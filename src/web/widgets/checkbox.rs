//! Renders `checkbox` as an `<input type="checkbox">` with its label.

use leptos::prelude::*;

use super::WidgetCell;
use crate::element::{LabelVisibility, WidgetValue};
use crate::widgets::checkbox::CheckboxProps;

pub(crate) fn render(cell: WidgetCell<CheckboxProps>) -> AnyView {
    boolean_input(cell, false)
}

/// A checkbox, or (`switch`) a checkbox drawn as a toggle switch.
pub(crate) fn boolean_input(cell: WidgetCell<CheckboxProps>, switch: bool) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let hidden = props.with_untracked(|p| p.common.label_visibility != LabelVisibility::Visible);
    let sink = cell.sink;
    view! {
        <label class="wl-check" class:wl-switch=switch title=move || props.with(|p| p.common.help.clone())>
            <input
                type="checkbox"
                id=dom_id
                role=switch.then_some("switch")
                disabled=move || props.with(|p| p.common.disabled)
                prop:checked=move || {
                    echo.track();
                    props.with(|p| p.value)
                }
                on:change=move |event| sink.send(WidgetValue::Bool(event_target_checked(&event)))
            />
            <span class="wl-check-mark" aria-hidden="true"></span>
            <span class="wl-check-label" class:wl-label-hidden=hidden>{super::label_text(props, |p| &p.common.label)}</span>
        </label>
    }
    .into_any()
}
