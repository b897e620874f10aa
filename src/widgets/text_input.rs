//! `text_input`: one line of text, committed on Enter or when focus leaves.

use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, check_field_icon, identity, show, CommonOptions, Optional, Presence, Required, Spec, WidgetError,
    WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
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
    /// Made by `.no_default()`: empty text is no value (`None`).
    pub optional: bool,
    /// An emoji or `:material/name:` icon inside the field.
    #[serde(default)]
    pub icon: Option<String>,
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
            TestValue::Empty if self.optional => Ok(WidgetValue::Text(String::new())),
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
pub struct TextInput<P: Presence = Required> {
    label: String,
    value: Option<String>,
    max_chars: Option<usize>,
    password: bool,
    placeholder: Option<String>,
    options: CommonOptions,
    icon: Option<String>,
    presence: PhantomData<P>,
}

impl TextInput {
    pub fn new(label: impl Into<String>) -> Self {
        TextInput {
            label: label.into(),
            value: None,
            max_chars: None,
            password: false,
            placeholder: None,
            icon: None,
            options: CommonOptions::default(),
            presence: PhantomData,
        }
    }

    /// Starts empty (Streamlit's `value=None`) and returns `Option<String>`: `None` while
    /// the input holds no text, so "nothing typed" and "typed something" are told apart.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let title = ui.add(TextInput::new("Movie title").no_default().placeholder("Type a title"));
    ///     ui.write(format!("{title:?}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// at.text_input(0).input("Brazil").run();
    /// assert_eq!(at.markdown(0).text(), "Some(\"Brazil\")");
    /// at.text_input(0).input("").run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// ```
    pub fn no_default(self) -> TextInput<Optional> {
        TextInput {
            label: self.label,
            value: None,
            max_chars: self.max_chars,
            password: self.password,
            placeholder: self.placeholder,
            icon: self.icon,
            options: self.options,
            presence: PhantomData,
        }
    }
}

impl<P: Presence> TextInput<P> {
    /// The text on first run.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// An emoji or a Material icon (`":material/search:"`) inside the field, at its left, as
    /// Streamlit's `icon=`; anything else is an error drawn in place of the widget.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
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

impl<P: Presence> WidgetOptions for TextInput<P> {
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

/// A text spec for a widget that may be empty: empty text is `None`.
fn with_presence<P: Presence>(spec: Spec<String>) -> Spec<P::Output<String>> {
    let Spec { kind, identity, default, decode, encode, explicit_default } = spec;
    Spec {
        kind,
        // Only an optional input says so: the ids of the others stay as they were.
        identity: if P::OPTIONAL { identity.flag("optional", true) } else { identity },
        default,
        decode: Rc::new(move |wire| {
            let text = decode(wire)?;
            P::from_option(Some(text).filter(|t| !(P::OPTIONAL && t.is_empty())))
        }),
        encode: Box::new(move |value| encode(&P::to_option(value).unwrap_or_default())),
        explicit_default,
    }
}

impl<P: Presence> Command for TextInput<P> {
    type Output = P::Output<String>;

    fn show(self, ui: &Ui) -> P::Output<String> {
        let TextInput { label, value, max_chars, password, placeholder, icon, options, .. } = self;
        let spec =
            text_spec("text_input", &label, value.as_deref(), max_chars, placeholder.as_deref(), &options, |id| {
                id.text("type", if password { "password" } else { "default" })
            });
        let fallback = value.clone().filter(|v| !(P::OPTIONAL && v.is_empty()));
        let spec = spec.and_then(|spec| check_field_icon(&label, icon.as_deref()).map(|()| spec));
        show(
            ui,
            &label,
            &options,
            spec.map(with_presence::<P>),
            || {
                P::from_option(fallback.clone())
                    .or_else(|| P::from_option(Some(String::new())))
                    .expect("a value is always taken")
            },
            |registered| {
                let common = registered.common.clone();
                if password {
                    // Its value stays out of the development-reload snapshot.
                    ui.runtime.borrow_mut().secrets.widgets.insert(common.id);
                }
                make::text_input(TextInputProps {
                    common,
                    value: P::to_option(&registered.value).unwrap_or_default(),
                    max_chars,
                    password,
                    placeholder,
                    optional: P::OPTIONAL,
                    icon,
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
    use crate::Element;

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

    #[test]
    fn no_default_is_none_until_text_is_typed_and_max_chars_still_holds() {
        let mut at = AppTest::new(|ui: &Ui| {
            let code = ui.add(TextInput::new("Code").no_default().max_chars(3).placeholder("3 letters"));
            ui.write(format!("{code:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::TextInput(p) = at.text_input(0).element().clone() else { panic!("not a text input") };
        assert_eq!((p.optional, p.placeholder.as_deref()), (true, Some("3 letters")));
        at.text_input(0).input("abc").run();
        assert_eq!(at.markdown(0).text(), "Some(\"abc\")");
        at.text_input(0).input("abcd").run();
        assert_eq!(at.markdown(0).text(), "Some(\"abc\")", "too long: refused");
        at.text_input(0).set_value(None::<String>).run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn an_optional_text_input_with_a_default_over_max_chars_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let plain = ui.text_input("Plain");
            let code = ui.add(TextInput::new("Code").no_default().value("abcd").max_chars(3));
            ui.write(format!("{plain:?} {code:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("more than `max_chars`"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "\"\" Some(\"abcd\")");
    }

    #[test]
    fn an_icon_is_an_emoji_or_a_material_name_and_anything_else_an_error() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.add(TextInput::new("Search").icon(":material/search:"));
            let b = ui.add(NumberInput::int("Price").icon("💶"));
            let c = ui.add(TextInput::new("Bad").icon("search"));
            let d = ui.add(NumberInput::int("Bad number").icon(":search:"));
            ui.write(format!("[{a}] {b} [{c}] {d}"));
        });
        at.run();
        let Element::TextInput(p) = at.text_input(0).element().clone() else { panic!("not a text input") };
        assert_eq!(p.icon.as_deref(), Some(":material/search:"));
        let Element::NumberInput(p) = at.number_input(0).element().clone() else { panic!("not a number input") };
        assert_eq!(p.icon.as_deref(), Some("💶"));
        assert!(at.exception(0).text().contains("The icon of the input \"Bad\""), "{}", at.exception(0).text());
        assert!(at.exception(1).text().contains("not a valid emoji or icon"), "{}", at.exception(1).text());
        assert_eq!(at.markdown(0).text(), "[] 0 [] 0", "the app goes on with the defaults");
    }
}
