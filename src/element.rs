//! The element tree: what one script run produced, as plain serde data.
//!
//! The engine builds an [`ElementTree`] on every run; the web layer patches the
//! page from it. Nothing here knows about the DOM, so the same tree can be
//! tested natively (through [`AppTest`](crate::AppTest)) or sent from a worker.

use serde::{Deserialize, Serialize};

use crate::identity::WidgetId;
use crate::widgets::{
    button::ButtonProps, checkbox::CheckboxProps, multiselect::MultiselectProps, number_input::NumberInputProps,
    radio::RadioProps, selectbox::SelectboxProps, slider::SliderProps, text_area::TextAreaProps,
    text_input::TextInputProps,
};

/// Everything a run produced: the main column and the sidebar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ElementTree {
    pub main: Block,
    pub sidebar: Block,
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
    Container { border: bool, height: Option<u32> },
    /// A row of [`BlockKind::Column`] children.
    Columns { gap: Gap },
    /// One column; `weight` is its relative width.
    Column { weight: f64 },
    /// A tab bar; its children are one `Vertical` block per label.
    Tabs { labels: Vec<String> },
    /// A collapsible section.
    Expander { label: String, expanded: bool },
    /// A form: its widgets' values are held by the page until it is submitted.
    Form { key: String, border: bool },
    /// The body of a fragment, which can rerun on its own.
    Fragment { id: FragmentId, run_every_ms: Option<u64> },
    /// A modal dialog with fragment behaviour.
    Dialog { id: FragmentId, title: String, wide: bool },
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

/// The colour and icon of an alert box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertLevel {
    Success,
    Info,
    Warning,
    Error,
}

/// A leaf element: text, a status box or a widget.
///
/// The renderer matches this enum exhaustively, so it is the one registry of
/// what wasmlit can show. Widgets carry their [`WidgetId`] and current value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Element {
    Title {
        body: String,
    },
    Header {
        body: String,
        divider: bool,
    },
    Subheader {
        body: String,
        divider: bool,
    },
    /// GitHub-flavoured Markdown; raw HTML is escaped unless `allow_html`.
    Markdown {
        body: String,
        allow_html: bool,
    },
    /// Fixed-width, preformatted text.
    Text {
        body: String,
    },
    Caption {
        body: String,
    },
    Code {
        body: String,
        language: Option<String>,
    },
    Divider,
    Alert {
        level: AlertLevel,
        body: String,
    },
    /// An error raised by the script or by a bad call, shown in place.
    Exception {
        kind: String,
        message: String,
    },
    /// `value` is a fraction in `0.0..=1.0`.
    Progress {
        value: f64,
        text: Option<String>,
    },
    /// An `empty()` placeholder that holds nothing yet.
    Empty,
    /// A spinner around slow work; the page shows it only after 0.5 s.
    Spinner {
        text: String,
    },
    Button(ButtonProps),
    Checkbox(CheckboxProps),
    Toggle(CheckboxProps),
    Radio(RadioProps),
    Selectbox(SelectboxProps),
    Multiselect(MultiselectProps),
    Slider(SliderProps),
    TextInput(TextInputProps),
    TextArea(TextAreaProps),
    NumberInput(NumberInputProps),
}

