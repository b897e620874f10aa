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
use std::fmt;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use crate::element::{AlertLevel, Block, BlockKind, Element, ElementTree, FragmentId, Gap, Node, Root};
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
    /// The form this handle draws into, if any.
    pub(crate) form: Option<Rc<str>>,
    /// The fragment whose body this handle draws into, if any.
    pub(crate) fragment: Option<FragmentId>,
}

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
        Ui { runtime, cursor: Cursor::Append(Place { root: Root::Main, path: Vec::new() }), form: None, fragment: None }
    }

    /// A handle appending to the block at `place`, drawing for `fragment`.
    pub(crate) fn at_place(runtime: Rc<RefCell<Runtime>>, place: Place, fragment: Option<FragmentId>) -> Ui {
        Ui { runtime, cursor: Cursor::Append(place), form: None, fragment }
    }

    fn at(&self, cursor: Cursor) -> Ui {
        Ui { runtime: self.runtime.clone(), cursor, form: self.form.clone(), fragment: self.fragment }
    }

    /// Where this handle draws: the block it appends to, or the slot it replaces.
    pub(crate) fn place(&self) -> &Place {
        match &self.cursor {
            Cursor::Append(place) | Cursor::Slot(place) => place,
        }
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

    fn child(&self, index: usize) -> Ui {
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

    pub(crate) fn push_exception(&self, kind: String, message: String) -> Ui {
        self.push_element(Element::Exception { kind, message })
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

    /// Shows a spinner with `text` here until the returned guard is dropped;
    /// the page shows it only if the work takes longer than 0.5 s.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let spinner = ui.spinner("Loading data...");
    ///     ui.sleep(Duration::from_secs(2)).await;
    ///     drop(spinner);
    ///     ui.write("Loaded");
    /// });
    /// at.run_for(Duration::from_secs(1));
    /// assert_eq!(at.get("spinner").len(), 1);
    /// at.wait();
    /// assert!(at.get("spinner").is_empty());
    /// ```
    pub fn spinner(&self, text: impl Into<String>) -> Spinner {
        let slot = self.push_element(Element::Spinner { text: text.into() });
        let run = self.runtime.borrow().run_id;
        Spinner { slot, run }
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
    pub fn sidebar(&self) -> Ui {
        self.at(Cursor::Append(Place { root: Root::Sidebar, path: Vec::new() }))
    }

    /// A container: write into it later to place output above what follows.
    pub fn container(&self) -> Ui {
        self.push_block(BlockKind::Vertical, Vec::new())
    }

    /// A single-slot placeholder: every write replaces what it holds.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let slot = ui.empty();
    ///     slot.text("one");
    ///     slot.text("two");
    /// });
    /// at.run();
    /// assert_eq!(at.get("text").len(), 1);
    /// assert_eq!(at.text(0).text(), "two");
    /// ```
    pub fn empty(&self) -> Ui {
        self.push_element(Element::Empty)
    }

    /// Side-by-side columns: a count (`3`) or relative widths (`[2, 1]`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let [left, right] = ui.columns([2, 1]);
    ///     left.write("left");
    ///     right.write("right");
    /// });
    /// at.run();
    /// assert_eq!(at.column(1).markdown(0).text(), "right");
    /// ```
    pub fn columns<S: ColumnSpec>(&self, spec: S) -> S::Output {
        let weights = spec.weights();
        self.columns_dyn(&weights, Gap::Small, |uis| S::output(uis))
    }

    /// Columns with a chosen gap between them.
    pub fn columns_with_gap<S: ColumnSpec>(&self, spec: S, gap: Gap) -> S::Output {
        let weights = spec.weights();
        self.columns_dyn(&weights, gap, |uis| S::output(uis))
    }

    fn columns_dyn<O>(&self, weights: &[f64], gap: Gap, output: impl FnOnce(Vec<Ui>) -> O) -> O {
        let valid = !weights.is_empty() && weights.iter().all(|w| w.is_finite() && *w > 0.0);
        if !valid {
            self.push_exception(
                "StreamlitAPIException".into(),
                format!("Column widths must be positive numbers, got {weights:?}."),
            );
        }
        let weights: Vec<f64> = weights.iter().map(|w| if valid { *w } else { 1.0 }).collect();
        let children = weights.iter().map(|&weight| Node::Block(Block::new(BlockKind::Column { weight }))).collect();
        let row = self.push_block(BlockKind::Columns { gap }, children);
        output((0..weights.len()).map(|i| row.child(i)).collect())
    }

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

    /// A collapsible section, collapsed at first. Its body always runs.
    pub fn expander(&self, label: impl Into<String>) -> Ui {
        self.add(Expander::new(label))
    }

    // ----- text ---------------------------------------------------------

    /// A title (h1).
    pub fn title(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Title { body: body.into() })
    }

    /// A header (h2); `ui.add(Header::new(..).divider())` draws a rule under it.
    pub fn header(&self, body: impl Into<String>) -> Ui {
        self.add(Header::new(body))
    }

    /// A subheader (h3); `ui.add(Subheader::new(..).divider())` draws a rule under it.
    pub fn subheader(&self, body: impl Into<String>) -> Ui {
        self.add(Subheader::new(body))
    }

    /// Markdown; raw HTML in it is escaped.
    pub fn markdown(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Markdown { body: body.into(), allow_html: false })
    }

    /// Markdown that may contain raw HTML (Streamlit's `unsafe_allow_html=True`).
    pub fn markdown_unsafe_html(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Markdown { body: body.into(), allow_html: true })
    }

    /// Fixed-width, preformatted text.
    pub fn text(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Text { body: body.into() })
    }

    /// Small, muted text.
    pub fn caption(&self, body: impl Into<String>) -> Ui {
        self.push_element(Element::Caption { body: body.into() })
    }

    /// A code block; `language` picks the highlighting (e.g. `"rust"`).
    pub fn code(&self, body: impl Into<String>, language: &str) -> Ui {
        let language = (!language.is_empty()).then(|| language.to_string());
        self.push_element(Element::Code { body: body.into(), language })
    }

    /// A horizontal rule.
    pub fn divider(&self) -> Ui {
        self.push_element(Element::Divider)
    }

    /// Writes anything displayable as Markdown: text, numbers, your own types.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let x = ui.slider("x", 0..=100);
    ///     ui.write(format!("{x} squared is {}", x * x));
    ///     ui.write(42);
    /// });
    /// at.run();
    /// at.slider(0).set_value(10).run();
    /// assert_eq!(at.markdown(0).text(), "10 squared is 100");
    /// assert_eq!(at.markdown(1).text(), "42");
    /// ```
    pub fn write(&self, value: impl fmt::Display) -> Ui {
        self.markdown(value.to_string())
    }

    /// Writes any `Debug` value, pretty-printed in a code block.
    pub fn write_debug(&self, value: &impl fmt::Debug) -> Ui {
        self.code(format!("{value:#?}"), "")
    }

    // ----- status -------------------------------------------------------

    /// A green success box.
    pub fn success(&self, body: impl Into<String>) -> Ui {
        self.alert(AlertLevel::Success, body.into())
    }

    /// A blue info box.
    pub fn info(&self, body: impl Into<String>) -> Ui {
        self.alert(AlertLevel::Info, body.into())
    }

    /// A yellow warning box.
    pub fn warning(&self, body: impl Into<String>) -> Ui {
        self.alert(AlertLevel::Warning, body.into())
    }

    /// A red error box.
    pub fn error(&self, body: impl Into<String>) -> Ui {
        self.alert(AlertLevel::Error, body.into())
    }

    fn alert(&self, level: AlertLevel, body: String) -> Ui {
        self.push_element(Element::Alert { level, body })
    }

    /// Shows an error as an exception box, like an uncaught error would be.
    pub fn exception(&self, error: &dyn fmt::Display) -> Ui {
        self.push_exception("Error".into(), error.to_string())
    }

    /// A progress bar: an integer percent `0..=100` or a fraction `0.0..=1.0`.
    ///
    /// The returned handle updates the bar in place:
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let bar = ui.progress(0);
    ///     for i in 0..=10 {
    ///         bar.progress(i * 10);
    ///     }
    ///     ui.progress(1.5);
    /// });
    /// at.run();
    /// assert_eq!(at.get("progress").len(), 1);
    /// assert!(at.exception(0).text().contains("1.5"));
    /// ```
    pub fn progress(&self, value: impl Into<ProgressValue>) -> Ui {
        self.progress_dyn(value.into(), None)
    }

    /// A progress bar with a text above it.
    pub fn progress_with_text(&self, value: impl Into<ProgressValue>, text: impl Into<String>) -> Ui {
        self.progress_dyn(value.into(), Some(text.into()))
    }

    fn progress_dyn(&self, value: ProgressValue, text: Option<String>) -> Ui {
        match value.fraction() {
            Ok(value) => self.push_element(Element::Progress { value, text }),
            Err(message) => self.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

/// The guard [`Ui::spinner`] returns: dropping it removes the spinner.
#[must_use = "the spinner disappears when this guard is dropped"]
pub struct Spinner {
    slot: Ui,
    run: u64,
}

impl Drop for Spinner {
    fn drop(&mut self) {
        // A guard kept past its run must not touch the next run's page.
        if self.slot.runtime.borrow().run_id == self.run {
            self.slot.push_element(Element::Empty);
        }
    }
}

/// A progress value: an integer percent or a float fraction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProgressValue {
    Percent(i64),
    Fraction(f64),
}

impl ProgressValue {
    fn fraction(self) -> std::result::Result<f64, String> {
        match self {
            ProgressValue::Percent(p) if (0..=100).contains(&p) => Ok(p as f64 / 100.0),
            ProgressValue::Percent(p) => Err(format!("Progress Value has invalid value [0, 100]: {p}")),
            ProgressValue::Fraction(f) if (0.0..=1.0).contains(&f) => Ok(f),
            ProgressValue::Fraction(f) => Err(format!("Progress Value has invalid value [0.0, 1.0]: {f}")),
        }
    }
}

macro_rules! progress_from {
    ($variant:ident as $as:ty: $($t:ty),*) => {$(
        impl From<$t> for ProgressValue {
            fn from(value: $t) -> Self { ProgressValue::$variant(value as $as) }
        }
    )*};
}
progress_from!(Percent as i64: i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);
progress_from!(Fraction as f64: f32, f64);

/// Anything [`Ui::add`] accepts: widgets and containers.
pub trait Command {
    /// What the command returns to the script: a widget's value, a container handle.
    type Output;
    /// Draws the command at `ui`.
    fn show(self, ui: &Ui) -> Self::Output;
}

/// A header with options: `ui.add(Header::new("Results").divider())`.
pub struct Header {
    body: String,
    divider: bool,
}

impl Header {
    pub fn new(body: impl Into<String>) -> Self {
        Header { body: body.into(), divider: false }
    }

    /// Draws a coloured rule under the header.
    pub fn divider(mut self) -> Self {
        self.divider = true;
        self
    }
}

impl Command for Header {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(Element::Header { body: self.body, divider: self.divider })
    }
}

