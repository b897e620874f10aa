//! What `date_input`, `time_input` and `datetime_input` share: the props the page draws, the
//! wire format (ISO text), Streamlit's `format` family, bounds and steps.
//!
//! Values travel as ISO text, the way `<input type="date">`, `type="time"` and
//! `type="datetime-local"` hold them: `2024-01-31`, `13:45`, `2024-01-31T13:45`; a date range
//! is its two dates joined by `/` (ISO 8601's interval), and an empty input is `""`.

use std::fmt::Debug;
use std::rc::Rc;
use std::time::Duration;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Spec};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::Ui;

/// Which native input draws the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemporalKind {
    /// `date_input`: `<input type="date">`.
    Date,
    /// `time_input`: `<input type="time">`.
    Time,
    /// `datetime_input`: `<input type="datetime-local">`.
    DateTime,
}

impl TemporalKind {
    /// The `type` of the `<input>`.
    pub fn input_type(self) -> &'static str {
        match self {
            TemporalKind::Date => "date",
            TemporalKind::Time => "time",
            TemporalKind::DateTime => "datetime-local",
        }
    }

    fn name(self) -> &'static str {
        match self {
            TemporalKind::Date => "date_input",
            TemporalKind::Time => "time_input",
            TemporalKind::DateTime => "datetime_input",
        }
    }
}

/// What the page shows for a date, time or date-and-time input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemporalProps {
    /// Id, label, key, form, help, ...
    pub common: WidgetCommon,
    pub kind: TemporalKind,
    /// The value as ISO text (see the module docs); `""` when empty.
    pub value: String,
    /// The earliest and the latest value allowed, as ISO text (boxed: rarely read, and
    /// every element is as large as the largest one).
    pub bounds: Box<(Option<String>, Option<String>)>,
    /// The step of the time part, in seconds.
    pub step: Option<u32>,
    /// How the date part is shown: `YYYY/MM/DD`, `DD.MM.YYYY`, ...
    pub format: String,
    /// Two dates, `start/end`.
    pub range: bool,
    /// It may be empty (Streamlit's `value=None`); it then shows [`placeholder`](Self::placeholder).
    pub optional: bool,
}

impl TemporalProps {
    /// The earliest value allowed, as ISO text.
    pub fn min(&self) -> Option<&str> {
        self.bounds.0.as_deref()
    }

    /// The latest value allowed, as ISO text.
    pub fn max(&self) -> Option<&str> {
        self.bounds.1.as_deref()
    }

    /// What an empty input shows: the format it takes (`YYYY/MM/DD`, `HH:MM`, ...).
    pub fn placeholder(&self) -> Option<String> {
        self.optional.then(|| match self.kind {
            TemporalKind::Date => self.format.clone(),
            TemporalKind::Time => "HH:MM".into(),
            TemporalKind::DateTime => format!("{} HH:MM", self.format),
        })
    }
}

impl WidgetProps for TemporalProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Text(self.value.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Text(text) = value {
            self.value = text.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        let name = self.kind.name();
        let text = match value {
            TestValue::Text(text) => text,
            TestValue::Texts(parts) => parts.join("/"),
            TestValue::Empty if self.optional => String::new(),
            other => return Err(format!("a {name} cannot take {other:?}")),
        };
        // The shape is checked as the page's input would; bounds are left to the engine.
        let parts = if text.is_empty() { Vec::new() } else { text.split('/').collect() };
        let parses = |part: &&str| match self.kind {
            TemporalKind::Date => NaiveDate::parse(part).is_some(),
            TemporalKind::Time => NaiveTime::parse(part).is_some(),
            TemporalKind::DateTime => NaiveDateTime::parse(part).is_some(),
        };
        let arity = if self.range { 2 } else { 1 };
        let fits = parts.iter().all(parses) && (parts.len() == arity || parts.is_empty() && self.optional);
        if fits {
            Ok(WidgetValue::Text(text))
        } else {
            Err(format!("this {name} cannot hold \"{text}\""))
        }
    }
}

