//! The page's reactive mirror of the element tree, patched in place after every run.
//!
//! Each node of the last tree has a *cell*: its props live in a signal, its
//! children in a signal of cells. Patching walks the new tree by position and
//! reuses a cell when the node there is still "the same thing" (same element
//! variant and widget id, same container kind); then only the signals whose
//! value changed are set, so unchanged elements cause no DOM writes and
//! widgets keep their DOM nodes (focus, caret, scroll).

use std::cell::{Cell as StdCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::mem::discriminant;

use leptos::prelude::*;

use crate::element::{Block, BlockKind, Element, ElementTree, Node};
use crate::identity::WidgetId;

/// One node of the page.
#[derive(Clone)]
pub(crate) enum Cell {
    Element(ElementCell),
    Block(BlockCell),
}

impl Cell {
    /// A key that stays the same for as long as the cell is reused.
    pub fn uid(&self) -> u64 {
        match self {
            Cell::Element(cell) => cell.uid,
            Cell::Block(cell) => cell.uid,
        }
    }
}

/// A leaf element: its props, and an `echo` bumped when the page sent a value
/// for it, so the control shows the engine's value even if it did not change.
#[derive(Clone)]
pub(crate) struct ElementCell {
    pub uid: u64,
    pub props: ArcRwSignal<Element>,
    pub echo: ArcRwSignal<u64>,
}

/// A container: its kind and its children.
#[derive(Clone)]
pub(crate) struct BlockCell {
    pub uid: u64,
    pub kind: ArcRwSignal<BlockKind>,
    pub children: ArcRwSignal<Vec<Cell>>,
}

/// The whole page: main area and sidebar.
pub(crate) struct PageModel {
    pub main: ArcRwSignal<Vec<Cell>>,
    pub sidebar: ArcRwSignal<Vec<Cell>>,
    next_uid: StdCell<u64>,
    widgets: RefCell<HashMap<WidgetId, ElementCell>>,
}

impl Default for PageModel {
    fn default() -> Self {
        PageModel {
            main: ArcRwSignal::new(Vec::new()),
            sidebar: ArcRwSignal::new(Vec::new()),
            next_uid: StdCell::new(1),
            widgets: RefCell::default(),
        }
    }
}

/// Whether a cell showing `old` can show `new` by updating its props.
fn same_element(old: &Element, new: &Element) -> bool {
    discriminant(old) == discriminant(new) && old.widget().map(|w| w.id) == new.widget().map(|w| w.id)
}

/// Whether a cell showing a block of kind `old` can show `new` in place.
fn same_block(old: &BlockKind, new: &BlockKind) -> bool {
    discriminant(old) == discriminant(new)
}

impl PageModel {
    /// Brings the page in line with `tree`; `echo` lists widgets the page just
    /// sent values for.
    pub fn patch(&self, tree: &ElementTree, echo: &HashSet<WidgetId>) {
        let mut widgets = HashMap::new();
        self.patch_list(&self.main, &tree.main.children, &mut widgets);
        self.patch_list(&self.sidebar, &tree.sidebar.children, &mut widgets);
        for id in echo {
            if let Some(cell) = widgets.get(id) {
                cell.echo.update(|n| *n += 1);
            }
        }
        *self.widgets.borrow_mut() = widgets;
    }

    fn uid(&self) -> u64 {
        let uid = self.next_uid.get();
        self.next_uid.set(uid + 1);
        uid
    }

    fn patch_list(&self, list: &ArcRwSignal<Vec<Cell>>, nodes: &[Node], widgets: &mut HashMap<WidgetId, ElementCell>) {
        let old = list.get_untracked();
        let mut changed = old.len() != nodes.len();
        let mut cells = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            let reused = match (old.get(index), node) {
                (Some(Cell::Element(cell)), Node::Element(element))
                    if cell.props.with_untracked(|props| same_element(props, element)) =>
                {
                    if cell.props.with_untracked(|props| props != element) {
                        cell.props.set(element.clone());
                    }
                    Some(Cell::Element(cell.clone()))
                }
                (Some(Cell::Block(cell)), Node::Block(block))
                    if cell.kind.with_untracked(|kind| same_block(kind, &block.kind)) =>
                {
                    if cell.kind.with_untracked(|kind| kind != &block.kind) {
                        cell.kind.set(block.kind.clone());
                    }
                    self.patch_list(&cell.children, &block.children, widgets);
                    Some(Cell::Block(cell.clone()))
                }
                _ => None,
            };
            let cell = reused.unwrap_or_else(|| {
                changed = true;
                self.new_cell(node, widgets)
            });
            if let (Cell::Element(cell), Node::Element(element)) = (&cell, node) {
                if let Some(widget) = element.widget() {
                    widgets.insert(widget.id, cell.clone());
                }
            }
            cells.push(cell);
        }
        if changed {
            list.set(cells);
        }
    }

    fn new_cell(&self, node: &Node, widgets: &mut HashMap<WidgetId, ElementCell>) -> Cell {
        match node {
            Node::Element(element) => Cell::Element(ElementCell {
                uid: self.uid(),
                props: ArcRwSignal::new(element.clone()),
                echo: ArcRwSignal::new(0),
            }),
            Node::Block(Block { kind, children }) => {
                let cell = BlockCell {
                    uid: self.uid(),
                    kind: ArcRwSignal::new(kind.clone()),
                    children: ArcRwSignal::new(Vec::new()),
                };
                self.patch_list(&cell.children, children, widgets);
                Cell::Block(cell)
            }
        }
    }
}
