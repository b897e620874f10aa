//! Recording what a cached function drew, and drawing it again on a hit.
//!
//! A cached function draws through the `&Ui` it was given. On a miss we note where that
//! handle writes (and the end of the sidebar), run the function, and keep the nodes it
//! added — whole subtrees, so columns and expanders come back with their content. On a hit
//! the same nodes are pushed at the same handle: in the same place relative to main and
//! sidebar, as Streamlit replays "static elements".

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::{Block, Element, ElementTree, Node, Root};
use crate::ui::Ui;

/// The nodes one cached call drew.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Replay {
    /// Appended at the function's handle.
    pub main: Vec<Node>,
    /// What the function left in the slot its handle points at (an `empty()`).
    pub slot: Option<Node>,
    /// Appended to the sidebar.
    pub sidebar: Vec<Node>,
}

impl Replay {
    /// Draws the recorded nodes again at `ui`.
    pub fn draw(&self, ui: Option<&Ui>) {
        let Some(ui) = ui else { return };
        for node in &self.main {
            ui.push(node.clone());
        }
        if let Some(node) = &self.slot {
            ui.push(node.clone());
        }
        if !self.sidebar.is_empty() {
            let sidebar = ui.sidebar();
            for node in &self.sidebar {
                sidebar.push(node.clone());
            }
        }
    }

    /// Installs the page's renderer of every element and container recorded: a replay decoded
    /// from storage (`#[cache_data(persist)]`) holds nodes no call of this page load made.
    pub fn install_renderers(&self) {
        fn walk(node: &Node) {
            match node {
                Node::Element(element) => {
                    element.install_renderer();
                    // A slider's date or number format is installed by the calls that make
                    // one (`Slider::format`, a date slider), which this page load may not make.
                    #[cfg(target_arch = "wasm32")]
                    if let Element::Slider(props) = element {
                        if props.temporal.is_some() {
                            crate::web::widgets::slider::install_time_format();
                        }
                        if props.format.is_some() {
                            crate::web::widgets::slider::install_number_format();
                        }
                    }
                }
                Node::Block(block) => {
                    #[cfg(target_arch = "wasm32")]
                    crate::web::layout::install::for_kind(&block.kind);
                    block.children.iter().for_each(walk);
                }
            }
        }
        self.main.iter().chain(&self.slot).chain(&self.sidebar).for_each(walk);
    }
}

thread_local! {
    /// The cached functions running now, innermost last.
    static RUNNING: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The innermost cached function running now, if any: a widget drawn inside one comes with a
/// `CachedWidgetWarning`.
pub(crate) fn running_function() -> Option<&'static str> {
    RUNNING.with(|running| running.borrow().last().copied())
}

fn block_mut<'a>(tree: &'a mut ElementTree, root: Root, path: &[usize]) -> Option<&'a mut Block> {
    let mut block = tree.root_mut(root);
    for &index in path {
        match block.children.get_mut(index) {
            Some(Node::Block(child)) => block = child,
            _ => return None,
        }
    }
    Some(block)
}

enum Mode {
    /// The handle appends to a block that had `start` children.
    Append { root: Root, path: Vec<usize>, start: usize },
    /// The handle replaces the node at `path`; `original` was there before.
    Slot { root: Root, path: Vec<usize>, original: Option<Box<Node>> },
    /// No handle (or it points nowhere): nothing to record.
    Nothing,
}

/// A cached call in progress on a miss: records its output and shows the spinner.
///
/// Dropping it unfinished (an error, or an async call cancelled at an await) still removes
/// the spinner and leaves the "inside a cached function" state.
pub(crate) struct Recording {
    ui: Option<Ui>,
    mode: Mode,
    sidebar_start: Option<usize>,
    spinner: Option<Element>,
    done: bool,
}

impl Recording {
    pub fn start(ui: Option<&Ui>, function: &'static str, spinner: Option<String>) -> Recording {
        RUNNING.with(|running| running.borrow_mut().push(function));
        let mut recording =
            Recording { ui: ui.cloned(), mode: Mode::Nothing, sidebar_start: None, spinner: None, done: false };
        let Some(ui) = ui else { return recording };
        let (root, path, slot) = ui.target();
        let path = path.to_vec();
        {
            let mut runtime = ui.runtime.borrow_mut();
            let tree = &mut runtime.tree;
            let sidebar_is_target = root == Root::Sidebar && path.is_empty() && !slot;
            recording.sidebar_start = (!sidebar_is_target).then_some(tree.sidebar.children.len());
            recording.mode = if slot {
                match path.split_last() {
                    Some((index, parent)) => match block_mut(tree, root, parent) {
                        Some(block) => Mode::Slot {
                            root,
                            path: path.clone(),
                            original: block.children.get(*index).cloned().map(Box::new),
                        },
                        None => Mode::Nothing,
                    },
                    None => Mode::Nothing,
                }
            } else {
                match block_mut(tree, root, &path) {
                    Some(block) => Mode::Append { root, path: path.clone(), start: block.children.len() },
                    None => Mode::Nothing,
                }
            };
        }
        if let (Some(text), false) = (spinner, matches!(recording.mode, Mode::Nothing)) {
            let element = make::spinner(crate::elements::status::spinner::SpinnerProps { text });
            ui.push_element(element.clone());
            recording.spinner = Some(element);
        }
        recording
    }

    /// Ends the call: removes the spinner and returns what the function drew.
    pub fn finish(mut self) -> Replay {
        let replay = self.collect(true);
        self.done = true;
        RUNNING.with(|running| running.borrow_mut().pop());
        replay
    }

    fn collect(&mut self, keep: bool) -> Replay {
        let mut replay = Replay::default();
        let Some(ui) = &self.ui else { return replay };
        let mut runtime = ui.runtime.borrow_mut();
        let tree = &mut runtime.tree;
        let spinner = self.spinner.take();
        let is_spinner = |node: Option<&Node>| matches!((node, &spinner), (Some(Node::Element(e)), Some(s)) if e == s);
        match &mut self.mode {
            Mode::Append { root, path, start } => {
                if let Some(block) = block_mut(tree, *root, path) {
                    if is_spinner(block.children.get(*start)) {
                        block.children.remove(*start);
                    }
                    if keep {
                        replay.main = block.children.get(*start..).map(<[Node]>::to_vec).unwrap_or_default();
                    }
                }
            }
            Mode::Slot { root, path, original } => {
                let (index, parent) = path.split_last().expect("a slot path is never empty");
                if let Some(block) = block_mut(tree, *root, parent) {
                    if is_spinner(block.children.get(*index)) {
                        // The function drew nothing there: put back what was in the slot.
                        match original.take() {
                            Some(node) => block.children[*index] = *node,
                            None => {
                                block.children.remove(*index);
                            }
                        }
                    } else if keep {
                        replay.slot = block.children.get(*index).cloned();
                    }
                }
            }
            Mode::Nothing => {}
        }
        if let (Some(start), true) = (self.sidebar_start, keep) {
            replay.sidebar = tree.sidebar.children.get(start..).map(<[Node]>::to_vec).unwrap_or_default();
        }
        replay
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if !self.done {
            self.collect(false);
            RUNNING.with(|running| running.borrow_mut().pop());
        }
    }
}
