//! `text`: fixed-width, preformatted text (no Markdown).

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for preformatted text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextProps {
    pub body: String,
}

impl DisplayProps for TextProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// Fixed-width, preformatted text.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.text("**not bold**");
    /// });
    /// at.run();
    /// assert_eq!(at.text(0).text(), "**not bold**");
    /// ```
    pub fn text(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::text(TextProps { body: body.into() }))
    }
}
