//! `slider`: a number, or a range of numbers when given a pair.

use std::ops::RangeInclusive;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Number, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::number_format::NumberFormat;
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
    /// How the values and bounds are shown (`format=` in Streamlit); the default otherwise.
    #[serde(default)]
    pub format: Option<NumberFormat>,
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

/// Streamlit's bound adjustment (`slider.py`, 1.39): `min > max` collapses to `max..=max`,
/// then the bounds widen to the default, a reversed range default being swapped first.
/// Returns the bounds and the default.
fn fit_bounds(min: f64, max: f64, given: &[f64]) -> (f64, f64, Vec<f64>) {
    let lo = min.min(max);
    let hi = lo.max(max);
    match *given {
        [x] => (lo.min(x), hi.max(x), vec![x]),
        [a, b] => {
            let (start, end) = if a > b { (b, a) } else { (a, b) };
            (lo.min(start), hi.max(end), vec![start, end])
        }
        _ => (lo, hi, given.to_vec()),
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
/// **Bounds**, as in Streamlit (1.39), which adjusts them rather than refusing them:
/// - a `value` outside `min..=max` widens the bounds to include it:
///   `Slider::new("x", 10..=100).value(0)` is a `0..=100` slider at 0;
/// - `min > max`: the bounds become `max..=max`, then widen to the value, which defaults to
///   `min`. Without a value they are swapped (`10..=5` is `5..=10`, at 10); with one, the
///   old `min` is dropped (`Slider::new("x", 10..=5).value(7)` is `5..=7`);
/// - a range value given high to low is swapped (`.value((8, 2))` is `(2, 8)`);
/// - bounds that are still equal after this (`5..=5`, `5..=5` with `.value(5)`) are an error,
///   as in Streamlit (its page cannot draw an empty slider). Like every widget error here it
///   is drawn in place of the slider, the call returns the value (or `min`) and the script
///   goes on; so is a `step` that is not positive, or a bound that is not a number.
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
    format: Option<String>,
    options: CommonOptions,
}

impl<T: Number> Slider<T> {
    /// A slider starting at `range.start()`.
    pub fn new(label: impl Into<String>, range: RangeInclusive<T>) -> Self {
        let (min, max) = range.into_inner();
        Slider {
            label: label.into(),
            min,
            max,
            step: None,
            value: None,
            format: None,
            options: CommonOptions::default(),
        }
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
            format: self.format,
            options: self.options,
        }
    }

    /// The step between values (1 for integers, 0.01 for floats by default).
    pub fn step(mut self, step: V::Num) -> Self {
        self.step = Some(step);
        self
    }

    /// How the page shows the value and bounds, as Streamlit's printf-style `format`
    /// (`"%d%%"`, `"$%.2f"`, `"%.1e"`) or a named format (`"percent"`, `"compact"`, ...; see
    /// [`NumberFormat`]). A format that is not one is an error drawn in place of the slider.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.add(Slider::new("Discount", 0..=50).value(10).format("%d%%"));
    /// });
    /// at.run();
    /// let slider = at.slider(0);
    /// let Element::Slider(props) = slider.element() else { unreachable!() };
    /// assert_eq!(props.format.as_ref().unwrap().apply(10.0), "10%");
    /// ```
    pub fn format(mut self, format: impl Into<String>) -> Self {
        self.format = Some(format.into());
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
        let Slider { label, min, max, step, value, format, options } = self;
        let (min, max) = (min.to_f64(), max.to_f64());
        let step = step.unwrap_or_else(V::Num::default_step).to_f64();
        let explicit_default = value.is_some();
        // As given: the identity hashes the arguments, as Streamlit's does.
        let given = value.map(V::numbers).unwrap_or_else(|| vec![min]);
        let (lo, hi, default) = fit_bounds(min, max, &given);
        let fallback = V::from_numbers(&default).unwrap_or_else(|| V::at(lo));
        let problem = if [min, max].iter().chain(&given).any(|x| x.is_nan()) {
            Some(format!(
                "Slider `min_value`, `max_value` and `value` must be numbers, got {min}, {max} and {given:?}."
            ))
        } else if step.is_nan() || step <= 0.0 {
            Some(format!("Slider `step` must be positive, got {step}."))
        } else if let Some(Err(why)) = format.as_deref().map(NumberFormat::parse) {
            Some(format!("Slider `format`: {why}."))
        } else if lo == hi {
            Some(format!("Slider `min_value` must be less than the `max_value`.\nThe values were {lo} and {hi}."))
        } else {
            None
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
                    let id = id
                        .text("label", &label)
                        .number("min", min)
                        .number("max", max)
                        .number("step", step)
                        .numbers("value", &given)
                        .opt_text("help", options.help.as_deref())
                        // Streamlit hashes `str(value)`: `0` and `0.0` differ.
                        .flag("int", V::Num::IS_INT);
                    // Only a slider with a format says so: the ids of the others stay as they were.
                    match &format {
                        Some(format) => id.text("format", format),
                        None => id,
                    }
                },
                // Streamlit: key_as_main_identity={"min_value", "max_value", "step"}; the arity is the wire shape.
                |id| {
                    id.number("min", min).number("max", max).number("step", step).number("arity", default.len() as f64)
                },
            ),
            default: wire(&default),
            decode: Rc::new(move |wire| {
                let numbers = numbers(wire);
                if numbers.iter().all(|x| (lo..=hi).contains(x)) {
                    V::from_numbers(&numbers)
                } else {
                    None
                }
            }),
            encode: Box::new(move |value: &V| {
                let numbers = value.numbers();
                match numbers.iter().find(|x| !(lo..=hi).contains(*x)) {
                    Some(x) => Err(format!("{x} is outside {lo}..={hi}")),
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
                    min: lo,
                    max: hi,
                    step,
                    value: numbers(&registered.wire),
                    is_int: V::Num::IS_INT,
                    format: format.as_deref().and_then(|f| NumberFormat::parse(f).ok()),
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
    use crate::Element;

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

    fn bounds(at: &mut AppTest, index: usize) -> (f64, f64) {
        match at.slider(index).element() {
            Element::Slider(p) => (p.min, p.max),
            other => panic!("not a slider: {other:?}"),
        }
    }

    #[test]
    fn a_bad_format_is_an_error_element_and_a_good_one_shows_the_values() {
        let mut at = AppTest::new(|ui: &Ui| {
            let x = ui.add(Slider::new("x", 0..=10).value(3).format("%s"));
            let y = ui.add(Slider::new("y", 0.0..=1.0).value(0.25).format("%.0f%%"));
            ui.write(format!("{x} {y}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert!(errors.len() == 1 && errors[0].contains("Slider `format`"), "{errors:?}");
        assert_eq!(at.get("slider").len(), 1);
        let Element::Slider(props) = at.slider(0).element().clone() else { panic!("not a slider") };
        assert_eq!(props.format.unwrap().apply(0.25), "0%");
        assert_eq!(at.markdown(0).text(), "3 0.25");
    }

    #[test]
    fn min_equal_to_max_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let x = ui.slider("x", 5..=5);
            let y = ui.add(Slider::new("y", 3.0..=3.0).value(3.0));
            ui.write(format!("x = {x}, y = {y}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("Slider `min_value` must be less than the `max_value`."), "{errors:?}");
        assert!(errors[0].contains("The values were 5 and 5."), "{errors:?}");
        assert!(at.get("slider").is_empty());
        assert_eq!(at.markdown(0).text(), "x = 5, y = 3");
    }

    #[test]
    fn a_default_outside_the_bounds_widens_them_as_in_streamlit() {
        let mut at = AppTest::new(|ui: &Ui| {
            let low = ui.add(Slider::new("low", 10..=100).value(0));
            let high = ui.add(Slider::new("high", 10..=100).value(101));
            let (a, b) = ui.add(Slider::new("range", 10..=100).value((120, 5)));
            ui.write(format!("{low} {high} {a} {b}"));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(at.markdown(0).text(), "0 101 5 120", "a reversed range is swapped");
        assert_eq!(bounds(&mut at, 0), (0.0, 100.0));
        assert_eq!(bounds(&mut at, 1), (10.0, 101.0));
        assert_eq!(bounds(&mut at, 2), (5.0, 120.0));
        at.slider(0).set_value(5).run();
        assert_eq!(at.markdown(0).text(), "5 101 5 120", "the widened range holds values");
    }

    #[test]
    fn min_greater_than_max_follows_streamlit() {
        let mut at = AppTest::new(|ui: &Ui| {
            let (low, high) = (10, 5);
            let x = ui.slider("x", low..=high);
            let y = ui.add(Slider::new("y", low..=high).value(7));
            let (low, high) = (101, 100);
            let z = ui.add(Slider::new("z", low..=high).value(101));
            ui.write(format!("x = {x}, y = {y}, z = {z}"));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(at.markdown(0).text(), "x = 10, y = 7, z = 101");
        assert_eq!(bounds(&mut at, 0), (5.0, 10.0), "without a value (min): swapped");
        assert_eq!(bounds(&mut at, 1), (5.0, 7.0), "max..=max widened to the value");
        assert_eq!(bounds(&mut at, 2), (100.0, 101.0), "Streamlit's test_max_min");
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
