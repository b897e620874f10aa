//! Renders `chat_input` as a `<textarea>` with a send button: Enter submits, Shift+Enter
//! starts a new line; the box empties once the text is sent. Pinned to the bottom of the
//! main area by CSS (`.wl-chat-input-pinned`). An input that accepts files also has a
//! paperclip (a label for a hidden `<input type="file">`) and takes files dropped on it;
//! attached files show as removable chips above the text and go with the next message.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use super::file_uploader::{file_vec, read_checked};
use super::WidgetCell;
use crate::element::WidgetValue;
use crate::widgets::chat_input::{AcceptFile, ChatInputProps, ChatInputValue};
use crate::widgets::file_uploader::{format_size, UploadedFile};

/// An arrow pointing up (Streamlit's send icon).
const SEND_ICON: &str = "M12 4l-7 7 1.4 1.4L11 7.8V20h2V7.8l4.6 4.6L19 11z";

/// A paperclip (Material's `attach_file`).
const CLIP_ICON: &str = "M16.5 6v11.5c0 2.21-1.79 4-4 4s-4-1.79-4-4V5a2.5 2.5 0 015 0v10.5c0 .55-.45 1-1 1s-1-.45-1-1V6H10v9.5a2.5 2.5 0 005 0V5c0-2.21-1.79-4-4-4S7 2.79 7 5v12.5c0 3.04 2.46 5.5 5.5 5.5s5.5-2.46 5.5-5.5V6h-1.5z";

pub(crate) fn render(cell: WidgetCell<ChatInputProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::CHAT);
    crate::web::style::require(&crate::web::style::FILES);
    let props = cell.props;
    let sink = cell.sink;
    let dom_id = cell.dom_id.clone();
    let files_id = format!("{dom_id}-files");
    let text = RwSignal::new(String::new());
    // The page's own state for attachments: the files attached, refusals, names being read.
    let attached = RwSignal::new(Vec::<UploadedFile>::new());
    let refused = RwSignal::new(Vec::<String>::new());
    let reading = RwSignal::new(Vec::<String>::new());
    let dragging = RwSignal::new(false);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let disabled = move || props.with(|p| p.common.disabled);
    let disabled_now = move || props.with_untracked(|p| p.common.disabled);
    let accept_file = move || props.with(|p| p.accept_file);
    let accepts_now = move || props.with_untracked(|p| p.accept_file.is_some());
    // The box grows with its text, up to a few lines (CSS caps it and scrolls).
    let fit = move || {
        if let Some(area) = area.get_untracked() {
            let _ = area.set_attribute("style", "height: auto");
            let height = area.scroll_height();
            let _ = area.set_attribute("style", &format!("height: {height}px"));
        }
    };
    let empty = move || text.with(|t| t.trim().is_empty()) && attached.with(Vec::is_empty);
    let submit = move || {
        let value = text.get_untracked();
        let files = attached.get_untracked();
        let nothing = value.trim().is_empty() && files.is_empty();
        if nothing || disabled_now() || !reading.with_untracked(Vec::is_empty) {
            return;
        }
        text.set(String::new());
        attached.set(Vec::new());
        refused.set(Vec::new());
        if let Some(area) = area.get_untracked() {
            area.set_value("");
        }
        fit();
        sink.send(if accepts_now() {
            WidgetValue::ChatTrigger(Some(ChatInputValue { text: value, files }))
        } else {
            WidgetValue::TextTrigger(Some(value))
        });
    };
    // Picked or dropped files: checked with the engine's rule, read, then attached (a
    // single-file input replaces its attachment).
    let take = move |files: Vec<web_sys::File>| {
        let Some(accept) = props.with_untracked(|p| p.accept_file) else { return };
        let multiple = accept == AcceptFile::Multiple;
        let check = move |name: &str, size: u64| props.with_untracked(|p| p.check(name, size));
        read_checked(files, check, multiple, refused, reading, move |read| {
            attached.try_update(|files| {
                if !multiple {
                    files.clear();
                }
                files.extend(read);
            });
        });
    };
    let chips = move || {
        attached
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, file)| {
                let remove_label = format!("Remove {}", file.name);
                view! {
                    <span class="wl-chat-file">
                        <span class="wl-chat-file-name">{file.name.clone()}</span>
                        <span class="wl-chat-file-size">{format_size(file.size() as u64)}</span>
                        <button
                            class="wl-chat-file-remove"
                            aria-label=remove_label.clone()
                            title=remove_label
                            on:click=move |_| attached.update(|files| {
                                if index < files.len() {
                                    files.remove(index);
                                }
                            })
                        >
                            "✕"
                        </button>
                    </span>
                }
            })
            .collect_view()
    };
    let attach = move || {
        accept_file().map(|accept| {
            let files_id = files_id.clone();
            view! {
                <input
                    id=files_id.clone()
                    type="file"
                    class="wl-file-input"
                    aria-label="Attach files"
                    accept=move || props.with(|p| p.accept())
                    multiple=accept == AcceptFile::Multiple
                    disabled=disabled
                    on:change=move |event| {
                        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                            return;
                        };
                        if let Some(list) = input.files() {
                            take(file_vec(&list));
                        }
                        // The same file picked again is a new pick.
                        input.set_value("");
                    }
                />
                <label class="wl-chat-input-attach" for=files_id title="Attach files" aria-hidden="true">
                    <svg viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d=CLIP_ICON /></svg>
                </label>
            }
        })
    };
    view! {
        <div
            class="wl-chat-input"
            class:wl-chat-input-pinned=move || props.with(|p| p.pinned)
            class:wl-dragging=move || dragging.get()
            on:dragover=move |event: web_sys::DragEvent| {
                if accepts_now() && !disabled_now() {
                    event.prevent_default();
                    dragging.set(true);
                }
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event: web_sys::DragEvent| {
                dragging.set(false);
                if accepts_now() && !disabled_now() {
                    event.prevent_default();
                    if let Some(list) = event.data_transfer().and_then(|transfer| transfer.files()) {
                        take(file_vec(&list));
                    }
                }
            }
        >
            <div class="wl-chat-files" class:wl-chat-files-none=move || attached.with(Vec::is_empty) && reading.with(Vec::is_empty) && refused.with(Vec::is_empty)>
                {chips}
                {move || reading.get().into_iter().map(|name| view! { <span class="wl-chat-file wl-file-pending">{format!("Reading {name}…")}</span> }).collect_view()}
                <div class="wl-chat-refused" role="alert">
                    {move || refused.get().into_iter().map(|message| view! { <div class="wl-file-error">{message}</div> }).collect_view()}
                </div>
            </div>
            {attach}
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
                disabled=move || disabled() || empty() || !reading.with(Vec::is_empty)
                on:click=move |_| submit()
            >
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d=SEND_ICON /></svg>
            </button>
        </div>
    }
    .into_any()
}
