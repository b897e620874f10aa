//! `caption`: small, muted Markdown under other elements.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for a caption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaptionProps {
    pub body: String,
}

impl DisplayProps for CaptionProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// Small, muted text (Markdown).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.caption("Data from 2014");
    /// });
    /// at.run();
    /// assert_eq!(at.caption(0).text(), "Data from 2014");
    /// ```
    pub fn caption(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::caption(CaptionProps { body: body.into() }))
    }
}
