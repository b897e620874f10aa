//! `multiselect`: any number of choices.

use std::fmt::Display;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, display_format, identity, option_index, show, show_error, Choices, CommonOptions, NewOption, Spec,
    WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a multiselect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MultiselectProps {
    pub common: WidgetCommon,
    pub options: Vec<String>,
    pub indices: Vec<usize>,
    pub max_selections: Option<usize>,
    pub placeholder: String,
    /// Typed text may be chosen as a new option (`.accept_new_options()`).
    #[serde(default)]
    pub accept_new_options: bool,
    /// With `accept_new_options`: the chosen texts in the order picked, options and new ones
    /// alike (`indices` is then empty).
    #[serde(default)]
    pub texts: Vec<String>,
}

impl WidgetProps for MultiselectProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        if self.accept_new_options {
            WidgetValue::Texts(self.texts.clone())
        } else {
            WidgetValue::Indices(self.indices.clone())
        }
    }
    fn set_value(&mut self, value: &WidgetValue) {
        match value {
            WidgetValue::Indices(indices) => self.indices = indices.clone(),
            WidgetValue::Texts(texts) => self.texts = texts.clone(),
            _ => {}
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Texts(texts) if self.accept_new_options => Ok(WidgetValue::Texts(texts)),
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
    /// Makes a value of typed text (`.accept_new_options()`).
    new_option: Option<NewOption<T>>,
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
            new_option: None,
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

impl<T: From<String> + Clone + PartialEq + 'static> Multiselect<T> {
    /// Lets the viewer type values that are not among the options and choose them ("Add: …"
    /// in the list), as Streamlit's `accept_new_options=True`. The typed text becomes a value
    /// through `From<String>`, so this needs owned options such as `String` (not `&str`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let tags = ui.add(Multiselect::new("Tags", ["rust", "wasm"].map(String::from)).accept_new_options());
    ///     ui.write(tags.join(", "));
    /// });
    /// at.run();
    /// at.multiselect(0).select("wasm").select("leptos").run();
    /// assert_eq!(at.markdown(0).text(), "wasm, leptos");
    /// ```
    pub fn accept_new_options(mut self) -> Self {
        self.new_option = Some(Rc::new(|text: &str| T::from(text.to_string())));
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
        let Multiselect { label, values, format, default, max_selections, placeholder, new_option, options } = self;
        let accept_new = new_option.is_some();
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
        let from_text = new_option.map(|make| choices.text_decoder(make));
        let encode_format = format.clone();
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
                        .flag("accept_new_options", accept_new)
                },
                |id| {
                    id.texts("options", &choices.labels)
                        .number("max_selections", max_selections.map_or(-1.0, |m| m as f64))
                        .flag("accept_new_options", accept_new)
                },
            ),
            default: if accept_new {
                WidgetValue::Texts(default.iter().map(|&i| choices.labels[i].clone()).collect())
            } else {
                WidgetValue::Indices(default)
            },
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Indices(indices)
                    if indices.iter().all(|&i| i < decode_values.len())
                        && max_selections.is_none_or(|max| indices.len() <= max) =>
                {
                    Some(indices.iter().map(|&i| decode_values[i].clone()).collect())
                }
                WidgetValue::Texts(texts) if max_selections.is_none_or(|max| texts.len() <= max) => {
                    let from_text = from_text.as_ref()?;
                    let mut chosen: Vec<T> = Vec::new();
                    for text in texts {
                        let value = from_text(text)?;
                        if !chosen.contains(&value) {
                            chosen.push(value);
                        }
                    }
                    Some(chosen)
                }
                _ => None,
            }),
            encode: Box::new(move |chosen: &Vec<T>| {
                if !accept_new {
                    return indices_of(&encode_values, &encode_labels, chosen, max_selections)
                        .map(WidgetValue::Indices);
                }
                match max_selections {
                    Some(max) if chosen.len() > max => {
                        Err(format!("at most {max} selections are allowed, got {}", chosen.len()))
                    }
                    _ => Ok(WidgetValue::Texts(chosen.iter().map(|v| encode_format(v)).collect())),
                }
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
                let (indices, texts) = match &registered.wire {
                    WidgetValue::Indices(indices) => (indices.clone(), Vec::new()),
                    WidgetValue::Texts(texts) => (Vec::new(), texts.clone()),
                    _ => (Vec::new(), Vec::new()),
                };
                let common = registered.common.clone();
                make::multiselect(MultiselectProps {
                    common,
                    options: choices.labels,
                    indices,
                    max_selections,
                    placeholder,
                    accept_new_options: accept_new,
                    texts,
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

    #[test]
    fn accepting_new_options_keeps_the_pick_order_and_the_limit() {
        let mut at = AppTest::new(|ui: &Ui| {
            let tags = ui.add(
                Multiselect::new("Tags", ["a", "b"].map(String::from))
                    .default(["b".to_string()])
                    .max_selections(3)
                    .accept_new_options()
                    .key("tags"),
            );
            ui.write(tags.join(","));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "b");
        at.multiselect(0).select("new").select("a").run();
        assert_eq!(at.markdown(0).text(), "b,new,a");
        let Element::Multiselect(p) = at.multiselect(0).element().clone() else { panic!("not a multiselect") };
        assert_eq!(p.texts, ["b", "new", "a"]);
        at.multiselect(0).unselect("new").run();
        assert_eq!(at.markdown(0).text(), "b,a");
        at.multiselect(0).set_value(vec!["w", "x", "y", "z"]).run();
        assert_eq!(at.markdown(0).text(), "b,a", "four picks break the limit of three");
    }

    #[test]
    fn without_the_flag_a_new_option_is_refused_with_its_name() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.multiselect("Pick", ["a", "b"]);
        });
        at.run();
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.multiselect(0).select("zebra");
        }));
        let message = refused.expect_err("refused");
        let text = message.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(text.contains("\"zebra\" is not one of the options"), "{text}");
    }
}
