//! Media elements: images, audio, video, PDF documents, embedded pages (`iframe`) and the
//! app's logo, one file each.
//!
//! What they share lives here: a [`MediaSource`] (bytes with a MIME type, or a URL) and the
//! checks every source goes through before it reaches the page. The renderer turns bytes into
//! a Blob URL it revokes when the element goes away; a URL must be http(s), relative or a
//! `data:image/…` URL, anything else draws an error in the element's place.
//!
//! The family sits behind the `media` cargo feature (on by default).

pub mod audio;
pub mod iframe;
pub mod image;
pub mod logo;
pub mod pdf;
pub mod video;

use serde::{Deserialize, Serialize};

use crate::element::{DisplayProps, Element};
use crate::ui::Ui;

/// Where a media element's content comes from.
///
/// A `&str` or `String` is a URL; generated content is [`MediaSource::bytes`]:
///
/// ```
/// use wasmlit::prelude::*;
/// let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>"#;
/// let source = MediaSource::bytes(svg.as_bytes(), "image/svg+xml");
/// assert_eq!(source.mime(), Some("image/svg+xml"));
/// assert_eq!(MediaSource::from("https://example.com/cat.png").mime(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MediaSource {
    /// An http(s), relative or `data:image/…` URL.
    Url(String),
    /// Bytes the page turns into a Blob URL of this MIME type.
    Bytes { data: Vec<u8>, mime: String },
}

impl MediaSource {
    /// Generated content: `data` of the MIME type `mime` (`"image/png"`, `"audio/wav"`, ...).
    pub fn bytes(data: impl Into<Vec<u8>>, mime: impl Into<String>) -> Self {
        MediaSource::Bytes { data: data.into(), mime: mime.into() }
    }

    /// Content at `url`.
    pub fn url(url: impl Into<String>) -> Self {
        MediaSource::Url(url.into())
    }

    /// The MIME type of bytes (`None` for a URL).
    pub fn mime(&self) -> Option<&str> {
        match self {
            MediaSource::Url(_) => None,
            MediaSource::Bytes { mime, .. } => Some(mime),
        }
    }

    /// What `AppTest`'s `.text()` shows for the source: the URL, or the MIME type and size.
    pub(crate) fn describe(&self) -> String {
        match self {
            MediaSource::Url(url) => url.clone(),
            MediaSource::Bytes { data, mime } => format!("{mime}, {} bytes", data.len()),
        }
    }

    /// Checks the source for an element that shows `family` content (`"image"`, `"audio"`,
    /// `"video"`): a URL must be safe, bytes must be there and of that family's MIME type.
    pub(crate) fn check(&self, family: &str) -> Result<(), String> {
        match self {
            MediaSource::Url(url) if url.trim().is_empty() => Err(format!("The {family} URL is empty.")),
            MediaSource::Url(url) if !media_url_is_safe(url) => Err(format!(
                "The {family} URL {url:?} is not allowed: use an http(s), relative or data:image URL, or bytes."
            )),
            MediaSource::Url(_) => Ok(()),
            MediaSource::Bytes { data, .. } if data.is_empty() => Err(format!("The {family} data is empty.")),
            MediaSource::Bytes { data, mime } => {
                let (kind, subtype) = mime.split_once('/').unwrap_or((mime, ""));
                if !kind.trim().eq_ignore_ascii_case(family) || subtype.trim().is_empty() {
                    let article = if family.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                    return Err(format!(
                        "The MIME type {mime:?} is not {article} {family} type: it must start with \"{family}/\"."
                    ));
                }
                match family {
                    "image" => check_image_signature(data, mime, &subtype.trim().to_ascii_lowercase()),
                    _ => Ok(()),
                }
            }
        }
    }
}

