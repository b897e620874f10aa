//! Renders `button` as a `<button>`; a click sends a one-run trigger.

use leptos::prelude::*;

use super::WidgetCell;
use crate::element::WidgetValue;
use crate::widgets::button::{ButtonKind, ButtonProps};

pub(crate) fn render(cell: WidgetCell<ButtonProps>) -> AnyView {
    let props = cell.props;
    let submits = cell.first.form_submit;
    let sink = cell.sink;
    let tip = crate::web::help::tip_id(&cell.dom_id);
    let described = tip.clone();
    view! {
        <button
            class="wl-btn"
            class:wl-primary=move || props.with(|p| p.kind == ButtonKind::Primary)
            class:wl-tertiary=move || props.with(|p| p.kind == ButtonKind::Tertiary)
            disabled=move || props.with(|p| p.common.disabled)
            aria-describedby=move || props.with(|p| crate::web::help::described_by(p.common.help.is_some(), &described))
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
        {move || props.with(|p| p.common.help.clone()).map(|help| crate::web::help::tip(help, tip.clone()))}
    }
    .into_any()
}
