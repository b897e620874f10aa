//! `header`: a section heading (h2), optionally with a coloured rule under it.

use serde::{Deserialize, Serialize};

use crate::element::{DisplayProps, Element};
use crate::ui::{Command, Ui};

/// What the page shows for a header or a subheader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeaderProps {
    pub body: String,
    /// A coloured rule under the heading.
    pub divider: bool,
}

impl DisplayProps for HeaderProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A header (h2); `ui.add(Header::new(..).divider())` draws a rule under it.
    pub fn header(&self, body: impl Into<String>) -> Ui {
        self.add(Header::new(body))
    }
}

/// A header with options: `ui.add(Header::new("Results").divider())`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Header::new("Results").divider());
/// });
/// at.run();
/// assert_eq!(at.header(0).text(), "Results");
/// ```
#[must_use = "a header is drawn by `ui.add(..)`"]
pub struct Header {
    body: String,
    divider: bool,
}

impl Header {
    pub fn new(body: impl Into<String>) -> Self {
        Header { body: body.into(), divider: false }
    }

    /// Draws a coloured rule under the header.
    pub fn divider(mut self) -> Self {
        self.divider = true;
        self
    }
}

impl Command for Header {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(Element::Header(HeaderProps { body: self.body, divider: self.divider }))
    }
}
