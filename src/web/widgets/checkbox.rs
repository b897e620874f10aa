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
    let tip = crate::web::help::tip_id(&dom_id);
    let described = tip.clone();
    view! {
        <label class="wl-check" class:wl-switch=switch>
            <input
                type="checkbox"
                id=dom_id
                aria-describedby=move || props.with(|p| crate::web::help::described_by(p.common.help.is_some(), &described))
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
        {crate::web::help::icon(move || props.with(|p| p.common.help.clone()), tip)}
    }
    .into_any()
}
