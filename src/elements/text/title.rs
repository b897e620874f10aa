//! `title`: the page's main heading (h1), with an anchor to link to.

use serde::{Deserialize, Serialize};

use crate::element::{DisplayProps, Element};
use crate::ui::Ui;

/// What the page shows for a title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TitleProps {
    pub body: String,
}

impl DisplayProps for TitleProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A title (h1).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.title("Uber pickups in NYC");
    /// });
    /// at.run();
    /// assert_eq!(at.title(0).text(), "Uber pickups in NYC");
    /// ```
    pub fn title(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Title(TitleProps { body: body.into() }))
    }
}
