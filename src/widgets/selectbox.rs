//! `selectbox`: one choice out of many, in a drop-down.

use std::fmt::Display;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, display_format, identity, option_index, show, show_error, Choices, CommonOptions, DecodeFn, EncodeFn,
    FormatFn, NewOption, Optional, Presence, Required, Spec, WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a selectbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectboxProps {
    pub common: WidgetCommon,
    pub options: Vec<String>,
    pub index: Option<usize>,
    pub placeholder: String,
    /// Made by `.no_default()`: it may be empty (then it shows the placeholder).
    pub optional: bool,
    /// Typed text may be chosen as a new option (`.accept_new_options()`).
    #[serde(default)]
    pub accept_new_options: bool,
    /// The chosen value when it is not an option (typed by the viewer); `index` is then `None`.
    #[serde(default)]
    pub new_value: Option<String>,
}

impl WidgetProps for SelectboxProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        match &self.new_value {
            Some(text) => WidgetValue::Text(text.clone()),
            None => WidgetValue::Index(self.index),
        }
    }
    fn set_value(&mut self, value: &WidgetValue) {
        match value {
            WidgetValue::Index(index) => (self.index, self.new_value) = (*index, None),
            WidgetValue::Text(text) => (self.index, self.new_value) = (None, Some(text.clone())),
            _ => {}
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Text(option) => match option_index(&self.options, &option) {
                Ok(index) => Ok(WidgetValue::Index(Some(index))),
                Err(_) if self.accept_new_options => Ok(WidgetValue::Text(option)),
                Err(message) => Err(message),
            },
            TestValue::Empty if self.optional => Ok(WidgetValue::Index(None)),
            other => Err(format!("a selectbox cannot take {other:?}")),
        }
    }
    fn options(&self) -> Option<&[String]> {
        Some(&self.options)
    }
}

/// A drop-down. Options are any values; the chosen value is returned.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let n = ui.selectbox("Which number do you like best?", [1, 2, 3, 4]);
///     ui.write(format!("You selected: {n}"));
/// });
/// at.run();
/// assert_eq!(at.selectbox(0).options(), ["1", "2", "3", "4"]);
/// at.selectbox(0).select("3").run();
/// assert_eq!(at.markdown(0).text(), "You selected: 3");
/// ```
pub struct Selectbox<T, P: Presence = Required> {
    label: String,
    values: Vec<T>,
    format: Rc<dyn Fn(&T) -> String>,
    index: Option<usize>,
    placeholder: String,
    /// Makes a value of typed text (`.accept_new_options()`).
    new_option: Option<NewOption<T>>,
    options: CommonOptions,
    presence: PhantomData<P>,
}

impl<T: Clone + PartialEq + Default + Display + 'static> Selectbox<T> {
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        Selectbox::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + Default + 'static> Selectbox<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        Selectbox {
            label: label.into(),
            values: options.into_iter().collect(),
            format: Rc::new(format),
            index: None,
            placeholder: "Choose an option".into(),
            new_option: None,
            options: CommonOptions::default(),
            presence: PhantomData,
        }
    }

    /// Starts with nothing chosen (Streamlit's `index=None`), showing the placeholder, and
    /// returns `Option<T>`; the viewer can clear it again.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let contact = ui.add(Selectbox::new("Contact by", ["Email", "Phone"]).no_default().placeholder("Pick one…"));
    ///     ui.write(format!("{contact:?}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// at.selectbox(0).select("Phone").run();
    /// assert_eq!(at.markdown(0).text(), "Some(\"Phone\")");
    /// at.selectbox(0).set_value(None::<&str>).run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// ```
    pub fn no_default(self) -> Selectbox<T, Optional> {
        Selectbox {
            label: self.label,
            values: self.values,
            format: self.format,
            index: None,
            placeholder: self.placeholder,
            new_option: self.new_option,
            options: self.options,
            presence: PhantomData,
        }
    }
}

