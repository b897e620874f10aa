//! `code`: a block of code in a fixed-width font.

use serde::{Deserialize, Serialize};

use crate::element::{DisplayProps, Element};
use crate::ui::Ui;

/// What the page shows for a code block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeProps {
    pub body: String,
    /// The language, for highlighting (`"rust"`), if any.
    pub language: Option<String>,
}

impl DisplayProps for CodeProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A code block; `language` picks the highlighting (e.g. `"rust"`, or `""` for none).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.code("fn main() {}", "rust");
    /// });
    /// at.run();
    /// assert_eq!(at.code(0).text(), "fn main() {}");
    /// ```
    pub fn code(&self, body: impl Into<String>, language: &str) -> Ui {
        let language = (!language.is_empty()).then(|| language.to_string());
        self.push_element(Element::Code(CodeProps { body: body.into(), language }))
    }
}
