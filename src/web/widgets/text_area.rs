//! Renders `text_area` as a `<textarea>`; commits on Ctrl+Enter or blur.

use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

use super::{label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::text_area::TextAreaProps;

pub(crate) fn render(cell: WidgetCell<TextAreaProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let dirty = RwSignal::new(false);
    let sink = cell.sink;
    let commit = move |area: HtmlTextAreaElement| {
        dirty.set(false);
        let text = area.value();
        if props.with_untracked(|p| p.value != text) {
            sink.send(WidgetValue::Text(text));
        }
    };
    let commit_on_keys = commit;
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
                        commit_on_keys(event_target::<HtmlTextAreaElement>(&event));
                        sink.submit_form();
                    }
                }
                on:change=move |event| commit(event_target::<HtmlTextAreaElement>(&event))
            ></textarea>
            <span class="wl-input-hint" hidden=move || !dirty.get()>"Press Ctrl+Enter to apply"</span>
        </div>
    }
    .into_any()
}
