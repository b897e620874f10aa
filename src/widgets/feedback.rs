//! `feedback`: thumbs, faces or stars; returns the index of the one clicked, or `None`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, option_index, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// Which icons a [`Feedback`] shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackOptions {
    /// 👍 / 👎: index 1 is thumbs up, 0 thumbs down (drawn up first, as in Streamlit).
    #[default]
    Thumbs,
    /// Five faces from very sad (0) to very happy (4).
    Faces,
    /// Five stars: index 0 is one star, 4 is five.
    Stars,
}

impl FeedbackOptions {
    /// Streamlit's name for it (`options="thumbs"`).
    pub fn name(self) -> &'static str {
        match self {
            FeedbackOptions::Thumbs => "thumbs",
            FeedbackOptions::Faces => "faces",
            FeedbackOptions::Stars => "stars",
        }
    }

    /// The accessible names of the icons, by index: what `aria-label` says and what
    /// `AppTest`'s `select` takes.
    pub fn labels(self) -> Vec<String> {
        match self {
            FeedbackOptions::Thumbs => vec!["thumbs down".into(), "thumbs up".into()],
            FeedbackOptions::Faces => ["very sad face", "sad face", "neutral face", "happy face", "very happy face"]
                .map(String::from)
                .to_vec(),
            FeedbackOptions::Stars => {
                (1..=5).map(|n| if n == 1 { "1 star".into() } else { format!("{n} stars") }).collect()
            }
        }
    }

    /// How many icons there are.
    pub fn len(self) -> usize {
        match self {
            FeedbackOptions::Thumbs => 2,
            FeedbackOptions::Faces | FeedbackOptions::Stars => 5,
        }
    }

    /// Never: every kind has icons (for clippy's `len_without_is_empty`).
    pub fn is_empty(self) -> bool {
        false
    }
}

/// What the page shows for a feedback widget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackProps {
    /// Id, key, form, help, ... (the label is empty: feedback has none).
    pub common: WidgetCommon,
    /// Thumbs, faces or stars.
    pub options: FeedbackOptions,
    /// The accessible names of the icons, by index.
    pub labels: Vec<String>,
    /// The index clicked, if any.
    pub index: Option<usize>,
}

impl WidgetProps for FeedbackProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Index(self.index)
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Index(index) = value {
            self.index = *index;
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Number(n) if n >= 0.0 && n.fract() == 0.0 => Ok(WidgetValue::Index(Some(n as usize))),
            TestValue::Text(label) => Ok(WidgetValue::Index(Some(option_index(&self.labels, &label)?))),
            other => Err(format!("a feedback widget cannot take {other:?}")),
        }
    }
    fn options(&self) -> Option<&[String]> {
        Some(&self.labels)
    }
}

/// Thumbs, faces or stars to collect a rating: Streamlit's `st.feedback`.
///
/// It returns `None` until the user clicks an icon, then the icon's index (see
/// [`FeedbackOptions`]); clicking the chosen icon again clears it. It has no label, so
/// `label_visibility` changes nothing and `help` is a tooltip on the icons. Without a key, two
/// feedback widgets of the same kind and default are the same widget (a `DuplicateWidgetID`).
/// A default outside the icons is an error drawn in place of the widget; the script goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let stars = ui.add(Feedback::new(FeedbackOptions::Stars).default(2));
///     ui.write(format!("{stars:?}"));
///     let thumbs = ui.feedback(FeedbackOptions::Thumbs);
///     ui.write(format!("{thumbs:?}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Some(2)");
/// assert_eq!(at.markdown(1).text(), "None");
/// at.feedback(1).select("thumbs up").run();
/// assert_eq!(at.markdown(1).text(), "Some(1)");
/// ```
#[must_use = "a feedback widget is drawn by `ui.add(..)`"]
pub struct Feedback {
    kind: FeedbackOptions,
    default: Option<usize>,
    options: CommonOptions,
}

impl Feedback {
    /// A feedback widget with `options` icons, nothing chosen at first.
    pub fn new(options: FeedbackOptions) -> Self {
        Feedback { kind: options, default: None, options: CommonOptions::default() }
    }

    /// The index chosen on first run.
    pub fn default(mut self, index: usize) -> Self {
        self.default = Some(index);
        self
    }
}

impl WidgetOptions for Feedback {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for Feedback {
    type Output = Option<usize>;

