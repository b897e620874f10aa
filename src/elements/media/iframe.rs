//! `iframe`: a web page or an HTML document in a sandboxed frame, as Streamlit's
//! `components.iframe(src)` / `st.iframe(src)` and `components.html(html)`.
//!
//! An HTML body runs in a frame of its own (`srcdoc`) whose origin is opaque: its scripts
//! run, but they cannot reach the app's page, its storage or its session (unlike `html`,
//! whose body joins the page and loses its scripts). A URL must be http(s), relative or
//! `data:image/…`, as a media element's.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// The frame's height when the script sets none, in pixels (Streamlit's default).
pub const DEFAULT_HEIGHT: u32 = 150;

/// What a frame shows: a page at a URL, or an HTML document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FrameContent {
    /// An http(s), relative or `data:image/…` URL.
    Url(String),
    /// A whole HTML document (scripts included), shown through `srcdoc`.
    Html(String),
}

/// What the page shows for an `iframe` element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IFrameProps {
    pub content: FrameContent,
    /// The frame's width in pixels; `None` fills the column.
    pub width: Option<u32>,
    /// The frame's height in pixels.
    pub height: u32,
    /// Whether the frame shows scroll bars when its content overflows.
    pub scrolling: bool,
    /// The frame's accessible name (its `title`).
    pub title: String,
}

impl DisplayProps for IFrameProps {
    /// The URL, or the HTML document.
    fn text(&self) -> String {
        match &self.content {
            FrameContent::Url(url) | FrameContent::Html(url) => url.clone(),
        }
    }
}

impl Ui {
    /// The page at `src` in a frame, as `st.iframe(src)` / `components.iframe(src)`; a path
    /// under the app's `app/static/` folder works. Options: [`IFrame`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.iframe("https://docs.streamlit.io");
    /// });
    /// at.run();
    /// assert_eq!(at.iframe(0).text(), "https://docs.streamlit.io");
    /// ```
    pub fn iframe(&self, src: impl Into<String>) -> Ui {
        self.add(IFrame::new(src))
    }
}

/// A frame with options: a URL ([`IFrame::new`]) or an HTML document ([`IFrame::html`], as
/// `components.html(html, width, height, scrolling)`).
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(IFrame::html("<button onclick='this.textContent = 1'>0</button>").height(60));
///     ui.add(IFrame::new("javascript:alert(1)")); // refused: an error in place
/// });
/// at.run();
/// let Element::IFrame(frame) = at.iframe(0).element().clone() else { unreachable!() };
/// assert_eq!((frame.height, frame.scrolling), (60, false));
/// assert!(at.exception(0).text().contains("not allowed"));
/// ```
#[must_use = "a frame is drawn by `ui.add(..)`"]
pub struct IFrame {
    props: IFrameProps,
}

impl IFrame {
    /// The page at `src` (http(s), relative or `data:image/…`).
    pub fn new(src: impl Into<String>) -> Self {
        IFrame::with(FrameContent::Url(src.into()), "Embedded page")
    }

    /// An HTML document, scripts and styles included, in a sandboxed frame.
    pub fn html(body: impl Into<String>) -> Self {
        IFrame::with(FrameContent::Html(body.into()), "Embedded HTML")
    }

    fn with(content: FrameContent, title: &str) -> Self {
        IFrame {
            props: IFrameProps { content, width: None, height: DEFAULT_HEIGHT, scrolling: false, title: title.into() },
        }
    }

    /// The frame's width in pixels (the column's width by default).
    pub fn width(mut self, pixels: u32) -> Self {
        self.props.width = Some(pixels);
        self
    }

    /// The frame's height in pixels (150 by default; more than 0).
    pub fn height(mut self, pixels: u32) -> Self {
        self.props.height = pixels;
        self
    }

    /// Scroll bars when the content overflows the frame (off by default, as in Streamlit).
    pub fn scrolling(mut self, scrolling: bool) -> Self {
        self.props.scrolling = scrolling;
        self
    }

    /// The frame's accessible name, read by screen readers ("Embedded page" by default).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.props.title = title.into();
        self
    }

    /// The props, or what is wrong with the URL or the size.
    fn props(self) -> Result<IFrameProps, String> {
        let props = self.props;
        if let FrameContent::Url(url) = &props.content {
            if url.trim().is_empty() {
                return Err("The frame's URL is empty.".into());
            }
            if !super::media_url_is_safe(url) {
                return Err(format!(
                    "The frame's URL {url:?} is not allowed: use an http(s), relative or data:image URL."
                ));
            }
        }
        if props.height == 0 || props.width == Some(0) {
            return Err("A frame's width and height must be more than 0 pixels.".into());
        }
        Ok(props)
    }
}

impl Command for IFrame {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        match self.props() {
            Ok(props) => ui.push_element(make::iframe(props)),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{FrameContent, IFrameProps, DEFAULT_HEIGHT};
    use crate::prelude::*;

    #[test]
    fn unsafe_urls_and_empty_sizes_draw_errors_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.iframe(" JaVa\tScRiPt:alert(1)");
            ui.iframe("data:text/html,<script>alert(1)</script>");
            ui.iframe("");
            ui.add(IFrame::html("<p>hi</p>").height(0));
            ui.add(IFrame::new("https://example.com").width(0));
            ui.write("after");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].contains("not allowed") && errors[1].contains("not allowed"), "{errors:#?}");
        assert!(errors[2].contains("empty"), "{}", errors[2]);
        assert!(errors[3].contains("more than 0") && errors[4].contains("more than 0"), "{errors:#?}");
        assert!(at.get("iframe").is_empty());
        assert_eq!(at.markdown(0).text(), "after");
    }

    #[test]
    fn urls_and_documents_keep_their_options() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.iframe("app/static/page.html");
            ui.add(IFrame::new("http://localhost:8000/a?b=c#d").width(300).height(200).scrolling(true).title("Docs"));
            ui.add(IFrame::html("<script>document.body.textContent = 'hi'</script>"));
        });
        at.run();
        let frames: Vec<IFrameProps> = at
            .get("iframe")
            .iter()
            .filter_map(|e| if let Element::IFrame(p) = e { Some(p.clone()) } else { None })
            .collect();
        assert_eq!(frames.len(), 3);
        assert_eq!(frames[0].content, FrameContent::Url("app/static/page.html".into()));
        assert_eq!((frames[0].width, frames[0].height, frames[0].scrolling), (None, DEFAULT_HEIGHT, false));
        assert_eq!((frames[1].width, frames[1].height, frames[1].scrolling), (Some(300), 200, true));
        assert_eq!(frames[1].title, "Docs");
        assert!(matches!(&frames[2].content, FrameContent::Html(body) if body.contains("<script>")));
        assert_eq!(frames[2].title, "Embedded HTML");
    }
}
