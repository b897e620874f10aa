//! `text_input`: one line of text, committed on Enter or when focus leaves.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, CommonOptions, Spec, WidgetError, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::identity::Identity;
use crate::ui::{Command, Ui};

/// What the page shows for a text input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextInputProps {
    pub common: WidgetCommon,
    pub value: String,
    pub max_chars: Option<usize>,
    pub password: bool,
    pub placeholder: Option<String>,
}

impl WidgetProps for TextInputProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Text(self.value.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Text(text) = value {
            self.value = text.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Text(text) => Ok(WidgetValue::Text(text)),
            other => Err(format!("a text input cannot take {other:?}")),
        }
    }
}

/// A one-line text input.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(TextInput::new("Your name").key("name"));
///     let name: String = ui.session_state().get("name")?;
///     ui.write(format!("Hello, {name}!"));
///     Ok::<_, Error>(())
/// });
/// at.run();
/// at.text_input(key("name")).input("Ada").run();
/// assert_eq!(at.markdown(0).text(), "Hello, Ada!");
/// ```
pub struct TextInput {
    label: String,
    value: Option<String>,
    max_chars: Option<usize>,
    password: bool,
    placeholder: Option<String>,
    options: CommonOptions,
}

impl TextInput {
    pub fn new(label: impl Into<String>) -> Self {
        TextInput {
            label: label.into(),
            value: None,
            max_chars: None,
            password: false,
            placeholder: None,
            options: CommonOptions::default(),
        }
    }

    /// The text on first run.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// At most this many characters.
    pub fn max_chars(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }

    /// Hides what is typed.
    pub fn password(mut self) -> Self {
        self.password = true;
        self
    }

    /// Grey text shown while the input is empty.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }
}

impl WidgetOptions for TextInput {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

/// The text codec shared by text inputs and text areas; `shape` adds what identifies one
/// kind without a key (a text input's `type`, a text area's `height`).
pub(crate) fn text_spec(
    kind: &'static str,
    label: &str,
    value: Option<&str>,
    max_chars: Option<usize>,
    placeholder: Option<&str>,
    options: &CommonOptions,
    shape: impl FnOnce(Identity) -> Identity,
) -> Result<Spec<String>, WidgetError> {
    let explicit_default = value.is_some();
    let value = value.unwrap_or_default();
    let fits = move |text: &str| max_chars.is_none_or(|max| text.chars().count() <= max);
    if !fits(value) {
        return Err(api(format!(
            "The default value of the {kind} \"{label}\" has {} characters, more than `max_chars` ({}).",
            value.chars().count(),
            max_chars.unwrap_or_default()
        )));
    }
    let max = max_chars.map_or(-1.0, |m| m as f64);
    Ok(Spec {
        kind,
        identity: identity(
            kind,
            options.key.as_deref(),
            |id| {
                shape(id.text("label", label).text("value", value).number("max_chars", max))
                    .opt_text("placeholder", placeholder)
                    .opt_text("help", options.help.as_deref())
            },
            |id| id.number("max_chars", max),
        ),
        default: WidgetValue::Text(value.to_string()),
        decode: Rc::new(move |wire| match wire {
            WidgetValue::Text(text) if fits(text) => Some(text.clone()),
            _ => None,
        }),
        encode: Box::new(move |text: &String| {
            if fits(text) {
                Ok(WidgetValue::Text(text.clone()))
            } else {
                Err(format!("it is longer than max_chars ({})", max_chars.unwrap_or_default()))
            }
        }),
        explicit_default,
    })
}

impl Command for TextInput {
    type Output = String;

    fn show(self, ui: &Ui) -> String {
        let TextInput { label, value, max_chars, password, placeholder, options } = self;
        show(
            ui,
            &label,
            &options,
            text_spec("text_input", &label, value.as_deref(), max_chars, placeholder.as_deref(), &options, |id| {
                id.text("type", if password { "password" } else { "default" })
            }),
            || value.unwrap_or_default(),
            |registered| {
                let common = registered.common.clone();
                Element::TextInput(TextInputProps {
                    common,
                    value: registered.value.clone(),
                    max_chars,
                    password,
                    placeholder,
                })
            },
        )
    }
}

impl Ui {
    /// A one-line text input, empty at first.
    pub fn text_input(&self, label: impl Into<String>) -> String {
        self.add(TextInput::new(label))
    }

    /// A text input whose value lives in session state under `key`.
    pub fn text_input_keyed(&self, label: impl Into<String>, key: impl Into<String>) -> String {
        self.add(TextInput::new(label).key(key))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn deleting_a_widget_key_does_not_reset_the_widget() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Forget") {
                ui.session_state().remove("name");
            }
            ui.text_input_keyed("Name", "name");
            let present = ui.session_state().contains("name");
            ui.write(present);
        });
        at.run();
        at.text_input(0).input("Ada").run();
        at.button(0).click().run();
        assert_eq!(at.text_input(0).value::<String>(), "Ada");
        assert_eq!(at.markdown(0).text(), "true", "the key is back with the widget's value");
    }

    #[test]
    fn a_default_longer_than_max_chars_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let text = ui.add(TextInput::new("Code").value("toolong").max_chars(3));
            ui.write(format!("[{text}]"));
        });
        at.run();
        assert!(at.exception(0).text().contains("more than `max_chars`"));
        assert_eq!(at.markdown(0).text(), "[toolong]");
    }

    #[test]
    fn a_string_literal_set_in_session_state_fills_the_input() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.session_state().get_or_insert_with("name", || "Grace")?;
            let name = ui.text_input_keyed("Name", "name");
            ui.write(name);
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "Grace");
    }
}
