//! `number_input`: a number typed in, with − and + steppers.

use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    api, check_field_icon, identity, show, show_error, CommonOptions, Number, Optional, Presence, Required, Spec,
    WidgetOptions,
};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::number_format::NumberFormat;
use crate::ui::{Command, Ui};

/// What the page shows for a number input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberInputProps {
    pub common: WidgetCommon,
    /// The number shown (meaningless while `empty`).
    pub value: f64,
    /// Holds no number (only an input made by `.no_default()` can).
    pub empty: bool,
    /// Made by `.no_default()`: it may hold no number.
    pub optional: bool,
    /// Grey text shown while the input is empty.
    pub placeholder: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: f64,
    pub is_int: bool,
    /// How the field shows the number (`format=` in Streamlit): `%d`, `%.Nf` or `%e`.
    #[serde(default)]
    pub format: Option<NumberFormat>,
    /// An emoji or `:material/name:` icon inside the field.
    #[serde(default)]
    pub icon: Option<String>,
}

impl WidgetProps for NumberInputProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        if self.empty {
            WidgetValue::NoNumber
        } else {
            WidgetValue::Number(self.value)
        }
    }
    fn set_value(&mut self, value: &WidgetValue) {
        match value {
            WidgetValue::Number(x) => {
                self.value = *x;
                self.empty = false;
            }
            WidgetValue::NoNumber if self.optional => self.empty = true,
            _ => {}
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Number(x) => Ok(WidgetValue::Number(x)),
            TestValue::Empty if self.optional => Ok(WidgetValue::NoNumber),
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
pub struct NumberInput<T: Number, P: Presence = Required> {
    label: String,
    min: Option<T>,
    max: Option<T>,
    value: Option<T>,
    step: Option<T>,
    placeholder: Option<String>,
    format: Option<String>,
    icon: Option<String>,
    options: CommonOptions,
    presence: PhantomData<P>,
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
            placeholder: None,
            icon: None,
            format: None,
            options: CommonOptions::default(),
            presence: PhantomData,
        }
    }

    /// Starts empty (Streamlit's `value=None`) and returns `Option<T>`: `None` while the
    /// input holds no number. The viewer can empty it again; a stepper on an empty input
    /// goes to `min` (or 0).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let n = ui.add(NumberInput::int("Guests").min(1).no_default().placeholder("How many?"));
    ///     ui.write(format!("{n:?}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// at.number_input(0).increment().run();
    /// assert_eq!(at.markdown(0).text(), "Some(1)");
    /// at.number_input(0).set_value(None::<i64>).run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// ```
    pub fn no_default(self) -> NumberInput<T, Optional> {
        NumberInput {
            label: self.label,
            min: self.min,
            max: self.max,
            value: None,
            step: self.step,
            placeholder: self.placeholder,
            icon: self.icon,
            format: self.format,
            options: self.options,
            presence: PhantomData,
        }
    }
}

impl<T: Number, P: Presence> NumberInput<T, P> {
    /// An emoji or a Material icon (`":material/search:"`) inside the field, at its left, as
    /// Streamlit's `icon=`; anything else is an error drawn in place of the widget.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// Grey text shown while the input is empty.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
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

    /// How the field shows the number, as Streamlit's printf-style `format`: `"%d"`,
    /// `"%.2f"`, `"%.1e"`. The field holds only the number, so text around the conversion and
    /// named formats are refused with an error in place of the input.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.add(NumberInput::new("Price").value(1.5).format("%.2f"));
    /// });
    /// at.run();
    /// let input = at.number_input(0);
    /// let Element::NumberInput(props) = input.element() else { unreachable!() };
    /// assert_eq!(props.format.as_ref().unwrap().apply(1.5), "1.50");
    /// ```
    pub fn format(mut self, format: impl Into<String>) -> Self {
        self.format = Some(format.into());
        self
    }
}

impl<T: Number, P: Presence> WidgetOptions for NumberInput<T, P> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Number, P: Presence> Command for NumberInput<T, P> {
    type Output = P::Output<T>;

