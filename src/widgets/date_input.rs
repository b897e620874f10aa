//! `date_input`: a date, a `(start, end)` range of dates, or maybe no date.

use chrono::NaiveDate;

pub use super::temporal::TemporalProps;
use super::temporal::{TemporalKind, TemporalSpec, TemporalValue};
use super::{CommonOptions, WidgetOptions};
use crate::element::make;
use crate::ui::{Command, Ui};

/// A date input; returns a [`NaiveDate`], today at first.
///
/// As in Streamlit, dates go from ten years before the default (or today) to ten years after
/// unless `.min(..)` and `.max(..)` say otherwise, and show as `YYYY/MM/DD` unless `.format(..)`
/// picks another of that family (`DD.MM.YYYY`, `MM-DD-YYYY`, ...). `.range(start, end)` makes
/// it return a `(start, end)` pair, and `.no_default()` (Streamlit's `value=None`) makes it
/// start empty and return `Option<NaiveDate>`. A default outside the bounds, bounds the wrong
/// way round or a bad format is an error drawn in place of the widget; the call then returns
/// the default and the script goes on. Dates from the page or from session state outside the
/// bounds are refused.
///
/// "Today" is the viewer's local date, read through [`crate::time::today`]; a test can fix it
/// with a [`ManualClock`](crate::time::ManualClock) or pass an explicit `.value(..)`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let birthday = ui.add(DateInput::new("When's your birthday").value(date(2019, 7, 6)));
///     ui.write(format!("Your birthday is: {birthday}"));
///     let (start, end) = ui.add(DateInput::new("Holiday").range(date(2024, 1, 1), date(2024, 1, 7)));
///     ui.write(format!("{start} to {end}"));
///     let due = ui.add(DateInput::new("Due").no_default());
///     ui.write(format!("due: {due:?}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Your birthday is: 2019-07-06");
/// at.date_input(0).set_value(date(2020, 2, 29)).run();
/// at.date_input(1).set_value((date(2024, 3, 1), date(2024, 3, 9))).run();
/// at.date_input(2).set_value(date(2024, 5, 1)).run();
/// assert_eq!(at.markdown(0).text(), "Your birthday is: 2020-02-29");
/// assert_eq!(at.markdown(1).text(), "2024-03-01 to 2024-03-09");
/// assert_eq!(at.markdown(2).text(), "due: Some(2024-05-01)");
/// ```
#[must_use = "a date input is drawn by `ui.add(..)`"]
pub struct DateInput<V: TemporalValue<Item = NaiveDate> = NaiveDate> {
    spec: TemporalSpec<V>,
}

impl DateInput<NaiveDate> {
    /// A date input starting at today.
    pub fn new(label: impl Into<String>) -> Self {
        DateInput { spec: TemporalSpec::new(TemporalKind::Date, label.into(), make::date_input) }
    }

    /// The date on first run.
    pub fn value(mut self, date: NaiveDate) -> Self {
        self.spec.value = Some(date);
        self
    }

    /// A range from `start` to `end` on first run; the input returns `(start, end)`.
    pub fn range(self, start: NaiveDate, end: NaiveDate) -> DateInput<(NaiveDate, NaiveDate)> {
        DateInput { spec: self.spec.with_value((start, end)) }
    }

    /// Starts empty (Streamlit's `value=None`) and returns `Option<NaiveDate>`.
    pub fn no_default(self) -> DateInput<Option<NaiveDate>> {
        DateInput { spec: self.spec.with_value(None) }
    }
}

impl DateInput<Option<NaiveDate>> {
    /// The date on first run (`None`: empty).
    pub fn value(mut self, date: Option<NaiveDate>) -> Self {
        self.spec.value = Some(date);
        self
    }
}

impl<V: TemporalValue<Item = NaiveDate>> DateInput<V> {
    /// The earliest date allowed (default: ten years before the default date).
    pub fn min(mut self, date: NaiveDate) -> Self {
        self.spec.min = Some(date);
        self
    }

    /// The latest date allowed (default: ten years after the default date).
    pub fn max(mut self, date: NaiveDate) -> Self {
        self.spec.max = Some(date);
        self
    }

