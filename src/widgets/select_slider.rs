//! `select_slider`: a slider over a list of options of any type, one option or a range.

use std::fmt::Display;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, display_format, identity, option_index, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a select slider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectSliderProps {
    /// Id, label, key, form, help, ...
    pub common: WidgetCommon,
    /// The options as shown (through the format function).
    pub options: Vec<String>,
    /// The index of the chosen option, or the two indices (low, high) of a range.
    pub value: Vec<usize>,
}

impl WidgetProps for SelectSliderProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        wire(&self.value)
    }
    fn set_value(&mut self, value: &WidgetValue) {
        let indices = indices(value);
        if indices.len() == self.value.len() {
            self.value = indices;
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        let indices = match value {
            TestValue::Text(option) => vec![option_index(&self.options, &option)?],
            TestValue::Texts(options) => {
                options.iter().map(|o| option_index(&self.options, o)).collect::<Result<Vec<_>, _>>()?
            }
            other => return Err(format!("a select_slider cannot take {other:?}")),
        };
        if indices.len() != self.value.len() {
            return Err(format!(
                "this select_slider holds {} option(s), got {}: {indices:?}",
                self.value.len(),
                indices.len()
            ));
        }
        Ok(wire(&indices))
    }
    fn options(&self) -> Option<&[String]> {
        Some(&self.options)
    }
}

/// The wire value of one index (`Index`) or a range (`Indices([low, high])`).
fn wire(indices: &[usize]) -> WidgetValue {
    match indices {
        [i] => WidgetValue::Index(Some(*i)),
        other => WidgetValue::Indices(other.to_vec()),
    }
}

fn indices(wire: &WidgetValue) -> Vec<usize> {
    match wire {
        WidgetValue::Index(Some(i)) => vec![*i],
        WidgetValue::Indices(indices) => indices.clone(),
        _ => Vec::new(),
    }
}

/// A select slider that holds one option (the default); see [`SelectSlider::range`].
pub struct One;
/// A select slider that holds a `(low, high)` range of options.
pub struct Range;

/// Whether a [`SelectSlider`] holds one option ([`One`]) or a range ([`Range`]).
pub trait SelectSliderMode: 'static {
    /// What the script gets: `T`, or `(T, T)`.
    type Output<T: Clone + 'static>: Clone + 'static;
    /// How many thumbs the slider has.
    const THUMBS: usize;
    #[doc(hidden)]
    fn pick<T: Clone + 'static>(values: &[T], indices: &[usize]) -> Option<Self::Output<T>>;
    #[doc(hidden)]
    fn values<T: Clone + 'static>(value: &Self::Output<T>) -> Vec<T>;
}

impl SelectSliderMode for One {
    type Output<T: Clone + 'static> = T;
    const THUMBS: usize = 1;
    fn pick<T: Clone + 'static>(values: &[T], indices: &[usize]) -> Option<T> {
        match indices {
            [i] => values.get(*i).cloned(),
            _ => None,
        }
    }
    fn values<T: Clone + 'static>(value: &T) -> Vec<T> {
        vec![value.clone()]
    }
}

impl SelectSliderMode for Range {
    type Output<T: Clone + 'static> = (T, T);
    const THUMBS: usize = 2;
    fn pick<T: Clone + 'static>(values: &[T], indices: &[usize]) -> Option<(T, T)> {
        match indices {
            [low, high] if low <= high => Some((values.get(*low)?.clone(), values.get(*high)?.clone())),
            _ => None,
        }
    }
    fn values<T: Clone + 'static>(value: &(T, T)) -> Vec<T> {
        vec![value.0.clone(), value.1.clone()]
    }
}

