//! `number_input`: a number typed in, with − and + steppers.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Number, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a number input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberInputProps {
    pub common: WidgetCommon,
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: f64,
    pub is_int: bool,
}

impl WidgetProps for NumberInputProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Number(self.value)
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Number(x) = value {
            self.value = *x;
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Number(x) => Ok(WidgetValue::Number(x)),
            other => Err(format!("a number input cannot take {other:?}")),
        }
    }
}

/// A number input. `NumberInput::new` holds an `f64`, `NumberInput::int` an `i64`;
/// any [`Number`] type works through [`NumberInput::of`].
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let beans = ui.add(NumberInput::int("Beans").min(0).max(10));
///     ui.write(format!("Beans counted: {beans}"));
/// });
/// at.run();
/// at.number_input(0).increment().run();
/// assert_eq!(at.markdown(0).text(), "Beans counted: 1");
/// at.number_input(0).set_value(99).run();
/// assert_eq!(at.markdown(0).text(), "Beans counted: 1", "out-of-range input is refused");
/// ```
pub struct NumberInput<T: Number> {
    label: String,
    min: Option<T>,
    max: Option<T>,
    value: Option<T>,
    step: Option<T>,
    options: CommonOptions,
}

impl NumberInput<f64> {
    /// A float input starting at 0.0 (or at `min`).
    pub fn new(label: impl Into<String>) -> Self {
        NumberInput::of(label)
    }
}

impl NumberInput<i64> {
    /// An integer input starting at 0 (or at `min`).
    pub fn int(label: impl Into<String>) -> Self {
        NumberInput::of(label)
    }
}

impl<T: Number> NumberInput<T> {
    /// An input holding a `T`.
    pub fn of(label: impl Into<String>) -> Self {
        NumberInput {
            label: label.into(),
            min: None,
            max: None,
            value: None,
            step: None,
            options: CommonOptions::default(),
        }
    }

    /// The smallest allowed value.
    pub fn min(mut self, min: T) -> Self {
        self.min = Some(min);
        self
    }

    /// The largest allowed value.
    pub fn max(mut self, max: T) -> Self {
        self.max = Some(max);
        self
    }

    /// The value on first run.
    pub fn value(mut self, value: T) -> Self {
        self.value = Some(value);
        self
    }

    /// How much − and + change the value.
    pub fn step(mut self, step: T) -> Self {
        self.step = Some(step);
        self
    }
}

impl<T: Number> WidgetOptions for NumberInput<T> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Number> Command for NumberInput<T> {
    type Output = T;

    fn show(self, ui: &Ui) -> T {
        let NumberInput { label, min, max, value, step, options } = self;
        let (min, max) = (min.map(T::to_f64), max.map(T::to_f64));
        let step = step.unwrap_or_else(T::default_step).to_f64();
        let explicit_default = value.is_some();
        let default = value.map(T::to_f64).or(min).unwrap_or(0.0);
        let fallback = T::from_f64(default);
        let in_range = move |x: f64| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
        let problem = match (min, max) {
            (Some(lo), Some(hi)) if lo > hi => {
                Some(format!("The `min_value`, set to {lo}, shouldn't be larger than the `max_value`, set to {hi}."))
            }
            _ if !in_range(default) => {
                Some(format!("The default `value` {default} must be between the `min_value` and the `max_value`."))
            }
            _ if step.is_nan() || step <= 0.0 => Some(format!("The `step` must be positive, got {step}.")),
            _ => None,
        };
        if let Some(problem) = problem {
            show_error(ui, api(problem));
            return fallback;
        }
        let bound = |b: Option<f64>| b.unwrap_or(f64::NAN);
        let spec = Spec {
            kind: "number_input",
            identity: identity(
                "number_input",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .number("min", bound(min))
                        .number("max", bound(max))
                        .number("value", default)
                        .number("step", step)
                        .opt_text("help", options.help.as_deref())
                        // Streamlit hashes `str(value)`: `0` and `0.0` differ.
                        .flag("int", T::IS_INT)
                },
                |id| id.number("min", bound(min)).number("max", bound(max)),
            ),
            default: WidgetValue::Number(default),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Number(x) if x.is_finite() && in_range(*x) => Some(T::from_f64(*x)),
                _ => None,
            }),
            encode: Box::new(move |value: &T| {
                let x = value.to_f64();
                if in_range(x) {
                    Ok(WidgetValue::Number(x))
                } else {
                    Err(format!("{x} is outside the allowed range"))
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
                Element::NumberInput(NumberInputProps {
                    common,
                    value: registered.value.to_f64(),
                    min,
                    max,
                    step,
                    is_int: T::IS_INT,
                })
            },
        )
    }
}

impl Ui {
    /// A float input starting at 0.0.
    pub fn number_input(&self, label: impl Into<String>) -> f64 {
        self.add(NumberInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn min_above_max_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(NumberInput::new("x").min(5.0).max(1.0));
            ui.write("after");
        });
        at.run();
        assert!(at.exception(0).text().contains("shouldn't be larger than the `max_value`"));
        assert_eq!(at.markdown(0).text(), "after");
    }

    #[test]
    fn steppers_move_by_step_and_stop_at_the_bounds() {
        let mut at = AppTest::new(|ui: &Ui| {
            let x = ui.add(NumberInput::new("x").min(0.0).max(1.0).step(0.5));
            ui.write(x);
        });
        at.run();
        at.number_input(0).increment().run();
        at.number_input(0).increment().run();
        at.number_input(0).increment().run();
        assert_eq!(at.markdown(0).text(), "1");
        at.number_input(0).decrement().run();
        assert_eq!(at.markdown(0).text(), "0.5");
    }
}
