//! `form_submit_button`: sends its form's values; true for that one run.

use std::rc::Rc;

use super::button::{ButtonKind, ButtonProps};
use super::{api, identity, register, show_error, CommonOptions, Spec, WidgetOptions};
use crate::element::{Element, WidgetValue};
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
pub struct FormSubmitButton {
    label: String,
    kind: ButtonKind,
    options: CommonOptions,
}

impl FormSubmitButton {
    pub fn new(label: impl Into<String>) -> Self {
        FormSubmitButton { label: label.into(), kind: ButtonKind::default(), options: CommonOptions::default() }
    }

    /// `ButtonKind::Primary` for the main action.
    pub fn kind(mut self, kind: ButtonKind) -> Self {
        self.kind = kind;
        self
    }

    /// Runs `callback` before the run the submit causes.
    pub fn on_click<F, R>(self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.on_change(callback)
    }
}

impl WidgetOptions for FormSubmitButton {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for FormSubmitButton {
    type Output = bool;

    fn show(self, ui: &Ui) -> bool {
        let FormSubmitButton { label, kind, options } = self;
        let Some(form) = ui.form.clone() else {
            show_error(ui, api(format!("`form_submit_button()` must be used inside a `form()` (the button \"{label}\").")));
            return false;
        };
        let spec = Spec {
            kind: "form_submit_button",
            identity: identity(
                "form_submit_button",
                options.key.as_deref(),
                |id| id.text("label", &label).opt_text("help", options.help.as_deref()),
                |id| id,
            ),
            default: WidgetValue::Trigger(false),
            decode: Rc::new(|wire| match wire {
                WidgetValue::Trigger(pressed) => Some(*pressed),
                _ => None,
            }),
            encode: Box::new(|_| Err("a button's value cannot be set".into())),
            explicit_default: false,
        };
        match register(ui, &label, &options, spec) {
            Ok(registered) => {
                crate::form::note_submit_button(ui, &form, registered.value);
                ui.push_element(Element::Button(ButtonProps {
                    common: registered.common,
                    kind,
                    clicked: registered.value,
                    form_submit: true,
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
