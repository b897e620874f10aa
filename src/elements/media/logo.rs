//! `logo`: the app's logo, pinned to the top-left corner of the page (above the sidebar).

use serde::{Deserialize, Serialize};

use super::MediaSource;
use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for `logo`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogoProps {
    pub image: MediaSource,
    pub size: LogoSize,
    /// Where clicking the logo goes (an http(s) URL, opened in a new tab).
    pub link: Option<String>,
}

/// How tall the logo is drawn, as Streamlit's `size`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogoSize {
    Small,
    #[default]
    Medium,
    Large,
}

impl DisplayProps for LogoProps {
    /// The link if there is one, else the image's source.
    fn text(&self) -> String {
        self.link.clone().unwrap_or_else(|| self.image.describe())
    }
}

impl Ui {
    /// The app's logo, pinned to the page's top-left corner wherever it is called; size and
    /// link through [`Logo`]. The last logo drawn in a run is the one on top.
    pub fn logo(&self, image: impl Into<MediaSource>) -> Ui {
        self.add(Logo::new(image))
    }
}

/// A logo with options, as `st.logo`.
///
/// ```
/// use wasmlit::prelude::*;
/// let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="10"/></svg>"#;
/// let mut at = AppTest::new(move |ui: &Ui| {
///     ui.add(Logo::new(MediaSource::bytes(svg, "image/svg+xml")).size(LogoSize::Large).link("https://streamlit.io"));
///     ui.add(Logo::new("logo.png").link("javascript:alert(1)")); // refused: an error in place
/// });
/// at.run();
/// assert_eq!(at.logo(0).text(), "https://streamlit.io");
/// assert!(at.exception(0).text().contains("http"));
/// ```
#[must_use = "a logo is drawn by `ui.add(..)`"]
pub struct Logo {
    image: MediaSource,
    size: LogoSize,
    link: Option<String>,
}

impl Logo {
    pub fn new(image: impl Into<MediaSource>) -> Self {
        Logo { image: image.into(), size: LogoSize::Medium, link: None }
    }

    /// Small, medium (the default) or large.
    pub fn size(mut self, size: LogoSize) -> Self {
        self.size = size;
        self
    }

    /// Makes the logo a link to an http(s) URL.
    pub fn link(mut self, link: impl Into<String>) -> Self {
        self.link = Some(link.into());
        self
    }

    fn props(self) -> Result<LogoProps, String> {
        let Logo { image, size, link } = self;
        image.check("image")?;
        if let Some(link) = &link {
            let lower = link.trim().to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                return Err(format!(
                    "Invalid logo link {link:?}: the link must start with \"http://\" or \"https://\"."
                ));
            }
        }
        Ok(LogoProps { image, size, link })
    }
}

impl Command for Logo {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        match self.props() {
            Ok(props) => ui.push_element(make::logo(props)),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn a_logo_keeps_its_image_size_and_link_and_bad_ones_draw_errors() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.sidebar().logo("logo.png");
            ui.add(Logo::new("data:image/png;base64,AA").size(LogoSize::Small).link("https://example.com"));
            ui.logo(MediaSource::bytes(b"x".to_vec(), "text/plain"));
            ui.add(Logo::new("logo.png").link("example.com"));
            ui.write("after");
        });
        at.run();
        // Display order: the main area first, then the sidebar.
        let Element::Logo(main) = at.logo(0).element().clone() else { panic!("not a logo") };
        assert_eq!((main.size, main.link.as_deref()), (LogoSize::Small, Some("https://example.com")));
        assert_eq!(at.logo(0).text(), "https://example.com");
        let Element::Logo(side) = at.logo(1).element().clone() else { panic!("not a logo") };
        assert_eq!((side.size, side.link), (LogoSize::Medium, None));
        assert_eq!(at.logo(1).text(), "logo.png");
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].contains("\"text/plain\""));
        assert!(errors[1].contains("Invalid logo link"));
        assert_eq!(at.markdown(0).text(), "after");
    }
}
