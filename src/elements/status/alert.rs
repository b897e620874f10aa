//! What the four alert boxes (`success`, `info`, `warning`, `error`) share, and [`Alert`], the
//! builder for one with an icon.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for an alert box; its colour comes from its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertProps {
    /// Markdown.
    pub body: String,
    /// One emoji or a Material icon (`":material/check:"`) before the body; none by default,
    /// as in Streamlit.
    #[serde(default)]
    pub icon: Option<String>,
}

impl AlertProps {
    /// An alert of `body` with no icon.
    pub fn new(body: impl Into<String>) -> AlertProps {
        AlertProps { body: body.into(), icon: None }
    }
}

impl DisplayProps for AlertProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

/// Which of the four boxes an alert is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    Success,
    Info,
    Warning,
    Error,
}

/// An alert box with options, as `st.success(body, icon=..)` and its three siblings.
///
/// A bad icon (not one emoji nor `:material/name:`) draws Streamlit's error before the box,
/// which is drawn without it.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Alert::success("Saved 3 records.").icon("✅"));
///     ui.add(Alert::error("Could not reach the database.").icon(":material/error:"));
/// });
/// at.run();
/// assert_eq!(at.success(0).text(), "Saved 3 records.");
/// let box_ = at.error(0);
/// let Element::Error(props) = box_.element() else { unreachable!() };
/// assert_eq!(props.icon.as_deref(), Some(":material/error:"));
/// ```
#[must_use = "an alert is drawn by `ui.add(..)`"]
pub struct Alert {
    kind: AlertKind,
    props: AlertProps,
}

impl Alert {
    /// A green success box.
    pub fn success(body: impl Into<String>) -> Alert {
        Alert { kind: AlertKind::Success, props: AlertProps::new(body) }
    }

    /// A blue info box.
    pub fn info(body: impl Into<String>) -> Alert {
        Alert { kind: AlertKind::Info, props: AlertProps::new(body) }
    }

    /// A yellow warning box.
    pub fn warning(body: impl Into<String>) -> Alert {
        Alert { kind: AlertKind::Warning, props: AlertProps::new(body) }
    }

    /// A red error box.
    pub fn error(body: impl Into<String>) -> Alert {
        Alert { kind: AlertKind::Error, props: AlertProps::new(body) }
    }

    /// An icon before the body: one emoji or a Material icon (`":material/info:"`).
    pub fn icon(mut self, icon: impl Into<String>) -> Alert {
        self.props.icon = Some(icon.into());
        self
    }
}

impl Command for Alert {
    type Output = Ui;

    fn show(self, ui: &Ui) -> Ui {
        let Alert { kind, mut props } = self;
        if let Some(Err(message)) = props.icon.as_deref().map(crate::layout::check_icon) {
            ui.push_exception("StreamlitAPIException".into(), message);
            props.icon = None;
        }
        ui.push_element(match kind {
            AlertKind::Success => make::success(props),
            AlertKind::Info => make::info(props),
            AlertKind::Warning => make::warning(props),
            AlertKind::Error => make::error(props),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn alerts_have_no_icon_unless_given_and_a_bad_one_is_an_error_before_the_box() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.warning("plain");
            ui.add(Alert::warning("with").icon("⚠️"));
            ui.add(Alert::info("bad").icon("not an icon"));
        });
        at.run();
        let kinds: Vec<&str> = at.elements().iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, ["warning", "warning", "exception", "info"]);
        let icons: Vec<Option<String>> = at
            .elements()
            .iter()
            .filter_map(|e| match e {
                Element::Warning(p) | Element::Info(p) => Some(p.icon.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(icons, [None, Some("⚠️".to_string()), None]);
    }
}
