//! `snow`: snowflakes fall over the page, once per run that calls it.

pub use super::celebration::CelebrationProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// Streamlit's `st.snow()`: snowflakes fall over the page for a few seconds; each run
    /// that calls it plays them once.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.snow();
    ///     ui.write("Winter is here");
    /// });
    /// at.run();
    /// assert_eq!(at.get("snow").len(), 1);
    /// assert_eq!(at.markdown(0).text(), "Winter is here");
    /// ```
    pub fn snow(&self) -> Ui {
        self.push_element(make::snow(CelebrationProps::now(self)))
    }
}