/// A date, a time of day or both: what one native input holds.
pub trait Temporal: Copy + PartialOrd + Debug + 'static {
    #[doc(hidden)]
    const KIND: TemporalKind;
    /// Reads the ISO text of an `<input>` value.
    fn parse(text: &str) -> Option<Self>;
    /// The ISO text an `<input>` takes (seconds only when there are some).
    fn iso(&self) -> String;
    #[doc(hidden)]
    fn now() -> Self;
    /// Ten years earlier (`years < 0`) or later; `None` where it makes no sense (a time).
    #[doc(hidden)]
    fn shift_years(self, years: i32) -> Option<Self>;
}

fn time_iso(time: &NaiveTime) -> String {
    match time.second() {
        0 => format!("{:02}:{:02}", time.hour(), time.minute()),
        s => format!("{:02}:{:02}:{s:02}", time.hour(), time.minute()),
    }
}

fn shift_date(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = Months::new(years.unsigned_abs() * 12);
    if years < 0 {
        date.checked_sub_months(months)
    } else {
        date.checked_add_months(months)
    }
}

impl Temporal for NaiveDate {
    const KIND: TemporalKind = TemporalKind::Date;
    fn parse(text: &str) -> Option<Self> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
    fn now() -> Self {
        crate::time::today()
    }
    fn shift_years(self, years: i32) -> Option<Self> {
        shift_date(self, years)
    }
}

impl Temporal for NaiveTime {
    const KIND: TemporalKind = TemporalKind::Time;
    fn parse(text: &str) -> Option<Self> {
        NaiveTime::parse_from_str(text, "%H:%M:%S").or_else(|_| NaiveTime::parse_from_str(text, "%H:%M")).ok()
    }
    fn iso(&self) -> String {
        time_iso(self)
    }
    fn now() -> Self {
        crate::time::local_now().time()
    }
    fn shift_years(self, _years: i32) -> Option<Self> {
        None
    }
}

impl Temporal for NaiveDateTime {
    const KIND: TemporalKind = TemporalKind::DateTime;
    fn parse(text: &str) -> Option<Self> {
        let (date, time) = text.split_once('T')?;
        Some(NaiveDate::parse(date)?.and_time(NaiveTime::parse(time)?))
    }
    fn iso(&self) -> String {
        format!("{}T{}", self.date().iso(), time_iso(&self.time()))
    }
    fn now() -> Self {
        crate::time::local_now()
    }
    fn shift_years(self, years: i32) -> Option<Self> {
        Some(shift_date(self.date(), years)?.and_time(self.time()))
    }
}

/// What a date, time or date-and-time input returns: one value, maybe none, or a range.
pub trait TemporalValue: Clone + PartialEq + 'static {
    /// The date, time or date-and-time inside.
    type Item: Temporal;
    #[doc(hidden)]
    const RANGE: bool = false;
    #[doc(hidden)]
    const OPTIONAL: bool = false;
    #[doc(hidden)]
    fn from_items(items: &[Self::Item]) -> Option<Self>;
    #[doc(hidden)]
    fn items(&self) -> Vec<Self::Item>;
}

macro_rules! temporal_value {
    ($($t:ty),*) => {$(
        impl TemporalValue for $t {
            type Item = $t;
            fn from_items(items: &[$t]) -> Option<Self> {
                match items {
                    [one] => Some(*one),
                    _ => None,
                }
            }
            fn items(&self) -> Vec<$t> {
                vec![*self]
            }
        }
        impl TemporalValue for Option<$t> {
            type Item = $t;
            const OPTIONAL: bool = true;
            fn from_items(items: &[$t]) -> Option<Self> {
                match items {
                    [] => Some(None),
                    [one] => Some(Some(*one)),
                    _ => None,
                }
            }
            fn items(&self) -> Vec<$t> {
                self.iter().copied().collect()
            }
        }
        impl From<$t> for TestValue {
            fn from(value: $t) -> Self {
                TestValue::Text(value.iso())
            }
        }
    )*};
}
temporal_value!(NaiveDate, NaiveTime, NaiveDateTime);

