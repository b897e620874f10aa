//! `set_page_config`: the browser tab's title and favicon, the main column's width and the
//! sidebar's initial state.
//!
//! As in Streamlit the call is additive and allowed anywhere in the script: each call sets
//! the fields it names, and a later call wins for a field both set. The run's result is
//! [`ElementTree::page_config`](crate::ElementTree::page_config); the page applies each field a
//! run sets and keeps the last applied value of a field no run sets any more (the tab keeps its
//! title, the layout persists for the session).
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! let mut at = AppTest::new(|ui: &Ui| {
//!     ui.set_page_config(PageConfig::new().title("Sales").icon("📈").wide());
//!     ui.set_page_config(PageConfig::new().sidebar(SidebarState::Collapsed));
//!     ui.title("Sales");
//! });
//! at.run();
//! let config = at.page_config();
//! assert_eq!(config.title.as_deref(), Some("Sales"));
//! assert_eq!(config.layout, Some(PageLayout::Wide));
//! assert_eq!(config.sidebar, Some(SidebarState::Collapsed));
//! assert!(config.icon.unwrap().href().starts_with("data:image/svg+xml,"));
//! ```

use serde::{Deserialize, Serialize};

use crate::ui::Ui;

/// What `set_page_config` calls in a run asked for; `None` fields were not set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[must_use]
pub struct PageConfig {
    /// The browser tab's title (`document.title`).
    pub title: Option<String>,
    /// The favicon.
    pub icon: Option<PageIcon>,
    /// The main column's width.
    pub layout: Option<PageLayout>,
    /// How the sidebar starts, until the viewer opens or closes it.
    pub sidebar: Option<SidebarState>,
}

/// A favicon: an emoji (drawn as an SVG) or the URL of an image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageIcon {
    Emoji(String),
    Url(String),
}

/// Streamlit's `layout`: `"centered"` (a column of limited width) or `"wide"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageLayout {
    #[default]
    Centered,
    Wide,
}

/// Streamlit's `initial_sidebar_state`; `Auto` opens it except on narrow screens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SidebarState {
    #[default]
    Auto,
    Expanded,
    Collapsed,
}

impl PageConfig {
    /// A call that sets nothing; name the fields with the methods below.
    pub fn new() -> Self {
        PageConfig::default()
    }

    /// The tab's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The favicon: an emoji such as `"🎈"`, or an http(s), relative or `data:image/` URL.
    /// A text made of emoji (no letters, digits, `/`, `.` or `:`) is an emoji. An unsafe URL
    /// (`javascript:`, …) is refused by [`Ui::set_page_config`] with an error in place.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(PageIcon::from_text(icon.into()));
        self
    }

    /// The main column's width.
    pub fn layout(mut self, layout: PageLayout) -> Self {
        self.layout = Some(layout);
        self
    }

    /// `layout="wide"`: the main column takes the page's width.
    pub fn wide(self) -> Self {
        self.layout(PageLayout::Wide)
    }

    /// `layout="centered"` (the default look).
    pub fn centered(self) -> Self {
        self.layout(PageLayout::Centered)
    }

    /// `initial_sidebar_state`.
    pub fn sidebar(mut self, state: SidebarState) -> Self {
        self.sidebar = Some(state);
        self
    }

    /// Sets the fields `later` sets (a later call wins).
    pub(crate) fn merge(&mut self, later: PageConfig) {
        let PageConfig { title, icon, layout, sidebar } = later;
        self.title = title.or(self.title.take());
        self.icon = icon.or(self.icon.take());
        self.layout = layout.or(self.layout);
        self.sidebar = sidebar.or(self.sidebar);
    }
}

impl PageIcon {
    fn from_text(text: String) -> PageIcon {
        let trimmed = text.trim();
        let emoji = !trimmed.is_empty()
            && trimmed.chars().count() <= 16
            && !trimmed.chars().any(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | ':' | '?' | '#' | '%'));
        if emoji {
            PageIcon::Emoji(trimmed.to_string())
        } else {
            PageIcon::Url(text)
        }
    }

    /// Why the page cannot use this icon, if it cannot.
    pub(crate) fn check(&self) -> Result<(), String> {
        match self {
            PageIcon::Emoji(_) => Ok(()),
            PageIcon::Url(url) if url.trim().is_empty() => Err("The page icon is empty.".into()),
            PageIcon::Url(url) => {
                let compact: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
                let scheme = compact.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
                let mail = matches!(scheme.as_deref(), Some("mailto" | "tel"));
                if crate::markdown::safe_url(url, true) && !mail {
                    Ok(())
                } else {
                    Err(format!(
                        "The page icon {url:?} is not allowed: use an emoji or an http(s), relative or data:image URL."
                    ))
                }
            }
        }
    }

    /// The favicon's `href`: the URL, or an SVG data URL that draws the emoji.
    ///
    /// ```
    /// use wasmlit::page_config::PageIcon;
    /// let href = PageIcon::Emoji("🎈".into()).href();
    /// assert!(href.starts_with("data:image/svg+xml,") && href.contains("%F0%9F%8E%88"));
    /// assert_eq!(PageIcon::Url("/icon.png".into()).href(), "/icon.png");
    /// ```
    pub fn href(&self) -> String {
        match self {
            PageIcon::Url(url) => url.clone(),
            PageIcon::Emoji(emoji) => {
                let escaped = emoji.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                let svg = format!(
                    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><text y='.9em' font-size='90'>{escaped}</text></svg>"
                );
                let mut href = String::from("data:image/svg+xml,");
                for byte in svg.bytes() {
                    if byte.is_ascii_alphanumeric() || b"-_.~ ='/:<>".contains(&byte) {
                        href.push(byte as char);
                    } else {
                        href.push_str(&format!("%{byte:02X}"));
                    }
                }
                href.replace(' ', "%20").replace('<', "%3C").replace('>', "%3E")
            }
        }
    }
}

