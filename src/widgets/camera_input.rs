//! `camera_input`: a photo the viewer takes with the device's camera.

pub use super::capture::CaptureProps;
use super::capture::{Capture, CaptureKind};
use crate::ui::Ui;
use crate::widgets::file_uploader::UploadedFile;

/// A camera preview with "Take photo"; returns the photo as a JPEG file (`image.jpg`,
/// `image/jpeg`), or `None` until one is taken or after "Clear photo". The page asks for the
/// camera when the widget shows; a refused permission or no camera is a message in the widget.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if let Some(photo) = ui.camera_input("Take a picture") {
///         ui.write(format!("{} ({}, {} bytes)", photo.name, photo.mime, photo.size()));
///     }
/// });
/// at.run();
/// assert!(at.get("markdown").is_empty());
/// at.camera_input(0).capture(vec![0xff, 0xd8, 0xff]).run();
/// assert_eq!(at.markdown(0).text(), "image.jpg (image/jpeg, 3 bytes)");
/// at.camera_input(0).clear_capture().run();
/// assert!(at.get("markdown").is_empty());
/// ```
#[must_use = "a camera input is drawn by `ui.add(..)`"]
pub struct CameraInput(Capture);

super::capture::capture_widget!(CameraInput, CaptureKind::Camera);

impl Ui {
    /// A camera input; `None` until the viewer takes a photo.
    pub fn camera_input(&self, label: impl Into<String>) -> Option<UploadedFile> {
        self.add(CameraInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_photo_stays_across_reruns_and_other_files_are_refused() {
        let mut at = AppTest::new(|ui: &Ui| {
            let photo = ui.add(CameraInput::new("Photo").key("photo").help("Smile"));
            ui.write(format!("{:?}", photo.map(|p| p.size())));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.camera_input(0).capture(vec![1, 2, 3]).run();
        at.run();
        assert_eq!(at.markdown(0).text(), "Some(3)", "the photo stays across reruns");
        // A file that is not a JPEG is refused: the photo stays.
        let wav = UploadedFile::new("a.wav", "audio/wav", vec![0]);
        at.camera_input(0).send(crate::element::WidgetValue::Files(vec![wav])).run();
        assert_eq!(at.markdown(0).text(), "Some(3)");
        at.camera_input(0).clear_capture().run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn session_state_cannot_set_a_photo() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.session_state().set("photo", None::<UploadedFile>)?;
            ui.add(CameraInput::new("Photo").key("photo"));
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("cannot be set"), "{}", at.exception(0).text());
    }
}