/// A slider over options of any type: one option, or a `(low, high)` range of them.
///
/// As in Streamlit, it starts at the first option; `.value(..)` picks another and
/// `.range(low, high)` makes it a range slider (a range given high to low is swapped). A
/// default that is not one of the options, or no options at all, is an error drawn in place
/// of the widget; the call then returns the first option (or `T::default()`) and the script
/// goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let colors = ["red", "orange", "yellow", "green", "blue"];
///     let (start, end) = ui.add(SelectSlider::new("Wavelengths", colors).range("orange", "green"));
///     ui.write(format!("{start} to {end}"));
///     let size = ui.select_slider("Size", ["S", "M", "L"]);
///     ui.write(size);
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "orange to green");
/// at.select_slider(0).set_value(vec!["red", "yellow"]).run();
/// at.select_slider(1).set_value("L").run();
/// assert_eq!(at.markdown(0).text(), "red to yellow");
/// assert_eq!(at.markdown(1).text(), "L");
/// ```
#[must_use = "a select slider is drawn by `ui.add(..)`"]
pub struct SelectSlider<T, M: SelectSliderMode = One> {
    label: String,
    values: Vec<T>,
    format: Rc<dyn Fn(&T) -> String>,
    value: Option<Vec<T>>,
    options: CommonOptions,
    mode: PhantomData<M>,
}

impl<T: Clone + PartialEq + Default + Display + 'static> SelectSlider<T> {
    /// A select slider over `options`, shown through `Display`, at the first option.
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        SelectSlider::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + Default + 'static> SelectSlider<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        SelectSlider {
            label: label.into(),
            values: options.into_iter().collect(),
            format: Rc::new(format),
            value: None,
            options: CommonOptions::default(),
            mode: PhantomData,
        }
    }

    /// The option chosen on first run.
    pub fn value(mut self, value: T) -> Self {
        self.value = Some(vec![value]);
        self
    }

    /// Makes this a range slider from `low` to `high` on first run; it returns `(T, T)`.
    pub fn range(self, low: T, high: T) -> SelectSlider<T, Range> {
        SelectSlider {
            label: self.label,
            values: self.values,
            format: self.format,
            value: Some(vec![low, high]),
            options: self.options,
            mode: PhantomData,
        }
    }
}

impl<T, M: SelectSliderMode> WidgetOptions for SelectSlider<T, M> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Clone + PartialEq + Default + 'static, M: SelectSliderMode> Command for SelectSlider<T, M> {
    type Output = M::Output<T>;

    fn show(self, ui: &Ui) -> M::Output<T> {
        let SelectSlider { label, values, format, value, options, .. } = self;
        let explicit_default = value.is_some();
        let labels: Vec<String> = values.iter().map(|v| format(v)).collect();
        let values = Rc::new(values);
        let first = || vec![0; M::THUMBS];
        let fallback_values = values.clone();
        let fallback = move |indices: &[usize]| {
            M::pick(&fallback_values, indices)
                .unwrap_or_else(|| M::pick(&[T::default()], &vec![0; M::THUMBS]).expect("one default value per thumb"))
        };
        if values.is_empty() {
            show_error(ui, api(format!("The select_slider \"{label}\" has no options: `options` must be non-empty.")));
            return fallback(&[]);
        }
        let default = match &value {
            None => first(),
            Some(chosen) => {
                let found: Option<Vec<usize>> = chosen.iter().map(|c| values.iter().position(|v| v == c)).collect();
                match found {
                    Some(mut indices) => {
                        indices.sort_unstable();
                        indices
                    }
                    None => {
                        show_error(
                            ui,
                            api(format!(
                                "The value of the select_slider \"{label}\" is not one of its options {labels:?}."
                            )),
                        );
                        return fallback(&first());
                    }
                }
            }
        };
        let decode_values = values.clone();
        let encode_values = values.clone();
        let encode_labels = labels.clone();
        let default_numbers: Vec<f64> = default.iter().map(|&i| i as f64).collect();
        let spec = Spec {
            kind: "select_slider",
            identity: identity(
                "select_slider",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .texts("options", &labels)
                        .numbers("value", &default_numbers)
                        .opt_text("help", options.help.as_deref())
                },
                // The options constrain the value; the arity is the wire shape.
                |id| id.texts("options", &labels).number("arity", M::THUMBS as f64),
            ),
            default: wire(&default),
            decode: Rc::new(move |wire| M::pick(&decode_values, &indices(wire))),
            encode: Box::new(move |value: &M::Output<T>| {
                let found: Option<Vec<usize>> =
                    M::values(value).iter().map(|c| encode_values.iter().position(|v| v == c)).collect();
                match found {
                    Some(indices) if indices.windows(2).all(|w| w[0] <= w[1]) => Ok(wire(&indices)),
                    Some(_) => Err("the low end of the range is after the high end".into()),
                    None => Err(format!("it is not one of the options {encode_labels:?}")),
                }
            }),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || fallback(&default),
            |registered| {
                make::select_slider(SelectSliderProps {
                    common: registered.common.clone(),
                    options: labels.clone(),
                    value: indices(&registered.wire),
                })
            },
        )
    }
}