impl<T: Clone + PartialEq + Default + 'static, P: Presence> Selectbox<T, P> {
    /// The option chosen on first run.
    pub fn index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// The text shown when there is nothing to choose.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = placeholder.into();
        self
    }
}

impl<T: From<String> + Clone + PartialEq + Default + 'static, P: Presence> Selectbox<T, P> {
    /// Lets the viewer type a value that is not among the options and choose it ("Add: …" in
    /// the list), as Streamlit's `accept_new_options=True`. The typed text becomes a value
    /// through `From<String>`, so this needs owned options such as `String` (not `&str`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let city = ui.add(Selectbox::new("City", ["Paris", "Rome"].map(String::from)).accept_new_options());
    ///     ui.write(city);
    /// });
    /// at.run();
    /// at.selectbox(0).select("Lisbon").run();
    /// assert_eq!(at.markdown(0).text(), "Lisbon");
    /// ```
    pub fn accept_new_options(mut self) -> Self {
        self.new_option = Some(Rc::new(|text: &str| T::from(text.to_string())));
        self
    }
}

impl<T, P: Presence> WidgetOptions for Selectbox<T, P> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Clone + PartialEq + Default + 'static, P: Presence> Command for Selectbox<T, P> {
    type Output = P::Output<T>;

    fn show(self, ui: &Ui) -> P::Output<T> {
        let Selectbox { label, values, format, index, placeholder, new_option, options, .. } = self;
        let accept_new = new_option.is_some();
        let explicit_default = index.is_some();
        // A required selectbox starts at the first option; an optional one at none.
        let chosen = if P::OPTIONAL { index } else { Some(index.unwrap_or(0)) };
        let choices = Choices::new(values, &*format);
        if choices.values.is_empty() {
            ui.warning(format!("The selectbox \"{label}\" has no options to choose from."));
            return choices.pick::<P>(None);
        }
        if let Some(index) = chosen.filter(|&i| i >= choices.values.len()) {
            show_error(
                ui,
                api(format!(
                    "Selectbox index must be between 0 and length of options ({}), got {index}.",
                    choices.values.len()
                )),
            );
            return choices.pick::<P>(Some(0).filter(|_| !P::OPTIONAL));
        }
        let spec = Spec {
            kind: "selectbox",
            identity: identity(
                "selectbox",
                options.key.as_deref(),
                |id| {
                    let id = id
                        .text("label", &label)
                        .texts("options", &choices.labels)
                        .number("index", chosen.map_or(f64::NAN, |i| i as f64))
                        .opt_text("help", options.help.as_deref())
                        .text("placeholder", &placeholder);
                    with_flags::<P>(id, accept_new)
                },
                |id| with_flags::<P>(id.texts("options", &choices.labels), accept_new),
            ),
            default: WidgetValue::Index(chosen),
            decode: decode_new::<T, P>(&choices, new_option),
            encode: encode_new::<T, P>(&choices, accept_new.then(|| format.clone())),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || choices.pick::<P>(chosen),
            |registered| {
                let (index, new_value) = match &registered.wire {
                    WidgetValue::Index(index) => (*index, None),
                    WidgetValue::Text(text) => match choices.labels.iter().position(|l| l == text) {
                        Some(index) => (Some(index), None),
                        None => (None, Some(text.clone())),
                    },
                    _ => (chosen, None),
                };
                let common = registered.common.clone();
                make::selectbox(SelectboxProps {
                    common,
                    options: choices.labels.clone(),
                    index,
                    placeholder,
                    optional: P::OPTIONAL,
                    accept_new_options: accept_new,
                    new_value,
                })
            },
        )
    }
}

/// Only an optional selectbox, or one that accepts new options, says so: the ids of the others
/// stay as they were.
fn with_flags<P: Presence>(id: crate::identity::Identity, accept_new: bool) -> crate::identity::Identity {
    let id = if P::OPTIONAL { id.flag("optional", true) } else { id };
    if accept_new {
        id.flag("accept_new_options", true)
    } else {
        id
    }
}

