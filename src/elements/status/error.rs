//! `error`: a red error box with Markdown in it.

pub use super::alert::AlertProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// A red error box.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.error("**Note** this");
    /// });
    /// at.run();
    /// assert_eq!(at.error(0).text(), "**Note** this");
    /// ```
    pub fn error(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::error(AlertProps::new(body)))
    }
}