    /// How the date is shown: `YYYY/MM/DD` (the default), `DD/MM/YYYY` or `MM/DD/YYYY`, with
    /// `/`, `-` or `.` between the parts.
    pub fn format(mut self, format: impl Into<String>) -> Self {
        self.spec.format = format.into();
        self
    }
}

impl<V: TemporalValue<Item = NaiveDate>> WidgetOptions for DateInput<V> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.spec.options
    }
}

impl<V: TemporalValue<Item = NaiveDate>> Command for DateInput<V> {
    type Output = V;

    fn show(self, ui: &Ui) -> V {
        self.spec.show(ui)
    }
}

/// The date `year`-`month`-`day`.
///
/// # Panics
///
/// If there is no such date (a month 13, February 30).
pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| panic!("there is no date {year}-{month}-{day}"))
}

impl Ui {
    /// A date input; returns the date chosen (today at first).
    pub fn date_input(&self, label: impl Into<String>) -> NaiveDate {
        self.add(DateInput::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::time::ManualClock;
    use crate::Element;

    fn props(at: &mut AppTest, index: usize) -> crate::widgets::temporal::TemporalProps {
        match at.date_input(index).element() {
            Element::DateInput(p) => p.clone(),
            other => panic!("not a date input: {other:?}"),
        }
    }

    #[test]
    fn today_at_first_with_streamlits_ten_year_bounds() {
        let _clock = ManualClock::new();
        let mut at = AppTest::new(|ui: &Ui| {
            let day = ui.date_input("Day");
            ui.write(day.to_string());
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "2024-01-01");
        let p = props(&mut at, 0);
        assert_eq!((p.min(), p.max()), (Some("2014-01-01"), Some("2034-01-01")));
        assert_eq!((p.value.as_str(), p.format.as_str(), p.placeholder()), ("2024-01-01", "YYYY/MM/DD", None));
        at.date_input(0).set_value(date(2030, 12, 24)).run();
        assert_eq!(at.markdown(0).text(), "2030-12-24");
        assert_eq!(at.date_input(0).value::<NaiveDate>(), date(2030, 12, 24));
    }

    #[test]
    fn the_page_cannot_send_a_date_outside_the_bounds() {
        let mut at = AppTest::new(|ui: &Ui| {
            let day =
                ui.add(DateInput::new("Day").value(date(2024, 5, 5)).min(date(2024, 5, 1)).max(date(2024, 5, 31)));
            ui.write(day.to_string());
        });
        at.run();
        at.date_input(0).set_value(date(2024, 6, 1)).run();
        assert_eq!(at.markdown(0).text(), "2024-05-05", "after max: refused");
        at.date_input(0).set_value(date(2024, 4, 30)).run();
        assert_eq!(at.markdown(0).text(), "2024-05-05", "before min: refused");
        at.date_input(0).set_value(date(2024, 5, 31)).run();
        assert_eq!(at.markdown(0).text(), "2024-05-31", "max itself is allowed");
    }

    #[test]
    fn bad_arguments_are_error_elements_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let outside = ui.add(DateInput::new("Outside").value(date(2024, 1, 1)).min(date(2024, 2, 1)));
            let crossed =
                ui.add(DateInput::new("Crossed").value(date(2024, 1, 1)).min(date(2024, 2, 1)).max(date(2023, 1, 1)));
            let format = ui.add(DateInput::new("Format").value(date(2024, 1, 1)).format("%Y-%m-%d"));
            let backwards = ui.add(DateInput::new("Backwards").range(date(2024, 1, 9), date(2024, 1, 1)));
            ui.write(format!("{outside} {crossed} {format} {backwards:?}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].contains("must lie between the `min_value` and the `max_value`"), "{errors:?}");
        assert!(errors[1].contains("shouldn't be later than the `max_value`"), "{errors:?}");
        assert!(errors[2].contains("format (`%Y-%m-%d`) is not valid"), "{errors:?}");
        assert!(errors[3].contains("is not a valid range"), "{errors:?}");
        assert!(at.get("date_input").is_empty());
        assert_eq!(at.markdown(0).text(), "2024-01-01 2024-01-01 2024-01-01 (2024-01-09, 2024-01-01)");
    }

    #[test]
    fn a_range_is_two_dates_and_the_start_cannot_pass_the_end() {
        let mut at = AppTest::new(|ui: &Ui| {
            let (start, end) =
                ui.add(DateInput::new("Holiday").range(date(2024, 7, 1), date(2024, 7, 14)).format("DD.MM.YYYY"));
            ui.write(format!("{start} {end}"));
        });
        at.run();
        assert_eq!(props(&mut at, 0).value, "2024-07-01/2024-07-14");
        assert!(props(&mut at, 0).range);
        assert_eq!(props(&mut at, 0).min(), Some("2014-07-01"));
        assert_eq!(props(&mut at, 0).max(), Some("2034-07-14"));
        at.date_input(0).set_value((date(2024, 8, 1), date(2024, 8, 2))).run();
        assert_eq!(at.markdown(0).text(), "2024-08-01 2024-08-02");
        at.date_input(0).set_value(vec!["2024-09-09", "2024-09-01"]).run();
        assert_eq!(at.markdown(0).text(), "2024-08-01 2024-08-02", "a reversed range is refused");
    }

    #[test]
    fn no_default_starts_empty_with_the_format_as_placeholder_and_can_be_cleared() {
        let mut at = AppTest::new(|ui: &Ui| {
            let due = ui.add(DateInput::new("Due").no_default().format("MM/DD/YYYY"));
            ui.write(format!("{due:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        assert_eq!(props(&mut at, 0).placeholder().as_deref(), Some("MM/DD/YYYY"));
        at.date_input(0).set_value(date(2024, 2, 29)).run();
        assert_eq!(at.markdown(0).text(), "Some(2024-02-29)");
        at.date_input(0).set_value(None::<NaiveDate>).run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    #[should_panic(expected = "cannot take Empty")]
    fn a_date_input_with_a_default_cannot_be_emptied_in_app_test() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(DateInput::new("Day").value(date(2024, 1, 1)));
        });
        at.run();
        at.date_input(0).set_value(None::<NaiveDate>);
    }

    #[test]
    fn session_state_sets_a_keyed_date_and_a_date_outside_the_bounds_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Next year") {
                ui.session_state().set("day", date(2025, 1, 1))?;
            }
            if ui.button("Far future") {
                ui.session_state().set("day", date(2099, 1, 1))?;
            }
            let day = ui.add(DateInput::new("Day").value(date(2024, 1, 1)).key("day"));
            ui.write(day.to_string());
            ui.write("after");
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "2025-01-01");
        at.button(1).click().run();
        assert!(
            at.exception(0).text().contains("2099-01-01 is outside [2014-01-01, 2034-01-01]"),
            "{}",
            at.exception(0).text()
        );
        assert_eq!(at.markdown(0).text(), "2024-01-01", "the fallback is the default");
        assert_eq!(at.markdown(1).text(), "after");
    }

    #[test]
    fn the_default_today_does_not_change_the_identity_but_an_explicit_default_does() {
        let run_on = |day: u32| {
            let clock = ManualClock::new();
            clock.advance(std::time::Duration::from_secs(u64::from(day - 1) * 86_400));
            let mut at = AppTest::new(|ui: &Ui| {
                ui.date_input("Day");
                ui.add(DateInput::new("Fixed").value(date(2024, 3, 3)));
            });
            at.run();
            (at.date_input(0).element().widget().map(|c| c.id), at.date_input(1).element().widget().map(|c| c.id))
        };
        let (today_1, fixed_1) = run_on(1);
        let (today_2, fixed_2) = run_on(2);
        assert_eq!(today_1, today_2);
        assert_eq!(fixed_1, fixed_2);
        assert_ne!(today_1, fixed_1);
    }

    #[test]
    fn session_state_before_an_empty_keyed_date_input_warns_only_when_it_has_a_default() {
        let mut at = AppTest::new(|ui: &Ui| {
            if !ui.session_state().contains("a") {
                ui.session_state().set("a", Some(date(2024, 2, 2)))?;
                ui.session_state().set("b", date(2024, 3, 3))?;
            }
            let a = ui.add(DateInput::new("A").no_default().key("a"));
            let b = ui.add(DateInput::new("B").value(date(2024, 1, 1)).key("b"));
            ui.write(format!("{a:?} {b}"));
            Ok::<_, Error>(())
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "Some(2024-02-02) 2024-03-03");
        let warnings: Vec<String> = at.get("warning").iter().map(|w| w.text()).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("key \"b\""), "{warnings:?}");
    }
}