impl Ui {
    /// Streamlit's `st.set_page_config`: the tab's title and favicon, `layout` and
    /// `initial_sidebar_state`. Additive, callable anywhere; a later call wins for a field both
    /// set. An icon that is not allowed draws an error here and is left out; the other fields
    /// still apply and the script goes on.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.set_page_config(PageConfig::new().title("Mine").icon("javascript:alert(1)"));
    ///     ui.write("still here");
    /// });
    /// at.run();
    /// assert_eq!(at.page_config().title.as_deref(), Some("Mine"));
    /// assert_eq!(at.page_config().icon, None);
    /// assert!(at.exception(0).text().contains("not allowed"));
    /// assert_eq!(at.markdown(0).text(), "still here");
    /// ```
    pub fn set_page_config(&self, config: PageConfig) {
        let mut config = config;
        if let Some(Err(message)) = config.icon.as_ref().map(PageIcon::check) {
            config.icon = None;
            self.push_exception("StreamlitAPIException".into(), message);
        }
        self.runtime.borrow_mut().tree.page_config.merge(config);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app_test::AppTest;

    #[test]
    fn emoji_and_urls_are_told_apart() {
        assert_eq!(PageIcon::from_text("🎈".into()), PageIcon::Emoji("🎈".into()));
        assert_eq!(PageIcon::from_text(" 👩‍💻 ".into()), PageIcon::Emoji("👩‍💻".into()));
        assert_eq!(PageIcon::from_text("favicon.png".into()), PageIcon::Url("favicon.png".into()));
        assert_eq!(PageIcon::from_text("https://x.io/i.svg".into()), PageIcon::Url("https://x.io/i.svg".into()));
        assert_eq!(PageIcon::from_text("".into()), PageIcon::Url("".into()));
    }

    #[test]
    fn unsafe_or_empty_icons_are_refused() {
        for bad in ["javascript:alert(1)", " JaVa\tScript:x", "data:text/html,<b>", "mailto:a@b", "file:///etc", "  "] {
            assert!(PageIcon::from_text(bad.into()).check().is_err(), "{bad}");
        }
        for good in ["https://x.io/i.png", "/static/i.png", "data:image/png;base64,iVBORw0KGgo=", "🎈"] {
            assert!(PageIcon::from_text(good.into()).check().is_ok(), "{good}");
        }
    }

    #[test]
    fn emoji_href_is_an_svg_data_url_without_raw_markup_characters() {
        let href = PageIcon::Emoji("<&>".into()).href();
        assert!(href.starts_with("data:image/svg+xml,%3Csvg"));
        assert!(!href.contains(['<', '>', ' ', '"', '#']));
        assert!(href.contains("%26lt%3B%26amp%3B%26gt%3B"), "{href}");
    }

    #[test]
    fn later_calls_win_per_field_and_each_run_starts_empty() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.set_page_config(PageConfig::new().title("one").wide());
            if ui.checkbox("more") {
                ui.set_page_config(PageConfig::new().title("two").sidebar(SidebarState::Expanded));
            }
        });
        at.run();
        assert_eq!(
            at.page_config(),
            PageConfig { title: Some("one".into()), icon: None, layout: Some(PageLayout::Wide), sidebar: None }
        );
        at.checkbox(0).check().run();
        let config = at.page_config();
        assert_eq!(config.title.as_deref(), Some("two"));
        assert_eq!(config.layout, Some(PageLayout::Wide));
        assert_eq!(config.sidebar, Some(SidebarState::Expanded));
    }

    #[test]
    fn a_bad_icon_keeps_the_earlier_good_one_and_the_run_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.set_page_config(PageConfig::new().icon("🎈"));
            ui.set_page_config(PageConfig::new().icon("vbscript:msgbox"));
            ui.text("after");
        });
        at.run();
        assert_eq!(at.page_config().icon, Some(PageIcon::Emoji("🎈".into())));
        assert_eq!(at.get("exception").len(), 1);
        assert_eq!(at.text(0).text(), "after");
    }
}