/// Decodes an index, or (accepting new options) typed text: an option's text is that option.
fn decode_new<T: Clone + PartialEq + 'static, P: Presence>(
    choices: &Choices<T>,
    new_option: Option<NewOption<T>>,
) -> DecodeFn<P::Output<T>> {
    let by_index = choices.decode_presence::<P>();
    let Some(make) = new_option else { return by_index };
    let from_text = choices.text_decoder(make);
    Rc::new(move |wire| match wire {
        WidgetValue::Text(text) => P::from_option(Some(from_text(text)?)),
        other => by_index(other),
    })
}

/// Encodes an option as its index, or (given the format of new options) another value as its text.
fn encode_new<T: Clone + PartialEq + 'static, P: Presence>(
    choices: &Choices<T>,
    format: Option<FormatFn<T>>,
) -> EncodeFn<P::Output<T>> {
    let by_index = choices.encode_presence::<P>();
    let Some(format) = format else { return by_index };
    let values = choices.values.clone();
    Box::new(move |value| match P::to_option(value) {
        Some(value) if !values.contains(&value) => Ok(WidgetValue::Text(format(&value))),
        _ => by_index(value),
    })
}

impl Ui {
    /// A drop-down; returns the chosen option (the first at first).
    pub fn selectbox<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> T
    where
        T: Clone + PartialEq + Default + Display + 'static,
    {
        self.add(Selectbox::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn options_are_any_values_and_the_value_is_returned() {
        #[derive(Clone, PartialEq, Default, Debug)]
        struct Fruit(&'static str, u32);
        let mut at = AppTest::new(|ui: &Ui| {
            let fruit =
                ui.add(Selectbox::with_format_func("Fruit", [Fruit("apple", 3), Fruit("pear", 5)], |f: &Fruit| {
                    f.0.to_uppercase()
                }));
            ui.write(format!("{} costs {}", fruit.0, fruit.1));
        });
        at.run();
        assert_eq!(at.selectbox(0).options(), ["APPLE", "PEAR"]);
        at.selectbox(0).select("PEAR").run();
        assert_eq!(at.markdown(0).text(), "pear costs 5");
    }

    #[test]
    fn changing_the_options_resets_an_unkeyed_selectbox() {
        let mut at = AppTest::new(|ui: &Ui| {
            let more = ui.checkbox("More options");
            let options: Vec<&str> = if more { vec!["a", "b", "c"] } else { vec!["a", "b"] };
            let chosen = ui.selectbox("Pick", options);
            ui.write(chosen);
        });
        at.run();
        at.selectbox(0).select("b").run();
        assert_eq!(at.markdown(0).text(), "b");
        at.checkbox(0).check().run();
        assert_eq!(at.markdown(0).text(), "a");
    }

    #[test]
    fn a_default_outside_the_options_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let chosen = ui.add(Selectbox::new("Pick", ["a", "b"]).index(7));
            ui.write(chosen);
        });
        at.run();
        assert!(at.exception(0).text().contains("index must be between 0 and length of options"));
        assert_eq!(at.markdown(0).text(), "a", "the app goes on with the first option");
    }

