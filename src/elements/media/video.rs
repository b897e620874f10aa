//! `video`: a video player for a URL or bytes.

pub use super::PlayerProps;
use super::{player_options, MediaSource, Player};
use crate::element::make;
use crate::ui::{Command, Ui};

impl Ui {
    /// A video player: a URL, or bytes with their MIME type (`"video/mp4"`, ...). Start
    /// time, looping, autoplay and muting through [`Video`].
    pub fn video(&self, source: impl Into<MediaSource>) -> Ui {
        self.add(Video::new(source))
    }
}

/// A video player with options, as `st.video`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::Element;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Video::new("https://example.com/v.mp4").autoplay(true).muted(true));
///     ui.video("ftp://example.com/v.mp4"); // refused: an error in place
/// });
/// at.run();
/// let Element::Video(video) = at.video(0).element().clone() else { unreachable!() };
/// assert!(video.autoplay && video.muted && !video.looping);
/// assert!(at.exception(0).text().contains("not allowed"));
/// ```
#[must_use = "a video player is drawn by `ui.add(..)`"]
pub struct Video(Player);

impl Video {
    pub fn new(source: impl Into<MediaSource>) -> Self {
        Video(Player::new(source.into()))
    }
}

player_options!(Video);

impl Command for Video {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        self.0.show(ui, "video", make::video)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn options_reach_the_element_and_bad_ones_draw_errors_in_place() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Video::new(MediaSource::bytes(vec![0; 8], "video/webm")).start_time(1.5).looping(true));
            ui.video(MediaSource::bytes(vec![0; 8], "audio/webm"));
            ui.video("");
            ui.write("after");
        });
        at.run();
        let Element::Video(video) = at.video(0).element().clone() else { panic!("not video") };
        assert_eq!((video.start_time, video.looping, video.autoplay, video.muted), (1.5, true, false, false));
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].contains("must start with \"video/\""));
        assert!(errors[1].contains("empty"));
        assert_eq!(at.markdown(0).text(), "after");
    }
}
