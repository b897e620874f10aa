//! `markdown`: GitHub-flavoured Markdown, raw HTML escaped unless allowed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for Markdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkdownProps {
    pub body: String,
    /// Raw HTML in `body` is shown as HTML (Streamlit's `unsafe_allow_html`), not escaped.
    pub allow_html: bool,
}

impl DisplayProps for MarkdownProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// Markdown; raw HTML in it is escaped.
    pub fn markdown(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::markdown(MarkdownProps { body: body.into(), allow_html: false }))
    }

    /// Markdown that may contain raw HTML (Streamlit's `unsafe_allow_html=True`).
    pub fn markdown_unsafe_html(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::markdown(MarkdownProps { body: body.into(), allow_html: true }))
    }

    /// Writes any `Debug` value, pretty-printed in a code block.
    pub fn write_debug(&self, value: &impl fmt::Debug) -> Ui {
        self.code(format!("{value:#?}"), "")
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::Element;

    #[test]
    fn html_is_allowed_only_when_asked() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.markdown("<b>a</b>");
            ui.markdown_unsafe_html("<b>b</b>");
        });
        at.run();
        let allowed: Vec<bool> =
            at.get("markdown").iter().map(|e| matches!(e, Element::Markdown(p) if p.allow_html)).collect();
        assert_eq!(allowed, [false, true]);
    }

    #[test]
    fn write_debug_pretty_prints_in_a_code_block() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.write_debug(&(1, "a"));
        });
        at.run();
        assert_eq!(at.code(0).text(), "(\n    1,\n    \"a\",\n)");
    }
}
