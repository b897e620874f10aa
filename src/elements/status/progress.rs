//! `progress`: a progress bar, updated in place through its handle.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for a progress bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressProps {
    /// A fraction in `0.0..=1.0`.
    pub value: f64,
    pub text: Option<String>,
}

impl DisplayProps for ProgressProps {
    fn text(&self) -> String {
        self.text.clone().unwrap_or_default()
    }
}

impl Ui {
    /// A progress bar: an integer percent `0..=100` or a fraction `0.0..=1.0`.
    ///
    /// The returned handle updates the bar in place:
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let bar = ui.progress(0);
    ///     for i in 0..=10 {
    ///         bar.progress(i * 10);
    ///     }
    ///     ui.progress(1.5);
    /// });
    /// at.run();
    /// assert_eq!(at.get("progress").len(), 1);
    /// assert!(at.exception(0).text().contains("1.5"));
    /// ```
    pub fn progress(&self, value: impl Into<ProgressValue>) -> Ui {
        self.progress_dyn(value.into(), None)
    }

    /// A progress bar with a text above it.
    pub fn progress_with_text(&self, value: impl Into<ProgressValue>, text: impl Into<String>) -> Ui {
        self.progress_dyn(value.into(), Some(text.into()))
    }

    fn progress_dyn(&self, value: ProgressValue, text: Option<String>) -> Ui {
        match value.fraction() {
            Ok(value) => self.push_element(make::progress(ProgressProps { value, text })),
            Err(message) => self.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

/// A progress value: an integer percent or a float fraction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProgressValue {
    Percent(i64),
    Fraction(f64),
}

impl ProgressValue {
    fn fraction(self) -> Result<f64, String> {
        match self {
            ProgressValue::Percent(p) if (0..=100).contains(&p) => Ok(p as f64 / 100.0),
            ProgressValue::Percent(p) => Err(format!("Progress Value has invalid value [0, 100]: {p}")),
            ProgressValue::Fraction(f) if (0.0..=1.0).contains(&f) => Ok(f),
            ProgressValue::Fraction(f) => Err(format!("Progress Value has invalid value [0.0, 1.0]: {f}")),
        }
    }
}

macro_rules! progress_from {
    ($variant:ident as $as:ty: $($t:ty),*) => {$(
        impl From<$t> for ProgressValue {
            fn from(value: $t) -> Self { ProgressValue::$variant(value as $as) }
        }
    )*};
}
progress_from!(Percent as i64: i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);
progress_from!(Fraction as f64: f32, f64);

#[cfg(test)]
mod tests {
    use super::ProgressValue;

    #[test]
    fn percents_and_fractions_map_to_fractions() {
        assert_eq!(ProgressValue::from(50).fraction(), Ok(0.5));
        assert_eq!(ProgressValue::from(0.25).fraction(), Ok(0.25));
        assert!(ProgressValue::from(101).fraction().is_err());
        assert!(ProgressValue::from(-0.1).fraction().is_err());
        assert!(ProgressValue::from(f64::NAN).fraction().is_err());
    }
}
