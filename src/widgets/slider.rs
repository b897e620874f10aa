//! `slider`: a number, a date, a time or a date and time, or a range of them when given a
//! pair. Dates and times slide on a scale of numbers (see [`SliderScale`]), so the page has
//! one slider for all.

use std::ops::RangeInclusive;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::slider_scale::{iso_on_scale, SliderScale, TimeFormat};
use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
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
    /// A date, time or datetime slider: its values are on that kind's scale (days, seconds;
    /// see [`SliderScale`]) and shown this way (boxed: every element is as large as the
    /// largest one).
    #[serde(default)]
    pub temporal: Option<Box<TimeFormat>>,
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
        let on_scale = |iso: &str| match &self.temporal {
            Some(format) => iso_on_scale(format.kind, iso).ok_or_else(|| format!("this slider cannot hold \"{iso}\"")),
            None => Err(format!("a number slider cannot take \"{iso}\"")),
        };
        match value {
            TestValue::Number(x) => Ok(WidgetValue::Number(x)),
            TestValue::Pair(low, high) => Ok(WidgetValue::NumberPair(low, high)),
            TestValue::Text(iso) => Ok(WidgetValue::Number(on_scale(&iso)?)),
            TestValue::Texts(pair) if pair.len() == 2 => {
                Ok(WidgetValue::NumberPair(on_scale(&pair[0])?, on_scale(&pair[1])?))
            }
            other => Err(format!("a slider cannot take {other:?}")),
        }
    }
}

/// What a slider can hold: a number (or date, time, datetime), or a `(low, high)` pair for a
/// range.
pub trait SliderValue: Copy + 'static {
    type Num: SliderScale;
    fn numbers(self) -> Vec<f64>;
    fn from_numbers(numbers: &[f64]) -> Option<Self>;
    /// The value sitting at `min` (both ends of a range at `min`).
    fn at(min: f64) -> Self;
}

impl<T: SliderScale> SliderValue for T {
    type Num = T;
    fn numbers(self) -> Vec<f64> {
        vec![self.to_scale()]
    }
    fn from_numbers(numbers: &[f64]) -> Option<Self> {
        match numbers {
            [x] => Some(T::from_scale(*x)),
            _ => None,
        }
    }
    fn at(min: f64) -> Self {
        T::from_scale(min)
    }
}

