//! Renders `chat_input` as a `<textarea>` with a send button: Enter submits, Shift+Enter
//! starts a new line; the box empties once the text is sent. Pinned to the bottom of the
//! main area by CSS (`.wl-chat-input-pinned`).

use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

use super::WidgetCell;
use crate::element::WidgetValue;
use crate::widgets::chat_input::ChatInputProps;

/// An arrow pointing up (Streamlit's send icon).
const SEND_ICON: &str = "M12 4l-7 7 1.4 1.4L11 7.8V20h2V7.8l4.6 4.6L19 11z";

pub(crate) fn render(cell: WidgetCell<ChatInputProps>) -> AnyView {
    let props = cell.props;
    let sink = cell.sink;
    let dom_id = cell.dom_id.clone();
    let text = RwSignal::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let disabled = move || props.with(|p| p.common.disabled);
    let disabled_now = move || props.with_untracked(|p| p.common.disabled);
    // The box grows with its text, up to a few lines (CSS caps it and scrolls).
    let fit = move || {
        if let Some(area) = area.get_untracked() {
            let _ = area.set_attribute("style", "height: auto");
            let height = area.scroll_height();
            let _ = area.set_attribute("style", &format!("height: {height}px"));
        }
    };
    let submit = move || {
        let value = text.get_untracked();
        if value.trim().is_empty() || disabled_now() {
            return;
        }
        text.set(String::new());
        if let Some(area) = area.get_untracked() {
            area.set_value("");
        }
        fit();
        sink.send(WidgetValue::TextTrigger(Some(value)));
    };
    view! {
        <div class="wl-chat-input" class:wl-chat-input-pinned=move || props.with(|p| p.pinned)>
            <textarea
                id=dom_id
                node_ref=area
                class="wl-chat-input-text"
                rows="1"
                aria-label=move || props.with(|p| p.placeholder.clone())
                placeholder=move || props.with(|p| p.placeholder.clone())
                maxlength=move || props.with(|p| p.max_chars.map(|m| m.to_string()))
                disabled=disabled
                on:input=move |event| {
                    text.set(event_target::<HtmlTextAreaElement>(&event).value());
                    fit();
                }
                on:keydown=move |event| {
                    // Enter sends (not while an input method composes); Shift+Enter is a new line.
                    if event.key() == "Enter" && !event.shift_key() && !event.is_composing() {
                        event.prevent_default();
                        submit();
                    }
                }
            ></textarea>
            <button
                class="wl-chat-input-send"
                aria-label="Send"
                disabled=move || disabled() || text.with(|t| t.trim().is_empty())
                on:click=move |_| submit()
            >
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d=SEND_ICON /></svg>
            </button>
        </div>
    }
    .into_any()
}
