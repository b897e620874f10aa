//! `divider`: a horizontal rule.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// A divider has nothing to show but itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DividerProps;

impl DisplayProps for DividerProps {
    fn text(&self) -> String {
        String::new()
    }
}

impl Ui {
    /// A horizontal rule.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.divider();
    /// });
    /// at.run();
    /// assert_eq!(at.get("divider").len(), 1);
    /// ```
    pub fn divider(&self) -> Ui {
        self.push_element(make::divider(DividerProps))
    }
}
