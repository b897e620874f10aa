//! `container`: a block to write into later, optionally bordered or scrolling.

use crate::element::BlockKind;
use crate::ui::{Command, Ui};

impl Ui {
    /// A container: write into it later to place output above what follows.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let header = ui.container();
    ///     ui.write("body");
    ///     header.title("Written last, shown first");
    /// });
    /// at.run();
    /// let kinds: Vec<_> = at.elements().iter().map(|e| e.kind()).collect();
    /// assert_eq!(kinds, ["title", "markdown"]);
    /// ```
    pub fn container(&self) -> Ui {
        self.push_block(BlockKind::Vertical, Vec::new())
    }
}

/// A container with a border and/or a fixed height (which makes it scroll).
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let boxed = ui.add(Container::new().border(true).height(200));
///     boxed.write("inside");
/// });
/// at.run();
/// assert_eq!(at.container(0).markdown(0).text(), "inside");
/// ```
#[derive(Default)]
#[must_use = "a container is drawn by `ui.add(..)`"]
pub struct Container {
    border: bool,
    height: Option<u32>,
}

impl Container {
    pub fn new() -> Self {
        Container::default()
    }

    /// Draws a border around the container.
    pub fn border(mut self, border: bool) -> Self {
        self.border = border;
        self
    }

    /// Fixes the height in pixels; taller content scrolls.
    pub fn height(mut self, pixels: u32) -> Self {
        self.height = Some(pixels);
        self.border = true;
        self
    }
}

impl Command for Container {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_block(BlockKind::Container { border: self.border, height: self.height }, Vec::new())
    }
}
