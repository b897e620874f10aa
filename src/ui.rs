//! [`Ui`]: the handle a script draws with, like Streamlit's `DeltaGenerator`.
//!
//! A `Ui` points either at a container (calls append to it) or at one slot
//! (calls replace what is there). Element commands return a slot handle, so
//! output can be replaced later; container commands return container handles,
//! so output can appear out of call order.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) {
//!     let header = ui.container();
//!     let status = ui.empty();
//!     ui.write("body");
//!     header.title("Written last, shown first");
//!     status.text("Loading...");
//!     status.success("Done!");
//! }
//! let mut at = AppTest::new(app);
//! at.run();
//! let kinds: Vec<_> = at.elements().iter().map(|e| e.kind()).collect();
//! assert_eq!(kinds, ["title", "success", "markdown"]);
//! ```

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use crate::element::make;
use crate::element::{Block, BlockKind, Element, ElementTree, FragmentId, Node, Root};
use crate::elements::status::exception::ExceptionProps;
use crate::error::{Error, Result};
use crate::runtime::{Phase, Runtime};
use crate::session_state::SessionState;

/// The drawing handle of a script run.
///
/// Cheap to clone; clones point at the same place.
#[derive(Clone)]
pub struct Ui {
    pub(crate) runtime: Rc<RefCell<Runtime>>,
    cursor: Cursor,
    /// The fragment whose body this handle draws into, if any (never for the sidebar).
    pub(crate) fragment: Option<FragmentId>,
}

/// Streamlit's error for `st.sidebar` in a fragment: elements written straight into the sidebar
/// would pile up over the fragment's reruns, so they are refused.
const SIDEBAR_IN_FRAGMENT: &str = "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. \
     To write elements to the sidebar with a fragment, call your fragment function inside a `with st.sidebar` \
     context manager (here: `ui.sidebar().fragment(..)`).";

/// A position in the element tree: a root and the child indices below it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Place {
    pub root: Root,
    pub path: Vec<usize>,
}