impl Ui {
    /// A slider over `options`; returns the chosen option (the first at first).
    pub fn select_slider<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> T
    where
        T: Clone + PartialEq + Default + Display + 'static,
    {
        self.add(SelectSlider::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::Element;

    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    enum Size {
        #[default]
        Small,
        Medium,
        Large,
    }

    #[test]
    fn options_of_any_type_through_a_format_func() {
        let mut at = AppTest::new(|ui: &Ui| {
            let size = ui.add(
                SelectSlider::with_format_func("Size", [Size::Small, Size::Medium, Size::Large], |s: &Size| {
                    format!("{s:?}").to_lowercase()
                })
                .value(Size::Medium),
            );
            ui.write(format!("{size:?}"));
        });
        at.run();
        assert_eq!(at.select_slider(0).options(), ["small", "medium", "large"]);
        assert_eq!(at.markdown(0).text(), "Medium");
        at.select_slider(0).set_value("large").run();
        assert_eq!(at.markdown(0).text(), "Large");
        assert_eq!(at.select_slider(0).value::<Size>(), Size::Large);
    }

    #[test]
    fn a_range_is_a_pair_of_indices_on_the_wire_and_a_reversed_default_is_swapped() {
        let mut at = AppTest::new(|ui: &Ui| {
            let (low, high) = ui.add(SelectSlider::new("Grades", ["F", "D", "C", "B", "A"]).range("B", "D"));
            ui.write(format!("{low}..{high}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "D..B");
        match at.select_slider(0).element() {
            Element::SelectSlider(p) => assert_eq!(p.value, [1, 3]),
            other => panic!("not a select slider: {other:?}"),
        }
        at.select_slider(0).set_value(vec!["F", "A"]).run();
        assert_eq!(at.markdown(0).text(), "F..A");
    }

    #[test]
    fn a_default_outside_the_options_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let one = ui.add(SelectSlider::new("One", ["a", "b"]).value("z"));
            let (low, high) = ui.add(SelectSlider::new("Two", ["a", "b"]).range("a", "q"));
            let none = ui.select_slider("None", Vec::<String>::new());
            ui.write(format!("{one} {low} {high} [{none}]"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("is not one of its options"), "{errors:?}");
        assert!(errors[2].contains("must be non-empty"), "{errors:?}");
        assert!(at.get("select_slider").is_empty());
        assert_eq!(at.markdown(0).text(), "a a a []");
    }

    #[test]
    fn session_state_sets_a_keyed_select_slider_and_refuses_other_values() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Jump") {
                ui.session_state().set("size", "L")?;
            }
            if ui.button("Bad") {
                ui.session_state().set("size", "XXL")?;
            }
            let size = ui.add(SelectSlider::new("Size", ["S", "M", "L"]).key("size"));
            ui.write(size);
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "S");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "L");
        at.button(1).click().run();
        assert!(at.exception(0).text().contains("not one of the options"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "S", "the fallback is the default");
    }

    #[test]
    fn a_keyed_select_slider_keeps_its_value_when_the_label_changes_but_not_the_options() {
        let mut at = AppTest::new(|ui: &Ui| {
            let label = if ui.checkbox("Rename") { "Renamed" } else { "Size" };
            let options: &[&str] = if ui.checkbox("More") { &["S", "M", "L", "XL"] } else { &["S", "M", "L"] };
            let size = ui.add(SelectSlider::new(label, options.iter().copied()).key("size"));
            ui.write(size);
        });
        at.run();
        at.select_slider(0).set_value("M").run();
        at.checkbox(0).check().run();
        assert_eq!(at.markdown(0).text(), "M");
        at.checkbox(1).check().run();
        assert_eq!(at.markdown(0).text(), "S");
    }

    #[test]
    #[should_panic(expected = "holds 1 option(s), got 2")]
    fn a_single_select_slider_refuses_a_range_in_app_test() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.select_slider("Size", ["S", "M", "L"]);
        });
        at.run();
        at.select_slider(0).set_value(vec!["S", "M"]);
    }
}
