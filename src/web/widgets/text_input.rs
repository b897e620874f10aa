//! Renders `text_input` as `<input type="text">`; commits on Enter or blur.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::{field_icon, label, text_commit, WidgetCell};
use crate::widgets::text_input::TextInputProps;

pub(crate) fn render(cell: WidgetCell<TextInputProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let password = cell.first.password;
    // Typed but not yet committed: Streamlit says "Press Enter to apply".
    let dirty = RwSignal::new(false);
    let sink = cell.sink;
    let commit = text_commit(props, |p| &p.value, sink, dirty);
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-input-wrap" class:wl-has-icon=move || props.with(|p| p.icon.is_some())>
            {field_icon(props, |p| &p.icon)}
            <input
                id=dom_id
                class="wl-input"
                type=if password { "password" } else { "text" }
                autocomplete="off"
                placeholder=move || props.with(|p| p.placeholder.clone())
                maxlength=move || props.with(|p| p.max_chars.map(|m| m.to_string()))
                disabled=move || props.with(|p| p.common.disabled)
                prop:value=move || {
                    echo.track();
                    props.with(|p| p.value.clone())
                }
                on:input=move |_| dirty.set(true)
                on:keydown=move |event| {
                    if event.key() == "Enter" {
                        commit(event_target::<HtmlInputElement>(&event).value());
                        // In a form, Enter submits it.
                        sink.submit_form();
                    }
                }
                on:change=move |event| commit(event_target::<HtmlInputElement>(&event).value())
            />
            <span class="wl-input-hint" hidden=move || !dirty.get()>"Press Enter to apply"</span>
        </div>
    }
    .into_any()
}
