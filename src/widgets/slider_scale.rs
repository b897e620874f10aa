//! What a [`Slider`](super::slider::Slider) slides over: a number, a date, a time of day or a
//! date and time, each on a scale of numbers (the number itself; days since 1970-01-01;
//! seconds since midnight; seconds since 1970-01-01 00:00), so that one slider, one wire value
//! and one renderer serve them all. Dates and times are shown through a [`TimeFormat`].

use std::time::Duration;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};

use super::temporal::{Temporal, TemporalKind};
use super::Number;
use crate::app_test::TestValue;

/// A value a slider can hold: a [`Number`], a [`NaiveDate`], a [`NaiveTime`] or a
/// [`NaiveDateTime`].
pub trait SliderScale: Copy + PartialOrd + 'static {
    /// What a step is: a number of the same type for numbers, a [`Duration`] for the rest.
    type Step;
    #[doc(hidden)]
    const IS_INT: bool;
    /// `None` for numbers.
    #[doc(hidden)]
    const KIND: Option<TemporalKind>;
    #[doc(hidden)]
    fn to_scale(self) -> f64;
    /// The value at `x` on the scale (the Unix epoch, midnight, if `x` is not one).
    #[doc(hidden)]
    fn from_scale(x: f64) -> Self;
    /// Streamlit's default step: 1 or 0.01 for numbers, a day for dates, 15 minutes for times.
    #[doc(hidden)]
    fn default_step() -> Self::Step;
    /// The step on the scale, or why it cannot be one.
    #[doc(hidden)]
    fn step_on_scale(step: Self::Step) -> Result<f64, String>;
    /// The bounds of a slider given only a value from `low` to `high` (on the scale),
    /// before they are widened to hold it: 0 to 100 for integers, 0 to 1 for floats, 14 days
    /// either side for dates, 00:00 to 23:45 for times.
    #[doc(hidden)]
    fn default_bounds(low: f64, high: f64) -> (f64, f64);
    /// A value on the scale as an error message shows it.
    #[doc(hidden)]
    fn describe(x: f64) -> String {
        x.to_string()
    }
}

impl<T: Number> SliderScale for T {
    type Step = T;
    const IS_INT: bool = T::IS_INT;
    const KIND: Option<TemporalKind> = None;
    fn to_scale(self) -> f64 {
        self.to_f64()
    }
    fn from_scale(x: f64) -> Self {
        T::from_f64(x)
    }
    fn default_step() -> T {
        T::default_step()
    }
    fn step_on_scale(step: T) -> Result<f64, String> {
        Ok(step.to_f64())
    }
    fn default_bounds(_low: f64, _high: f64) -> (f64, f64) {
        if T::IS_INT {
            (0.0, 100.0)
        } else {
            (0.0, 1.0)
        }
    }
}

const DAY_SECS: f64 = 86_400.0;
const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01 is a date");

/// A step of whole `unit` seconds (a day, a second), or why it is not one.
fn whole_step(step: Duration, unit: u64, unit_name: &str) -> Result<f64, String> {
    let units = step.as_secs() / unit;
    if units == 0 || !step.as_secs().is_multiple_of(unit) || step.subsec_nanos() != 0 {
        return Err(format!("Slider `step` must be a positive whole number of {unit_name}s, got {step:?}."));
    }
    Ok(units as f64)
}

impl SliderScale for NaiveDate {
    type Step = Duration;
    const IS_INT: bool = true;
    const KIND: Option<TemporalKind> = Some(TemporalKind::Date);
    fn to_scale(self) -> f64 {
        self.signed_duration_since(EPOCH).num_days() as f64
    }
    fn from_scale(x: f64) -> Self {
        TimeDelta::try_days(x.round() as i64).and_then(|days| EPOCH.checked_add_signed(days)).unwrap_or(EPOCH)
    }
    fn default_step() -> Duration {
        Duration::from_secs(DAY_SECS as u64)
    }
    fn step_on_scale(step: Duration) -> Result<f64, String> {
        whole_step(step, DAY_SECS as u64, "day")
    }
    fn default_bounds(low: f64, high: f64) -> (f64, f64) {
        (low - 14.0, high + 14.0)
    }
    fn describe(x: f64) -> String {
        Self::from_scale(x).iso()
    }
}

impl SliderScale for NaiveTime {
    type Step = Duration;
    const IS_INT: bool = true;
    const KIND: Option<TemporalKind> = Some(TemporalKind::Time);
    fn to_scale(self) -> f64 {
        f64::from(self.num_seconds_from_midnight())
    }
    fn from_scale(x: f64) -> Self {
        let secs = x.round().clamp(0.0, DAY_SECS - 1.0) as u32;
        NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or(NaiveTime::MIN)
    }
    fn default_step() -> Duration {
        Duration::from_secs(15 * 60)
    }
    fn step_on_scale(step: Duration) -> Result<f64, String> {
        whole_step(step, 1, "second")
    }
    fn default_bounds(_low: f64, _high: f64) -> (f64, f64) {
        (0.0, DAY_SECS - 15.0 * 60.0)
    }
    fn describe(x: f64) -> String {
        Self::from_scale(x).iso()
    }
}