/// A subheader with options: `ui.add(Subheader::new("Details").divider())`.
pub struct Subheader {
    body: String,
    divider: bool,
}

impl Subheader {
    pub fn new(body: impl Into<String>) -> Self {
        Subheader { body: body.into(), divider: false }
    }

    /// Draws a coloured rule under the subheader.
    pub fn divider(mut self) -> Self {
        self.divider = true;
        self
    }
}

impl Command for Subheader {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(Element::Subheader { body: self.body, divider: self.divider })
    }
}

/// A collapsible section: `ui.add(Expander::new("More").expanded(true))`.
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

/// What [`Ui::columns`] accepts: a count or relative widths.
pub trait ColumnSpec {
    /// `[Ui; N]` for arrays, `Vec<Ui>` for a count or a slice.
    type Output;
    fn weights(&self) -> Vec<f64>;
    fn output(uis: Vec<Ui>) -> Self::Output;
}

impl ColumnSpec for usize {
    type Output = Vec<Ui>;
    fn weights(&self) -> Vec<f64> {
        vec![1.0; *self]
    }
    fn output(uis: Vec<Ui>) -> Vec<Ui> {
        uis
    }
}

impl<W: Copy + Into<f64>, const N: usize> ColumnSpec for [W; N] {
    type Output = [Ui; N];
    fn weights(&self) -> Vec<f64> {
        self.iter().map(|w| (*w).into()).collect()
    }
    fn output(uis: Vec<Ui>) -> [Ui; N] {
        uis.try_into().unwrap_or_else(|_| unreachable!("one handle per width"))
    }
}

impl<W: Copy + Into<f64>> ColumnSpec for &[W] {
    type Output = Vec<Ui>;
    fn weights(&self) -> Vec<f64> {
        self.iter().map(|w| (*w).into()).collect()
    }
    fn output(uis: Vec<Ui>) -> Vec<Ui> {
        uis
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