impl Place {
    fn block_mut<'a>(&self, tree: &'a mut ElementTree) -> Option<&'a mut Block> {
        let mut block = tree.root_mut(self.root);
        for &index in &self.path {
            match block.children.get_mut(index) {
                Some(Node::Block(child)) => block = child,
                _ => return None,
            }
        }
        Some(block)
    }

    /// Whether the block here is the body of fragment `id`.
    pub fn holds_fragment(&self, tree: &ElementTree, id: FragmentId) -> bool {
        let mut block = tree.root(self.root);
        for &index in &self.path {
            match block.children.get(index) {
                Some(Node::Block(child)) => block = child,
                _ => return false,
            }
        }
        matches!(block.kind, BlockKind::Fragment { id: found, .. } | BlockKind::Dialog { id: found, .. } if found == id)
    }

    /// Whether `other` is this place or lies inside it (a widget's place inside a fragment's body).
    pub fn contains(&self, other: &Place) -> bool {
        self.root == other.root && other.path.starts_with(&self.path)
    }

    /// Empties the block here (a fragment's body before it reruns).
    pub fn clear_children(&self, tree: &mut ElementTree) {
        if let Some(block) = self.block_mut(tree) {
            block.children.clear();
        }
    }

    /// Applies `change` to the block here.
    pub fn with_block(&self, tree: &mut ElementTree, change: impl FnOnce(&mut Block)) {
        if let Some(block) = self.block_mut(tree) {
            change(block);
        }
    }

    fn child(&self, index: usize) -> Place {
        let mut path = self.path.clone();
        path.push(index);
        Place { root: self.root, path }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Cursor {
    /// Calls append to the block here.
    Append(Place),
    /// Calls replace the node here.
    Slot(Place),
}

impl Ui {
    pub(crate) fn root(runtime: Rc<RefCell<Runtime>>) -> Ui {
        Ui { runtime, cursor: Cursor::Append(Place { root: Root::Main, path: Vec::new() }), fragment: None }
    }

    /// A handle appending to the block at `place`, drawing for `fragment`.
    pub(crate) fn at_place(runtime: Rc<RefCell<Runtime>>, place: Place, fragment: Option<FragmentId>) -> Ui {
        Ui { runtime, cursor: Cursor::Append(place), fragment }
    }

    fn at(&self, cursor: Cursor) -> Ui {
        Ui { runtime: self.runtime.clone(), cursor, fragment: self.fragment }
    }

    /// Where this handle draws: the block it appends to, or the slot it replaces.
    pub(crate) fn place(&self) -> &Place {
        match &self.cursor {
            Cursor::Append(place) | Cursor::Slot(place) => place,
        }
    }

    /// The form whose body holds what this handle draws, if any. Form membership follows the
    /// block a widget is in, as in Streamlit: the sidebar is never in a form (whatever handle
    /// it was reached from), and a fragment rerun on its own stays in the form it was drawn in.
    pub(crate) fn form_key(&self) -> Option<Rc<str>> {
        let (place, depth) = match &self.cursor {
            Cursor::Append(place) => (place, place.path.len()),
            // A slot's node is replaced: what holds it is its parent.
            Cursor::Slot(place) => (place, place.path.len().saturating_sub(1)),
        };
        let runtime = self.runtime.borrow();
        let mut block = runtime.tree.root(place.root);
        let mut form = None;
        for &index in &place.path[..depth] {
            match block.children.get(index) {
                Some(Node::Block(child)) => block = child,
                // The block is gone: writes go to the root, in no form.
                _ => return None,
            }
            if let BlockKind::Form { key, .. } = &block.kind {
                form = Some(key.as_str());
            }
        }
        form.map(Rc::from)
    }

    /// While a fragment runs, an element written straight into the sidebar (not into a
    /// container there) is refused, as Streamlit does: the handle to draw the error with
    /// instead, in the innermost running fragment's body.
    fn sidebar_write_in_fragment(&self) -> Option<Ui> {
        let direct = match &self.cursor {
            Cursor::Append(place) => place.root == Root::Sidebar && place.path.is_empty(),
            Cursor::Slot(place) => place.root == Root::Sidebar && place.path.len() == 1,
        };
        if !direct {
            return None;
        }
        let body = self.runtime.borrow().running_fragments.last().cloned()?;
        Some(self.at(Cursor::Append(body)))
    }

    /// Where the next node drawn through this handle will go.
    pub(crate) fn next_place(&self) -> Place {
        match &self.cursor {
            Cursor::Slot(place) => place.clone(),
            Cursor::Append(place) => {
                let mut runtime = self.runtime.borrow_mut();
                match place.block_mut(&mut runtime.tree) {
                    Some(block) => place.child(block.children.len()),
                    None => Place { root: place.root, path: vec![runtime.tree.root(place.root).children.len()] },
                }
            }
        }
    }

    /// Places `node` where this handle points and returns a handle to its slot.
    pub(crate) fn push(&self, node: Node) -> Ui {
        if let (Node::Element(element), Some(body)) = (&node, self.sidebar_write_in_fragment()) {
            // An error box meant for the sidebar (a refused widget) keeps its own message.
            let error = match element {
                Element::Exception(_) => node,
                _ => Node::Element(make::exception(ExceptionProps {
                    kind: "StreamlitAPIException".into(),
                    message: SIDEBAR_IN_FRAGMENT.into(),
                    is_warning: false,
                    causes: Vec::new(),
                })),
            };
            return body.push(error);
        }
        let mut runtime = self.runtime.borrow_mut();
        let tree = &mut runtime.tree;
        match &self.cursor {
            Cursor::Append(place) => {
                let (block, place) = match place.block_mut(tree) {
                    Some(block) => (block, place.clone()),
                    // The container was replaced by an element since: write at the root.
                    None => (tree.root_mut(place.root), Place { root: place.root, path: Vec::new() }),
                };
                block.children.push(node);
                self.at(Cursor::Slot(place.child(block.children.len() - 1)))
            }
            Cursor::Slot(place) => {
                let parent =
                    Place { root: place.root, path: place.path[..place.path.len().saturating_sub(1)].to_vec() };
                let index = place.path.last().copied().unwrap_or(0);
                let Some(block) = parent.block_mut(tree) else {
                    let root = tree.root_mut(place.root);
                    root.children.push(node);
                    return self.at(Cursor::Slot(Place { root: place.root, path: vec![root.children.len() - 1] }));
                };
                if let Some(existing) = block.children.get_mut(index) {
                    *existing = node;
                    self.clone()
                } else {
                    block.children.push(node);
                    self.at(Cursor::Slot(parent.child(block.children.len() - 1)))
                }
            }
        }
    }

    /// Places an element; returns its slot handle.
    pub(crate) fn push_element(&self, element: Element) -> Ui {
        self.push(Node::Element(element))
    }

    /// Places a container with `children` and returns a handle that appends to it.
    pub(crate) fn push_block(&self, kind: BlockKind, children: Vec<Node>) -> Ui {
        let slot = self.push(Node::Block(Block { kind, children }));
        let place = slot.place().clone();
        slot.at(Cursor::Append(place))
    }

    /// A handle appending to the `index`-th child block of this handle's block.
    pub(crate) fn child(&self, index: usize) -> Ui {
        self.at(Cursor::Append(self.place().child(index)))
    }

    /// Where this handle writes: its root, the path of its block (or slot), and whether it
    /// replaces one slot rather than appending. Cached functions record what they drew here.
    pub(crate) fn target(&self) -> (Root, &[usize], bool) {
        match &self.cursor {
            Cursor::Append(place) => (place.root, &place.path, false),
            Cursor::Slot(place) => (place.root, &place.path, true),
        }
    }

    pub(crate) fn phase(&self) -> Phase {
        self.runtime.borrow().phase
    }

    // ----- control flow -------------------------------------------------

    /// Ends the run here: nothing after it runs, and widgets not drawn yet keep their state.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let name = ui.text_input("Name");
    ///     if name.is_empty() {
    ///         ui.warning("Please enter a name");
    ///         ui.stop()?;
    ///     }
    ///     ui.success(format!("Hi {name}"));
    ///     Ok::<_, Error>(())
    /// });
    /// at.run();
    /// assert_eq!(at.get("success").len(), 0);
    /// at.text_input(0).input("Ada").run();
    /// assert_eq!(at.success(0).text(), "Hi Ada");
    /// ```
    pub fn stop(&self) -> Result {
        Err(Error::stop())
    }

    /// Ends the run here and starts a new one at once.
    ///
    /// Inside a callback it is a no-op that shows a warning, as in Streamlit.
    pub fn rerun(&self) -> Result {
        Err(Error::rerun())
    }

    /// Waits `duration` without blocking the page (async scripts): the page
    /// shows what the run has drawn so far, and a new interaction cancels the
    /// run here.
    pub fn sleep(&self, duration: Duration) -> impl Future<Output = ()> {
        let clock = self.runtime.borrow().clock.clone();
        clock.sleep(duration)
    }

    /// Lets the page paint and take input before the run goes on (async scripts).
    pub fn yield_now(&self) -> impl Future<Output = ()> {
        self.sleep(Duration::ZERO)
    }

    /// Values that survive reruns; see [`SessionState`].
    pub fn session_state(&self) -> SessionState {
        SessionState::new(self.runtime.clone())
    }

    /// Adds any command — a widget builder or a container builder — and returns its output.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let hour = ui.add(Slider::new("Hour", 0..=23).value(17).key("hour"));
    ///     ui.write(format!("hour {hour}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "hour 17");
    /// ```
    pub fn add<C: Command>(&self, command: C) -> C::Output {
        command.show(self)
    }

    // ----- containers ---------------------------------------------------

    /// The sidebar, pinned to the left of the page.
    ///
    /// It is never inside a form or a fragment, whatever handle it is reached from: a
    /// widget drawn there belongs to no form, and a fragment may not write elements
    /// straight into it (Streamlit refuses `st.sidebar` in a fragment; draw the fragment in
    /// the sidebar instead, `ui.sidebar().fragment(..)`).
    pub fn sidebar(&self) -> Ui {
        Ui {
            runtime: self.runtime.clone(),
            cursor: Cursor::Append(Place { root: Root::Sidebar, path: Vec::new() }),
            fragment: None,
        }
    }
}

/// Anything [`Ui::add`] accepts: widgets and containers.
pub trait Command {
    /// What the command returns to the script: a widget's value, a container handle.
    type Output;
    /// Draws the command at `ui`.
    fn show(self, ui: &Ui) -> Self::Output;
}
