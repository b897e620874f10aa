//! `checkbox`: a boolean.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{identity, show, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a checkbox or a toggle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckboxProps {
    pub common: WidgetCommon,
    pub value: bool,
}

/// Checkboxes and toggles share these props.
impl WidgetProps for CheckboxProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Bool(self.value)
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Bool(checked) = value {
            self.value = *checked;
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Bool(checked) => Ok(WidgetValue::Bool(checked)),
            other => Err(format!("a checkbox cannot take {other:?}")),
        }
    }
}

/// A checkbox.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if ui.checkbox("Show raw data") {
///         ui.subheader("Raw data");
///     }
/// });
/// at.run();
/// assert!(at.get("subheader").is_empty());
/// at.checkbox(0).check().run();
/// assert_eq!(at.subheader(0).text(), "Raw data");
/// ```
pub struct Checkbox {
    pub(crate) label: String,
    pub(crate) value: Option<bool>,
    pub(crate) options: CommonOptions,
}

impl Checkbox {
    pub fn new(label: impl Into<String>) -> Self {
        Checkbox { label: label.into(), value: None, options: CommonOptions::default() }
    }

    /// The value on first run.
    pub fn value(mut self, value: bool) -> Self {
        self.value = Some(value);
        self
    }

    /// Draws as `kind` ("checkbox" or "toggle"); both hold a bool.
    pub(crate) fn show_as(self, ui: &Ui, kind: &'static str, element: fn(CheckboxProps) -> Element) -> bool {
        let Checkbox { label, value, options } = self;
        let explicit_default = value.is_some();
        let value = value.unwrap_or(false);
        let spec = Spec {
            kind,
            identity: identity(
                kind,
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .number("value", f64::from(u8::from(value)))
                        .opt_text("help", options.help.as_deref())
                },
                |id| id,
            ),
            default: WidgetValue::Bool(value),
            decode: Rc::new(|wire| match wire {
                WidgetValue::Bool(checked) => Some(*checked),
                _ => None,
            }),
            encode: Box::new(|checked| Ok(WidgetValue::Bool(*checked))),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || value,
            |registered| {
                let common = registered.common.clone();
                element(CheckboxProps { common, value: registered.value })
            },
        )
    }
}

impl WidgetOptions for Checkbox {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for Checkbox {
    type Output = bool;
    fn show(self, ui: &Ui) -> bool {
        self.show_as(ui, "checkbox", make::checkbox)
    }
}

impl Ui {
    /// A checkbox, unchecked at first.
    pub fn checkbox(&self, label: impl Into<String>) -> bool {
        self.add(Checkbox::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_hidden_widget_is_forgotten_and_comes_back_at_its_default() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.checkbox("Show") {
                ui.add(Checkbox::new("Inner").key("inner"));
            }
        });
        at.run();
        at.checkbox(0).check().run();
        at.checkbox(1).check().run();
        assert!(at.session_state().get::<bool>("inner").unwrap());
        at.checkbox(0).uncheck().run();
        assert!(!at.session_state().contains("inner"), "the key goes with the widget");
        at.checkbox(0).check().run();
        assert!(!at.checkbox(1).value::<bool>(), "back at its default");
    }

    #[test]
    fn changing_the_label_of_an_unkeyed_widget_resets_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            let flip = ui.session_state().get_or_insert_with("flip", || false)?;
            let label = if flip { "B" } else { "A" };
            ui.checkbox(label);
            if ui.button("Flip") {
                ui.session_state().set("flip", !flip)?;
            }
            Ok::<_, Error>(())
        });
        at.run();
        at.checkbox(0).check().run();
        assert!(at.checkbox(0).value::<bool>());
        at.button(0).click().run();
        at.run();
        assert_eq!(at.checkbox(0).label(), "B");
        assert!(!at.checkbox(0).value::<bool>());
    }

    #[test]
    fn changing_the_label_of_a_keyed_widget_keeps_its_value() {
        let mut at = AppTest::new(|ui: &Ui| {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
            ui.add(Checkbox::new(format!("Run {runs}")).key("c"));
            Ok::<_, Error>(())
        });
        at.run();
        at.checkbox(0).check().run();
        at.run();
        assert_eq!(at.checkbox(0).label(), "Run 3");
        assert!(at.checkbox(0).value::<bool>());
    }

    #[test]
    fn callbacks_fire_only_when_the_value_changed() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(
                Checkbox::new("c")
                    .on_change(|ui: &Ui| ui.session_state().update_or("changes", 0, |n: &mut i32| *n += 1).map(|_| ())),
            );
        });
        at.run();
        at.checkbox(0).check().run();
        at.checkbox(0).check().run();
        at.run();
        assert_eq!(at.session_state().get::<i32>("changes").unwrap(), 1);
        at.checkbox(0).uncheck().run();
        assert_eq!(at.session_state().get::<i32>("changes").unwrap(), 2);
    }
}
