//! `slider`: a number, or a range of numbers when given a pair.

use std::ops::RangeInclusive;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Number, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a slider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SliderProps {
    pub common: WidgetCommon,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// One value, or two for a range slider.
    pub value: Vec<f64>,
    pub is_int: bool,
}

impl WidgetProps for SliderProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        wire(&self.value)
    }
    fn set_value(&mut self, value: &WidgetValue) {
        match value {
            WidgetValue::Number(x) => self.value = vec![*x],
            WidgetValue::NumberPair(low, high) => self.value = vec![*low, *high],
            _ => {}
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Number(x) => Ok(WidgetValue::Number(x)),
            TestValue::Pair(low, high) => Ok(WidgetValue::NumberPair(low, high)),
            other => Err(format!("a slider cannot take {other:?}")),
        }
    }
}

/// What a slider can hold: a number, or a `(low, high)` pair for a range.
pub trait SliderValue: Copy + 'static {
    type Num: Number;
    fn numbers(self) -> Vec<f64>;
    fn from_numbers(numbers: &[f64]) -> Option<Self>;
    /// The value sitting at `min` (both ends of a range at `min`).
    fn at(min: f64) -> Self;
}

impl<T: Number> SliderValue for T {
    type Num = T;
    fn numbers(self) -> Vec<f64> {
        vec![self.to_f64()]
    }
    fn from_numbers(numbers: &[f64]) -> Option<Self> {
        match numbers {
            [x] => Some(T::from_f64(*x)),
            _ => None,
        }
    }
    fn at(min: f64) -> Self {
        T::from_f64(min)
    }
}

impl<T: Number> SliderValue for (T, T) {
    type Num = T;
    fn numbers(self) -> Vec<f64> {
        vec![self.0.to_f64(), self.1.to_f64()]
    }
    fn from_numbers(numbers: &[f64]) -> Option<Self> {
        match numbers {
            [low, high] if low <= high => Some((T::from_f64(*low), T::from_f64(*high))),
            _ => None,
        }
    }
    fn at(min: f64) -> Self {
        (T::from_f64(min), T::from_f64(min))
    }
}

fn wire(numbers: &[f64]) -> WidgetValue {
    match numbers {
        [x] => WidgetValue::Number(*x),
        [low, high, ..] => WidgetValue::NumberPair(*low, *high),
        [] => WidgetValue::NoNumber,
    }
}

fn numbers(wire: &WidgetValue) -> Vec<f64> {
    match wire {
        WidgetValue::Number(x) => vec![*x],
        WidgetValue::NumberPair(low, high) => vec![*low, *high],
        _ => Vec::new(),
    }
}

/// A slider over `min..=max`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let (low, high) = ui.add(Slider::new("Range", 0.0..=100.0).value((25.0, 75.0)));
///     ui.write(format!("{low} to {high}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "25 to 75");
/// at.slider(0).set_range(10.0, 20.0).run();
/// assert_eq!(at.markdown(0).text(), "10 to 20");
/// ```
pub struct Slider<V: SliderValue> {
    label: String,
    min: V::Num,
    max: V::Num,
    step: Option<V::Num>,
    value: Option<V>,
    options: CommonOptions,
}

impl<T: Number> Slider<T> {
    /// A slider starting at `range.start()`.
    pub fn new(label: impl Into<String>, range: RangeInclusive<T>) -> Self {
        let (min, max) = range.into_inner();
        Slider { label: label.into(), min, max, step: None, value: None, options: CommonOptions::default() }
    }
}

impl<V: SliderValue> Slider<V> {
    /// The value on first run: a number, or a `(low, high)` pair for a range slider.
    pub fn value<W: SliderValue<Num = V::Num>>(self, value: W) -> Slider<W> {
        Slider {
            label: self.label,
            min: self.min,
            max: self.max,
            step: self.step,
            value: Some(value),
            options: self.options,
        }
    }

    /// The step between values (1 for integers, 0.01 for floats by default).
    pub fn step(mut self, step: V::Num) -> Self {
        self.step = Some(step);
        self
    }
}

impl<V: SliderValue> WidgetOptions for Slider<V> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<V: SliderValue> Command for Slider<V> {
    type Output = V;

