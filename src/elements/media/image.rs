//! `image`: one image, or a list of images side by side, each with an optional caption.

use serde::{Deserialize, Serialize};

use super::MediaSource;
use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for `image`: one or more images in a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageProps {
    pub images: Vec<ImageItem>,
    pub width: ImageWidth,
}

/// One image of an [`ImageProps`] row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageItem {
    pub source: MediaSource,
    pub caption: Option<String>,
}

/// How wide an image is drawn, as Streamlit's `width`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageWidth {
    /// Its natural width, never wider than the column (`"content"`).
    #[default]
    Content,
    /// The column's full width (`"stretch"`).
    Stretch,
    /// This many CSS pixels, never wider than the column.
    Pixels(u32),
}

impl From<u32> for ImageWidth {
    fn from(pixels: u32) -> Self {
        ImageWidth::Pixels(pixels)
    }
}

impl DisplayProps for ImageProps {
    /// The captions, one line per image; an image without a caption shows its source.
    fn text(&self) -> String {
        let lines: Vec<String> =
            self.images.iter().map(|item| item.caption.clone().unwrap_or_else(|| item.source.describe())).collect();
        lines.join("\n")
    }
}

impl Ui {
    /// An image: a URL, or bytes with their MIME type ([`MediaSource::bytes`]). Captions,
    /// width and rows of images through [`Image`].
    pub fn image(&self, source: impl Into<MediaSource>) -> Ui {
        self.add(Image::new(source))
    }
}

/// An image, or several side by side, as `st.image`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::Element;
/// let dot = |colour: &str| {
///     let svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="{colour}"/></svg>"#);
///     MediaSource::bytes(svg, "image/svg+xml")
/// };
/// let mut at = AppTest::new(move |ui: &Ui| {
///     ui.add(Image::new(dot("red")).caption("A red square").width(64));
///     ui.add(Image::row([dot("green"), dot("blue")]).captions(["green", "blue"]));
///     ui.image("javascript:alert(1)"); // refused: an error in its place
///     ui.write("the app runs on");
/// });
/// at.run();
/// assert_eq!(at.image(0).text(), "A red square");
/// let Element::Image(row) = at.image(1).element().clone() else { unreachable!() };
/// assert_eq!(row.images.len(), 2);
/// assert!(at.exception(0).text().contains("is not allowed"));
/// assert_eq!(at.markdown(0).text(), "the app runs on");
/// ```
#[must_use = "an image is drawn by `ui.add(..)`"]
pub struct Image {
    sources: Vec<MediaSource>,
    captions: Option<Vec<String>>,
    width: ImageWidth,
}

impl Image {
    /// One image.
    pub fn new(source: impl Into<MediaSource>) -> Self {
        Image { sources: vec![source.into()], captions: None, width: ImageWidth::Content }
    }

    /// Several images side by side (Streamlit's list of images).
    pub fn row<S: Into<MediaSource>>(sources: impl IntoIterator<Item = S>) -> Self {
        Image { sources: sources.into_iter().map(Into::into).collect(), captions: None, width: ImageWidth::Content }
    }

    /// A caption under the image (for a row, use [`Image::captions`]).
    pub fn caption(self, caption: impl Into<String>) -> Self {
        self.captions([caption.into()])
    }

    /// One caption per image, in order; their number must match the images'.
    pub fn captions<C: Into<String>>(mut self, captions: impl IntoIterator<Item = C>) -> Self {
        self.captions = Some(captions.into_iter().map(Into::into).collect());
        self
    }

    /// How wide each image is: [`ImageWidth::Content`] (the default), `Stretch`, or pixels
    /// (`.width(300)`).
    pub fn width(mut self, width: impl Into<ImageWidth>) -> Self {
        self.width = width.into();
        self
    }

    fn props(self) -> Result<ImageProps, String> {
        let Image { sources, captions, width } = self;
        if sources.is_empty() {
            return Err("There are no images to show.".into());
        }
        if width == ImageWidth::Pixels(0) {
            return Err("The image width must be a positive number of pixels.".into());
        }
        for source in &sources {
            source.check("image")?;
        }
        let captions: Vec<Option<String>> = match captions {
            None => vec![None; sources.len()],
            Some(captions) if captions.len() == sources.len() => captions.into_iter().map(Some).collect(),
            Some(captions) => {
                return Err(format!("Cannot pair {} captions with {} images.", captions.len(), sources.len()))
            }
        };
        let images = sources.into_iter().zip(captions).map(|(source, caption)| ImageItem { source, caption }).collect();
        Ok(ImageProps { images, width })
    }
}

impl Command for Image {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        match self.props() {
            Ok(props) => ui.push_element(make::image(props)),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    const PIXEL: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn image(at: &AppTest, index: usize) -> ImageProps {
        match at.image(index).element() {
            Element::Image(props) => props.clone(),
            other => panic!("not an image: {other:?}"),
        }
    }

    #[test]
    fn bytes_and_urls_keep_their_source_caption_and_width() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.image("https://example.com/cat.png");
            ui.add(Image::new(MediaSource::bytes(PIXEL, "image/png")).caption("a pixel").width(ImageWidth::Stretch));
        });
        at.run();
        assert_eq!(image(&at, 0).images[0].source, MediaSource::Url("https://example.com/cat.png".into()));
        assert_eq!(at.image(0).text(), "https://example.com/cat.png");
        let pixel = image(&at, 1);
        assert_eq!(pixel.images[0].source, MediaSource::Bytes { data: PIXEL.to_vec(), mime: "image/png".into() });
        assert_eq!(pixel.width, ImageWidth::Stretch);
        assert_eq!(at.image(1).text(), "a pixel");
    }

    #[test]
    fn a_row_pairs_each_image_with_its_caption() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Image::row(["a.png", "b.png", "c.png"]).captions(["A", "B", "C"]).width(40));
        });
        at.run();
        let row = image(&at, 0);
        let captions: Vec<_> = row.images.iter().map(|i| i.caption.as_deref()).collect();
        assert_eq!(captions, [Some("A"), Some("B"), Some("C")]);
        assert_eq!(row.width, ImageWidth::Pixels(40));
        assert_eq!(at.image(0).text(), "A\nB\nC");
    }

    #[test]
    fn bad_input_draws_an_error_in_place_and_the_app_runs_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.image("javascript:alert(1)");
            ui.image(MediaSource::bytes(PIXEL, "text/html"));
            ui.add(Image::row(["a.png", "b.png"]).caption("one caption"));
            ui.add(Image::row(Vec::<MediaSource>::new()));
            ui.add(Image::new("a.png").width(0));
            ui.image("ok.png");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].contains("is not allowed"));
        assert!(errors[1].contains("\"text/html\""));
        assert!(errors[2].contains("Cannot pair 1 captions with 2 images."));
        assert!(errors[3].contains("no images"));
        assert!(errors[4].contains("positive"));
        assert_eq!(at.get("image").len(), 1);
        assert_eq!(at.elements().last().map(|e| e.kind()), Some("image"));
    }
}