impl SliderScale for NaiveDateTime {
    type Step = Duration;
    const IS_INT: bool = true;
    const KIND: Option<TemporalKind> = Some(TemporalKind::DateTime);
    fn to_scale(self) -> f64 {
        self.and_utc().timestamp() as f64
    }
    fn from_scale(x: f64) -> Self {
        chrono::DateTime::from_timestamp(x.round() as i64, 0).unwrap_or_default().naive_utc()
    }
    fn default_step() -> Duration {
        Duration::from_secs(15 * 60)
    }
    fn step_on_scale(step: Duration) -> Result<f64, String> {
        whole_step(step, 1, "second")
    }
    fn default_bounds(low: f64, high: f64) -> (f64, f64) {
        (low - 14.0 * DAY_SECS, high + 14.0 * DAY_SECS)
    }
    fn describe(x: f64) -> String {
        Self::from_scale(x).iso()
    }
}

macro_rules! test_pair {
    ($($t:ty),*) => {$(
        impl From<($t, $t)> for TestValue {
            fn from((start, end): ($t, $t)) -> Self {
                TestValue::Texts(vec![start.iso(), end.iso()])
            }
        }
    )*};
}
test_pair!(NaiveTime, NaiveDateTime);

/// Where the ISO text of a `kind` value (`2024-01-31`, `13:45`, `2024-01-31T13:45`) is on
/// its slider's scale.
pub(crate) fn iso_on_scale(kind: TemporalKind, iso: &str) -> Option<f64> {
    match kind {
        TemporalKind::Date => NaiveDate::parse(iso).map(SliderScale::to_scale),
        TemporalKind::Time => NaiveTime::parse(iso).map(SliderScale::to_scale),
        TemporalKind::DateTime => NaiveDateTime::parse(iso).map(SliderScale::to_scale),
    }
}

/// How a date, time or datetime slider shows its values (Streamlit's `format` for them).
///
/// A pattern with a `%` is chrono's strftime (`"%d %b %Y"`); any other is Moment.js notation,
/// as Streamlit's: `YYYY` `YY`, `MMMM` (January) `MMM` (Jan) `MM` `M`, `DD` `D` `Do` (1st),
/// `dddd` (Monday) `ddd` (Mon), `HH` `H`, `hh` `h` (12-hour), `mm` `m`, `ss` `s`, `A` `a`
/// (PM, pm), `[text]` as it is; other characters are kept. The defaults are `YYYY-MM-DD`,
/// `HH:mm` and `YYYY-MM-DD HH:mm`.
///
/// ```
/// use wasmlit::widgets::slider_scale::TimeFormat;
/// use wasmlit::widgets::temporal::TemporalKind;
/// let format = TimeFormat::new(TemporalKind::Date, Some("ddd D MMM YYYY")).unwrap();
/// assert_eq!(format.apply(0.0), "Thu 1 Jan 1970");
/// let clock = TimeFormat::new(TemporalKind::Time, Some("h:mm A")).unwrap();
/// assert_eq!(clock.apply(13.5 * 3600.0), "1:30 PM");
/// assert!(TimeFormat::new(TemporalKind::Date, Some("%Q")).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeFormat {
    pub kind: TemporalKind,
    pub pattern: String,
}

/// Moment.js tokens, longest first where one starts another.
const TOKENS: [&str; 21] = [
    "YYYY", "YY", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd", "HH", "H", "hh", "h", "mm", "m", "ss", "s",
    "A", "a",
];

impl TimeFormat {
    /// The format of a `kind` slider: `pattern`, or Streamlit's default.
    pub fn new(kind: TemporalKind, pattern: Option<&str>) -> Result<TimeFormat, String> {
        let pattern = match (pattern, kind) {
            (Some(pattern), _) => pattern,
            (None, TemporalKind::Date) => "YYYY-MM-DD",
            (None, TemporalKind::Time) => "HH:mm",
            (None, TemporalKind::DateTime) => "YYYY-MM-DD HH:mm",
        };
        if pattern.contains('%') {
            let broken = chrono::format::StrftimeItems::new(pattern).any(|item| item == chrono::format::Item::Error);
            if broken {
                return Err(format!("`{pattern}` is not a strftime format (see chrono's `format::strftime`)"));
            }
        }
        Ok(TimeFormat { kind, pattern: pattern.to_string() })
    }

