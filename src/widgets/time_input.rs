//! `time_input`: a time of day, or maybe none.

use std::time::Duration;

use chrono::NaiveTime;

pub use super::temporal::TemporalProps;
use super::temporal::{TemporalKind, TemporalSpec, TemporalValue};
use super::{CommonOptions, WidgetOptions};
use crate::element::make;
use crate::ui::{Command, Ui};

/// A time input; returns a [`NaiveTime`], the current minute at first.
///
/// As in Streamlit, the picker moves in steps of 15 minutes unless `.step(..)` says otherwise
/// (a whole number of seconds from one minute to 23 hours; another step is an error drawn in
/// place of the widget, and the call returns the default). `.no_default()` (Streamlit's
/// `value=None`) makes it start empty and return `Option<NaiveTime>`. Like Streamlit's, it has
/// no bounds: any time of day is a value.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let alarm = ui.add(TimeInput::new("Set an alarm for").value(time(8, 45)).step(Duration::from_secs(300)));
///     ui.write(format!("Alarm is set for {alarm}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Alarm is set for 08:45:00");
/// at.time_input(0).set_value(time(6, 30)).run();
/// assert_eq!(at.markdown(0).text(), "Alarm is set for 06:30:00");
/// ```
#[must_use = "a time input is drawn by `ui.add(..)`"]
pub struct TimeInput<V: TemporalValue<Item = NaiveTime> = NaiveTime> {
    spec: TemporalSpec<V>,
}

impl TimeInput<NaiveTime> {
    /// A time input starting at the current minute.
    pub fn new(label: impl Into<String>) -> Self {
        TimeInput { spec: TemporalSpec::new(TemporalKind::Time, label.into(), make::time_input) }
    }

    /// The time on first run.
    pub fn value(mut self, time: NaiveTime) -> Self {
        self.spec.value = Some(time);
        self
    }

    /// Starts empty (Streamlit's `value=None`) and returns `Option<NaiveTime>`.
    pub fn no_default(self) -> TimeInput<Option<NaiveTime>> {
        TimeInput { spec: self.spec.with_value(None) }
    }
}

impl TimeInput<Option<NaiveTime>> {
    /// The time on first run (`None`: empty).
    pub fn value(mut self, time: Option<NaiveTime>) -> Self {
        self.spec.value = Some(time);
        self
    }
}

impl<V: TemporalValue<Item = NaiveTime>> TimeInput<V> {
    /// The picker's step (default 15 minutes): whole seconds, from 1 minute to 23 hours.
    pub fn step(mut self, step: Duration) -> Self {
        self.spec.step = Some(step);
        self
    }
}

impl<V: TemporalValue<Item = NaiveTime>> WidgetOptions for TimeInput<V> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.spec.options
    }
}

impl<V: TemporalValue<Item = NaiveTime>> Command for TimeInput<V> {
    type Output = V;

    fn show(mut self, ui: &Ui) -> V {
        self.spec.step.get_or_insert(Duration::from_secs(15 * 60));
        self.spec.show(ui)
    }
}

/// The time of day `hour`:`minute`.
///
/// # Panics
///
/// If there is no such time (an hour 24, a minute 60).
pub fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_else(|| panic!("there is no time {hour}:{minute:02}"))
}

impl Ui {
    /// A time input; returns the time chosen (the current minute at first).
    pub fn time_input(&self, label: impl Into<String>) -> NaiveTime {
        self.add(TimeInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::prelude::*;
    use crate::time::ManualClock;
    use crate::Element;

    #[test]
    fn the_current_minute_at_first_in_steps_of_fifteen_minutes() {
        let clock = ManualClock::new();
        clock.advance(Duration::from_secs(9 * 3600 + 7 * 60 + 42));
        let mut at = AppTest::new(|ui: &Ui| {
            let at = ui.time_input("Alarm");
            ui.write(at.to_string());
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "09:07:00", "seconds are dropped");
        let Element::TimeInput(p) = at.time_input(0).element().clone() else { panic!("not a time input") };
        assert_eq!((p.step, p.min(), p.max(), p.value.as_str()), (Some(900), None, None, "09:07"));
        at.time_input(0).set_value(time(23, 59)).run();
        assert_eq!(at.markdown(0).text(), "23:59:00");
    }

    #[test]
    fn a_step_outside_a_minute_to_23_hours_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let short = ui.add(TimeInput::new("Short").value(time(1, 0)).step(Duration::from_secs(30)));
            let long = ui.add(TimeInput::new("Long").value(time(2, 0)).step(Duration::from_secs(24 * 3600)));
            let fine = ui.add(TimeInput::new("Fine").value(time(3, 0)).step(Duration::from_secs(60)));
            ui.write(format!("{short} {long} {fine}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().all(|e| e.contains("between 60 seconds and 23 hours")), "{errors:?}");
        assert_eq!(at.get("time_input").len(), 1);
        assert_eq!(at.markdown(0).text(), "01:00:00 02:00:00 03:00:00");
    }

    #[test]
    fn no_default_starts_empty_and_can_be_set_and_cleared() {
        let mut at = AppTest::new(|ui: &Ui| {
            let at = ui.add(TimeInput::new("Alarm").no_default());
            ui.write(format!("{at:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::TimeInput(p) = at.time_input(0).element().clone() else { panic!("not a time input") };
        assert_eq!(p.placeholder().as_deref(), Some("HH:MM"));
        at.time_input(0).set_value(time(7, 30)).run();
        assert_eq!(at.markdown(0).text(), "Some(07:30:00)");
        at.time_input(0).set_value(None::<NaiveTime>).run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    #[should_panic(expected = "cannot hold \"25:00\"")]
    fn app_test_refuses_what_is_not_a_time() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(TimeInput::new("Alarm").value(time(1, 0)));
        });
        at.run();
        at.time_input(0).set_value("25:00");
    }
}
