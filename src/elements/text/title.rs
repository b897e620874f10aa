//! `title`: the page's main heading (h1), with an anchor to link to.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for a title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TitleProps {
    pub body: String,
    /// The heading's id, to link to with `#anchor`; none makes one from the text.
    #[serde(default)]
    pub anchor: Option<String>,
    /// A tooltip on a `?` next to the title.
    #[serde(default)]
    pub help: Option<String>,
    /// No id and no link icon (Streamlit's `anchor=False`).
    #[serde(default)]
    pub hide_anchor: bool,
}

impl TitleProps {
    /// The title's id: its anchor if set, else one made from its text
    /// ([`anchor`](crate::markdown::anchor)).
    pub fn anchor_id(&self) -> String {
        self.anchor.clone().unwrap_or_else(|| crate::markdown::anchor(&self.body))
    }
}

impl DisplayProps for TitleProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A title (h1).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.title("Uber pickups in NYC");
    /// });
    /// at.run();
    /// assert_eq!(at.title(0).text(), "Uber pickups in NYC");
    /// ```
    pub fn title(&self, body: impl Into<String>) -> Ui {
        self.add(Title::new(body))
    }
}

/// A title with options: `ui.add(Title::new("Report").anchor("top").help("Updated hourly"))`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Title::new("Sales report").anchor("top").help("Updated hourly"));
/// });
/// at.run();
/// let title = at.title(0);
/// let Element::Title(props) = title.element() else { unreachable!() };
/// assert_eq!((props.anchor_id().as_str(), props.help.as_deref()), ("top", Some("Updated hourly")));
/// ```
#[must_use = "a title is drawn by `ui.add(..)`"]
pub struct Title {
    props: TitleProps,
}

impl Title {
    pub fn new(body: impl Into<String>) -> Self {
        Title { props: TitleProps { body: body.into(), anchor: None, help: None, hide_anchor: false } }
    }

    /// The title's id (`#anchor` links to it) instead of one made from its text.
    pub fn anchor(mut self, anchor: impl Into<String>) -> Self {
        self.props.anchor = Some(anchor.into());
        self
    }

    /// No anchor: the title gets no id and shows no link icon (Streamlit's `anchor=False`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.add(Title::new("Dashboard").hide_anchor());
    /// });
    /// at.run();
    /// let title = at.title(0);
    /// let Element::Title(props) = title.element() else { unreachable!() };
    /// assert!(props.hide_anchor);
    /// ```
    pub fn hide_anchor(mut self) -> Self {
        self.props.hide_anchor = true;
        self
    }

    /// A tooltip on a `?` next to the title.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.props.help = Some(help.into());
        self
    }
}

impl Command for Title {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        ui.push_element(make::title(self.props))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn headings_take_an_anchor_a_help_and_a_divider_colour() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.title("Plain title");
            ui.add(Title::new("T").anchor("custom").help("h1"));
            ui.add(Header::new("Header one").help("h2").divider_color(DividerColor::Green));
            ui.add(Subheader::new("S").anchor("sub").divider());
        });
        at.run();
        let title = |i| match at.title(i).element() {
            Element::Title(p) => p.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!((title(0).anchor_id(), title(0).help), ("plain-title".to_string(), None));
        assert_eq!((title(1).anchor_id(), title(1).help.as_deref()), ("custom".to_string(), Some("h1")));
        let Element::Header(header) = at.header(0).element().clone() else { unreachable!() };
        assert_eq!(header.anchor_id(), "header-one");
        assert_eq!(
            (header.divider, header.divider_color, header.help.as_deref()),
            (true, Some(DividerColor::Green), Some("h2"))
        );
        let Element::Subheader(sub) = at.subheader(0).element().clone() else { unreachable!() };
        assert_eq!((sub.anchor_id().as_str(), sub.divider, sub.divider_color), ("sub", true, None));
    }
}
