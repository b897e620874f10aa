//! `info`: a blue info box with Markdown in it.

pub use super::alert::AlertProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// A blue info box.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.info("**Note** this");
    /// });
    /// at.run();
    /// assert_eq!(at.info(0).text(), "**Note** this");
    /// ```
    pub fn info(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::info(AlertProps::new(body)))
    }
}
