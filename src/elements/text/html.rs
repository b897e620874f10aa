//! `html`: raw HTML and CSS in the page, without an iframe, as `st.html`.
//!
//! The page sanitizes the body with DOMPurify (loaded the first time an `html` element is
//! drawn) before it reaches the DOM, as Streamlit does: scripts, event handlers and
//! `javascript:` URLs are removed, markup and `<style>` are kept. Styles apply to the whole
//! page, so an app can restyle itself with a `<style>` block.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for an `html` element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HtmlProps {
    /// The HTML as the script gave it; the page sanitizes it.
    pub body: String,
    /// The body is only `<style>` blocks: the element takes no room on the page (Streamlit
    /// puts such an element in its invisible event container).
    #[serde(default)]
    pub style_only: bool,
}

impl DisplayProps for HtmlProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// Raw HTML (and `<style>`) in the page, sanitized in the browser, as `st.html(body)`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.html("<p style='color: teal'>Hello <b>HTML</b></p>");
    /// });
    /// at.run();
    /// assert_eq!(at.html(0).text(), "<p style='color: teal'>Hello <b>HTML</b></p>");
    /// ```
    pub fn html(&self, body: impl Into<String>) -> Ui {
        self.add(Html::new(body))
    }
}

/// An `html` element: HTML, or a stylesheet's contents through [`Html::css`].
///
/// Streamlit's `st.html` also takes a path to a file; in the browser there is no file
/// system, so fetch the file first (`ui.fetch("app/static/style.css")`) and pass its text.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Html::css(".wl-title { letter-spacing: 0.1em; }"));
/// });
/// at.run();
/// let Element::Html(props) = at.html(0).element().clone() else { unreachable!() };
/// assert_eq!(props.body, "<style>.wl-title { letter-spacing: 0.1em; }</style>");
/// assert!(props.style_only);
/// ```
#[must_use = "an html element is drawn by `ui.add(..)`"]
pub struct Html {
    body: String,
}

impl Html {
    pub fn new(body: impl Into<String>) -> Self {
        Html { body: body.into() }
    }

    /// A stylesheet's text, put in a `<style>` block (Streamlit does this for `.css` files).
    pub fn css(stylesheet: &str) -> Self {
        Html { body: format!("<style>{stylesheet}</style>") }
    }
}

impl Command for Html {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let style_only = style_only(&self.body);
        ui.push_element(make::html(HtmlProps { body: self.body, style_only }))
    }
}

/// Whether `body` is nothing but `<style>…</style>` blocks and white space (and not empty).
///
/// ```
/// use wasmlit::elements::text::html::style_only;
/// assert!(style_only(" <style>p { color: red }</style>\n<STYLE media='print'>b {}</STYLE> "));
/// assert!(!style_only("<style>p {}</style><p>text</p>"));
/// assert!(!style_only(""));
/// ```
pub fn style_only(body: &str) -> bool {
    let mut rest = body.trim_start();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let opens = rest.get(..6).is_some_and(|tag| tag.eq_ignore_ascii_case("<style"))
            && rest[6..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace());
        if !opens {
            return false;
        }
        let Some(end) = rest.to_ascii_lowercase().find("</style>") else { return false };
        rest = rest[end + "</style>".len()..].trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::style_only;
    use crate::prelude::*;

    #[test]
    fn the_body_is_kept_as_given_and_sanitized_only_in_the_page() {
        let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.html(hostile);
            ui.html("<style>p { color: red }</style>");
        });
        at.run();
        assert_eq!(at.html(0).text(), hostile);
        let style_flags: Vec<bool> =
            at.get("html").iter().map(|e| matches!(e, Element::Html(p) if p.style_only)).collect();
        assert_eq!(style_flags, [false, true]);
    }

    #[test]
    fn only_whole_style_blocks_count_as_style_only() {
        assert!(style_only("<style>a{}</style>"));
        assert!(!style_only("<style>a{}"), "an unclosed block");
        assert!(!style_only("<styles>a{}</style>"), "another tag");
        assert!(!style_only("<style>a{}</style> trailing text"));
        assert!(!style_only("   \n"));
        assert!(!style_only("<p>é</p>"), "multi-byte text is not a tag");
        assert!(!style_only("<sté"), "a cut inside a character does not panic");
    }
}
