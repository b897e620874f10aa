//! `segmented_control`: pills drawn as one joined button group.

use std::fmt::Display;
use std::marker::PhantomData;
use std::rc::Rc;

pub use super::pills::ButtonGroupProps;
use super::pills::{ButtonGroup, Multi, SelectionMode, Single};
use super::{display_format, CommonOptions, WidgetOptions};
use crate::element::make;
use crate::ui::{Command, Ui};

/// A segmented control: Streamlit's `st.segmented_control`, a row of joined toggle buttons.
///
/// It behaves like [`Pills`](super::pills::Pills): `SegmentedControl::new` selects one option
/// or none and returns `Option<T>`; `.multi()` selects any number and returns `Vec<T>`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let view = ui.add(SegmentedControl::new("View", ["Day", "Week", "Month"]).default("Week"));
///     ui.write(view.unwrap_or("nothing"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Week");
/// at.segmented_control(0).select("Month").run();
/// assert_eq!(at.markdown(0).text(), "Month");
/// at.segmented_control(0).unselect("Month").run();
/// assert_eq!(at.markdown(0).text(), "nothing");
/// ```
#[must_use = "a segmented control is drawn by `ui.add(..)`"]
pub struct SegmentedControl<T, M: SelectionMode = Single> {
    group: ButtonGroup<T>,
    mode: PhantomData<M>,
}

impl<T: Clone + PartialEq + Display + 'static> SegmentedControl<T> {
    /// A segmented control for `options`, shown through `Display`; one can be selected, none at first.
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        SegmentedControl::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + 'static> SegmentedControl<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        SegmentedControl {
            group: ButtonGroup::new(label.into(), options.into_iter().collect(), Rc::new(format)),
            mode: PhantomData,
        }
    }

    /// The option selected on first run.
    pub fn default(mut self, value: T) -> Self {
        self.group.default = Some(vec![value]);
        self
    }

    /// `selection_mode="multi"`: any number of options; the widget returns `Vec<T>`.
    pub fn multi(self) -> SegmentedControl<T, Multi> {
        SegmentedControl { group: self.group, mode: PhantomData }
    }
}

impl<T: Clone + PartialEq + 'static> SegmentedControl<T, Multi> {
    /// The options selected on first run.
    pub fn default(mut self, values: impl IntoIterator<Item = T>) -> Self {
        self.group.default = Some(values.into_iter().collect());
        self
    }
}

impl<T, M: SelectionMode> WidgetOptions for SegmentedControl<T, M> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.group.options
    }
}

impl<T: Clone + PartialEq + 'static, M: SelectionMode> Command for SegmentedControl<T, M> {
    type Output = M::Output<T>;

    fn show(self, ui: &Ui) -> M::Output<T> {
        self.group.show::<M>(ui, "segmented_control", make::segmented_control)
    }
}

impl Ui {
    /// A segmented control for `options`; returns the selected one (`None` until the user picks one).
    pub fn segmented_control<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Option<T>
    where
        T: Clone + PartialEq + Display + 'static,
    {
        self.add(SegmentedControl::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn multi_selection_and_a_bad_default_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let bad = ui.add(SegmentedControl::new("Bad", ["x", "y"]).default("w"));
            let days = ui.add(SegmentedControl::new("Days", ["Mon", "Tue", "Wed"]).multi().default(["Wed"]));
            ui.write(format!("{bad:?} {days:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("The default of the segmented_control \"Bad\" is invalid"));
        assert_eq!(at.get("segmented_control").len(), 1);
        assert_eq!(at.markdown(0).text(), r#"None ["Wed"]"#);
        at.segmented_control(0).select("Mon").run();
        assert_eq!(at.markdown(0).text(), r#"None ["Mon", "Wed"]"#);
    }

    #[test]
    fn pills_and_a_segmented_control_with_the_same_label_are_different_widgets() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.pills("View", ["Day", "Week"]);
            let b = ui.segmented_control("View", ["Day", "Week"]);
            ui.write(format!("{a:?} {b:?}"));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "no DuplicateWidgetID");
        at.segmented_control(0).select("Day").run();
        assert_eq!(at.markdown(0).text(), r#"None Some("Day")"#);
    }
}
