//! What `camera_input` and `audio_input` share: one file the viewer captures in the page (a
//! JPEG photo, a WAV recording) or none, held as a file uploader holds its file.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::file_uploader::{SharedBytes, UploadedFile};
use super::{identity, show, CommonOptions, Spec, WidgetOptions};
use crate::app_test::{TestValue, WidgetRef};
use crate::element::make;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a camera or audio input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaptureProps {
    pub common: WidgetCommon,
    /// The photo or recording captured, if any.
    pub file: Option<UploadedFile>,
}

impl WidgetProps for CaptureProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Files(self.file.iter().cloned().collect())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Files(files) = value {
            self.file = files.first().cloned();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Empty => Ok(WidgetValue::Files(Vec::new())),
            other => {
                Err(format!("a capture widget cannot take {other:?}: use `.capture(bytes)` or `.clear_capture()`"))
            }
        }
    }
}

/// Writes mono samples (from -1 to 1; others are clipped) as a 16-bit PCM WAV file at
/// `sample_rate`: what `audio_input` returns, as Streamlit's does.
///
/// ```
/// use wasmlit::widgets::capture::wav;
/// let bytes = wav(&[0.0, 1.0, -1.0, 2.0], 16_000);
/// assert_eq!(&bytes[..4], b"RIFF");
/// assert_eq!(&bytes[8..16], b"WAVEfmt ");
/// assert_eq!(bytes.len(), 44 + 4 * 2);
/// assert_eq!(&bytes[44..], &[0, 0, 0xff, 0x7f, 0x01, 0x80, 0xff, 0x7f]);
/// ```
pub fn wav(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // the fmt chunk's size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&(sample_rate * 2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        let clipped = if sample.is_nan() { 0.0 } else { sample.clamp(-1.0, 1.0) };
        out.extend_from_slice(&((clipped * 32767.0).round() as i16).to_le_bytes());
    }
    out
}

/// The two capture widgets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum CaptureKind {
    Camera,
    Audio,
}

impl CaptureKind {
    fn name(self) -> &'static str {
        match self {
            CaptureKind::Camera => "camera_input",
            CaptureKind::Audio => "audio_input",
        }
    }

    /// The name and MIME type the page gives a capture (and `AppTest::capture`).
    pub(crate) fn file(self) -> (&'static str, &'static str) {
        match self {
            CaptureKind::Camera => ("image.jpg", "image/jpeg"),
            CaptureKind::Audio => ("audio.wav", "audio/wav"),
        }
    }

    fn element(self, props: CaptureProps) -> Element {
        match self {
            CaptureKind::Camera => make::camera_input(props),
            CaptureKind::Audio => make::audio_input(props),
        }
    }
}

/// The builder of a capture widget: `new`, the common options and `Command`, through [`Capture`].
macro_rules! capture_widget {
    ($name:ident, $kind:expr) => {
        impl $name {
            pub fn new(label: impl Into<String>) -> Self {
                $name(Capture::new($kind, label.into()))
            }
        }

        impl $crate::widgets::WidgetOptions for $name {
            fn options_mut(&mut self) -> &mut $crate::widgets::CommonOptions {
                $crate::widgets::WidgetOptions::options_mut(&mut self.0)
            }
        }

        impl $crate::ui::Command for $name {
            type Output = Option<$crate::widgets::file_uploader::UploadedFile>;

            fn show(self, ui: &Ui) -> Self::Output {
                self.0.show(ui)
            }
        }
    };
}
pub(crate) use capture_widget;

/// A capture widget being built: its label and common options.
pub(crate) struct Capture {
    pub kind: CaptureKind,
    pub label: String,
    pub options: CommonOptions,
}

impl Capture {
    pub(crate) fn new(kind: CaptureKind, label: String) -> Self {
        Capture { kind, label, options: CommonOptions::default() }
    }
}

impl WidgetOptions for Capture {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for Capture {
    type Output = Option<UploadedFile>;

    fn show(self, ui: &Ui) -> Option<UploadedFile> {
        let Capture { kind, label, options } = self;
        let mime = kind.file().1;
        let spec = Spec {
            kind: kind.name(),
            identity: identity(
                kind.name(),
                options.key.as_deref(),
                |id| id.text("label", &label).opt_text("help", options.help.as_deref()),
                |id| id,
            ),
            default: WidgetValue::Files(Vec::new()),
            // One file of the widget's type, or none.
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Files(files) if files.len() <= 1 && files.iter().all(|f| f.mime == mime) => {
                    Some(files.first().cloned())
                }
                _ => None,
            }),
            encode: Box::new(move |_| Err(format!("a {}'s value cannot be set", kind.name()))),
            explicit_default: false,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || None,
            |registered| {
                let file = match &registered.wire {
                    WidgetValue::Files(files) => files.first().cloned(),
                    _ => None,
                };
                kind.element(CaptureProps { common: registered.common.clone(), file })
            },
        )
    }
}

impl WidgetRef<'_> {
    /// Captures `bytes` in a camera input (a JPEG photo, "Take photo") or an audio input (a WAV
    /// recording, "Stop"), as the page sends them.
    pub fn capture(self, bytes: impl Into<SharedBytes>) -> Self {
        let (name, mime) = match self.element() {
            Element::CameraInput(_) => CaptureKind::Camera.file(),
            Element::AudioInput(_) => CaptureKind::Audio.file(),
            other => panic!("a {} captures nothing: only a camera_input or an audio_input does", other.kind()),
        };
        self.send(WidgetValue::Files(vec![UploadedFile::new(name, mime, bytes)]))
    }

    /// Clears a camera input's photo or an audio input's recording ("Clear photo").
    pub fn clear_capture(self) -> Self {
        let (Element::CameraInput(_) | Element::AudioInput(_)) = self.element() else {
            panic!("a {} captures nothing: only a camera_input or an audio_input does", self.element().kind())
        };
        self.send(WidgetValue::Files(Vec::new()))
    }
}
