//! Renders `button` as a `<button>`; a click sends a one-run trigger.

use leptos::prelude::*;

use super::WidgetCell;
use crate::element::WidgetValue;
use crate::widgets::button::{ButtonKind, ButtonProps};

pub(crate) fn render(cell: WidgetCell<ButtonProps>) -> AnyView {
    let props = cell.props;
    let submits = cell.first.form_submit;
    let sink = cell.sink;
    view! {
        <button
            class="wl-btn"
            class:wl-primary=move || props.with(|p| p.kind == ButtonKind::Primary)
            class:wl-tertiary=move || props.with(|p| p.kind == ButtonKind::Tertiary)
            disabled=move || props.with(|p| p.common.disabled)
            title=move || props.with(|p| p.common.help.clone())
            on:click=move |_| {
                if submits {
                    sink.submit();
                } else {
                    sink.send(WidgetValue::Trigger(true));
                }
            }
        >
            {move || {
                props.with(|p| p.icon.clone()).map(|icon| view! { <span class="wl-btn-icon" aria-hidden="true">{icon}</span> })
            }}
            {super::label_text(props, |p| &p.common.label)}
        </button>
    }
    .into_any()
}
