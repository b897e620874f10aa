//! `tabs`: a tab bar; every tab body runs on every rerun, one is visible.

use crate::element::{Block, BlockKind, Node};
use crate::ui::{Command, Ui};

impl Ui {
    /// Tabs; every tab body runs on every rerun, only one is visible.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let [cat, dog] = ui.tabs(["Cat", "Dog"]);
    ///     cat.header("A cat");
    ///     dog.header("A dog");
    /// });
    /// at.run();
    /// assert_eq!(at.tab(1).header(0).text(), "A dog");
    /// ```
    pub fn tabs<S: TabSpec>(&self, labels: S) -> S::Output {
        self.add(Tabs::new(labels))
    }
}

/// Tabs with options, as `st.tabs(.., default=..)`: `ui.add(Tabs::new(["A", "B"]).default("B"))`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::element::{BlockKind, Node};
/// let mut at = AppTest::new(|ui: &Ui| {
///     let [_, dog] = ui.add(Tabs::new(["Cat", "Dog"]).default("Dog"));
///     dog.write("shown first");
///     ui.add(Tabs::new(["A", "B"]).default("C")); // not a tab: an error, then the first tab
/// });
/// at.run();
/// let Node::Block(bar) = &at.tree().main.children[0] else { unreachable!() };
/// assert!(matches!(bar.kind, BlockKind::Tabs { default: 1, .. }));
/// assert!(at.exception(0).text().contains("\"C\""));
/// assert_eq!(at.tab(1).markdown(0).text(), "shown first");
/// ```
#[must_use = "tabs are drawn by `ui.add(..)`"]
pub struct Tabs<S: TabSpec> {
    labels: S,
    default: Option<String>,
}

impl<S: TabSpec> Tabs<S> {
    pub fn new(labels: S) -> Self {
        Tabs { labels, default: None }
    }

    /// The label of the tab shown first (the first tab by default).
    pub fn default(mut self, label: impl Into<String>) -> Self {
        self.default = Some(label.into());
        self
    }
}

impl<S: TabSpec> Command for Tabs<S> {
    type Output = S::Output;
    fn show(self, ui: &Ui) -> S::Output {
        let labels = self.labels.labels();
        let default = match &self.default {
            None => 0,
            Some(wanted) => labels.iter().position(|label| label == wanted).unwrap_or_else(|| {
                ui.push_exception(
                    "StreamlitAPIException".into(),
                    format!("The default tab {wanted:?} is not one of the tabs: {labels:?}."),
                );
                0
            }),
        };
        let children = labels.iter().map(|_| Node::Block(Block::new(BlockKind::Vertical))).collect();
        let bar = ui.push_block(BlockKind::Tabs { labels: labels.clone(), default }, children);
        S::output((0..labels.len()).map(|i| bar.child(i)).collect())
    }
}

/// What [`Ui::tabs`] accepts: an array or a list of labels.
pub trait TabSpec {
    type Output;
    fn labels(&self) -> Vec<String>;
    fn output(uis: Vec<Ui>) -> Self::Output;
}

impl<S: AsRef<str>, const N: usize> TabSpec for [S; N] {
    type Output = [Ui; N];
    fn labels(&self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_string()).collect()
    }
    fn output(uis: Vec<Ui>) -> [Ui; N] {
        uis.try_into().unwrap_or_else(|_| unreachable!("one handle per label"))
    }
}

impl<S: AsRef<str>> TabSpec for Vec<S> {
    type Output = Vec<Ui>;
    fn labels(&self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_string()).collect()
    }
    fn output(uis: Vec<Ui>) -> Vec<Ui> {
        uis
    }
}
