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
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::element::{BlockKind, Node};
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Expander::new("Details").icon("🔍")).write("inside");
///     ui.add(Expander::new("Plain").icon("not an icon")).write("still drawn"); // an error above it
/// });
/// at.run();
/// let Node::Block(first) = &at.tree().main.children[0] else { unreachable!() };
/// assert!(matches!(&first.kind, BlockKind::Expander { icon: Some(icon), .. } if icon == "🔍"));
/// assert!(at.exception(0).text().contains("not a valid emoji or icon"));
/// assert_eq!(at.expander(1).markdown(0).text(), "still drawn");
/// ```
#[must_use = "an expander is drawn by `ui.add(..)`"]
pub struct Expander {
    label: String,
    expanded: bool,
    icon: Option<String>,
}

impl Expander {
    pub fn new(label: impl Into<String>) -> Self {
        Expander { label: label.into(), expanded: false, icon: None }
    }

    /// An icon before the label: one emoji or a Material icon (`":material/info:"`). A bad
    /// icon draws an error above the expander, which is drawn without one.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
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
        let icon = self.icon.filter(|icon| match crate::layout::check_icon(icon) {
            Ok(()) => true,
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                false
            }
        });
        ui.push_block(BlockKind::Expander { label: self.label, expanded: self.expanded, icon }, Vec::new())
    }
}
