//! `audio`: an audio player for a URL or bytes.

pub use super::PlayerProps;
use super::{player_options, MediaSource, Player};
use crate::element::make;
use crate::ui::{Command, Ui};

impl Ui {
    /// An audio player: a URL, or bytes with their MIME type (`"audio/wav"`, ...). Start
    /// time, looping, autoplay and muting through [`Audio`].
    pub fn audio(&self, source: impl Into<MediaSource>) -> Ui {
        self.add(Audio::new(source))
    }
}

/// An audio player with options, as `st.audio`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::Element;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Audio::new("https://example.com/a.mp3").start_time(3.0).looping(true));
///     ui.audio(MediaSource::bytes(vec![0; 4], "video/mp4")); // not audio: an error in place
/// });
/// at.run();
/// let Element::Audio(audio) = at.audio(0).element().clone() else { unreachable!() };
/// assert_eq!((audio.start_time, audio.looping), (3.0, true));
/// assert!(at.exception(0).text().contains("must start with \"audio/\""));
/// ```
#[must_use = "an audio player is drawn by `ui.add(..)`"]
pub struct Audio(Player);

impl Audio {
    pub fn new(source: impl Into<MediaSource>) -> Self {
        Audio(Player::new(source.into()))
    }
}

player_options!(Audio);

impl Command for Audio {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        self.0.show(ui, "audio", make::audio)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn options_reach_the_element_and_bad_ones_draw_errors_in_place() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Audio::new(MediaSource::bytes(vec![1, 2, 3], "audio/wav")).autoplay(true).muted(true));
            ui.add(Audio::new("a.ogg").start_time(-1.0));
            ui.add(Audio::new("a.ogg").start_time(f64::NAN));
            ui.audio("data:audio/wav;base64,AA");
            ui.audio("a.ogg");
        });
        at.run();
        let Element::Audio(first) = at.audio(0).element().clone() else { panic!("not audio") };
        assert_eq!((first.autoplay, first.muted, first.looping, first.start_time), (true, true, false, 0.0));
        assert_eq!(at.audio(0).text(), "audio/wav, 3 bytes");
        assert_eq!(at.audio(1).text(), "a.ogg");
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].contains("start time") && errors[1].contains("NaN"));
        assert!(errors[2].contains("not allowed"));
    }
}
