//! `metric`: a big number with a label and an optional delta, coloured and with an arrow.

use std::fmt::Display;

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::{DisplayProps, LabelVisibility};
use crate::ui::{Command, Ui};

/// What the page shows for a metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricProps {
    pub label: String,
    /// The value as shown; `"—"` when the app passed none.
    pub value: String,
    /// The change as shown, without the arrow; `None` draws no delta.
    pub delta: Option<String>,
    /// Which way the arrow points (`None` without a delta).
    pub direction: Option<DeltaDirection>,
    /// Green, red or grey, from the direction and [`DeltaColor`].
    pub tone: DeltaTone,
    pub help: Option<String>,
    pub label_visibility: LabelVisibility,
    pub border: bool,
}

impl DisplayProps for MetricProps {
    fn text(&self) -> String {
        self.value.clone()
    }
}

/// How a metric colours its delta, as Streamlit's `delta_color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeltaColor {
    /// Up is green, down is red.
    #[default]
    Normal,
    /// Up is red, down is green (for costs, latency, churn).
    Inverse,
    /// Always grey.
    Off,
}

/// Which way a delta's arrow points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeltaDirection {
    Up,
    Down,
}

/// The colour of a delta, after [`DeltaColor`] is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeltaTone {
    Good,
    Bad,
    Neutral,
}

impl Ui {
    /// A metric: `ui.metric("Temperature", "70 °F")`; a delta and options through [`Metric`].
    pub fn metric(&self, label: impl Into<String>, value: impl Display) -> Ui {
        self.add(Metric::new(label, value))
    }
}

/// A metric with options, as `st.metric`.
///
/// The delta's sign picks the arrow: a delta whose text starts with `-` points down, any
/// other points up. Numbers and text are both accepted, as in Streamlit.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::elements::text::metric::{DeltaDirection, DeltaTone};
/// use wasmlit::Element;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Metric::new("Latency", "182 ms").delta("+12 ms").delta_color(DeltaColor::Inverse));
/// });
/// at.run();
/// let Element::Metric(metric) = at.metric(0).element().clone() else { unreachable!() };
/// assert_eq!(metric.value, "182 ms");
/// assert_eq!(metric.direction, Some(DeltaDirection::Up));
/// assert_eq!(metric.tone, DeltaTone::Bad);
/// ```
#[must_use = "a metric is drawn by `ui.add(..)`"]
pub struct Metric {
    label: String,
    value: String,
    delta: Option<String>,
    delta_color: DeltaColor,
    help: Option<String>,
    label_visibility: LabelVisibility,
    border: bool,
}

impl Metric {
    pub fn new(label: impl Into<String>, value: impl Display) -> Self {
        Metric {
            label: label.into(),
            value: value.to_string(),
            delta: None,
            delta_color: DeltaColor::Normal,
            help: None,
            label_visibility: LabelVisibility::Visible,
            border: false,
        }
    }

    /// The change to show under the value: a number or a text such as `"-0.4%"`.
    pub fn delta(mut self, delta: impl Display) -> Self {
        self.delta = Some(delta.to_string());
        self
    }

    /// How to colour the delta (green for up by default).
    pub fn delta_color(mut self, color: DeltaColor) -> Self {
        self.delta_color = color;
        self
    }

    /// A tooltip next to the label.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Shows, hides (keeping its space) or collapses the label.
    pub fn label_visibility(mut self, visibility: LabelVisibility) -> Self {
        self.label_visibility = visibility;
        self
    }

    /// Draws a border around the metric.
    pub fn border(mut self, border: bool) -> Self {
        self.border = border;
        self
    }
}

/// The arrow and colour of a delta: Streamlit reads the sign from the text.
fn delta_look(delta: &str, color: DeltaColor) -> (DeltaDirection, DeltaTone) {
    let direction = if delta.trim_start().starts_with('-') { DeltaDirection::Down } else { DeltaDirection::Up };
    let tone = match (color, direction) {
        (DeltaColor::Off, _) => DeltaTone::Neutral,
        (DeltaColor::Normal, DeltaDirection::Up) | (DeltaColor::Inverse, DeltaDirection::Down) => DeltaTone::Good,
        (DeltaColor::Normal, DeltaDirection::Down) | (DeltaColor::Inverse, DeltaDirection::Up) => DeltaTone::Bad,
    };
    (direction, tone)
}

impl Command for Metric {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let Metric { label, value, delta, delta_color, help, label_visibility, border } = self;
        // An empty delta draws nothing, as `delta=""` does in Streamlit.
        let delta = delta.filter(|d| !d.trim().is_empty());
        let look = delta.as_deref().map(|d| delta_look(d, delta_color));
        let value = if value.is_empty() { "—".to_string() } else { value };
        ui.push_element(make::metric(MetricProps {
            label,
            value,
            delta,
            direction: look.map(|(direction, _)| direction),
            tone: look.map_or(DeltaTone::Neutral, |(_, tone)| tone),
            help,
            label_visibility,
            border,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn metric(at: &AppTest, index: usize) -> MetricProps {
        match at.metric(index).element() {
            Element::Metric(props) => props.clone(),
            other => panic!("not a metric: {other:?}"),
        }
    }

    #[test]
    fn the_sign_of_the_delta_picks_arrow_and_colour() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Metric::new("Revenue", "$12.4k").delta("+8.2%"));
            ui.add(Metric::new("Churn", "3.1%").delta("-0.4%"));
            ui.add(Metric::new("Users", 1024).delta(-36));
            ui.add(Metric::new("Latency", "182 ms").delta("+12 ms").delta_color(DeltaColor::Inverse));
            ui.add(Metric::new("Errors", 3).delta(-1).delta_color(DeltaColor::Inverse));
            ui.add(Metric::new("Flat", 7).delta(2).delta_color(DeltaColor::Off));
        });
        at.run();
        let looks: Vec<_> = (0..6).map(|i| metric(&at, i)).map(|m| (m.direction, m.tone)).collect();
        use DeltaDirection::{Down, Up};
        use DeltaTone::{Bad, Good, Neutral};
        assert_eq!(
            looks,
            [
                (Some(Up), Good),
                (Some(Down), Bad),
                (Some(Down), Bad),
                (Some(Up), Bad),
                (Some(Down), Good),
                (Some(Up), Neutral)
            ]
        );
        assert_eq!(metric(&at, 2).value, "1024");
        assert_eq!(metric(&at, 2).delta.as_deref(), Some("-36"));
    }

    #[test]
    fn no_delta_or_an_empty_one_draws_none_and_an_empty_value_a_dash() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.metric("Plain", 42);
            ui.add(Metric::new("Empty delta", "").delta(""));
        });
        at.run();
        assert_eq!((metric(&at, 0).delta, metric(&at, 0).direction), (None, None));
        assert_eq!(metric(&at, 1).delta, None);
        assert_eq!(at.metric(1).text(), "—");
    }
}
