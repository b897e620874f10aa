//! `tabs`: a tab bar; every tab body runs on every rerun, one is visible.

use crate::element::{Block, BlockKind, Node};
use crate::ui::Ui;

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
        let labels = labels.labels();
        let children = labels.iter().map(|_| Node::Block(Block::new(BlockKind::Vertical))).collect();
        let bar = self.push_block(BlockKind::Tabs { labels: labels.clone() }, children);
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