    #[test]
    fn session_state_value_outside_the_options_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.session_state().set("pick", "zebra")?;
            ui.add(Selectbox::new("Pick", ["a", "b"]).key("pick"));
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("not one of the options"), "{}", at.exception(0).text());
    }

    #[test]
    fn no_default_starts_empty_and_session_state_can_set_or_clear_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Pick B") {
                ui.session_state().set("choice", Some("B"))?;
            }
            if ui.button("Clear") {
                ui.session_state().set("choice", None::<&str>)?;
            }
            if ui.button("Bad") {
                ui.session_state().set("choice", Some("Z"))?;
            }
            let choice = ui.add(Selectbox::new("Choice", ["A", "B"]).no_default().key("choice"));
            ui.write(format!("{choice:?}"));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::Selectbox(p) = at.selectbox(0).element().clone() else { panic!("not a selectbox") };
        assert_eq!((p.index, p.optional, p.placeholder.as_str()), (None, true, "Choose an option"));
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Some(\"B\")");
        at.button(1).click().run();
        assert_eq!(at.markdown(0).text(), "None");
        at.button(2).click().run();
        assert!(at.exception(0).text().contains("not one of the options"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "None", "the fallback is the default");
    }

    #[test]
    fn no_default_with_an_index_starts_there_and_a_bad_index_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.add(Selectbox::new("A", ["x", "y"]).no_default().index(1));
            let b = ui.add(Selectbox::new("B", ["x", "y"]).no_default().index(5));
            ui.write(format!("{a:?} {b:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("got 5"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "Some(\"y\") None");
    }

    #[test]
    fn a_required_selectbox_keeps_its_identity_and_cannot_be_emptied() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.selectbox("Choice", ["A", "B"]);
            ui.add(Selectbox::new("Choice", ["A", "B"]).no_default());
        });
        at.run();
        assert!(at.get("exception").is_empty(), "an optional selectbox is another widget");
        let expected = crate::identity::Identity::new("selectbox")
            .text("label", "Choice")
            .texts("options", &["A".to_string(), "B".to_string()])
            .number("index", 0.0)
            .opt_text("help", None)
            .text("placeholder", "Choose an option")
            .opt_text("form", None)
            .text("page", "")
            .finish();
        assert_eq!(at.selectbox(0).element().widget().map(|c| c.id), Some(expected));
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.selectbox(0).set_value(None::<&str>);
        }));
        assert!(refused.is_err());
    }

    #[test]
    fn accepting_new_options_takes_typed_text_and_refuses_it_otherwise() {
        let mut at = AppTest::new(|ui: &Ui| {
            let open = ui.add(Selectbox::new("Open", ["a", "b"].map(String::from)).accept_new_options().key("open"));
            let closed = ui.selectbox("Closed", ["a", "b"].map(String::from));
            ui.write(format!("{open} {closed}"));
        });
        at.run();
        at.selectbox(0).set_value("zebra").run();
        assert_eq!(at.markdown(0).text(), "zebra a");
        let Element::Selectbox(p) = at.selectbox(0).element().clone() else { panic!("not a selectbox") };
        assert_eq!((p.index, p.new_value.as_deref(), p.accept_new_options), (None, Some("zebra"), true));
        // An option's text typed in is that option, not a new one.
        at.selectbox(0).select("b").run();
        let Element::Selectbox(p) = at.selectbox(0).element().clone() else { panic!("not a selectbox") };
        assert_eq!((p.index, p.new_value), (Some(1), None));
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.selectbox(1).select("zebra");
        }));
        let message = refused.expect_err("a closed selectbox refuses new text");
        let text = message.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(text.contains("\"zebra\" is not one of the options"), "{text}");
    }

    #[test]
    fn new_options_come_from_session_state_and_need_the_flag() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Set") {
                ui.session_state().set("pick", Some("typed".to_string()))?;
                ui.session_state().set("strict", "typed".to_string())?;
            }
            let pick = ui.add(Selectbox::new("Pick", ["a".to_string()]).no_default().accept_new_options().key("pick"));
            let strict = ui.add(Selectbox::new("Strict", ["a".to_string()]).key("strict"));
            ui.write(format!("{pick:?} {strict}"));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None a");
        at.button(0).click().run();
        assert!(at.exception(0).text().contains("not one of the options"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "Some(\"typed\") a");
    }

    #[test]
    fn accepting_new_options_is_part_of_the_identity() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.selectbox("Choice", ["A".to_string()]);
            ui.add(Selectbox::new("Choice", ["A".to_string()]).accept_new_options());
        });
        at.run();
        assert!(at.get("exception").is_empty(), "two widgets, no duplicate id");
    }
}
