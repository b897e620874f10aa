//! `audio_input`: a sound the viewer records with the device's microphone.

pub use super::capture::CaptureProps;
use super::capture::{Capture, CaptureKind};
use crate::ui::Ui;
use crate::widgets::file_uploader::UploadedFile;

/// A microphone recorder: "Record", then "Stop"; returns the recording as a WAV file
/// (`audio.wav`, `audio/wav`: 16-bit mono PCM at the device's rate, written in Rust), or `None`
/// until one is recorded or after it is cleared. A refused permission or no microphone is a
/// message in the widget.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if let Some(voice) = ui.audio_input("Record a voice message") {
///         ui.write(format!("{} ({}, {} bytes)", voice.name, voice.mime, voice.size()));
///     }
/// });
/// at.run();
/// at.audio_input(0).capture(b"RIFF....WAVE").run();
/// assert_eq!(at.markdown(0).text(), "audio.wav (audio/wav, 12 bytes)");
/// ```
#[must_use = "an audio input is drawn by `ui.add(..)`"]
pub struct AudioInput(Capture);

super::capture::capture_widget!(AudioInput, CaptureKind::Audio);

impl Ui {
    /// An audio input; `None` until the viewer records something.
    pub fn audio_input(&self, label: impl Into<String>) -> Option<UploadedFile> {
        self.add(AudioInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_recording_is_a_wav_and_a_photo_is_refused() {
        let mut at = AppTest::new(|ui: &Ui| {
            let voice = ui.add(AudioInput::new("Voice").disabled(false));
            ui.write(format!("{:?}", voice.map(|v| v.mime)));
        });
        at.run();
        at.audio_input(0).capture(vec![1]).run();
        assert_eq!(at.markdown(0).text(), "Some(\"audio/wav\")");
        let jpeg = UploadedFile::new("image.jpg", "image/jpeg", vec![0]);
        at.audio_input(0).send(crate::element::WidgetValue::Files(vec![jpeg])).run();
        assert_eq!(at.markdown(0).text(), "Some(\"audio/wav\")", "a photo is refused");
    }
}
