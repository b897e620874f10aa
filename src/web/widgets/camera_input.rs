//! Renders `camera_input`: a live preview from `getUserMedia`, "Take photo" draws the frame
//! into a canvas and sends it as a JPEG; the photo then shows with "Clear photo".

use leptos::html::Video;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MediaStream};

use super::capture::{clear, file_url, open, send_file, stop, Device};
use super::{label, WidgetCell};
use crate::widgets::capture::{CaptureKind, CaptureProps};

pub(crate) fn render(cell: WidgetCell<CaptureProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::CAPTURE);
    let props = cell.props;
    let sink = cell.sink;
    let video = NodeRef::<Video>::new();
    // Why the camera cannot show, if it cannot.
    let problem = RwSignal::new(None::<String>);
    let live = RwSignal::new(false);
    let stream = StoredValue::new_local(None::<MediaStream>);
    let has_photo = move || props.with(|p| p.file.is_some());
    let disabled = move || props.with(|p| p.common.disabled);
    // The camera runs while there is no photo and the widget is enabled.
    Effect::new(move |_| {
        let wanted = !has_photo() && !disabled();
        if !wanted {
            if let Some(stream) = stream.try_update_value(Option::take).flatten() {
                stop(&stream);
            }
            live.set(false);
            return;
        }
        if stream.with_value(Option::is_some) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            match open(Device::Camera).await {
                Ok(opened) => {
                    // The widget may have gone (or a photo come) while the browser asked.
                    let Some(element) = video.get_untracked() else { return stop(&opened) };
                    element.set_src_object(Some(&opened));
                    let _ = element.play();
                    if stream.try_set_value(Some(opened.clone())).is_some() {
                        stop(&opened);
                        return;
                    }
                    // "Take photo" waits for the first frame (`playing`).
                    problem.set(None);
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    });
    on_cleanup(move || {
        if let Some(stream) = stream.try_update_value(Option::take).flatten() {
            stop(&stream);
        }
    });
    let take = move |_| {
        let Some(element) = video.get_untracked() else { return };
        match snapshot(&element) {
            Ok(bytes) => send_file(sink, CaptureKind::Camera, bytes),
            Err(message) => problem.set(Some(message)),
        }
    };
    let photo = file_url(props);
    view! {
        {label(props, |p| &p.common, cell.dom_id.clone())}
        <div class="wl-capture" id=cell.dom_id.clone()>
            <div class="wl-capture-stage">
                <video
                    node_ref=video
                    class="wl-camera-preview"
                    autoplay=true
                    muted=true
                    playsinline=true
                    hidden=has_photo
                    on:playing=move |_| live.set(true)
                ></video>
                <img class="wl-camera-photo" alt="The photo taken" src=move || photo.get() hidden=move || !has_photo() />
                <p class="wl-capture-problem" role="alert" hidden=move || problem.with(Option::is_none)>
                    {move || problem.get()}
                </p>
            </div>
            <button
                class="wl-btn wl-capture-button"
                hidden=has_photo
                disabled=move || disabled() || !live.get()
                on:click=take
            >
                "Take photo"
            </button>
            <button class="wl-btn wl-capture-button" hidden=move || !has_photo() disabled=disabled on:click=move |_| clear(sink)>
                "Clear photo"
            </button>
        </div>
    }
    .into_any()
}

/// The video's current frame as JPEG bytes.
fn snapshot(video: &web_sys::HtmlVideoElement) -> Result<Vec<u8>, String> {
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return Err("The camera shows no picture yet.".into());
    }
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(|_| "No canvas to take the photo with.".to_string())?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| "No canvas to take the photo with.".to_string())?;
    context
        .draw_image_with_html_video_element(video, 0.0, 0.0)
        .map_err(|_| "The photo could not be taken.".to_string())?;
    let url = canvas.to_data_url_with_type("image/jpeg").map_err(|_| "The photo could not be encoded.".to_string())?;
    // A `data:image/jpeg;base64,...` URL: `atob` gives one character per byte.
    let base64 = url.split_once(',').map(|(_, data)| data).unwrap_or_default();
    let binary = window().atob(base64).map_err(|_| "The photo could not be encoded.".to_string())?;
    Ok(binary.chars().map(|c| c as u32 as u8).collect())
}
