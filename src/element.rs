//! The element tree: what one script run produced, as plain serde data.
//!
//! The engine builds an [`ElementTree`] on every run; the web layer patches the
//! page from it. Nothing here knows about the DOM, so the same tree can be
//! tested natively (through [`AppTest`](crate::AppTest)) or sent from a worker.

use serde::{Deserialize, Serialize};

use crate::app_test::TestValue;
use crate::identity::WidgetId;

/// Everything a run produced: the main column and the sidebar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ElementTree {
    pub main: Block,
    pub sidebar: Block,
    /// What the run's `set_page_config` calls asked for (merged; later calls win).
    #[serde(default)]
    pub page_config: crate::page_config::PageConfig,
}

impl ElementTree {
    /// The root block `root` names.
    pub fn root(&self, root: Root) -> &Block {
        match root {
            Root::Main => &self.main,
            Root::Sidebar => &self.sidebar,
        }
    }

    pub(crate) fn root_mut(&mut self, root: Root) -> &mut Block {
        match root {
            Root::Main => &mut self.main,
            Root::Sidebar => &mut self.sidebar,
        }
    }

    /// All elements in display order (main first, then sidebar), depth first.
    pub fn elements(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        self.main.collect_elements(&mut out);
        self.sidebar.collect_elements(&mut out);
        out
    }
}

/// One of the two top-level areas of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Root {
    Main,
    Sidebar,
}

/// A node is either a leaf element or a container of more nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Node {
    Element(Element),
    Block(Block),
}

/// A container and its children, in display order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub children: Vec<Node>,
}

impl Block {
    pub fn new(kind: BlockKind) -> Self {
        Block { kind, children: Vec::new() }
    }

    fn collect_elements<'a>(&'a self, out: &mut Vec<&'a Element>) {
        for child in &self.children {
            match child {
                Node::Element(element) => out.push(element),
                Node::Block(block) => block.collect_elements(out),
            }
        }
    }

    /// All blocks below this one (itself excluded), depth first.
    pub fn blocks(&self) -> Vec<&Block> {
        let mut out = Vec::new();
        for child in &self.children {
            if let Node::Block(block) = child {
                out.push(block);
                out.extend(block.blocks());
            }
        }
        out
    }

    /// All elements below this block, depth first.
    pub fn elements(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        self.collect_elements(&mut out);
        out
    }
}

/// What kind of container a [`Block`] is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A plain vertical stack: the main area, the sidebar, `container()`, a tab body.
    #[default]
    Vertical,
    /// `container()` with a border and/or a fixed height (a scroll box).
    Container {
        border: bool,
        height: Option<u32>,
        /// Children side by side in a row that wraps (Streamlit's `horizontal=True`).
        #[serde(default)]
        horizontal: bool,
        /// The space between children.
        #[serde(default)]
        gap: Gap,
        /// Where children sit across a vertical container, or along a horizontal row.
        #[serde(default)]
        horizontal_alignment: HorizontalAlignment,
        /// Where children sit along a vertical container (with a height), or across a row.
        #[serde(default)]
        vertical_alignment: VerticalAlignment,
    },
    /// A row of [`BlockKind::Column`] children, aligned top, center or bottom, each column
    /// with a border if `border`.
    Columns { gap: Gap, vertical_alignment: VerticalAlignment, border: bool },
    /// One column; `weight` is its relative width.
    Column { weight: f64 },
    /// A tab bar; its children are one `Vertical` block per label. `default` is the index
    /// of the tab shown first (of a stateful bar: the selected tab).
    Tabs {
        labels: Vec<String>,
        default: usize,
        /// A stateful bar (`on_change`): the widget whose value is the selected tab's label.
        #[serde(default)]
        widget: Option<WidgetId>,
    },
    /// A collapsible section, with an optional icon (an emoji or `:material/name:`) before
    /// its label. `expanded`: open at first (a stateful one: open now).
    Expander {
        label: String,
        expanded: bool,
        icon: Option<String>,
        /// A stateful expander (`on_change`): the widget whose value is whether it is open.
        #[serde(default)]
        widget: Option<WidgetId>,
    },
    /// A button that opens a floating container; its body always runs, like an expander's.
    Popover {
        label: String,
        icon: Option<String>,
        help: Option<String>,
        disabled: bool,
        /// Open now (only a stateful popover opens from the script).
        #[serde(default)]
        open: bool,
        /// A stateful popover (`on_change`): the widget whose value is whether it is open.
        #[serde(default)]
        widget: Option<WidgetId>,
    },
    /// A form: its widgets' values are held by the page until it is submitted.
    Form {
        key: String,
        border: bool,
        /// Enter in the form's text and number inputs submits it (Streamlit's `enter_to_submit`).
        #[serde(default = "enter_submits_by_default")]
        enter_to_submit: bool,
    },
    /// The body of a fragment, which can rerun on its own.
    Fragment { id: FragmentId, run_every_ms: Option<u64> },
    /// A chat message: an avatar beside a vertical body (`chat_message`).
    ChatMessage {
        /// The author's name as the script gave it (`"user"`, `"assistant"`, ...).
        name: String,
        avatar: Avatar,
    },
    /// `status`: an expander-like box whose header shows a running, complete or error state.
    Status { label: String, state: StatusState, expanded: bool },
    /// A modal dialog with fragment behaviour.
    Dialog {
        id: FragmentId,
        title: String,
        wide: bool,
        /// The run that drew it: a later run that draws it again reopens a dismissed dialog.
        opened: u64,
        /// The viewer can close it (×, Esc, a click outside); Streamlit's `dismissible`.
        #[serde(default = "enter_submits_by_default")]
        dismissible: bool,
        /// Closing it reruns the whole app (Streamlit's `on_dismiss="rerun"`).
        #[serde(default)]
        rerun_on_dismiss: bool,
        /// Closing it presses this hidden trigger, whose callback is `on_dismiss`'s.
        #[serde(default)]
        on_dismiss: Option<WidgetId>,
    },
}

