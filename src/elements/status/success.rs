//! `success`: a green success box with Markdown in it.

pub use super::alert::AlertProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// A green success box.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.success("**Note** this");
    /// });
    /// at.run();
    /// assert_eq!(at.success(0).text(), "**Note** this");
    /// ```
    pub fn success(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::success(AlertProps::new(body)))
    }
}