impl TemporalValue for (NaiveDate, NaiveDate) {
    type Item = NaiveDate;
    const RANGE: bool = true;
    fn from_items(items: &[NaiveDate]) -> Option<Self> {
        match items {
            [start, end] if start <= end => Some((*start, *end)),
            _ => None,
        }
    }
    fn items(&self) -> Vec<NaiveDate> {
        vec![self.0, self.1]
    }
}

impl From<(NaiveDate, NaiveDate)> for TestValue {
    fn from((start, end): (NaiveDate, NaiveDate)) -> Self {
        TestValue::Texts(vec![start.iso(), end.iso()])
    }
}

/// The wire text of a value.
fn wire_text<T: Temporal>(items: &[T]) -> String {
    items.iter().map(Temporal::iso).collect::<Vec<_>>().join("/")
}

/// The items of a wire text, if they all parse.
fn parse_wire<T: Temporal>(text: &str) -> Option<Vec<T>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split('/').map(T::parse).collect()
}

/// Streamlit's date formats: `YYYY`, `MM` and `DD` in the order Y-M-D, D-M-Y or M-D-Y,
/// separated by one of `/`, `-`, `.`. Returns the separator and the order.
fn parse_format(format: &str) -> Option<(char, [&'static str; 3])> {
    let separator = format.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = format.split(separator).collect();
    let order = match parts.as_slice() {
        ["YYYY", "MM", "DD"] => ["Y", "M", "D"],
        ["DD", "MM", "YYYY"] => ["D", "M", "Y"],
        ["MM", "DD", "YYYY"] => ["M", "D", "Y"],
        _ => return None,
    };
    Some((separator, order))
}

/// Whether `format` is one of Streamlit's date formats (`YYYY/MM/DD`, `DD.MM.YYYY`, ...).
pub fn is_date_format(format: &str) -> bool {
    parse_format(format).is_some()
}

fn format_date(date: NaiveDate, format: &str) -> String {
    let (separator, order) = parse_format(format).unwrap_or(('/', ["Y", "M", "D"]));
    let part = |p: &str| match p {
        "Y" => format!("{:04}", date.year()),
        "M" => format!("{:02}", date.month()),
        _ => format!("{:02}", date.day()),
    };
    order.iter().map(|p| part(p)).collect::<Vec<_>>().join(&separator.to_string())
}

/// A wire value as the viewer reads it: dates through `format`, times as `HH:MM`, a range
/// as `start – end`; `""` when empty (or not a value of `kind`).
pub fn display(kind: TemporalKind, format: &str, wire: &str) -> String {
    let show = |part: &str| -> Option<String> {
        Some(match kind {
            TemporalKind::Date => format_date(NaiveDate::parse(part)?, format),
            TemporalKind::Time => time_iso(&NaiveTime::parse(part)?),
            TemporalKind::DateTime => {
                let at = NaiveDateTime::parse(part)?;
                format!("{} {}", format_date(at.date(), format), time_iso(&at.time()))
            }
        })
    };
    if wire.is_empty() {
        return String::new();
    }
    wire.split('/').map(show).collect::<Option<Vec<_>>>().map(|parts| parts.join(" – ")).unwrap_or_default()
}

fn bad_format(format: &str) -> String {
    format!(
        "The provided format (`{format}`) is not valid. DateInput format should be one of `YYYY/MM/DD`, \
         `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as separators."
    )
}

/// What a date, time or date-and-time builder holds.
pub(crate) struct TemporalSpec<V: TemporalValue> {
    pub kind: TemporalKind,
    pub label: String,
    /// The value on first run; `None`: now (today, the current minute).
    pub value: Option<V>,
    pub min: Option<V::Item>,
    pub max: Option<V::Item>,
    pub step: Option<Duration>,
    pub format: String,
    pub options: CommonOptions,
    pub element: fn(TemporalProps) -> Element,
}

impl<V: TemporalValue> TemporalSpec<V> {
    pub fn new(kind: TemporalKind, label: String, element: fn(TemporalProps) -> Element) -> Self {
        TemporalSpec {
            kind,
            label,
            value: None,
            min: None,
            max: None,
            step: None,
            format: "YYYY/MM/DD".into(),
            options: CommonOptions::default(),
            element,
        }
    }

    /// The same builder holding another kind of value.
    pub fn with_value<W: TemporalValue<Item = V::Item>>(self, value: W) -> TemporalSpec<W> {
        TemporalSpec {
            kind: self.kind,
            label: self.label,
            value: Some(value),
            min: self.min,
            max: self.max,
            step: self.step,
            format: self.format,
            options: self.options,
            element: self.element,
        }
    }

    /// Registers and draws the widget; returns its value, or its default (now) after
    /// drawing an error in its place.
    pub fn show(self, ui: &Ui) -> V {
        let TemporalSpec { kind, label, value, min, max, step, format, options, element } = self;
        let name = kind.name();
        let explicit_default = value.is_some();
        let default =
            value.unwrap_or_else(|| V::from_items(&[V::Item::now()]).expect("a widget without a value holds one item"));
        let fallback = default.clone();
        let items = default.items();
        // Streamlit's bounds: ten years either side of the default (or of today).
        let now = V::Item::now();
        let min = min.or_else(|| items.first().copied().unwrap_or(now).shift_years(-10));
        let max = max.or_else(|| items.last().copied().unwrap_or(now).shift_years(10));
        let in_range = move |x: &V::Item| min.is_none_or(|m| *x >= m) && max.is_none_or(|m| *x <= m);
        let step_secs = step.map(|s| s.as_secs_f64());
        let shown = |items: &[V::Item]| items.iter().map(|i| i.iso()).collect::<Vec<_>>().join(", ");
        let problem = match (min, max) {
            _ if kind != TemporalKind::Time && !is_date_format(&format) => Some(bad_format(&format)),
            (Some(lo), Some(hi)) if lo > hi => Some(format!(
                "The `min_value`, set to {}, shouldn't be later than the `max_value`, set to {}.",
                lo.iso(),
                hi.iso()
            )),
            _ if V::RANGE && V::from_items(&items).is_none() => Some(format!(
                "The `value` of the {name} \"{label}\" ({}) is not a valid range: the start is after the end.",
                shown(&items)
            )),
            _ if !items.iter().all(in_range) => Some(format!(
                "The default `value` of the {name} \"{label}\" ({}) must lie between the `min_value` and the \
                 `max_value`, inclusively.",
                shown(&items)
            )),
            _ if step_secs.is_some_and(|s| !(60.0..=82_800.0).contains(&s) || s.fract() != 0.0) => Some(format!(
                "`step` must be a whole number of seconds between 60 seconds and 23 hours but is currently set to {} seconds.",
                step_secs.unwrap_or_default()
            )),
            _ => None,
        };
        if let Some(problem) = problem {
            show_error(ui, api(problem));
            return fallback;
        }
        let step = step_secs.map(|s| s as u32);
        let default_wire = wire_text(&items);
        let bound = |b: Option<V::Item>| b.map(|b| b.iso());
        let (min_iso, max_iso) = (bound(min), bound(max));
        let decode_range = in_range;
        let spec = Spec {
            kind: name,
            identity: identity(
                name,
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        // The default "now" moves; the widget must not.
                        .text("value", if explicit_default { &default_wire } else { "now" })
                        .opt_text("min", min_iso.as_deref().filter(|_| explicit_default))
                        .opt_text("max", max_iso.as_deref().filter(|_| explicit_default))
                        .opt_text("format", (kind != TemporalKind::Time).then_some(format.as_str()))
                        .number("step", step.map_or(f64::NAN, |s| s as f64))
                        .opt_text("help", options.help.as_deref())
                        .flag("range", V::RANGE)
                },
                |id| {
                    id.opt_text("min", min_iso.as_deref())
                        .opt_text("max", max_iso.as_deref())
                        .flag("range", V::RANGE)
                        .flag("optional", V::OPTIONAL)
                },
            ),
            default: WidgetValue::Text(default_wire),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Text(text) => parse_wire::<V::Item>(text)
                    .filter(|items| items.iter().all(decode_range))
                    .and_then(|items| V::from_items(&items)),
                _ => None,
            }),
            encode: Box::new(move |value: &V| {
                let items = value.items();
                match items.iter().find(|x| !in_range(x)) {
                    Some(outside) => Err(format!(
                        "{} is outside [{}, {}]",
                        outside.iso(),
                        bound(min).unwrap_or_default(),
                        bound(max).unwrap_or_default()
                    )),
                    None if V::from_items(&items).is_none() => Err("the start is after the end".into()),
                    None => Ok(WidgetValue::Text(wire_text(&items))),
                }
            }),
            // As in Streamlit, an empty default (`value=None`) is no default to warn about.
            explicit_default: explicit_default && !items.is_empty(),
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || fallback,
            |registered| {
                element(TemporalProps {
                    common: registered.common.clone(),
                    kind,
                    value: wire_text(&registered.value.items()),
                    bounds: Box::new((min_iso.clone(), max_iso.clone())),
                    step,
                    format: format.clone(),
                    range: V::RANGE,
                    optional: V::OPTIONAL,
                })
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn formats_are_streamlits_family_and_show_dates_in_their_order() {
        for good in ["YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD", "DD.MM.YYYY"] {
            assert!(is_date_format(good), "{good}");
        }
        for bad in ["YYYY/DD/MM", "YY/MM/DD", "YYYY/MM-DD", "", "DD MM YYYY", "%Y-%m-%d"] {
            assert!(!is_date_format(bad), "{bad}");
        }
        assert_eq!(display(TemporalKind::Date, "DD.MM.YYYY", "2024-03-09"), "09.03.2024");
        assert_eq!(display(TemporalKind::Date, "MM/DD/YYYY", "2024-03-09/2024-04-01"), "03/09/2024 – 04/01/2024");
        assert_eq!(display(TemporalKind::DateTime, "YYYY-MM-DD", "2024-03-09T07:05"), "2024-03-09 07:05");
        assert_eq!(display(TemporalKind::Time, "YYYY/MM/DD", "07:05:30"), "07:05:30");
        assert_eq!(display(TemporalKind::Date, "YYYY/MM/DD", "not a date"), "");
    }

    #[test]
    fn iso_text_round_trips_and_ten_years_keep_the_end_of_february() {
        assert_eq!(NaiveDate::parse("2024-02-29").map(|d| d.iso()), Some("2024-02-29".into()));
        assert_eq!(NaiveDate::parse("2024-02-30"), None);
        assert_eq!(NaiveTime::parse("23:59").map(|t| t.iso()), Some("23:59".into()));
        assert_eq!(NaiveTime::parse("24:00"), None);
        assert_eq!(NaiveDateTime::parse("2024-01-31T08:15").map(|t| t.iso()), Some("2024-01-31T08:15".into()));
        assert_eq!(date(2024, 2, 29).shift_years(10), Some(date(2034, 2, 28)));
        assert_eq!(date(2024, 2, 29).shift_years(-10), Some(date(2014, 2, 28)));
        assert_eq!(parse_wire::<NaiveDate>("2024-01-01/2024-01-05"), Some(vec![date(2024, 1, 1), date(2024, 1, 5)]));
        assert_eq!(<(NaiveDate, NaiveDate)>::from_items(&[date(2024, 1, 5), date(2024, 1, 1)]), None);
    }
}