/// Image bytes must start as their MIME type's format does (PNG, JPEG, GIF, WebP, BMP, SVG;
/// other types are left to the browser), so a file of another kind is named, not shown broken.
fn check_image_signature(data: &[u8], mime: &str, subtype: &str) -> Result<(), String> {
    let svg = || {
        let text = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') && text.windows(4).any(|w| w == b"<svg")
    };
    let (name, fits) = match subtype {
        "png" => ("a PNG", data.starts_with(b"\x89PNG\r\n\x1a\n")),
        "jpeg" | "jpg" => ("a JPEG", data.starts_with(&[0xFF, 0xD8, 0xFF])),
        "gif" => ("a GIF", data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a")),
        "webp" => ("a WebP", data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP"),
        "bmp" => ("a BMP", data.starts_with(b"BM")),
        "svg+xml" => ("an SVG", svg()),
        _ => return Ok(()),
    };
    if fits {
        return Ok(());
    }
    let start: Vec<String> = data.iter().take(8).map(|b| format!("{b:02X}")).collect();
    Err(format!(
        "The image bytes are not {name}, as their MIME type {mime:?} says: they start with {}.",
        start.join(" ")
    ))
}

impl From<&str> for MediaSource {
    fn from(url: &str) -> Self {
        MediaSource::Url(url.to_string())
    }
}

impl From<String> for MediaSource {
    fn from(url: String) -> Self {
        MediaSource::Url(url)
    }
}

/// What the page shows for `audio` and `video`: a player and how it starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayerProps {
    pub source: MediaSource,
    /// Where playback starts, in seconds.
    pub start_time: f64,
    /// Starts over at the end (Streamlit's `loop`).
    pub looping: bool,
    /// Starts playing as soon as it can (browsers may refuse unless muted).
    pub autoplay: bool,
    pub muted: bool,
}

impl DisplayProps for PlayerProps {
    /// The URL, or the MIME type and size of the bytes.
    fn text(&self) -> String {
        self.source.describe()
    }
}

/// The options `audio` and `video` share; [`audio::Audio`] and [`video::Video`] wrap it.
struct Player {
    source: MediaSource,
    start_time: f64,
    looping: bool,
    autoplay: bool,
    muted: bool,
}

impl Player {
    fn new(source: MediaSource) -> Self {
        Player { source, start_time: 0.0, looping: false, autoplay: false, muted: false }
    }

    /// The props, or why `family` content cannot be played from them.
    fn props(self, family: &str) -> Result<PlayerProps, String> {
        let Player { source, start_time, looping, autoplay, muted } = self;
        source.check(family)?;
        if !start_time.is_finite() || start_time < 0.0 {
            return Err(format!("The {family} start time must be a number of seconds, 0 or more, got {start_time}."));
        }
        Ok(PlayerProps { source, start_time, looping, autoplay, muted })
    }

    /// Draws the player made by `element`, or the error in its place.
    fn show(self, ui: &Ui, family: &str, element: fn(PlayerProps) -> Element) -> Ui {
        match self.props(family) {
            Ok(props) => ui.push_element(element(props)),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

/// The builder methods of a player: the same on [`audio::Audio`] and [`video::Video`].
macro_rules! player_options {
    ($builder:ident) => {
        impl $builder {
            /// Where playback starts, in seconds (0 by default).
            pub fn start_time(mut self, seconds: f64) -> Self {
                self.0.start_time = seconds;
                self
            }

            /// Starts over at the end (Streamlit's `loop`).
            pub fn looping(mut self, looping: bool) -> Self {
                self.0.looping = looping;
                self
            }

            /// Starts playing as soon as it can; browsers usually allow it only when muted.
            pub fn autoplay(mut self, autoplay: bool) -> Self {
                self.0.autoplay = autoplay;
                self
            }

            /// Starts muted.
            pub fn muted(mut self, muted: bool) -> Self {
                self.0.muted = muted;
                self
            }
        }
    };
}
use player_options;

/// A URL a media element may load: what [`crate::markdown::safe_url`] allows for images
/// (http(s), relative, `data:image/…`), without its link-only schemes (`mailto:`, `tel:`).
pub(crate) fn media_url_is_safe(url: &str) -> bool {
    let compact: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = compact.to_ascii_lowercase();
    crate::markdown::safe_url(url, true) && !lower.starts_with("mailto:") && !lower.starts_with("tel:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http_relative_or_data_image() {
        for good in
            ["https://example.com/a.png", "http://x/y.mp3", "/static/a.png", "a.png", "data:image/png;base64,AA"]
        {
            assert!(media_url_is_safe(good), "{good}");
        }
        for bad in
            ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "mailto:a@b", "tel:1", "file:///etc"]
        {
            assert!(!media_url_is_safe(bad), "{bad}");
        }
    }

    #[test]
    fn bytes_need_data_and_a_mime_type_of_the_family() {
        assert_eq!(MediaSource::bytes(b"\x89PNG\r\n\x1a\n".to_vec(), "image/png").check("image"), Ok(()));
        assert_eq!(MediaSource::bytes(vec![1], "image/x-icon").check("image"), Ok(()), "left to the browser");
        assert_eq!(MediaSource::bytes(vec![1], "Audio/wav").check("audio"), Ok(()));
        assert!(MediaSource::bytes(vec![1], "audio/wav")
            .check("image")
            .unwrap_err()
            .contains("must start with \"image/\""));
        assert!(MediaSource::bytes(vec![1], "image").check("image").is_err());
        assert!(MediaSource::bytes(Vec::new(), "image/png").check("image").unwrap_err().contains("empty"));
        let html = MediaSource::bytes(b"<html>".to_vec(), "image/PNG").check("image").unwrap_err();
        assert!(html.contains("not a PNG") && html.contains("3C 68 74 6D 6C 3E"), "{html}");
        assert!(MediaSource::url("").check("video").unwrap_err().contains("empty"));
        assert!(MediaSource::url("javascript:x").check("video").unwrap_err().contains("not allowed"));
    }
}