    fn show(self, ui: &Ui) -> P::Output<T> {
        let NumberInput { label, min, max, value, step, placeholder, format, icon, options, .. } = self;
        let number_format = match format.as_deref().map(NumberFormat::parse) {
            None => Ok(None),
            Some(Ok(f @ NumberFormat::Printf { .. })) if f.is_numeric() => Ok(Some(f)),
            Some(Ok(_)) => Err(format!(
                "The number_input `format` \"{}\" must show only a number: use %d, %.2f or %e, with no text around it.",
                format.as_deref().unwrap_or_default()
            )),
            Some(Err(why)) => Err(format!("The number_input `format`: {why}.")),
        };
        let (min, max) = (min.map(T::to_f64), max.map(T::to_f64));
        let step = step.unwrap_or_else(T::default_step).to_f64();
        let explicit_default = value.is_some();
        // A required input starts at its value, else `min`, else 0; an optional one at its
        // value or empty.
        let default =
            if P::OPTIONAL { value.map(T::to_f64) } else { Some(value.map(T::to_f64).or(min).unwrap_or(0.0)) };
        let as_output = |x: Option<f64>| {
            P::from_option(x.map(T::from_f64))
                .or_else(|| P::from_option(Some(T::from_f64(0.0))))
                .expect("a value is always taken")
        };
        let fallback = as_output(default);
        let in_range = move |x: f64| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
        let problem = match (min, max) {
            (Some(lo), Some(hi)) if lo > hi => {
                Some(format!("The `min_value`, set to {lo}, shouldn't be larger than the `max_value`, set to {hi}."))
            }
            (_, _) if default.is_some_and(|d| !in_range(d)) => Some(format!(
                "The default `value` {} must be between the `min_value` and the `max_value`.",
                default.unwrap_or_default()
            )),
            _ if step.is_nan() || step <= 0.0 => Some(format!("The `step` must be positive, got {step}.")),
            _ => number_format.as_ref().err().cloned(),
        };
        if let Some(problem) = problem {
            show_error(ui, api(problem));
            return fallback;
        }
        if let Err(error) = check_field_icon(&label, icon.as_deref()) {
            show_error(ui, error);
            return fallback;
        }
        let bound = |b: Option<f64>| b.unwrap_or(f64::NAN);
        let spec = Spec {
            kind: "number_input",
            identity: identity(
                "number_input",
                options.key.as_deref(),
                |id| {
                    let id = id
                        .text("label", &label)
                        .number("min", bound(min))
                        .number("max", bound(max))
                        .number("value", bound(default))
                        .number("step", step)
                        .opt_text("help", options.help.as_deref())
                        // Streamlit hashes `str(value)`: `0` and `0.0` differ.
                        .flag("int", T::IS_INT);
                    // Only an optional input (or one with a placeholder or format) says so:
                    // the ids of the others stay as they were.
                    let id = match &placeholder {
                        Some(placeholder) => id.text("placeholder", placeholder),
                        None => id,
                    };
                    let id = match &format {
                        Some(format) => id.text("format", format),
                        None => id,
                    };
                    if P::OPTIONAL {
                        id.flag("optional", true)
                    } else {
                        id
                    }
                },
                |id| {
                    let id = id.number("min", bound(min)).number("max", bound(max));
                    if P::OPTIONAL {
                        id.flag("optional", true)
                    } else {
                        id
                    }
                },
            ),
            default: default.map_or(WidgetValue::NoNumber, WidgetValue::Number),
            decode: Rc::new(move |wire| match wire {
                // An integer input refuses a fraction (from a link, say) rather than round it
                // behind the value the page shows.
                WidgetValue::Number(x) if x.is_finite() && in_range(*x) && (!T::IS_INT || x.fract() == 0.0) => {
                    P::from_option(Some(T::from_f64(*x)))
                }
                WidgetValue::NoNumber => P::from_option(None),
                _ => None,
            }),
            encode: Box::new(move |value: &P::Output<T>| match P::to_option(value) {
                Some(value) if in_range(value.to_f64()) => Ok(WidgetValue::Number(value.to_f64())),
                Some(value) => Err(format!("{} is outside the allowed range", value.to_f64())),
                None => Ok(WidgetValue::NoNumber),
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
                let value = P::to_option(&registered.value).map(T::to_f64);
                make::number_input(NumberInputProps {
                    common,
                    value: value.unwrap_or_default(),
                    empty: value.is_none(),
                    optional: P::OPTIONAL,
                    placeholder,
                    min,
                    max,
                    step,
                    is_int: T::IS_INT,
                    format: number_format.clone().ok().flatten(),
                    icon,
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
    use crate::Element;

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

    #[test]
    fn formats_that_are_not_only_a_number_are_error_elements() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.add(NumberInput::new("a").value(2.0).format("$%.2f"));
            let b = ui.add(NumberInput::new("b").value(2.0).format("percent"));
            let c = ui.add(NumberInput::new("c").value(2.0).format("%.3f"));
            ui.write(format!("{a} {b} {c}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().all(|e| e.contains("must show only a number")), "{errors:?}");
        assert_eq!(at.get("number_input").len(), 1);
        let Element::NumberInput(p) = at.number_input(0).element().clone() else { panic!("not a number input") };
        assert_eq!(p.format.unwrap().apply(2.0), "2.000");
        assert_eq!(at.markdown(0).text(), "2 2 2");
    }

    #[test]
    fn no_default_starts_empty_and_session_state_can_set_or_clear_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Set") {
                ui.session_state().set("n", Some(2.5))?;
            }
            if ui.button("Clear") {
                ui.session_state().set("n", None::<f64>)?;
            }
            if ui.button("Too big") {
                ui.session_state().set("n", Some(99.0))?;
            }
            let n = ui.add(NumberInput::new("n").max(10.0).no_default().placeholder("a number").key("n"));
            ui.write(format!("{n:?}"));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::NumberInput(p) = at.number_input(0).element().clone() else { panic!("not a number input") };
        assert_eq!((p.empty, p.optional, p.placeholder.as_deref()), (true, true, Some("a number")));
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Some(2.5)");
        at.button(1).click().run();
        assert_eq!(at.markdown(0).text(), "None");
        at.button(2).click().run();
        assert!(at.exception(0).text().contains("outside the allowed range"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "None", "the fallback is the default");
    }

    #[test]
    fn a_required_number_input_keeps_its_identity_and_refuses_no_number() {
        let mut at = AppTest::new(|ui: &Ui| {
            let x = ui.number_input("x");
            let y = ui.add(NumberInput::int("y").no_default().value(5).min(0).max(3));
            ui.write(format!("{x} {y:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("default `value` 5 must be between"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "0 Some(5)", "the fallback is the default");
        let expected = crate::identity::Identity::new("number_input")
            .text("label", "x")
            .number("min", f64::NAN)
            .number("max", f64::NAN)
            .number("value", 0.0)
            .number("step", 0.01)
            .opt_text("help", None)
            .flag("int", false)
            .opt_text("form", None)
            .text("page", "")
            .finish();
        assert_eq!(at.number_input(0).element().widget().map(|c| c.id), Some(expected));
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.number_input(0).set_value(None::<f64>);
        }));
        assert!(refused.is_err(), "a required number input cannot be emptied");
    }
}
