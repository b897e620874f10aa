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

    fn set_stale(&self, stale: bool) {
        let signal = match self {
            Cell::Element(cell) => &cell.stale,
            Cell::Block(cell) => &cell.stale,
        };
        if signal.get_untracked() != stale {
            signal.set(stale);
        }
    }
}

/// How much of the tree a patch may trust.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extent {
    /// The run completed: what the tree lacks goes.
    Complete,
    /// The run is still going: what it has not reached yet stays, faded.
    Partial,
}

/// A leaf element: its props, and an `echo` bumped when the page sent a value
/// for it, so the control shows the engine's value even if it did not change.
#[derive(Clone)]
pub(crate) struct ElementCell {
    pub uid: u64,
    pub props: ArcRwSignal<Element>,
    pub echo: ArcRwSignal<u64>,
    /// Left from an earlier run that the running one has not reached yet.
    pub stale: ArcRwSignal<bool>,
}

/// A container: its kind and its children.
#[derive(Clone)]
pub(crate) struct BlockCell {
    pub uid: u64,
    pub kind: ArcRwSignal<BlockKind>,
    pub children: ArcRwSignal<Vec<Cell>>,
    pub stale: ArcRwSignal<bool>,
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
        self.patch_list(&self.main, &tree.main.children, &mut widgets, Extent::Complete);
        self.patch_list(&self.sidebar, &tree.sidebar.children, &mut widgets, Extent::Complete);
        for id in echo {
            if let Some(cell) = widgets.get(id) {
                cell.echo.update(|n| *n += 1);
            }
        }
        *self.widgets.borrow_mut() = widgets;
    }

    /// Shows what a run still going has drawn so far, replacing the earlier
    /// run's elements in place; those it has not reached yet stay, faded.
    pub fn patch_partial(&self, tree: &ElementTree) {
        let mut widgets = HashMap::new();
        self.patch_list(&self.main, &tree.main.children, &mut widgets, Extent::Partial);
        self.patch_list(&self.sidebar, &tree.sidebar.children, &mut widgets, Extent::Partial);
    }

    fn uid(&self) -> u64 {
        let uid = self.next_uid.get();
        self.next_uid.set(uid + 1);
        uid
    }

    fn patch_list(
        &self,
        list: &ArcRwSignal<Vec<Cell>>,
        nodes: &[Node],
        widgets: &mut HashMap<WidgetId, ElementCell>,
        extent: Extent,
    ) {
        let old = list.get_untracked();
        let keep_leftovers = extent == Extent::Partial && old.len() > nodes.len();
        let mut changed = old.len() != nodes.len() && !keep_leftovers;
        let mut cells = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            let reused = match (old.get(index), node) {
                (Some(Cell::Element(cell)), Node::Element(element))
                    if cell.props.with_untracked(|props| same_element(props, element)) =>
                {
                    if !cell.props.with_untracked(|props| super::elements::same_props(props, element)) {
                        cell.props.set(super::elements::copy(element));
                    }
                    Some(Cell::Element(cell.clone()))
                }
                (Some(Cell::Block(cell)), Node::Block(block))
                    if cell.kind.with_untracked(|kind| same_block(kind, &block.kind)) =>
                {
                    if cell.kind.with_untracked(|kind| kind != &block.kind) {
                        cell.kind.set(block.kind.clone());
                    }
                    self.patch_list(&cell.children, &block.children, widgets, extent);
                    Some(Cell::Block(cell.clone()))
                }
                _ => None,
            };
            let cell = reused.unwrap_or_else(|| {
                changed = true;
                self.new_cell(node, widgets)
            });
            cell.set_stale(false);
            if let (Cell::Element(cell), Node::Element(element)) = (&cell, node) {
                if let Some(widget) = element.widget() {
                    widgets.insert(widget.id, cell.clone());
                }
            }
            cells.push(cell);
        }
        if keep_leftovers {
            for leftover in &old[nodes.len()..] {
                leftover.set_stale(true);
                cells.push(leftover.clone());
            }
        }
        if changed {
            list.set(cells);
        }
    }

    fn new_cell(&self, node: &Node, widgets: &mut HashMap<WidgetId, ElementCell>) -> Cell {
        match node {
            Node::Element(element) => Cell::Element(ElementCell {
                uid: self.uid(),
                props: ArcRwSignal::new(super::elements::copy(element)),
                echo: ArcRwSignal::new(0),
                stale: ArcRwSignal::new(false),
            }),
            Node::Block(Block { kind, children }) => {
                let cell = BlockCell {
                    uid: self.uid(),
                    kind: ArcRwSignal::new(kind.clone()),
                    children: ArcRwSignal::new(Vec::new()),
                    stale: ArcRwSignal::new(false),
                };
                self.patch_list(&cell.children, children, widgets, Extent::Complete);
                Cell::Block(cell)
            }
        }
    }
}
