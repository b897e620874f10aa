//! What the camera and audio inputs share in the page: asking for the device (a refusal or no
//! device is a message, never a panic), stopping it when the widget goes away, the captured
//! file's Blob URL and the button that clears it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MediaStream, MediaStreamConstraints, MediaStreamTrack};

use crate::element::WidgetValue;
use crate::web::blob::{blob_url, revoke};
use crate::widgets::capture::{CaptureKind, CaptureProps};
use crate::widgets::file_uploader::UploadedFile;

use super::Sink;

/// Which device to open.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Device {
    Camera,
    Microphone,
}

impl Device {
    fn name(self) -> &'static str {
        match self {
            Device::Camera => "camera",
            Device::Microphone => "microphone",
        }
    }
}

/// Opens the camera or the microphone, or says in a sentence why it cannot.
pub(crate) async fn open(device: Device) -> Result<MediaStream, String> {
    let name = device.name();
    let devices = web_sys::window().and_then(|w| w.navigator().media_devices().ok()).ok_or_else(|| {
        format!("This page cannot use a {name}: the browser allows it only on https:// or localhost.")
    })?;
    let constraints = MediaStreamConstraints::new();
    match device {
        Device::Camera => constraints.set_video(&true.into()),
        Device::Microphone => constraints.set_audio(&true.into()),
    }
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|e| refusal(name, &e))?;
    let stream = JsFuture::from(promise).await.map_err(|e| refusal(name, &e))?;
    stream.dyn_into::<MediaStream>().map_err(|_| format!("The {name} gave no stream."))
}

/// Why the browser refused a device, as the widget says it.
fn refusal(name: &str, error: &wasm_bindgen::JsValue) -> String {
    let (kind, message) = match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => (e.name(), e.message()),
        None => (String::new(), format!("{error:?}")),
    };
    match kind.as_str() {
        "NotAllowedError" | "SecurityError" => {
            format!("Permission to use the {name} was refused. Allow it in the browser's site settings, then reload.")
        }
        "NotFoundError" | "OverconstrainedError" => format!("No {name} was found on this device."),
        "NotReadableError" | "AbortError" => format!("The {name} is in use by another application."),
        _ => format!("The {name} could not start: {message}"),
    }
}

/// Stops every track of `stream` (the device's light goes off).
pub(crate) fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The captured file's Blob URL, made once per file and revoked when it changes or the widget
/// goes away; empty while there is none.
pub(crate) fn file_url(props: Memo<CaptureProps>) -> Memo<String> {
    let made = StoredValue::new(String::new());
    on_cleanup(move || {
        if let Some(url) = made.try_get_value() {
            revoke(&url);
        }
    });
    Memo::new(move |_| {
        let url = props.with(|p| p.file.as_ref().map(|f| blob_url(f.bytes(), &f.mime))).unwrap_or_default();
        made.update_value(|old| revoke(&std::mem::replace(old, url.clone())));
        url
    })
}

/// Sends a captured file, named and typed as the widget's captures are.
pub(crate) fn send_file(sink: Sink, kind: CaptureKind, bytes: Vec<u8>) {
    let (name, mime) = kind.file();
    sink.send(WidgetValue::Files(vec![UploadedFile::new(name, mime, bytes)]));
}

/// Sends "nothing captured".
pub(crate) fn clear(sink: Sink) {
    sink.send(WidgetValue::Files(Vec::new()));
}
