//! `link_button`: a link drawn as a button. Streamlit lists it with the widgets, but it holds
//! no value and causes no rerun, so it is a display element: no identity, no key.

use serde::{Deserialize, Serialize};

use super::button::ButtonKind;
use crate::element::make;
use crate::element::DisplayProps;
use crate::markdown::safe_url;
use crate::ui::{Command, Ui};

/// What the page shows for a link button.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkButtonProps {
    /// The text on the button.
    pub label: String,
    /// A safe URL (see [`safe_url`]): http(s), mailto, tel or relative.
    pub url: String,
    /// A tooltip.
    pub help: Option<String>,
    /// Primary (filled) or secondary.
    pub kind: ButtonKind,
    /// Drawn greyed out, without a link.
    pub disabled: bool,
    /// Stretched to its container's width.
    pub use_container_width: bool,
}

impl DisplayProps for LinkButtonProps {
    fn text(&self) -> String {
        self.label.clone()
    }
}

/// A link that looks like a button: Streamlit's `st.link_button`. It opens `url` in a new
/// tab; it returns nothing and never reruns the script.
///
/// Only URLs that [`safe_url`] allows are linked (`http:`, `https:`, `mailto:`, `tel:` and
/// relative ones); any other URL (`javascript:`, `data:`, ...) or an empty one is an error
/// drawn in place of the button, and the script goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(LinkButton::new("Go to gallery", "https://streamlit.io/gallery").kind(ButtonKind::Primary));
///     ui.link_button("Unsafe", "javascript:alert(1)");
///     ui.write("still running");
/// });
/// at.run();
/// assert_eq!(at.link_button(0).text(), "Go to gallery");
/// assert!(at.exception(0).text().contains("not a safe URL"));
/// assert_eq!(at.markdown(0).text(), "still running");
/// ```
#[must_use = "a link button is drawn by `ui.add(..)`"]
pub struct LinkButton {
    props: LinkButtonProps,
}

impl LinkButton {
    /// A link button labelled `label` that opens `url`.
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        LinkButton {
            props: LinkButtonProps {
                label: label.into(),
                url: url.into(),
                help: None,
                kind: ButtonKind::Secondary,
                disabled: false,
                use_container_width: false,
            },
        }
    }

    /// A tooltip on the button.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.props.help = Some(help.into());
        self
    }

    /// `ButtonKind::Primary` fills the button with the primary colour.
    pub fn kind(mut self, kind: ButtonKind) -> Self {
        self.props.kind = kind;
        self
    }

    /// Greys the button out; it links nowhere.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.props.disabled = disabled;
        self
    }

    /// Stretches the button to the width of its container.
    pub fn use_container_width(mut self, stretch: bool) -> Self {
        self.props.use_container_width = stretch;
        self
    }
}

impl Command for LinkButton {
    type Output = ();

    fn show(self, ui: &Ui) {
        let LinkButton { props } = self;
        let problem = if props.url.trim().is_empty() {
            Some(format!("The link_button \"{}\" has no URL.", props.label))
        } else if !safe_url(&props.url, false) {
            Some(format!(
                "The link_button \"{}\" links to {:?}, which is not a safe URL: use an http(s), mailto or relative URL.",
                props.label, props.url
            ))
        } else {
            None
        };
        match problem {
            Some(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
            }
            None => {
                ui.push_element(make::link_button(props));
            }
        }
    }
}

impl Ui {
    /// A link that looks like a button and opens `url` in a new tab.
    pub fn link_button(&self, label: impl Into<String>, url: impl Into<String>) {
        self.add(LinkButton::new(label, url))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::Element;

    #[test]
    fn safe_urls_are_linked_with_their_options() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(LinkButton::new("Docs", "https://docs.streamlit.io").help("Opens a new tab").disabled(true));
            ui.link_button("Mail", "mailto:hello@example.com");
            ui.link_button("Relative", "./other/page");
        });
        at.run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        let buttons: Vec<(String, String)> = at
            .get("link_button")
            .iter()
            .map(|e| match e {
                Element::LinkButton(p) => (p.label.clone(), p.url.clone()),
                other => panic!("not a link button: {other:?}"),
            })
            .collect();
        assert_eq!(
            buttons,
            [
                ("Docs".into(), "https://docs.streamlit.io".into()),
                ("Mail".into(), "mailto:hello@example.com".into()),
                ("Relative".into(), "./other/page".into())
            ]
        );
        let Element::LinkButton(first) = at.link_button(0).element().clone() else { unreachable!() };
        assert!(first.disabled);
        assert_eq!(first.help.as_deref(), Some("Opens a new tab"));
        assert_eq!(first.kind, ButtonKind::Secondary);
    }

    #[test]
    fn unsafe_or_empty_urls_are_error_elements_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.link_button("Script", " JaVaScRiPt:alert(1)");
            ui.link_button("Data", "data:text/html,<b>hi</b>");
            ui.link_button("Nothing", "  ");
            ui.write("after");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("not a safe URL") && errors[1].contains("not a safe URL"), "{errors:?}");
        assert!(errors[2].contains("has no URL"), "{errors:?}");
        assert!(at.get("link_button").is_empty());
        assert_eq!(at.markdown(0).text(), "after");
    }

    #[test]
    fn a_link_button_is_not_a_widget_and_two_alike_are_fine() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.link_button("Home", "/");
            ui.link_button("Home", "/");
        });
        at.run();
        assert!(at.get("exception").is_empty(), "no DuplicateWidgetID for display elements");
        assert_eq!(at.get("link_button").len(), 2);
        assert!(at.link_button(1).element().widget().is_none());
    }
}
