//! `form_submit_button`: sends its form's values; true for that one run.

use super::button::{check_icon, trigger_spec, Button, ButtonKind, ButtonProps};
use super::{api, register, show_error, CommonOptions, WidgetOptions};
use crate::element::make;
use crate::error::IntoScriptResult;
use crate::ui::{Command, Ui};

/// A form's submit button; the only widget in a form that may have a callback.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let form = ui.form("login");
///     let user = form.text_input("User");
///     if form.add(FormSubmitButton::new("Log in").kind(ButtonKind::Primary)) {
///         ui.success(format!("Welcome, {user}"));
///     }
/// });
/// at.run();
/// at.text_input(0).input("ada");
/// at.button(0).click().run();
/// assert_eq!(at.success(0).text(), "Welcome, ada");
/// ```
pub struct FormSubmitButton(Button);

impl FormSubmitButton {
    pub fn new(label: impl Into<String>) -> Self {
        FormSubmitButton(Button::new(label))
    }

    /// `ButtonKind::Primary` for the main action, `ButtonKind::Tertiary` for a plain text button.
    pub fn kind(self, kind: ButtonKind) -> Self {
        FormSubmitButton(self.0.kind(kind))
    }

    /// An emoji or short text shown before the label.
    pub fn icon(self, icon: impl Into<String>) -> Self {
        FormSubmitButton(self.0.icon(icon))
    }

    /// Runs `callback` before the run the submit causes.
    pub fn on_click<F, R>(self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        FormSubmitButton(self.0.on_click(callback))
    }
}

impl WidgetOptions for FormSubmitButton {
    fn options_mut(&mut self) -> &mut CommonOptions {
        self.0.options_mut()
    }
}

impl Command for FormSubmitButton {
    type Output = bool;

    fn show(self, ui: &Ui) -> bool {
        let Button { label, kind, icon, options } = self.0;
        let Some(form) = ui.form_key() else {
            show_error(
                ui,
                api(format!("`form_submit_button()` must be used inside a `form()` (the button \"{label}\").")),
            );
            return false;
        };
        let spec = check_icon(&label, icon.as_deref())
            .map(|()| trigger_spec("form_submit_button", &label, kind, icon.as_deref(), &options));
        match spec.and_then(|spec| register(ui, &label, &options, spec)) {
            Ok(registered) => {
                crate::form::note_submit_button(ui, &form, registered.value);
                ui.push_element(make::button(ButtonProps {
                    common: registered.common,
                    kind,
                    clicked: registered.value,
                    form_submit: true,
                    icon,
                }));
                registered.value
            }
            Err(error) => {
                crate::form::note_submit_button(ui, &form, false);
                show_error(ui, error);
                false
            }
        }
    }
}

impl Ui {
    /// The submit button of the form this handle draws into.
    pub fn form_submit_button(&self, label: impl Into<String>) -> bool {
        self.add(FormSubmitButton::new(label))
    }
}
