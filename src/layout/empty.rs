//! `empty`: a single-slot placeholder; every write through its handle replaces what it holds.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// An empty slot shows nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmptyProps;

impl DisplayProps for EmptyProps {
    fn text(&self) -> String {
        String::new()
    }
}

impl Ui {
    /// A single-slot placeholder: every write replaces what it holds.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let slot = ui.empty();
    ///     slot.text("one");
    ///     slot.text("two");
    /// });
    /// at.run();
    /// assert_eq!(at.get("text").len(), 1);
    /// assert_eq!(at.text(0).text(), "two");
    /// ```
    pub fn empty(&self) -> Ui {
        self.push_element(make::empty(EmptyProps))
    }
}
