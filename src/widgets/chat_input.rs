//! `chat_input`: a message box, pinned to the bottom of the main area, whose value is the
//! submitted text for exactly the one run the submission causes.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, Root, WidgetCommon, WidgetProps, WidgetValue};
use crate::error::IntoScriptResult;
use crate::ui::{Command, Ui};

/// What the page shows for a chat input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChatInputProps {
    /// Its label is the placeholder (a chat input shows no label).
    pub common: WidgetCommon,
    pub placeholder: String,
    pub max_chars: Option<usize>,
    /// Drawn straight into the main area: pinned to the bottom of the page. Inside a
    /// container or the sidebar it is drawn in place.
    pub pinned: bool,
    /// The text submitted for this run, if this run was caused by a submission.
    pub value: Option<String>,
}

impl WidgetProps for ChatInputProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::TextTrigger(self.value.clone())
    }
    fn set_value(&mut self, _: &WidgetValue) {
        // A submission lasts one run; the box is cleared once sent.
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Text(text) => Ok(WidgetValue::TextTrigger(Some(text))),
            other => Err(format!("a chat input cannot take {other:?}")),
        }
    }
}

/// A chat input: `Some(text)` on the run its submission caused, `None` on every other run
/// (Streamlit's `st.chat_input`). Enter submits, Shift+Enter starts a new line.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if let Some(prompt) = ui.chat_input("Say something") {
///         ui.chat_message("user").write(prompt);
///     }
/// });
/// at.run();
/// assert!(at.get("markdown").is_empty());
/// at.chat_input(0).input("Hello").run();
/// assert_eq!(at.chat_message(0).markdown(0).text(), "Hello");
/// at.run();
/// assert!(at.get("markdown").is_empty(), "the submission lasts one run");
/// ```
pub struct ChatInput {
    placeholder: String,
    max_chars: Option<usize>,
    options: CommonOptions,
}

impl ChatInput {
    /// A chat input showing `placeholder` while empty (Streamlit's default is "Your message").
    pub fn new(placeholder: impl Into<String>) -> Self {
        ChatInput { placeholder: placeholder.into(), max_chars: None, options: CommonOptions::default() }
    }

    /// At most this many characters; the page stops typing there, and a longer submission
    /// is refused.
    pub fn max_chars(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }

    /// Runs `callback` before the run a submission causes (Streamlit's `on_submit`).
    pub fn on_submit<F, R>(self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.on_change(callback)
    }
}

impl WidgetOptions for ChatInput {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

fn chat_spec(placeholder: &str, max_chars: Option<usize>, options: &CommonOptions) -> Spec<Option<String>> {
    let max = max_chars.map_or(-1.0, |m| m as f64);
    let fits = move |text: &str| max_chars.is_none_or(|max| text.chars().count() <= max);
    Spec {
        kind: "chat_input",
        identity: identity(
            "chat_input",
            options.key.as_deref(),
            |id| id.text("placeholder", placeholder).number("max_chars", max),
            |id| id.number("max_chars", max),
        ),
        default: WidgetValue::TextTrigger(None),
        decode: Rc::new(move |wire| match wire {
            WidgetValue::TextTrigger(None) => Some(None),
            WidgetValue::TextTrigger(Some(text)) if fits(text) => Some(Some(text.clone())),
            _ => None,
        }),
        encode: Box::new(|_| Err("a chat input's value cannot be set".into())),
        explicit_default: false,
    }
}

impl Command for ChatInput {
    type Output = Option<String>;

