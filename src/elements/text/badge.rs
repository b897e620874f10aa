//! `badge`: a small coloured label, as `st.badge`.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// A badge's colour (Streamlit's default is blue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadgeColor {
    #[default]
    Blue,
    Green,
    Orange,
    Red,
    Violet,
    Gray,
    Primary,
}

impl BadgeColor {
    /// The colour's name, as in `:blue-badge[..]` and the CSS class `wl-badge-blue`.
    ///
    /// ```
    /// assert_eq!(wasmlit::prelude::BadgeColor::Violet.name(), "violet");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            BadgeColor::Blue => "blue",
            BadgeColor::Green => "green",
            BadgeColor::Orange => "orange",
            BadgeColor::Red => "red",
            BadgeColor::Violet => "violet",
            BadgeColor::Gray => "gray",
            BadgeColor::Primary => "primary",
        }
    }
}

/// What the page shows for a badge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadgeProps {
    /// The label, as Markdown-free text.
    pub body: String,
    pub color: BadgeColor,
    /// One emoji or a Material icon (`":material/check:"`) before the label.
    pub icon: Option<String>,
}

impl DisplayProps for BadgeProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A blue badge; colour and icon through [`Badge`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.badge("New");
    /// });
    /// at.run();
    /// assert_eq!(at.badge(0).text(), "New");
    /// ```
    pub fn badge(&self, body: impl Into<String>) -> Ui {
        self.add(Badge::new(body))
    }
}

/// A badge with options: `ui.add(Badge::new("Stable").color(BadgeColor::Green).icon(":material/check:"))`.
///
/// A bad icon (not one emoji nor `:material/name:`) draws Streamlit's error box before the
/// badge, which is drawn without it.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Badge::new("Stable").color(BadgeColor::Green).icon("✅"));
/// });
/// at.run();
/// let badge = at.badge(0);
/// let Element::Badge(props) = badge.element() else { unreachable!() };
/// assert_eq!((props.color, props.icon.as_deref()), (BadgeColor::Green, Some("✅")));
/// ```
#[must_use = "a badge is drawn by `ui.add(..)`"]
pub struct Badge {
    body: String,
    color: BadgeColor,
    icon: Option<String>,
}

impl Badge {
    pub fn new(body: impl Into<String>) -> Self {
        Badge { body: body.into(), color: BadgeColor::default(), icon: None }
    }

    /// The badge's colour (blue unless set).
    pub fn color(mut self, color: BadgeColor) -> Self {
        self.color = color;
        self
    }

    /// An icon before the label: one emoji or a Material icon (`":material/check:"`).
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }
}

impl Command for Badge {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let Badge { body, color, icon } = self;
        let icon = icon.filter(|icon| match crate::layout::check_icon(icon) {
            Ok(()) => true,
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                false
            }
        });
        ui.push_element(make::badge(BadgeProps { body, color, icon }))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_badge_keeps_its_colour_and_a_bad_icon_is_an_error_before_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.badge("Plain");
            ui.add(Badge::new("Icon").color(BadgeColor::Orange).icon(":material/bolt:"));
            ui.add(Badge::new("Bad").icon("smile"));
        });
        at.run();
        let kinds: Vec<&str> = at.elements().iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, ["badge", "badge", "exception", "badge"]);
        let props = |i| match at.badge(i).element() {
            Element::Badge(p) => p.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!((props(0).color, props(0).icon), (BadgeColor::Blue, None));
        assert_eq!((props(1).color, props(1).icon.as_deref()), (BadgeColor::Orange, Some(":material/bolt:")));
        assert_eq!((props(2).body.as_str(), props(2).icon), ("Bad", None));
    }
}
