//! `subheader`: a smaller section heading (h3), optionally with a rule under it.

pub use super::header::HeaderProps;
use super::header::{DividerColor, Header};
use crate::element::make;
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
    header: Header,
}

impl Subheader {
    pub fn new(body: impl Into<String>) -> Self {
        Subheader { header: Header::new(body) }
    }

    /// Draws a coloured rule under the subheader.
    pub fn divider(self) -> Self {
        Subheader { header: self.header.divider() }
    }

    /// Draws a rule of `color` under the subheader.
    pub fn divider_color(self, color: DividerColor) -> Self {
        Subheader { header: self.header.divider_color(color) }
    }

    /// The heading's id (`#anchor` links to it) instead of one made from its text.
    pub fn anchor(self, anchor: impl Into<String>) -> Self {
        Subheader { header: self.header.anchor(anchor) }
    }

    /// No anchor: the subheader gets no id and shows no link icon (Streamlit's `anchor=False`).
    pub fn hide_anchor(self) -> Self {
        Subheader { header: self.header.hide_anchor() }
    }

    /// A tooltip on a `?` next to the subheader.
    pub fn help(self, help: impl Into<String>) -> Self {
        Subheader { header: self.header.help(help) }
    }
}

impl Command for Subheader {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(make::subheader(self.header.into_props()))
    }
}