impl<T: SliderScale> SliderValue for (T, T) {
    type Num = T;
    fn numbers(self) -> Vec<f64> {
        vec![self.0.to_scale(), self.1.to_scale()]
    }
    fn from_numbers(numbers: &[f64]) -> Option<Self> {
        match numbers {
            [low, high] if low <= high => Some((T::from_scale(*low), T::from_scale(*high))),
            _ => None,
        }
    }
    fn at(min: f64) -> Self {
        (T::from_scale(min), T::from_scale(min))
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

/// A slider over `min..=max`: of numbers, or of dates ([`NaiveDate`](chrono::NaiveDate)),
/// times ([`NaiveTime`](chrono::NaiveTime)) or datetimes
/// ([`NaiveDateTime`](chrono::NaiveDateTime)), which return the same type, step by a
/// [`Duration`](std::time::Duration) (a day for dates, 15 minutes for the others by default)
/// and are shown as `YYYY-MM-DD`, `HH:mm` and `YYYY-MM-DD HH:mm` unless [`format`](Self::format)
/// says otherwise.
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
///
/// Over dates:
///
/// ```
/// use chrono::NaiveDate;
/// use wasmlit::prelude::*;
/// let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
/// let mut at = AppTest::new(move |ui: &Ui| {
///     let when = ui.add(Slider::new("When", day(1)..=day(31)).value(day(15)));
///     ui.write(format!("{when}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "2024-01-15");
/// at.slider(0).set_value(day(20)).run();
/// assert_eq!(at.markdown(0).text(), "2024-01-20");
/// ```
pub struct Slider<V: SliderValue> {
    label: String,
    min: V::Num,
    max: V::Num,
    step: Option<<V::Num as SliderScale>::Step>,
    value: Option<V>,
    format: Option<String>,
    options: CommonOptions,
}

impl<T: SliderScale> Slider<T> {
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

    /// A slider at `value` (a `(low, high)` pair for a range) with Streamlit's default
    /// bounds, widened to hold it: `0..=100` for integers, `0.0..=1.0` for floats, 14 days
    /// either side for dates and datetimes, 00:00 to 23:45 for times.
    ///
    /// ```
    /// use chrono::NaiveTime;
    /// use wasmlit::prelude::*;
    /// let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     let at = ui.add(Slider::from_value("Meet at", noon));
    ///     ui.write(format!("{at}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "12:00:00");
    /// ```
    pub fn from_value<W: SliderValue<Num = T>>(label: impl Into<String>, value: W) -> Slider<W> {
        let numbers = value.numbers();
        let (low, high) = (numbers.first().copied().unwrap_or_default(), numbers.last().copied().unwrap_or_default());
        let (min, max) = T::default_bounds(low, high);
        Slider::new(label, T::from_scale(min)..=T::from_scale(max)).value(value)
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

    /// The step between values (1 for integers, 0.01 for floats, a day for dates, 15 minutes
    /// for times and datetimes by default). A date slider's step is whole days, a time's
    /// whole seconds; another is an error drawn in place of the slider.
    pub fn step(mut self, step: <V::Num as SliderScale>::Step) -> Self {
        self.step = Some(step);
        self
    }

    /// How the page shows the value and bounds, as Streamlit's printf-style `format`
    /// (`"%d%%"`, `"$%.2f"`, `"%.1e"`) or a named format (`"percent"`, `"compact"`, ...; see
    /// [`NumberFormat`]). A format that is not one is an error drawn in place of the slider.
    /// Dates and times take Moment.js notation (`"MMM D, YYYY"`, `"h:mm A"`) or a strftime
    /// pattern with `%` (see [`TimeFormat`]).
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
        #[cfg(target_arch = "wasm32")]
        crate::web::widgets::slider::install_number_format();
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
        let (min, max) = (min.to_scale(), max.to_scale());
        let step = V::Num::step_on_scale(step.unwrap_or_else(V::Num::default_step));
        let explicit_default = value.is_some();
        // As given: the identity hashes the arguments, as Streamlit's does.
        let given = value.map(V::numbers).unwrap_or_else(|| vec![min]);
        let (lo, hi, default) = fit_bounds(min, max, &given);
        let fallback = V::from_numbers(&default).unwrap_or_else(|| V::at(lo));
        // How the page shows the values: a number format, or a date or time one.
        let shown = match V::Num::KIND {
            Some(kind) => {
                #[cfg(target_arch = "wasm32")]
                crate::web::widgets::slider::install_time_format();
                TimeFormat::new(kind, format.as_deref()).map(|time| (None, Some(Box::new(time))))
            }
            None => format.as_deref().map(NumberFormat::parse).transpose().map(|number| (number, None)),
        };
        let checked = (|| {
            if [min, max].iter().chain(&given).any(|x| x.is_nan()) {
                return Err(format!(
                    "Slider `min_value`, `max_value` and `value` must be numbers, got {min}, {max} and {given:?}."
                ));
            }
            let step = step?;
            if step.is_nan() || step <= 0.0 {
                return Err(format!("Slider `step` must be positive, got {step}."));
            }
            let shown = shown.map_err(|why| format!("Slider `format`: {why}."))?;
            if lo == hi {
                return Err(format!(
                    "Slider `min_value` must be less than the `max_value`.\nThe values were {} and {}.",
                    V::Num::describe(lo),
                    V::Num::describe(hi)
                ));
            }
            Ok((step, shown))
        })();
        let (step, (number_format, temporal)) = match checked {
            Ok(checked) => checked,
            Err(problem) => {
                show_error(ui, api(problem));
                return fallback;
            }
        };
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
                    // Only a slider with a format, or of dates or times, says so: the ids of the
                    // others stay as they were.
                    let id = match &format {
                        Some(format) => id.text("format", format),
                        None => id,
                    };
                    match V::Num::KIND {
                        Some(kind) => id.text("scale", kind.input_type()),
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
                // An integer slider refuses a fraction rather than round it behind the page's value.
                let whole = |x: &f64| !V::Num::IS_INT || V::Num::KIND.is_some() || x.fract() == 0.0;
                if numbers.iter().all(|x| (lo..=hi).contains(x) && whole(x)) {
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
                make::slider(SliderProps {
                    common,
                    min: lo,
                    max: hi,
                    step,
                    value: numbers(&registered.wire),
                    is_int: V::Num::IS_INT,
                    format: number_format,
                    temporal,
                })
            },
        )
    }
}

impl Ui {
    /// A slider over `range`, starting at its minimum.
    pub fn slider<T: SliderScale>(&self, label: impl Into<String>, range: RangeInclusive<T>) -> T {
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

    mod temporal {
        use std::time::Duration;

        use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

        use crate::prelude::*;
        use crate::widgets::slider::SliderProps;
        use crate::Element;

        fn day(d: u32) -> NaiveDate {
            NaiveDate::from_ymd_opt(2024, 1, d).expect("a January day")
        }

        fn time(h: u32, m: u32) -> NaiveTime {
            NaiveTime::from_hms_opt(h, m, 0).expect("a time")
        }

        fn at_time(d: u32, h: u32, m: u32) -> NaiveDateTime {
            day(d).and_time(time(h, m))
        }

        fn props(at: &mut AppTest, index: usize) -> SliderProps {
            match at.slider(index).element() {
                Element::Slider(p) => p.clone(),
                other => panic!("not a slider: {other:?}"),
            }
        }

        /// What the page shows: the values, then the bounds.
        fn labels(p: &SliderProps) -> (Vec<String>, String, String) {
            let format = p.temporal.as_ref().expect("a date or time slider");
            (p.value.iter().map(|x| format.apply(*x)).collect(), format.apply(p.min), format.apply(p.max))
        }

        #[test]
        fn a_date_slider_steps_by_a_day_and_returns_dates() {
            let mut at = AppTest::new(|ui: &Ui| {
                let when = ui.slider("When", day(1)..=day(31));
                let around = ui.add(Slider::from_value("Around", day(15)));
                ui.write(format!("{when} {around}"));
            });
            at.run();
            assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
            assert_eq!(at.markdown(0).text(), "2024-01-01 2024-01-15");
            let when = props(&mut at, 0);
            assert_eq!((when.step, when.is_int, when.format.clone()), (1.0, true, None));
            assert_eq!(labels(&when), (vec!["2024-01-01".into()], "2024-01-01".into(), "2024-01-31".into()));
            assert_eq!(labels(&props(&mut at, 1)).1, "2024-01-01", "14 days before the value");
            assert_eq!(labels(&props(&mut at, 1)).2, "2024-01-29", "14 days after");
            assert_eq!(at.slider(0).value::<NaiveDate>(), day(1));
            at.slider(0).set_value(day(9)).run();
            assert_eq!(at.markdown(0).text(), "2024-01-09 2024-01-15");
            assert_eq!(labels(&props(&mut at, 0)).0, ["2024-01-09"]);
        }

        #[test]
        fn a_datetime_range_slider_returns_a_pair_and_steps_by_15_minutes() {
            let mut at = AppTest::new(|ui: &Ui| {
                let window = Slider::new("Window", at_time(1, 0, 0)..=at_time(3, 0, 0));
                let (from, to) = ui.add(window.value((at_time(1, 9, 0), at_time(1, 17, 30))));
                ui.write(format!("{from} to {to}"));
            });
            at.run();
            assert_eq!(at.markdown(0).text(), "2024-01-01 09:00:00 to 2024-01-01 17:30:00");
            let window = props(&mut at, 0);
            assert_eq!(window.step, 900.0);
            assert_eq!(labels(&window).0, ["2024-01-01 09:00", "2024-01-01 17:30"]);
            at.slider(0).set_value((at_time(2, 8, 15), at_time(2, 20, 45))).run();
            assert_eq!(at.markdown(0).text(), "2024-01-02 08:15:00 to 2024-01-02 20:45:00");
            assert_eq!(at.slider(0).value::<(NaiveDateTime, NaiveDateTime)>(), (at_time(2, 8, 15), at_time(2, 20, 45)));
        }

        #[test]
        fn a_time_slider_spans_the_day_in_15_minute_steps() {
            let mut at = AppTest::new(|ui: &Ui| {
                let alarm = ui.add(Slider::from_value("Alarm", time(7, 30)));
                let late = ui.add(Slider::from_value("Late", time(23, 50)));
                let (start, end) =
                    ui.add(Slider::from_value("Shift", (time(9, 0), time(17, 0))).step(Duration::from_secs(3600)));
                ui.write(format!("{alarm} {late} {start}-{end}"));
            });
            at.run();
            assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
            assert_eq!(at.markdown(0).text(), "07:30:00 23:50:00 09:00:00-17:00:00");
            let alarm = props(&mut at, 0);
            assert_eq!(alarm.step, 900.0);
            assert_eq!(labels(&alarm), (vec!["07:30".into()], "00:00".into(), "23:45".into()));
            assert_eq!(labels(&props(&mut at, 1)).2, "23:50", "a later value widens the bounds");
            assert_eq!(props(&mut at, 2).step, 3600.0);
            at.slider(0).set_value(time(6, 45)).run();
            assert_eq!(at.slider(0).value::<NaiveTime>(), time(6, 45));
        }

        #[test]
        fn session_state_holds_the_date_both_ways() {
            let mut at = AppTest::new(|ui: &Ui| {
                if ui.button("Payday") {
                    ui.session_state().set("when", day(25))?;
                }
                ui.add(Slider::new("When", day(1)..=day(31)).key("when"));
                let stored: NaiveDate = ui.session_state().get("when")?;
                ui.write(format!("stored {stored}"));
                Ok::<_, Error>(())
            });
            at.run();
            assert_eq!(at.markdown(0).text(), "stored 2024-01-01");
            at.slider(0).set_value(day(3)).run();
            assert_eq!(at.markdown(0).text(), "stored 2024-01-03");
            at.button(0).click().run();
            assert_eq!(at.markdown(0).text(), "stored 2024-01-25");
            assert_eq!(labels(&props(&mut at, 0)).0, ["2024-01-25"], "the page shows the value set");
        }

        #[test]
        fn a_date_set_outside_the_bounds_through_session_state_is_an_error_element() {
            let mut at = AppTest::new(|ui: &Ui| {
                ui.session_state().set("when", day(1) + chrono::Months::new(72))?;
                ui.add(Slider::new("When", day(1)..=day(31)).key("when"));
                Ok::<_, Error>(())
            });
            at.run();
            let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
            assert!(errors.len() == 1 && errors[0].contains("outside"), "{errors:?}");
        }

        #[test]
        fn a_format_shows_values_and_bounds_its_way() {
            let mut at = AppTest::new(|ui: &Ui| {
                ui.add(Slider::new("Day", day(1)..=day(31)).value(day(15)).format("MMM D, YYYY"));
                ui.add(Slider::from_value("Clock", time(13, 5)).format("h:mm A"));
                ui.add(Slider::from_value("At", at_time(2, 8, 0)).format("%d/%m %H:%M"));
            });
            at.run();
            assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
            let day_labels = labels(&props(&mut at, 0));
            assert_eq!(day_labels, (vec!["Jan 15, 2024".into()], "Jan 1, 2024".into(), "Jan 31, 2024".into()));
            assert_eq!(labels(&props(&mut at, 1)).0, ["1:05 PM"]);
            assert_eq!(labels(&props(&mut at, 2)).0, ["02/01 08:00"]);
        }

        #[test]
        fn bad_steps_bounds_and_formats_are_error_elements_and_the_app_goes_on() {
            let mut at = AppTest::new(|ui: &Ui| {
                let a = ui.add(Slider::new("a", day(1)..=day(31)).step(Duration::ZERO));
                let b = ui.add(Slider::new("b", day(1)..=day(31)).value(day(2)).step(Duration::from_secs(3600)));
                let c = ui.slider("c", day(5)..=day(5));
                let d = ui.add(Slider::from_value("d", time(9, 0)).step(Duration::from_millis(500)));
                let e = ui.add(Slider::new("e", day(1)..=day(31)).format("%Y-%"));
                ui.write(format!("{a} {b} {c} {d} {e}"));
            });
            at.run();
            let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
            assert_eq!(errors.len(), 5, "{errors:?}");
            assert!(errors[0].contains("`step` must be a positive whole number of days, got 0ns"), "{errors:?}");
            assert!(errors[1].contains("whole number of days, got 3600s"), "{errors:?}");
            assert!(errors[2].contains("The values were 2024-01-05 and 2024-01-05."), "{errors:?}");
            assert!(errors[3].contains("whole number of seconds, got 500ms"), "{errors:?}");
            assert!(errors[4].contains("Slider `format`: `%Y-%` is not a strftime format"), "{errors:?}");
            assert!(at.get("slider").is_empty());
            assert_eq!(at.markdown(0).text(), "2024-01-01 2024-01-02 2024-01-05 09:00:00 2024-01-01");
        }
    }
}
