//! `container`: a block to write into later, optionally bordered or scrolling.

use crate::element::{BlockKind, Gap, HorizontalAlignment, VerticalAlignment};
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
///
/// `horizontal(true)` lays the children out in a row that wraps, with a
/// [`gap`](Container::gap) and alignments:
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let row = ui.add(
///         Container::new().horizontal(true).gap(Gap::Medium).horizontal_alignment(HorizontalAlignment::Right),
///     );
///     row.button("One");
///     row.button("Two");
/// });
/// at.run();
/// assert_eq!(at.container(0).get("button").len(), 2);
/// ```
#[derive(Default)]
#[must_use = "a container is drawn by `ui.add(..)`"]
pub struct Container {
    border: bool,
    height: Option<u32>,
    horizontal: bool,
    gap: Gap,
    horizontal_alignment: HorizontalAlignment,
    vertical_alignment: VerticalAlignment,
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

    /// Lays the children out side by side in a row that wraps onto more lines when it is full
    /// (Streamlit's `horizontal=True`); each child takes the width it needs.
    pub fn horizontal(mut self, horizontal: bool) -> Self {
        self.horizontal = horizontal;
        self
    }

    /// The space between the children (`Gap::Small` by default, as in Streamlit).
    pub fn gap(mut self, gap: Gap) -> Self {
        self.gap = gap;
        self
    }

    /// Where the children sit horizontally: along the row of a horizontal container
    /// (`Distribute` spreads them out), across a vertical one.
    pub fn horizontal_alignment(mut self, alignment: HorizontalAlignment) -> Self {
        self.horizontal_alignment = alignment;
        self
    }

    /// Where the children sit vertically: across the row of a horizontal container, along a
    /// vertical one that has a [`height`](Container::height).
    pub fn vertical_alignment(mut self, alignment: VerticalAlignment) -> Self {
        self.vertical_alignment = alignment;
        self
    }
}

impl Command for Container {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let Container { border, height, horizontal, gap, horizontal_alignment, vertical_alignment } = self;
        crate::layout::install_block!(container);
        let kind = BlockKind::Container { border, height, horizontal, gap, horizontal_alignment, vertical_alignment };
        ui.push_block(kind, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use crate::element::{BlockKind, Node};
    use crate::prelude::*;

    fn kinds(at: &AppTest) -> Vec<BlockKind> {
        at.tree()
            .main
            .children
            .into_iter()
            .filter_map(|node| if let Node::Block(block) = node { Some(block.kind) } else { None })
            .collect()
    }

    #[test]
    fn a_horizontal_container_keeps_its_options_and_its_children_in_order() {
        let mut at = AppTest::new(|ui: &Ui| {
            let row = ui.add(
                Container::new()
                    .horizontal(true)
                    .gap(Gap::Large)
                    .horizontal_alignment(HorizontalAlignment::Distribute)
                    .vertical_alignment(VerticalAlignment::Center)
                    .border(true),
            );
            let first = row.button("First");
            row.button("Second");
            ui.write(format!("first={first}"));
            ui.add(Container::new());
        });
        at.run();
        assert_eq!(
            kinds(&at),
            [
                BlockKind::Container {
                    border: true,
                    height: None,
                    horizontal: true,
                    gap: Gap::Large,
                    horizontal_alignment: HorizontalAlignment::Distribute,
                    vertical_alignment: VerticalAlignment::Center,
                },
                BlockKind::Container {
                    border: false,
                    height: None,
                    horizontal: false,
                    gap: Gap::Small,
                    horizontal_alignment: HorizontalAlignment::Left,
                    vertical_alignment: VerticalAlignment::Top,
                },
            ]
        );
        let labels: Vec<String> =
            at.container(0).get("button").iter().map(|b| b.widget().unwrap().label.clone()).collect();
        assert_eq!(labels, ["First", "Second"]);
        at.container(0).button(label("First")).click().run();
        assert_eq!(at.markdown(0).text(), "first=true");
    }

    // serde_json is a native dev-dependency (the end-to-end tests use it).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_old_tree_without_the_new_fields_reads_as_a_vertical_container() {
        let kind: BlockKind = serde_json::from_str(r#"{"Container":{"border":true,"height":100}}"#).unwrap();
        assert_eq!(
            kind,
            BlockKind::Container {
                border: true,
                height: Some(100),
                horizontal: false,
                gap: Gap::Small,
                horizontal_alignment: HorizontalAlignment::Left,
                vertical_alignment: VerticalAlignment::Top,
            }
        );
    }
}
