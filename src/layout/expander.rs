//! `expander`: a collapsible section whose body always runs.

use crate::element::BlockKind;
use crate::ui::{Command, Ui};

impl Ui {
    /// A collapsible section, collapsed at first. Its body always runs.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.expander("More").write("hidden until opened");
    /// });
    /// at.run();
    /// assert_eq!(at.expander(0).markdown(0).text(), "hidden until opened");
    /// ```
    pub fn expander(&self, label: impl Into<String>) -> Ui {
        self.add(Expander::new(label))
    }
}

/// A collapsible section: `ui.add(Expander::new("More").expanded(true))`.
#[must_use = "an expander is drawn by `ui.add(..)`"]
pub struct Expander {
    label: String,
    expanded: bool,
}

impl Expander {
    pub fn new(label: impl Into<String>) -> Self {
        Expander { label: label.into(), expanded: false }
    }

    /// Starts open.
    pub fn expanded(mut self, expanded: bool) -> Self {
        self.expanded = expanded;
        self
    }
}

impl Command for Expander {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_block(BlockKind::Expander { label: self.label, expanded: self.expanded }, Vec::new())
    }
}