    fn show(self, ui: &Ui) -> Option<String> {
        let ChatInput { placeholder, max_chars, options } = self;
        if ui.form_key().is_some() {
            show_error(ui, api("`chat_input()` can't be used in a `form()`.".into()));
            return None;
        }
        // Straight into the main area (not into a container there): pinned to the bottom.
        let pinned = match ui.target() {
            (Root::Main, path, false) => path.is_empty(),
            (Root::Main, path, true) => path.len() == 1,
            (Root::Sidebar, _, _) => false,
        };
        show(
            ui,
            &placeholder,
            &options,
            Ok(chat_spec(&placeholder, max_chars, &options)),
            || None,
            |registered| {
                Element::ChatInput(ChatInputProps {
                    common: registered.common.clone(),
                    placeholder: placeholder.clone(),
                    max_chars,
                    pinned,
                    value: registered.value.clone(),
                })
            },
        )
    }
}

impl Ui {
    /// A chat input showing `placeholder`; see [`ChatInput`].
    pub fn chat_input(&self, placeholder: impl Into<String>) -> Option<String> {
        self.add(ChatInput::new(placeholder))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::element::WidgetValue;
    use crate::prelude::*;
    use crate::request::RerunRequest;
    use crate::WidgetEvent;

    fn echo(ui: &Ui) {
        let said = ui.add(ChatInput::new("Say").max_chars(5));
        ui.write(format!("{said:?}"));
    }

    fn props(at: &AppTest) -> crate::widgets::chat_input::ChatInputProps {
        match at.get("chat_input").first() {
            Some(Element::ChatInput(props)) => props.clone(),
            other => panic!("no chat input: {other:?}"),
        }
    }

    #[test]
    fn a_submission_is_some_for_one_run_then_none() {
        let mut at = AppTest::new(echo);
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.chat_input(0).input("hi").run();
        assert_eq!(at.markdown(0).text(), "Some(\"hi\")");
        assert_eq!(at.chat_input(0).value::<Option<String>>(), Some("hi".to_string()));
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.chat_input(0).input("hi").run();
        assert_eq!(at.markdown(0).text(), "Some(\"hi\")", "the same text again is a new submission");
    }

    #[test]
    fn a_submission_longer_than_max_chars_is_refused() {
        let mut at = AppTest::new(echo);
        at.run();
        at.chat_input(0).input("too long").run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn on_submit_runs_before_the_script_once_per_submission() {
        let mut at = AppTest::new(|ui: &Ui| {
            let state = ui.session_state();
            state.get_or_insert_with("sent", || 0)?;
            ui.add(ChatInput::new("Say").key("chat").on_submit(|ui: &Ui| {
                ui.session_state().update("sent", |n: &mut i64| *n += 1)?;
                Ok::<_, Error>(())
            }));
            ui.write(format!("sent {}", state.get::<i64>("sent")?));
            Ok::<_, Error>(())
        });
        at.run();
        at.chat_input(key("chat")).input("a").run();
        at.run();
        at.chat_input(key("chat")).input("a").run();
        assert_eq!(at.markdown(0).text(), "sent 2");
    }

    #[test]
    fn its_value_cannot_be_set_through_session_state_nor_can_it_go_in_a_form() {
        let mut at = AppTest::new(|ui: &Ui| {
            if !ui.session_state().contains("chat") {
                ui.session_state().set("chat", Some("x".to_string()))?;
            }
            ui.add(ChatInput::new("Say").key("chat"));
            let form = ui.form("f");
            form.chat_input("In a form");
            form.form_submit_button("Send");
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("cannot be set using st.session_state"));
        assert!(at.exception(1).text().contains("can't be used in a `form()`"));
    }

    #[test]
    fn only_an_input_drawn_straight_into_the_main_area_is_pinned() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.chat_input("main");
        });
        at.run();
        assert!(props(&at).pinned);
        let mut at = AppTest::new(|ui: &Ui| {
            ui.container().chat_input("inline");
            ui.sidebar().chat_input("side");
        });
        at.run();
        assert!(at.get("chat_input").iter().all(|e| matches!(e, Element::ChatInput(p) if !p.pinned)));
    }

    #[test]
    fn a_newer_release_does_not_drop_a_pending_submission() {
        let id = crate::identity::WidgetId(7);
        let mut pending = RerunRequest::default();
        pending.push(WidgetEvent { id, value: WidgetValue::TextTrigger(Some("hi".into())) });
        pending.merge(RerunRequest::from_event(WidgetEvent { id, value: WidgetValue::TextTrigger(None) }));
        assert_eq!(pending.value(id), Some(&WidgetValue::TextTrigger(Some("hi".into()))));
    }

    #[test]
    fn a_submission_an_interrupted_run_had_not_reached_is_carried_to_the_next_run() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            let slow = ui.checkbox("slow");
            if slow {
                ui.sleep(Duration::from_secs(5)).await;
            }
            if let Some(text) = ui.chat_input("Say") {
                ui.success(text);
            }
        });
        at.run();
        // The run the submission causes sleeps before reaching the chat input ...
        at.chat_input(0).input("kept");
        at.checkbox(0).check();
        at.run_for(Duration::from_secs(1));
        assert!(at.is_running());
        // ... and a newer change interrupts it: the submission goes on to the next run.
        at.checkbox(0).uncheck().run();
        assert_eq!(at.success(0).text(), "kept");
    }
}
