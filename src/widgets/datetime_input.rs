//! `datetime_input`: a date and a time of day, or maybe none.

use std::time::Duration;

use chrono::NaiveDateTime;

pub use super::temporal::TemporalProps;
use super::temporal::{TemporalKind, TemporalSpec, TemporalValue};
use super::{CommonOptions, WidgetOptions};
use crate::element::make;
use crate::ui::{Command, Ui};

/// A date-and-time input; returns a [`NaiveDateTime`], now (to the minute) at first.
///
/// It combines [`DateInput`](super::date_input::DateInput) and
/// [`TimeInput`](super::time_input::TimeInput): bounds ten years either side of the default
/// unless `.min(..)`/`.max(..)` say otherwise, the date shown through `.format(..)`, the time in
/// steps of 15 minutes unless `.step(..)` says otherwise, and `.no_default()` for an input that
/// starts empty and returns `Option<NaiveDateTime>`. Bad arguments are an error drawn in place
/// of the widget; values from the page or session state outside the bounds are refused.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let start = date(2024, 6, 1).and_time(time(9, 0));
///     let meeting = ui.add(DatetimeInput::new("Meeting").value(start).min(start));
///     ui.write(format!("{meeting}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "2024-06-01 09:00:00");
/// at.datetime_input(0).set_value(date(2024, 6, 2).and_time(time(14, 30))).run();
/// assert_eq!(at.markdown(0).text(), "2024-06-02 14:30:00");
/// at.datetime_input(0).set_value(date(2024, 5, 31).and_time(time(14, 30))).run();
/// assert_eq!(at.markdown(0).text(), "2024-06-02 14:30:00", "before `min`: refused");
/// ```
#[must_use = "a datetime input is drawn by `ui.add(..)`"]
pub struct DatetimeInput<V: TemporalValue<Item = NaiveDateTime> = NaiveDateTime> {
    spec: TemporalSpec<V>,
}

impl DatetimeInput<NaiveDateTime> {
    /// A date-and-time input starting now.
    pub fn new(label: impl Into<String>) -> Self {
        DatetimeInput { spec: TemporalSpec::new(TemporalKind::DateTime, label.into(), make::datetime_input) }
    }

    /// The date and time on first run.
    pub fn value(mut self, at: NaiveDateTime) -> Self {
        self.spec.value = Some(at);
        self
    }

    /// Starts empty (Streamlit's `value=None`) and returns `Option<NaiveDateTime>`.
    pub fn no_default(self) -> DatetimeInput<Option<NaiveDateTime>> {
        DatetimeInput { spec: self.spec.with_value(None) }
    }
}

impl DatetimeInput<Option<NaiveDateTime>> {
    /// The date and time on first run (`None`: empty).
    pub fn value(mut self, at: Option<NaiveDateTime>) -> Self {
        self.spec.value = Some(at);
        self
    }
}

impl<V: TemporalValue<Item = NaiveDateTime>> DatetimeInput<V> {
    /// The earliest value allowed (default: ten years before the default).
    pub fn min(mut self, at: NaiveDateTime) -> Self {
        self.spec.min = Some(at);
        self
    }

    /// The latest value allowed (default: ten years after the default).
    pub fn max(mut self, at: NaiveDateTime) -> Self {
        self.spec.max = Some(at);
        self
    }

    /// How the date part is shown (see [`DateInput::format`](super::date_input::DateInput::format)).
    pub fn format(mut self, format: impl Into<String>) -> Self {
        self.spec.format = format.into();
        self
    }

    /// The time picker's step (default 15 minutes): whole seconds, from 1 minute to 23 hours.
    pub fn step(mut self, step: Duration) -> Self {
        self.spec.step = Some(step);
        self
    }
}

impl<V: TemporalValue<Item = NaiveDateTime>> WidgetOptions for DatetimeInput<V> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.spec.options
    }
}

impl<V: TemporalValue<Item = NaiveDateTime>> Command for DatetimeInput<V> {
    type Output = V;

    fn show(mut self, ui: &Ui) -> V {
        self.spec.step.get_or_insert(Duration::from_secs(15 * 60));
        self.spec.show(ui)
    }
}

impl Ui {
    /// A date-and-time input; returns what was chosen (now, to the minute, at first).
    pub fn datetime_input(&self, label: impl Into<String>) -> NaiveDateTime {
        self.add(DatetimeInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::prelude::*;
    use crate::time::ManualClock;
    use crate::Element;

    #[test]
    fn now_at_first_with_ten_year_bounds_a_step_and_a_format() {
        let clock = ManualClock::new();
        clock.advance(Duration::from_secs(13 * 3600 + 5 * 60 + 9));
        let mut at = AppTest::new(|ui: &Ui| {
            let at = ui.add(DatetimeInput::new("When").format("DD-MM-YYYY").step(Duration::from_secs(3600)));
            ui.write(at.to_string());
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "2024-01-01 13:05:00");
        let Element::DatetimeInput(p) = at.datetime_input(0).element().clone() else { panic!("not a datetime input") };
        assert_eq!(p.value, "2024-01-01T13:05");
        assert_eq!((p.min(), p.max()), (Some("2014-01-01T13:05"), Some("2034-01-01T13:05")));
        assert_eq!((p.step, p.format.as_str()), (Some(3600), "DD-MM-YYYY"));
        assert_eq!(crate::widgets::temporal::display(p.kind, &p.format, &p.value), "01-01-2024 13:05");
    }

    #[test]
    fn bad_arguments_and_session_state_values_outside_the_bounds_are_error_elements() {
        let start = date(2024, 6, 1).and_time(time(9, 0));
        let mut at = AppTest::new(move |ui: &Ui| {
            if ui.button("Too early") {
                ui.session_state().set("at", date(2020, 1, 1).and_time(time(0, 0)))?;
            }
            let a = ui.add(DatetimeInput::new("Before min").value(start).min(start + chrono::Duration::hours(1)));
            let b = ui.add(DatetimeInput::new("Format").value(start).format("YYYY MM DD"));
            let c = ui.add(DatetimeInput::new("Keyed").value(start).min(start).key("at"));
            ui.write(format!("{a} {b} {c}"));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.get("exception").len(), 2);
        assert_eq!(at.get("datetime_input").len(), 1);
        at.button(0).click().run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[2].contains("2020-01-01T00:00 is outside [2024-06-01T09:00"), "{errors:?}");
        assert_eq!(at.markdown(0).text(), "2024-06-01 09:00:00 2024-06-01 09:00:00 2024-06-01 09:00:00");
    }

    #[test]
    fn no_default_starts_empty() {
        let mut at = AppTest::new(|ui: &Ui| {
            let at = ui.add(DatetimeInput::new("When").no_default());
            ui.write(format!("{at:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::DatetimeInput(p) = at.datetime_input(0).element().clone() else { panic!("not a datetime input") };
        assert_eq!(p.placeholder().as_deref(), Some("YYYY/MM/DD HH:MM"));
        at.datetime_input(0).set_value(date(2024, 2, 3).and_time(time(4, 5))).run();
        assert_eq!(at.markdown(0).text(), "Some(2024-02-03T04:05:00)");
    }
}
