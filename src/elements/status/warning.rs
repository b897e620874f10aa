//! `warning`: a yellow warning box with Markdown in it.

pub use super::alert::AlertProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// A yellow warning box.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.warning("**Note** this");
    /// });
    /// at.run();
    /// assert_eq!(at.warning(0).text(), "**Note** this");
    /// ```
    pub fn warning(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::warning(AlertProps::new(body)))
    }
}
