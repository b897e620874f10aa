//! Renders `text_area` as a `<textarea>`; commits on Ctrl+Enter or blur.

use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

use super::{label, text_commit, WidgetCell};
use crate::widgets::text_area::TextAreaProps;

pub(crate) fn render(cell: WidgetCell<TextAreaProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let dirty = RwSignal::new(false);
    let sink = cell.sink;
    let commit = text_commit(props, |p| &p.value, sink, dirty);
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-input-wrap">
            <textarea
                id=dom_id
                class="wl-input wl-textarea"
                placeholder=move || props.with(|p| p.placeholder.clone())
                maxlength=move || props.with(|p| p.max_chars.map(|m| m.to_string()))
                style:height=move || props.with(|p| p.height.map(|h| format!("{h}px")))
                disabled=move || props.with(|p| p.common.disabled)
                prop:value=move || {
                    echo.track();
                    props.with(|p| p.value.clone())
                }
                on:input=move |_| dirty.set(true)
                on:keydown=move |event| {
                    if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                        commit(event_target::<HtmlTextAreaElement>(&event).value());
                        sink.submit_form();
                    }
                }
                on:change=move |event| commit(event_target::<HtmlTextAreaElement>(&event).value())
            ></textarea>
            <span class="wl-input-hint" hidden=move || !dirty.get()>"Press Ctrl+Enter to apply"</span>
        </div>
    }
    .into_any()
}
