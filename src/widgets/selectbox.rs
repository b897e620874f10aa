//! `selectbox`: one choice out of many, in a drop-down.

use std::fmt::Display;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, display_format, identity, option_index, show, show_error, Choices, CommonOptions, Spec, WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a selectbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectboxProps {
    pub common: WidgetCommon,
    pub options: Vec<String>,
    pub index: Option<usize>,
    pub placeholder: String,
}

impl WidgetProps for SelectboxProps {
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
            TestValue::Text(option) => Ok(WidgetValue::Index(Some(option_index(&self.options, &option)?))),
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
pub struct Selectbox<T> {
    label: String,
    values: Vec<T>,
    format: Rc<dyn Fn(&T) -> String>,
    index: Option<usize>,
    placeholder: String,
    options: CommonOptions,
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
            options: CommonOptions::default(),
        }
    }

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

impl<T> WidgetOptions for Selectbox<T> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Clone + PartialEq + Default + 'static> Command for Selectbox<T> {
    type Output = T;

    fn show(self, ui: &Ui) -> T {
        let Selectbox { label, values, format, index, placeholder, options } = self;
        let explicit_default = index.is_some();
        let index = index.unwrap_or(0);
        let choices = Choices::new(values, &*format);
        if choices.values.is_empty() {
            ui.warning(format!("The selectbox \"{label}\" has no options to choose from."));
            return T::default();
        }
        if index >= choices.values.len() {
            show_error(
                ui,
                api(format!(
                    "Selectbox index must be between 0 and length of options ({}), got {index}.",
                    choices.values.len()
                )),
            );
            return choices.values[0].clone();
        }
        let spec = Spec {
            kind: "selectbox",
            identity: identity(
                "selectbox",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .texts("options", &choices.labels)
                        .number("index", index as f64)
                        .opt_text("help", options.help.as_deref())
                        .text("placeholder", &placeholder)
                },
                |id| id.texts("options", &choices.labels),
            ),
            default: WidgetValue::Index(Some(index)),
            decode: choices.decode_one(),
            encode: choices.encode_one(),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || choices.values[index].clone(),
            |registered| {
                let index = match registered.wire {
                    WidgetValue::Index(chosen) => chosen,
                    _ => Some(index),
                };
                let common = registered.common.clone();
                Element::Selectbox(SelectboxProps { common, options: choices.labels, index, placeholder })
            },
        )
    }
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
}
