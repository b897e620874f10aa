//! `toggle`: a boolean drawn as a switch.

use super::checkbox::Checkbox;
pub use super::checkbox::CheckboxProps;
use super::{CommonOptions, WidgetOptions};
use crate::element::make;
use crate::ui::{Command, Ui};

/// A toggle switch; it holds a bool like a checkbox.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let on = ui.toggle("Activate feature");
///     ui.write(if on { "Feature activated!" } else { "off" });
/// });
/// at.run();
/// at.toggle(0).set_value(true).run();
/// assert_eq!(at.markdown(0).text(), "Feature activated!");
/// ```
pub struct Toggle(Checkbox);

impl Toggle {
    pub fn new(label: impl Into<String>) -> Self {
        Toggle(Checkbox::new(label))
    }

    /// The value on first run.
    pub fn value(self, value: bool) -> Self {
        Toggle(self.0.value(value))
    }
}

impl WidgetOptions for Toggle {
    fn options_mut(&mut self) -> &mut CommonOptions {
        self.0.options_mut()
    }
}

impl Command for Toggle {
    type Output = bool;
    fn show(self, ui: &Ui) -> bool {
        self.0.show_as(ui, "toggle", make::toggle)
    }
}

impl Ui {
    /// A toggle switch, off at first.
    pub fn toggle(&self, label: impl Into<String>) -> bool {
        self.add(Toggle::new(label))
    }
}