    fn show(self, ui: &Ui) -> Option<usize> {
        let Feedback { kind, default, options } = self;
        let count = kind.len();
        if let Some(index) = default.filter(|&i| i >= count) {
            show_error(
                ui,
                api(format!(
                    "The default value in 'st.feedback' must be a number between 0 and {}, got {index}.",
                    count - 1
                )),
            );
            return None;
        }
        let spec = Spec {
            kind: "feedback",
            identity: identity(
                "feedback",
                options.key.as_deref(),
                |id| {
                    id.text("options", kind.name())
                        .number("default", default.map_or(-1.0, |i| i as f64))
                        .opt_text("help", options.help.as_deref())
                },
                |id| id.text("options", kind.name()),
            ),
            default: WidgetValue::Index(default),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Index(index) if index.is_none_or(|i| i < count) => Some(*index),
                _ => None,
            }),
            encode: Box::new(move |value: &Option<usize>| match value {
                Some(i) if *i >= count => Err(format!("it must be between 0 and {}, got {i}", count - 1)),
                _ => Ok(WidgetValue::Index(*value)),
            }),
            explicit_default: default.is_some(),
        };
        show(
            ui,
            "",
            &options,
            Ok(spec),
            || default,
            |registered| {
                make::feedback(FeedbackProps {
                    common: registered.common.clone(),
                    options: kind,
                    labels: kind.labels(),
                    index: registered.value,
                })
            },
        )
    }
}

impl Ui {
    /// A feedback widget; returns the index of the icon clicked (`None` until one is).
    pub fn feedback(&self, options: FeedbackOptions) -> Option<usize> {
        self.add(Feedback::new(options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn none_until_clicked_then_the_index_and_clicking_again_clears_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            let faces = ui.feedback(FeedbackOptions::Faces);
            ui.write(format!("{faces:?}"));
        });
        at.run();
        assert_eq!(
            at.feedback(0).options(),
            ["very sad face", "sad face", "neutral face", "happy face", "very happy face"]
        );
        assert_eq!(at.markdown(0).text(), "None");
        at.feedback(0).set_value(4).run();
        assert_eq!(at.markdown(0).text(), "Some(4)");
        at.feedback(0).unselect("very happy face").run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn a_default_outside_the_icons_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let thumbs = ui.add(Feedback::new(FeedbackOptions::Thumbs).default(2));
            ui.write(format!("{thumbs:?}"));
        });
        at.run();
        assert_eq!(
            at.exception(0).text(),
            "StreamlitAPIException: The default value in 'st.feedback' must be a number between 0 and 1, got 2."
        );
        assert!(at.get("feedback").is_empty());
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn the_page_cannot_send_an_index_outside_the_icons() {
        let mut at = AppTest::new(|ui: &Ui| {
            let stars = ui.add(Feedback::new(FeedbackOptions::Stars).default(3));
            ui.write(format!("{stars:?}"));
        });
        at.run();
        at.feedback(0).set_value(5).run();
        assert_eq!(at.markdown(0).text(), "Some(3)", "refused");
        at.feedback(0).select("1 star").run();
        assert_eq!(at.markdown(0).text(), "Some(0)");
    }

    #[test]
    fn two_unkeyed_alike_are_a_duplicate_and_keys_tell_them_apart() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.feedback(FeedbackOptions::Thumbs);
            ui.feedback(FeedbackOptions::Thumbs);
            ui.add(Feedback::new(FeedbackOptions::Thumbs).key("a"));
            ui.add(Feedback::new(FeedbackOptions::Thumbs).key("b"));
        });
        at.run();
        assert!(at.exception(0).text().starts_with("DuplicateWidgetID"), "{}", at.exception(0).text());
        assert_eq!(at.get("feedback").len(), 3);
    }

    #[test]
    fn session_state_sets_a_keyed_feedback_and_refuses_a_bad_index() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Five stars") {
                ui.session_state().set("rating", Some(4usize))?;
            }
            if ui.button("Six stars") {
                ui.session_state().set("rating", Some(5usize))?;
            }
            let rating = ui.add(Feedback::new(FeedbackOptions::Stars).key("rating"));
            ui.write(format!("{rating:?}"));
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Some(4)");
        at.button(1).click().run();
        assert!(at.exception(0).text().contains("must be between 0 and 4, got 5"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "None");
    }
}
