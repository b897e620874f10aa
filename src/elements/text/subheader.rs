//! `subheader`: a smaller section heading (h3), optionally with a rule under it.

pub use super::header::HeaderProps;
use crate::element::Element;
use crate::ui::{Command, Ui};

impl Ui {
    /// A subheader (h3); `ui.add(Subheader::new(..).divider())` draws a rule under it.
    pub fn subheader(&self, body: impl Into<String>) -> Ui {
        self.add(Subheader::new(body))
    }
}

/// A subheader with options: `ui.add(Subheader::new("Details").divider())`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Subheader::new("Details").divider());
/// });
/// at.run();
/// assert_eq!(at.subheader(0).text(), "Details");
/// ```
#[must_use = "a subheader is drawn by `ui.add(..)`"]
pub struct Subheader {
    body: String,
    divider: bool,
}

impl Subheader {
    pub fn new(body: impl Into<String>) -> Self {
        Subheader { body: body.into(), divider: false }
    }

    /// Draws a coloured rule under the subheader.
    pub fn divider(mut self) -> Self {
        self.divider = true;
        self
    }
}

impl Command for Subheader {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(Element::Subheader(HeaderProps { body: self.body, divider: self.divider }))
    }
}