/// Where the columns of a row sit when their heights differ (`vertical_alignment`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerticalAlignment {
    #[default]
    Top,
    Center,
    Bottom,
}

/// Where a container's children sit horizontally (`horizontal_alignment`): `Distribute`
/// spreads a horizontal row's children with equal space between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HorizontalAlignment {
    #[default]
    Left,
    Center,
    Right,
    Distribute,
}

/// What a chat message shows beside its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Avatar {
    /// Streamlit's default avatar for `"user"` and `"human"`.
    User,
    /// Streamlit's default avatar for `"assistant"` and `"ai"`.
    Assistant,
    /// An emoji or short text: a custom avatar, or the initial of any other name.
    Text(String),
}

/// The state a [`BlockKind::Status`] box shows in its header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusState {
    /// A spinner: the work is still going.
    #[default]
    Running,
    /// A check mark.
    Complete,
    /// A cross.
    Error,
}

/// A fragment's identity: its function and where it was first called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FragmentId(pub u64);

/// Space between columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    #[default]
    Small,
    Medium,
    Large,
}

/// What every display element's props tell the engine and `AppTest`.
pub trait DisplayProps {
    /// The element's main text: its body, or what `AppTest`'s `.text()` reads.
    fn text(&self) -> String;
}

/// What every widget's props tell the engine, the page and `AppTest`.
pub trait WidgetProps {
    /// The fields every widget has: id, label, key, form, ...
    fn common(&self) -> &WidgetCommon;
    /// The widget's current value in wire form.
    fn value(&self) -> WidgetValue;
    /// Shows `value` (e.g. a form cleared on submit); values of another shape are ignored.
    fn set_value(&mut self, value: &WidgetValue);
    /// The value `AppTest`'s `set_value` sends for `value`, as the page would, or why not.
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String>;
    /// The options of a choice widget, as shown.
    fn options(&self) -> Option<&[String]> {
        None
    }
}

