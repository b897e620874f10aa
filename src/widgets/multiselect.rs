//! `multiselect`: any number of choices.

use std::fmt::Display;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, display_format, identity, option_index, show, show_error, Choices, CommonOptions, Spec, WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a multiselect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MultiselectProps {
    pub common: WidgetCommon,
    pub options: Vec<String>,
    pub indices: Vec<usize>,
    pub max_selections: Option<usize>,
    pub placeholder: String,
}

impl WidgetProps for MultiselectProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Indices(self.indices.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Indices(indices) = value {
            self.indices = indices.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Texts(options) => Ok(WidgetValue::Indices(
                options.iter().map(|o| option_index(&self.options, o)).collect::<Result<_, _>>()?,
            )),
            other => Err(format!("a multiselect cannot take {other:?}")),
        }
    }
    fn options(&self) -> Option<&[String]> {
        Some(&self.options)
    }
}

/// A multi-choice box; returns the chosen values in the order they were picked.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let colors = ui.add(Multiselect::new("Colors", ["Green", "Yellow", "Red", "Blue"]).default(["Yellow"]));
///     ui.write(colors.join(", "));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Yellow");
/// at.multiselect(0).select("Blue").run();
/// assert_eq!(at.markdown(0).text(), "Yellow, Blue");
/// at.multiselect(0).unselect("Yellow").run();
/// assert_eq!(at.markdown(0).text(), "Blue");
/// ```
pub struct Multiselect<T> {
    label: String,
    values: Vec<T>,
    format: Rc<dyn Fn(&T) -> String>,
    default: Option<Vec<T>>,
    max_selections: Option<usize>,
    placeholder: String,
    options: CommonOptions,
}

impl<T: Clone + PartialEq + Display + 'static> Multiselect<T> {
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        Multiselect::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + 'static> Multiselect<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        Multiselect {
            label: label.into(),
            values: options.into_iter().collect(),
            format: Rc::new(format),
            default: None,
            max_selections: None,
            placeholder: "Choose an option".into(),
            options: CommonOptions::default(),
        }
    }

    /// The values chosen on first run.
    pub fn default(mut self, default: impl IntoIterator<Item = T>) -> Self {
        self.default = Some(default.into_iter().collect());
        self
    }

    /// At most this many choices.
    pub fn max_selections(mut self, max: usize) -> Self {
        self.max_selections = Some(max);
        self
    }

    /// The text shown when nothing is chosen.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = placeholder.into();
        self
    }
}

impl<T> WidgetOptions for Multiselect<T> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

fn indices_of<T: PartialEq>(
    values: &[T],
    labels: &[String],
    chosen: &[T],
    max: Option<usize>,
) -> Result<Vec<usize>, String> {
    let mut indices = Vec::new();
    for value in chosen {
        match values.iter().position(|v| v == value) {
            Some(i) if !indices.contains(&i) => indices.push(i),
            Some(_) => {}
            None => return Err(format!("a value is not one of the options {labels:?}")),
        }
    }
    match max {
        Some(max) if indices.len() > max => Err(format!("at most {max} selections are allowed, got {}", indices.len())),
        _ => Ok(indices),
    }
}

impl<T: Clone + PartialEq + 'static> Command for Multiselect<T> {
    type Output = Vec<T>;

    fn show(self, ui: &Ui) -> Vec<T> {
        let Multiselect { label, values, format, default, max_selections, placeholder, options } = self;
        let explicit_default = default.is_some();
        let default = default.unwrap_or_default();
        let choices = Choices::new(values, &*format);
        let default = match indices_of(&choices.values, &choices.labels, &default, max_selections) {
            Ok(indices) => indices,
            Err(message) => {
                show_error(ui, api(format!("The default of the multiselect \"{label}\" is invalid: {message}.")));
                return Vec::new();
            }
        };
        let decode_values = choices.values.clone();
        let encode_values = choices.values.clone();
        let encode_labels = choices.labels.clone();
        let spec = Spec {
            kind: "multiselect",
            identity: identity(
                "multiselect",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .texts("options", &choices.labels)
                        .numbers("default", &default.iter().map(|&i| i as f64).collect::<Vec<_>>())
                        .number("max_selections", max_selections.map_or(-1.0, |m| m as f64))
                        .opt_text("help", options.help.as_deref())
                        .text("placeholder", &placeholder)
                },
                |id| {
                    id.texts("options", &choices.labels)
                        .number("max_selections", max_selections.map_or(-1.0, |m| m as f64))
                },
            ),
            default: WidgetValue::Indices(default),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Indices(indices)
                    if indices.iter().all(|&i| i < decode_values.len())
                        && max_selections.is_none_or(|max| indices.len() <= max) =>
                {
                    Some(indices.iter().map(|&i| decode_values[i].clone()).collect())
                }
                _ => None,
            }),
            encode: Box::new(move |chosen: &Vec<T>| {
                indices_of(&encode_values, &encode_labels, chosen, max_selections).map(WidgetValue::Indices)
            }),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || Vec::new(),
            |registered| {
                let indices = match &registered.wire {
                    WidgetValue::Indices(indices) => indices.clone(),
                    _ => Vec::new(),
                };
                let common = registered.common.clone();
                Element::Multiselect(MultiselectProps {
                    common,
                    options: choices.labels,
                    indices,
                    max_selections,
                    placeholder,
                })
            },
        )
    }
}

impl Ui {
    /// A multi-choice box; returns the chosen options (none at first).
    pub fn multiselect<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Vec<T>
    where
        T: Clone + PartialEq + Display + 'static,
    {
        self.add(Multiselect::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn returned_values_are_copies() {
        let mut at = AppTest::new(|ui: &Ui| {
            let mut picked = ui.add(Multiselect::new("Pick", ["a", "b"]).key("pick"));
            picked.push("mutated");
            let again: Vec<&str> = ui.session_state().get("pick")?;
            ui.write(again.len());
            Ok::<_, Error>(())
        });
        at.run();
        at.multiselect(0).select("a").run();
        assert_eq!(at.markdown(0).text(), "1");
    }

    #[test]
    fn a_default_not_in_the_options_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Multiselect::new("Pick", ["a", "b"]).default(["z"]));
            ui.write("still running");
        });
        at.run();
        assert!(at.exception(0).text().contains("not one of the options"));
        assert_eq!(at.markdown(0).text(), "still running");
    }

    #[test]
    fn max_selections_is_enforced() {
        let mut at = AppTest::new(|ui: &Ui| {
            let picked = ui.add(Multiselect::new("Pick", ["a", "b", "c"]).max_selections(1));
            ui.write(picked.len());
        });
        at.run();
        at.multiselect(0).set_value(vec!["a", "b"]).run();
        assert_eq!(at.markdown(0).text(), "0", "a value breaking the limit is refused");
    }
}