impl Element {
    /// The element's kind as Streamlit names it (`"slider"`, `"markdown"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Element::Title { .. } => "title",
            Element::Header { .. } => "header",
            Element::Subheader { .. } => "subheader",
            Element::Markdown { .. } => "markdown",
            Element::Text { .. } => "text",
            Element::Caption { .. } => "caption",
            Element::Code { .. } => "code",
            Element::Divider => "divider",
            Element::Alert { level: AlertLevel::Success, .. } => "success",
            Element::Alert { level: AlertLevel::Info, .. } => "info",
            Element::Alert { level: AlertLevel::Warning, .. } => "warning",
            Element::Alert { level: AlertLevel::Error, .. } => "error",
            Element::Exception { .. } => "exception",
            Element::Progress { .. } => "progress",
            Element::Empty => "empty",
            Element::Spinner { .. } => "spinner",
            Element::Button(_) => "button",
            Element::Checkbox(_) => "checkbox",
            Element::Toggle(_) => "toggle",
            Element::Radio(_) => "radio",
            Element::Selectbox(_) => "selectbox",
            Element::Multiselect(_) => "multiselect",
            Element::Slider(_) => "slider",
            Element::TextInput(_) => "text_input",
            Element::TextArea(_) => "text_area",
            Element::NumberInput(_) => "number_input",
        }
    }

    /// A widget's current value in wire form (`None` for display elements).
    pub fn widget_value(&self) -> Option<WidgetValue> {
        Some(match self {
            Element::Button(p) => WidgetValue::Trigger(p.clicked),
            Element::Checkbox(p) | Element::Toggle(p) => WidgetValue::Bool(p.value),
            Element::Radio(p) => WidgetValue::Index(p.index),
            Element::Selectbox(p) => WidgetValue::Index(p.index),
            Element::Multiselect(p) => WidgetValue::Indices(p.indices.clone()),
            Element::Slider(p) => match p.value.as_slice() {
                [low, high] => WidgetValue::NumberPair(*low, *high),
                [x] => WidgetValue::Number(*x),
                _ => WidgetValue::NoNumber,
            },
            Element::TextInput(p) => WidgetValue::Text(p.value.clone()),
            Element::TextArea(p) => WidgetValue::Text(p.value.clone()),
            Element::NumberInput(p) => WidgetValue::Number(p.value),
            _ => return None,
        })
    }

    /// Shows `value` in a widget element (e.g. a form cleared on submit).
    pub(crate) fn set_widget_value(&mut self, value: &WidgetValue) {
        match (self, value) {
            (Element::Checkbox(p) | Element::Toggle(p), WidgetValue::Bool(b)) => p.value = *b,
            (Element::Radio(p), WidgetValue::Index(i)) => p.index = *i,
            (Element::Selectbox(p), WidgetValue::Index(i)) => p.index = *i,
            (Element::Multiselect(p), WidgetValue::Indices(i)) => p.indices = i.clone(),
            (Element::Slider(p), WidgetValue::Number(x)) => p.value = vec![*x],
            (Element::Slider(p), WidgetValue::NumberPair(low, high)) => p.value = vec![*low, *high],
            (Element::TextInput(p), WidgetValue::Text(t)) => p.value = t.clone(),
            (Element::TextArea(p), WidgetValue::Text(t)) => p.value = t.clone(),
            (Element::NumberInput(p), WidgetValue::Number(x)) => p.value = *x,
            _ => {}
        }
    }

    /// The common widget fields, if this element is a widget.
    pub fn widget(&self) -> Option<&WidgetCommon> {
        match self {
            Element::Button(p) => Some(&p.common),
            Element::Checkbox(p) | Element::Toggle(p) => Some(&p.common),
            Element::Radio(p) => Some(&p.common),
            Element::Selectbox(p) => Some(&p.common),
            Element::Multiselect(p) => Some(&p.common),
            Element::Slider(p) => Some(&p.common),
            Element::TextInput(p) => Some(&p.common),
            Element::TextArea(p) => Some(&p.common),
            Element::NumberInput(p) => Some(&p.common),
            _ => None,
        }
    }

    /// The element's main text: the body of a text element, the label of a widget.
    pub fn text(&self) -> String {
        match self {
            Element::Title { body }
            | Element::Header { body, .. }
            | Element::Subheader { body, .. }
            | Element::Markdown { body, .. }
            | Element::Text { body }
            | Element::Caption { body }
            | Element::Code { body, .. }
            | Element::Alert { body, .. } => body.clone(),
            Element::Exception { kind, message } => format!("{kind}: {message}"),
            Element::Progress { text, .. } => text.clone().unwrap_or_default(),
            Element::Spinner { text } => text.clone(),
            Element::Divider | Element::Empty => String::new(),
            other => other.widget().map(|w| w.label.clone()).unwrap_or_default(),
        }
    }
}

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
    Number(f64),
    NumberPair(f64, f64),
    /// A number input that holds no number.
    NoNumber,
    Text(String),
    Index(Option<usize>),
    Indices(Vec<usize>),
}

/// A value the page sends for one widget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WidgetEvent {
    pub id: WidgetId,
    pub value: WidgetValue,
}