    /// The value at `x` on the slider's scale, shown.
    pub fn apply(&self, x: f64) -> String {
        let at = match self.kind {
            TemporalKind::Date => NaiveDate::from_scale(x).and_time(NaiveTime::MIN),
            TemporalKind::Time => EPOCH.and_time(NaiveTime::from_scale(x)),
            TemporalKind::DateTime => NaiveDateTime::from_scale(x),
        };
        if self.pattern.contains('%') {
            return at.format(&self.pattern).to_string();
        }
        moment(&at, &self.pattern)
    }
}

fn ordinal(day: u32) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

/// `at` through a Moment.js pattern.
fn moment(at: &NaiveDateTime, pattern: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some(end) = rest.find(']') {
                out.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        let Some(token) = TOKENS.iter().find(|t| rest.starts_with(**t)) else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let hour12 = match at.hour() % 12 {
            0 => 12,
            h => h,
        };
        let text = match *token {
            "YYYY" => format!("{:04}", at.year()),
            "YY" => format!("{:02}", at.year().rem_euclid(100)),
            "MMMM" => at.format("%B").to_string(),
            "MMM" => at.format("%b").to_string(),
            "MM" => format!("{:02}", at.month()),
            "M" => at.month().to_string(),
            "Do" => ordinal(at.day()),
            "DD" => format!("{:02}", at.day()),
            "D" => at.day().to_string(),
            "dddd" => at.format("%A").to_string(),
            "ddd" => at.format("%a").to_string(),
            "HH" => format!("{:02}", at.hour()),
            "H" => at.hour().to_string(),
            "hh" => format!("{hour12:02}"),
            "h" => hour12.to_string(),
            "mm" => format!("{:02}", at.minute()),
            "m" => at.minute().to_string(),
            "ss" => format!("{:02}", at.second()),
            "s" => at.second().to_string(),
            "A" => if at.hour() < 12 { "AM" } else { "PM" }.to_string(),
            _ => if at.hour() < 12 { "am" } else { "pm" }.to_string(),
        };
        out.push_str(&text);
        rest = &rest[token.len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn the_scales_round_trip() {
        for d in [date(1970, 1, 1), date(2024, 2, 29), date(1900, 12, 31), date(2999, 6, 1)] {
            assert_eq!(NaiveDate::from_scale(d.to_scale()), d);
        }
        assert_eq!(date(1970, 1, 2).to_scale(), 1.0);
        let t = NaiveTime::from_hms_opt(23, 45, 0).expect("a time");
        assert_eq!(t.to_scale(), 85_500.0);
        assert_eq!(NaiveTime::from_scale(85_500.0), t);
        let at = date(2024, 3, 9).and_hms_opt(7, 5, 0).expect("a datetime");
        assert_eq!(NaiveDateTime::from_scale(at.to_scale()), at);
        assert_eq!(iso_on_scale(TemporalKind::DateTime, "2024-03-09T07:05"), Some(at.to_scale()));
        assert_eq!(iso_on_scale(TemporalKind::Date, "2024-02-30"), None);
    }

    #[test]
    fn steps_must_be_whole_days_or_seconds() {
        assert_eq!(NaiveDate::step_on_scale(Duration::from_secs(2 * 86_400)), Ok(2.0));
        let half = NaiveDate::step_on_scale(Duration::from_secs(3600)).unwrap_err();
        assert!(half.contains("whole number of days") && half.contains("3600s"), "{half}");
        assert!(NaiveTime::step_on_scale(Duration::ZERO).unwrap_err().contains("whole number of seconds"));
        assert!(NaiveDateTime::step_on_scale(Duration::from_millis(1500)).is_err());
        assert_eq!(NaiveTime::step_on_scale(NaiveTime::default_step()), Ok(900.0));
    }

    #[test]
    fn moment_and_strftime_patterns_show_values() {
        let at = date(2024, 3, 2).and_hms_opt(0, 7, 9).expect("a datetime").to_scale();
        let show = |pattern: &str| TimeFormat::new(TemporalKind::DateTime, Some(pattern)).map(|f| f.apply(at));
        assert_eq!(show("YYYY-MM-DD HH:mm").as_deref(), Ok("2024-03-02 00:07"));
        assert_eq!(show("dddd, MMMM Do YY [at] h:m:s a").as_deref(), Ok("Saturday, March 2nd 24 at 12:7:9 am"));
        assert_eq!(show("DD/MM hh:mm:ss A").as_deref(), Ok("02/03 12:07:09 AM"));
        assert_eq!(show("%d %b %Y").as_deref(), Ok("02 Mar 2024"));
        assert!(show("%Y-%").is_err());
        let default = |kind| TimeFormat::new(kind, None).expect("the default").pattern;
        assert_eq!(default(TemporalKind::Date), "YYYY-MM-DD");
        assert_eq!(default(TemporalKind::Time), "HH:mm");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(23), "23rd");
    }
}
