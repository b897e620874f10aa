//! Renders `file_uploader`: a drop zone with an Upload button (a visually hidden
//! `<input type="file">` behind its label), the limits under it, a message for each file it
//! refused, and one row per uploaded file (name, size, ✕). Picked or dropped files are
//! checked with the engine's rule first; accepted ones are read in 1 MiB chunks with the File
//! API, then sent as the new value (added to the files so far when it takes many).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{label, Sink, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::file_uploader::{format_size, FileUploaderProps, UploadedFile};

/// How much of a file is read at once.
const CHUNK: f64 = 1024.0 * 1024.0;

pub(crate) fn render(cell: WidgetCell<FileUploaderProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::FILES);
    let props = cell.props;
    let sink = cell.sink;
    let dom_id = cell.dom_id.clone();
    // The page's own state: messages for refused files and the names being read.
    let refused = RwSignal::new(Vec::<String>::new());
    let reading = RwSignal::new(Vec::<String>::new());
    let dragging = RwSignal::new(false);
    let disabled = move || props.with(|p| p.common.disabled);
    let take = move |files: Vec<web_sys::File>| take_files(files, props, sink, refused, reading);
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div
            class="wl-file-dropzone"
            class:wl-dragging=move || dragging.get()
            class:wl-disabled=disabled
            on:dragover=move |event: web_sys::DragEvent| {
                event.prevent_default();
                if !disabled() {
                    dragging.set(true);
                }
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event: web_sys::DragEvent| {
                event.prevent_default();
                dragging.set(false);
                if !disabled() {
                    if let Some(list) = event.data_transfer().and_then(|transfer| transfer.files()) {
                        take(file_vec(&list));
                    }
                }
            }
        >
            <input
                id=dom_id.clone()
                type="file"
                class="wl-file-input"
                accept=move || props.with(|p| p.accept())
                multiple=move || props.with(|p| p.multiple)
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
            <label class="wl-btn wl-file-button" for=dom_id aria-hidden="true">
                <span class="wl-file-button-icon">"⤒"</span>
                "Upload"
            </label>
            <span class="wl-file-hint">{move || props.with(|p| p.hint())}</span>
        </div>
        <div class="wl-file-refused" role="alert">
            {move || refused.get().into_iter().map(|message| view! { <div class="wl-file-error">{message}</div> }).collect_view()}
        </div>
        <div class="wl-file-reading" aria-live="polite">
            {move || reading.get().into_iter().map(|name| view! { <div class="wl-file-row wl-file-pending">{format!("Reading {name}…")}</div> }).collect_view()}
        </div>
        <ul class="wl-file-list">
            {move || {
                props
                    .with(|p| p.files.iter().map(|f| (f.name.clone(), f.size())).collect::<Vec<_>>())
                    .into_iter()
                    .enumerate()
                    .map(|(index, (name, size))| {
                        let remove_label = format!("Remove {name}");
                        view! {
                            <li class="wl-file-row">
                                <span class="wl-file-icon" aria-hidden="true">"📄"</span>
                                <span class="wl-file-name">{name}</span>
                                <span class="wl-file-size">{format_size(size as u64)}</span>
                                <button
                                    class="wl-file-remove"
                                    aria-label=remove_label.clone()
                                    title=remove_label
                                    disabled=disabled
                                    on:click=move |_| {
                                        let mut files = props.with_untracked(|p| p.files.clone());
                                        if index < files.len() {
                                            files.remove(index);
                                            sink.send(WidgetValue::Files(files));
                                        }
                                    }
                                >
                                    "✕"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
    .into_any()
}

pub(crate) fn file_vec(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// Checks `files` with the uploader's rule, shows why any is refused, reads the others and
/// sends the new value. A single-file uploader takes the first file it accepts.
fn take_files(
    files: Vec<web_sys::File>,
    props: Memo<FileUploaderProps>,
    sink: Sink,
    refused: RwSignal<Vec<String>>,
    reading: RwSignal<Vec<String>>,
) {
    let multiple = props.with_untracked(|p| p.multiple);
    let check = move |name: &str, size: u64| props.with_untracked(|p| p.check(name, size));
    read_checked(files, check, multiple, refused, reading, move |read| {
        let Some(mut files) = props.try_with_untracked(|p| if multiple { p.files.clone() } else { Vec::new() }) else {
            return;
        };
        files.extend(read);
        sink.send(WidgetValue::Files(files));
    });
}

/// Checks `files` with `check` (keeping only the first accepted one unless `multiple`), sets
/// `refused` to why any is refused, reads the others while `reading` names them, and hands
/// what was read to `done` (not called if nothing was). Shared by the file uploader and the
/// chat input's attachments.
pub(crate) fn read_checked(
    files: Vec<web_sys::File>,
    check: impl Fn(&str, u64) -> Result<(), String>,
    multiple: bool,
    refused: RwSignal<Vec<String>>,
    reading: RwSignal<Vec<String>>,
    done: impl FnOnce(Vec<UploadedFile>) + 'static,
) {
    let mut messages = Vec::new();
    let mut accepted = Vec::new();
    for file in files {
        let name = file.name();
        match check(&name, file.size() as u64) {
            Err(message) => messages.push(message),
            Ok(()) if !multiple && !accepted.is_empty() => {
                messages.push(format!("{name}: only one file can be uploaded here."));
            }
            Ok(()) => accepted.push(file),
        }
    }
    refused.set(messages);
    if accepted.is_empty() {
        return;
    }
    reading.set(accepted.iter().map(web_sys::File::name).collect());
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::new();
        let mut failed = Vec::new();
        for file in accepted {
            match read_file(&file).await {
                Ok(bytes) => read.push(UploadedFile::new(file.name(), file.type_(), bytes)),
                Err(message) => failed.push(format!("{}: the file could not be read ({message}).", file.name())),
            }
        }
        // The widget may have gone while the files were read.
        reading.try_set(Vec::new());
        if !failed.is_empty() {
            refused.try_update(|messages| messages.extend(failed));
        }
        if !read.is_empty() {
            done(read);
        }
    });
}

/// Reads `file` in chunks of [`CHUNK`] bytes.
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let size = file.size();
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
    while start < size {
        let end = (start + CHUNK).min(size);
        let part = file.slice_with_f64_and_f64(start, end).map_err(describe)?;
        let buffer = JsFuture::from(part.array_buffer()).await.map_err(describe)?;
        let chunk = js_sys::Uint8Array::new(&buffer);
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
        start = end;
    }
    Ok(bytes)
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
