//! Renders `color_picker` as an `<input type="color">` swatch with the hex text beside it.
//! The text follows the picker as it moves; the colour is sent when the picker commits it.

use leptos::prelude::*;

use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::color_picker::{full_hex, ColorPickerProps};

pub(crate) fn render(cell: WidgetCell<ColorPickerProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::COLOR_PICKER);
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let picking = draft::<String, _>(props, cell.echo.clone());
    let shown = move || picking.get().unwrap_or_else(|| props.with(|p| p.value.clone()));
    let sink = cell.sink;
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-color-picker-row">
            <input
                id=dom_id
                type="color"
                class="wl-color-swatch"
                disabled=move || props.with(|p| p.common.disabled)
                prop:value=move || {
                    echo.track();
                    props.with(|p| full_hex(&p.value))
                }
                on:input=move |event| picking.set(Some(event_target_value(&event)))
                on:change=move |event| {
                    let color = event_target_value(&event);
                    picking.set(Some(color.clone()));
                    if props.with_untracked(|p| full_hex(&p.value) != color) {
                        sink.send(WidgetValue::Text(color));
                    }
                }
            />
            <span class="wl-color-hex" aria-hidden="true">{shown}</span>
        </div>
    }
    .into_any()
}