    fn show(self, ui: &Ui) -> V {
        let Slider { label, min, max, step, value, options } = self;
        let (min, max) = (min.to_f64(), max.to_f64());
        let step = step.unwrap_or_else(V::Num::default_step).to_f64();
        let explicit_default = value.is_some();
        let default = value.map(V::numbers).unwrap_or_else(|| vec![min]);
        let fallback = V::from_numbers(&default).unwrap_or_else(|| V::at(min));
        let problem = if min.is_nan() || max.is_nan() || min > max {
            Some(format!(
                "Slider `min_value` must be less than or equal to the `max_value`. The values were {min} and {max}."
            ))
        } else if step.is_nan() || step <= 0.0 {
            Some(format!("Slider `step` must be positive, got {step}."))
        } else {
            default.iter().find(|x| !(min..=max).contains(*x)).map(|x| {
                format!("The default `value` of {x} must lie between the `min_value` of {min} and the `max_value` of {max}, inclusively.")
            })
        };
        if let Some(problem) = problem {
            show_error(ui, api(problem));
            return fallback;
        }
        let spec = Spec {
            kind: "slider",
            identity: identity(
                "slider",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .number("min", min)
                        .number("max", max)
                        .number("step", step)
                        .numbers("value", &default)
                        .opt_text("help", options.help.as_deref())
                },
                // Streamlit: key_as_main_identity={"min_value", "max_value", "step"}; the arity is the wire shape.
                |id| {
                    id.number("min", min).number("max", max).number("step", step).number("arity", default.len() as f64)
                },
            ),
            default: wire(&default),
            decode: Rc::new(move |wire| {
                let numbers = numbers(wire);
                if numbers.iter().all(|x| (min..=max).contains(x)) {
                    V::from_numbers(&numbers)
                } else {
                    None
                }
            }),
            encode: Box::new(move |value: &V| {
                let numbers = value.numbers();
                match numbers.iter().find(|x| !(min..=max).contains(*x)) {
                    Some(x) => Err(format!("{x} is outside {min}..={max}")),
                    None => Ok(wire(&numbers)),
                }
            }),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || fallback,
            |registered| {
                let common = registered.common.clone();
                Element::Slider(SliderProps {
                    common,
                    min,
                    max,
                    step,
                    value: numbers(&registered.wire),
                    is_int: V::Num::IS_INT,
                })
            },
        )
    }
}

impl Ui {
    /// A slider over `range`, starting at its minimum.
    pub fn slider<T: Number>(&self, label: impl Into<String>, range: RangeInclusive<T>) -> T {
        self.add(Slider::new(label, range))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn widgets_return_their_default_on_first_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.slider("a", 5..=10);
            let b = ui.add(Slider::new("b", 0.0..=1.0).value(0.25));
            ui.write(format!("{a} {b}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "5 0.25");
    }

    #[test]
    fn min_greater_than_max_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let (low, high) = (10, 5);
            let x = ui.slider("x", low..=high);
            ui.write(format!("x = {x}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("must be less than or equal to the `max_value`"));
        assert_eq!(at.markdown(0).text(), "x = 10");
    }

    #[test]
    fn a_default_out_of_range_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Slider::new("x", 0..=100).value(150));
        });
        at.run();
        assert!(at.exception(0).text().contains("must lie between"));
    }

    #[test]
    fn with_a_key_the_label_does_not_reset_but_the_bounds_do() {
        let mut at = AppTest::new(|ui: &Ui| {
            let wide = ui.checkbox("Wide");
            let label = if wide { "Wide x" } else { "x" };
            let max = if ui.checkbox("Big") { 200 } else { 100 };
            let x = ui.add(Slider::new(label, 0..=max).key("x"));
            ui.write(x);
        });
        at.run();
        at.slider(0).set_value(40).run();
        at.checkbox(0).check().run();
        assert_eq!(at.markdown(0).text(), "40", "label change keeps a keyed value");
        at.checkbox(1).check().run();
        assert_eq!(at.markdown(0).text(), "0", "a bound change resets it");
    }

    #[test]
    fn setting_the_key_before_the_widget_sets_its_value() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Jump") {
                ui.session_state().set("celsius", 50.0)?;
            }
            let c = ui.add(Slider::new("Celsius", -100.0..=100.0).key("celsius"));
            ui.write(c);
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.slider(0).value::<f64>(), -100.0);
        at.button(0).click().run();
        assert_eq!(at.slider(0).value::<f64>(), 50.0);
        assert_eq!(at.markdown(0).text(), "50");
        at.run();
        assert_eq!(at.slider(0).value::<f64>(), 50.0, "the value sticks");
    }

    #[test]
    fn setting_the_key_after_the_widget_is_an_error() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Slider::new("s", 0..=10).key("my_slider"));
            ui.session_state().set("my_slider", 7)?;
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(
            at.exception(0).text(),
            "StateError: `st.session_state.my_slider` cannot be modified after the widget with key `my_slider` is instantiated."
        );
    }

    #[test]
    fn a_wrong_type_in_session_state_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.session_state().set("n", "seven")?;
            ui.add(Slider::new("n", 0..=10).key("n"));
            Ok::<_, Error>(())
        });
        at.run();
        let text = at.exception(0).text();
        assert!(text.contains("holds a `&str`") && text.contains("takes `i32`"), "{text}");
    }
}
