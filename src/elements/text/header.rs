//! `header`: a section heading (h2), optionally with a coloured rule under it.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for a header or a subheader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeaderProps {
    pub body: String,
    /// A coloured rule under the heading.
    pub divider: bool,
    /// The rule's colour; none is Streamlit's default gradient.
    #[serde(default)]
    pub divider_color: Option<DividerColor>,
    /// The heading's id, to link to with `#anchor`; none makes one from the text.
    #[serde(default)]
    pub anchor: Option<String>,
    /// A tooltip on a `?` next to the heading.
    #[serde(default)]
    pub help: Option<String>,
    /// No id and no link icon (Streamlit's `anchor=False`).
    #[serde(default)]
    pub hide_anchor: bool,
}

/// The colour of a heading's rule, as `st.header(.., divider="blue")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DividerColor {
    Blue,
    Green,
    Orange,
    Red,
    Violet,
    Gray,
    Rainbow,
}

impl DividerColor {
    /// The colour's name, as in the CSS class `wl-divider-blue`.
    ///
    /// ```
    /// assert_eq!(wasmlit::prelude::DividerColor::Rainbow.name(), "rainbow");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DividerColor::Blue => "blue",
            DividerColor::Green => "green",
            DividerColor::Orange => "orange",
            DividerColor::Red => "red",
            DividerColor::Violet => "violet",
            DividerColor::Gray => "gray",
            DividerColor::Rainbow => "rainbow",
        }
    }
}

impl DisplayProps for HeaderProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A header (h2); `ui.add(Header::new(..).divider())` draws a rule under it.
    pub fn header(&self, body: impl Into<String>) -> Ui {
        self.add(Header::new(body))
    }
}

/// A header with options: `ui.add(Header::new("Results").divider())`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Header::new("Results").divider_color(DividerColor::Blue).anchor("results").help("Last run"));
/// });
/// at.run();
/// assert_eq!(at.header(0).text(), "Results");
/// let header = at.header(0);
/// let Element::Header(props) = header.element() else { unreachable!() };
/// assert_eq!(props.divider_color, Some(DividerColor::Blue));
/// assert_eq!(props.anchor_id(), "results");
/// ```
#[must_use = "a header is drawn by `ui.add(..)`"]
pub struct Header {
    props: HeaderProps,
}

impl Header {
    pub fn new(body: impl Into<String>) -> Self {
        Header { props: HeaderProps::new(body.into()) }
    }

    /// Draws a coloured rule under the header.
    pub fn divider(mut self) -> Self {
        self.props.divider = true;
        self
    }

    /// Draws a rule of `color` under the header.
    pub fn divider_color(mut self, color: DividerColor) -> Self {
        self.props.divider = true;
        self.props.divider_color = Some(color);
        self
    }

    /// The heading's id (`#anchor` links to it) instead of one made from its text.
    pub fn anchor(mut self, anchor: impl Into<String>) -> Self {
        self.props.anchor = Some(anchor.into());
        self
    }

    /// No anchor: the heading gets no id and shows no link icon (Streamlit's `anchor=False`).
    pub fn hide_anchor(mut self) -> Self {
        self.props.hide_anchor = true;
        self
    }

    /// A tooltip on a `?` next to the heading.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.props.help = Some(help.into());
        self
    }

    pub(crate) fn into_props(self) -> HeaderProps {
        self.props
    }
}

impl HeaderProps {
    pub(crate) fn new(body: String) -> Self {
        HeaderProps { body, divider: false, divider_color: None, anchor: None, help: None, hide_anchor: false }
    }

    /// The heading's id: its anchor if set, else one made from its text
    /// ([`anchor`](crate::markdown::anchor)).
    pub fn anchor_id(&self) -> String {
        self.anchor.clone().unwrap_or_else(|| crate::markdown::anchor(&self.body))
    }
}

impl Command for Header {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(make::header(self.props))
    }
}