/// Generates [`Element`] and its per-kind matches from [`element_kinds!`].
macro_rules! define_element {
    (
        display { $($(#[$dmeta:meta])* $dname:ident : $dvariant:ident ($dprops:ident) in $($dpath:ident)::+),* $(,)? }
        widgets { $($(#[$wmeta:meta])* $wname:ident : $wvariant:ident ($wprops:ident) in $($wpath:ident)::+),* $(,)? }
    ) => {
        /// A leaf element: text, a status box or a widget.
        ///
        /// Generated from the list in `element_kinds.rs`, the one registry of what wasmlit can
        /// show; every match over it is generated too, without a catch-all arm. Widgets carry
        /// their [`WidgetId`] and current value.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub enum Element {
            $($(#[$dmeta])* $dvariant(crate::$($dpath)::+::$dprops),)*
            $($(#[$wmeta])* $wvariant(crate::$($wpath)::+::$wprops),)*
        }

        impl Element {
            /// The element's kind as Streamlit names it (`"slider"`, `"markdown"`, ...).
            pub fn kind(&self) -> &'static str {
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => stringify!($dname),)*
                    $($(#[$wmeta])* Element::$wvariant(_) => stringify!($wname),)*
                }
            }

            /// The element's main text: the body of a text element, the label of a widget.
            pub fn text(&self) -> String {
                match self {
                    $($(#[$dmeta])* Element::$dvariant(props) => DisplayProps::text(props),)*
                    $($(#[$wmeta])* Element::$wvariant(props) => WidgetProps::common(props).label.clone(),)*
                }
            }

            /// The common widget fields, if this element is a widget.
            pub fn widget(&self) -> Option<&WidgetCommon> {
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => None,)*
                    $($(#[$wmeta])* Element::$wvariant(props) => Some(WidgetProps::common(props)),)*
                }
            }

            /// The widget's props, if this element is a widget.
            pub fn widget_props(&self) -> Option<&dyn WidgetProps> {
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => None,)*
                    $($(#[$wmeta])* Element::$wvariant(props) => Some(props),)*
                }
            }

            /// A widget's current value in wire form (`None` for display elements).
            pub fn widget_value(&self) -> Option<WidgetValue> {
                // A match, not `widget_props()`: the page needs every widget's value but
                // should not link the rest of their `dyn WidgetProps` vtables (`test_value`).
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => None,)*
                    $($(#[$wmeta])* Element::$wvariant(props) => Some(WidgetProps::value(props)),)*
                }
            }

            /// Shows `value` in a widget element (e.g. a form cleared on submit).
            pub(crate) fn set_widget_value(&mut self, value: &WidgetValue) {
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => {})*
                    $($(#[$wmeta])* Element::$wvariant(props) => WidgetProps::set_value(props, value),)*
                }
            }

            /// Installs the page's renderer of this element's kind, for an element that was
            /// not made through [`make`] (one decoded from storage). It names every renderer,
            /// so only the paths that decode elements call it.
            pub(crate) fn install_renderer(&self) {
                #[cfg(target_arch = "wasm32")]
                match self {
                    $($(#[$dmeta])* Element::$dvariant(_) => crate::web::install_renderer::$dname(),)*
                    $($(#[$wmeta])* Element::$wvariant(_) => crate::web::install_renderer::$wname(),)*
                }
            }
        }

        /// The one way the engine makes an [`Element`]: one constructor per kind, named by the
        /// kind (`make::slider(props)`). On wasm32 each also installs that kind's renderer in
        /// the page's dispatch, so an app links only the renderers of the kinds it can make;
        /// natively it only wraps the props. Writing `Element::Slider(props)` instead would
        /// leave the kind without a renderer (the page shows an error in its place).
        pub(crate) mod make {
            $($(#[$dmeta])*
            #[inline]
            pub(crate) fn $dname(props: crate::$($dpath)::+::$dprops) -> super::Element {
                #[cfg(target_arch = "wasm32")]
                crate::web::install_renderer::$dname();
                super::Element::$dvariant(props)
            })*
            $($(#[$wmeta])*
            #[inline]
            pub(crate) fn $wname(props: crate::$($wpath)::+::$wprops) -> super::Element {
                #[cfg(target_arch = "wasm32")]
                crate::web::install_renderer::$wname();
                super::Element::$wvariant(props)
            })*
        }
    };
}

element_kinds!(define_element);

/// Fields every widget has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WidgetCommon {
    pub id: WidgetId,
    pub label: String,
    pub key: Option<String>,
    /// The form the widget belongs to: the page holds its value until submit.
    pub form: Option<String>,
    pub help: Option<String>,
    pub disabled: bool,
    pub label_visibility: LabelVisibility,
}

/// Whether a widget's label is shown, hidden (space kept) or collapsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelVisibility {
    #[default]
    Visible,
    Hidden,
    Collapsed,
}

/// A widget's value as the page sends it: the wire form of every widget.
///
/// Options widgets send indices, numbers travel as `f64`, buttons send a
/// trigger that is true for one run only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WidgetValue {
    Bool(bool),
    /// A button press: true for exactly one run.
    Trigger(bool),
    /// A chat input's submitted text: `Some` for exactly one run, like a press carrying text.
    TextTrigger(Option<String>),
    /// A chat input's submitted text with its attached files (when it accepts files): `Some`
    /// for exactly one run.
    ChatTrigger(Option<crate::widgets::chat_input::ChatInputValue>),
    Number(f64),
    NumberPair(f64, f64),
    /// A number input that holds no number.
    NoNumber,
    Text(String),
    Index(Option<usize>),
    Indices(Vec<usize>),
    /// Options by their text, in the order picked: a multiselect that accepts new options.
    Texts(Vec<String>),
    /// A dataframe's selection: row and column positions in the frame.
    Selection {
        rows: Vec<usize>,
        columns: Vec<usize>,
    },
    /// A data editor's edits: Streamlit's edited, added and deleted rows.
    #[cfg(feature = "data")]
    Edits(crate::widgets::data_editor::EditState),
    /// A file uploader's files. The bytes are shared, not copied: cloning this clones
    /// pointers (see [`file_uploader`](crate::widgets::file_uploader)).
    Files(Vec<crate::widgets::file_uploader::UploadedFile>),
    /// A custom component's state values and the trigger values of this run (JSON texts).
    #[cfg(feature = "components")]
    Component(crate::widgets::component::ComponentValue),
}

impl WidgetValue {
    /// A press or a submission waiting for its one run (`Trigger(true)`, `TextTrigger(Some(..))`).
    pub fn is_pending_trigger(&self) -> bool {
        #[cfg(feature = "components")]
        if let WidgetValue::Component(value) = self {
            return !value.triggers.is_empty();
        }
        matches!(
            self,
            WidgetValue::Trigger(true) | WidgetValue::TextTrigger(Some(_)) | WidgetValue::ChatTrigger(Some(_))
        )
    }

    /// Whether this is a one-run value (a press or a submission), pending or not.
    pub fn is_trigger(&self) -> bool {
        matches!(self, WidgetValue::Trigger(_) | WidgetValue::TextTrigger(_) | WidgetValue::ChatTrigger(_))
    }

    /// Whether session state may set a widget holding this value: not a one-run value (a
    /// press, a submission), nor a data editor's edits, nor uploaded files, as in Streamlit.
    pub(crate) fn is_settable(&self) -> bool {
        #[cfg(feature = "data")]
        if matches!(self, WidgetValue::Edits(_)) {
            return false;
        }
        #[cfg(feature = "components")]
        if matches!(self, WidgetValue::Component(_)) {
            return false;
        }
        !self.is_trigger() && !matches!(self, WidgetValue::Files(_))
    }

    /// What a one-run value goes back to after its run (`None` for other values).
    pub(crate) fn released(&self) -> Option<WidgetValue> {
        match self {
            WidgetValue::Trigger(true) => Some(WidgetValue::Trigger(false)),
            WidgetValue::TextTrigger(Some(_)) => Some(WidgetValue::TextTrigger(None)),
            WidgetValue::ChatTrigger(Some(_)) => Some(WidgetValue::ChatTrigger(None)),
            #[cfg(feature = "components")]
            WidgetValue::Component(value) if !value.triggers.is_empty() => {
                Some(WidgetValue::Component(value.without_triggers()))
            }
            _ => None,
        }
    }
}

/// A value the page sends for one widget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WidgetEvent {
    pub id: WidgetId,
    pub value: WidgetValue,
}

/// The serde default of flags that are on unless turned off.
fn enter_submits_by_default() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `.rs` file under `dir` but this one (where `make` writes the variants), with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("src/element.rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    /// An element pushed as `Element::Variant(..)` skips `make`, so the page would have no
    /// renderer for it (and show an error in its place): the engine pushes what `make` made.
    #[test]
    fn the_engine_pushes_elements_made_by_make() {
        let mut files = Vec::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let pushed_raw: Vec<String> = files
            .iter()
            .flat_map(|(path, text)| {
                text.lines().enumerate().filter_map(move |(n, line)| {
                    let squeezed: String = line.split_whitespace().collect();
                    let raw = [
                        "push_element(Element::",
                        "push(Node::Element(Element::",
                        "push_element(crate::element::Element::",
                    ]
                    .iter()
                    .any(|shape| squeezed.contains(shape));
                    raw.then(|| format!("{path}:{}: {}", n + 1, line.trim()))
                })
            })
            .collect();
        assert!(files.len() > 100, "the sources were not found");
        assert!(pushed_raw.is_empty(), "use element::make::<kind>(props):\n{}", pushed_raw.join("\n"));
    }
}
