//! `toast`: a short message stacked at the bottom right of the page, gone after about four
//! seconds; the returned handle updates it later in the same run.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for a toast.
///
/// The element sits where the script called `toast`, but the page draws it in the toast
/// stack, once per run that calls it: `run` tells the page a toast is new (a rerun that
/// draws the same toast again shows it again; a patch of the same run only updates it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToastProps {
    /// Markdown.
    pub body: String,
    /// An emoji (or short text) before the body.
    pub icon: Option<String>,
    /// The run that drew it.
    pub run: u64,
}

impl DisplayProps for ToastProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// Shows `body` (Markdown) as a toast at the bottom right for about four seconds.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     if ui.button("Save") {
    ///         let toast = ui.add(Toast::new("Saving...").icon("⏳"));
    ///         // ... the work ...
    ///         toast.toast("Saved!");
    ///     }
    /// });
    /// at.run();
    /// assert!(at.get("toast").is_empty());
    /// at.button(0).click().run();
    /// assert_eq!(at.toast(0).text(), "Saved!");
    /// ```
    pub fn toast(&self, body: impl Into<String>) -> ToastHandle {
        self.add(Toast::new(body))
    }
}

/// A toast with options: `ui.add(Toast::new("Saved").icon("✅"))`.
#[must_use = "a toast is drawn by `ui.add(..)`"]
pub struct Toast {
    body: String,
    icon: Option<String>,
}

impl Toast {
    /// A toast showing `body` (Markdown).
    pub fn new(body: impl Into<String>) -> Self {
        Toast { body: body.into(), icon: None }
    }

    /// An emoji (or short text) shown before the body.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }
}

impl Command for Toast {
    type Output = ToastHandle;
    fn show(self, ui: &Ui) -> ToastHandle {
        let run = ui.runtime.borrow().run_id;
        let props = ToastProps { body: self.body, icon: self.icon, run };
        let slot = ui.push_element(make::toast(props.clone()));
        ToastHandle { slot, props }
    }
}

/// What [`Ui::toast`] returns: updates the toast in place while it is shown (Streamlit's
/// `msg.toast(...)`).
#[derive(Clone)]
pub struct ToastHandle {
    slot: Ui,
    props: ToastProps,
}

impl ToastHandle {
    /// Replaces the toast's text, keeping its icon. A handle kept past its run does nothing.
    pub fn toast(&self, body: impl Into<String>) {
        self.update(body.into(), self.props.icon.clone());
    }

    /// Replaces the toast's text and icon.
    pub fn toast_with_icon(&self, body: impl Into<String>, icon: impl Into<String>) {
        self.update(body.into(), Some(icon.into()));
    }

    fn update(&self, body: String, icon: Option<String>) {
        if self.slot.runtime.borrow().run_id != self.props.run {
            return;
        }
        self.slot.push_element(make::toast(ToastProps { body, icon, run: self.props.run }));
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::ToastProps;
    use crate::prelude::*;

    fn toasts(at: &AppTest) -> Vec<ToastProps> {
        at.get("toast")
            .into_iter()
            .map(|e| match e {
                Element::Toast(props) => props,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn each_run_that_calls_toast_draws_a_new_one_and_updates_keep_its_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            let toast = ui.add(Toast::new("Cooking").icon("🍳"));
            toast.toast("Done");
            ui.toast("Second");
        });
        at.run();
        let first = toasts(&at);
        assert_eq!(first.len(), 2, "an update replaces its toast, it does not add one");
        assert_eq!((first[0].body.as_str(), first[0].icon.as_deref()), ("Done", Some("🍳")));
        assert_eq!(first[1].icon, None);
        at.run();
        let second = toasts(&at);
        assert_ne!(second[0].run, first[0].run, "the page sees a rerun's toast as new");
        assert_eq!(second[0].run, second[1].run);
    }

    #[test]
    fn a_handle_kept_past_its_run_does_not_touch_the_next_run() {
        let kept: Rc<RefCell<Option<ToastHandle>>> = Rc::default();
        let store = kept.clone();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.write("first");
            let toast = ui.toast("fresh");
            if let Some(old) = store.borrow_mut().replace(toast) {
                old.toast_with_icon("stale", "⚠");
            }
        });
        at.run();
        at.run();
        assert_eq!(at.toast(0).text(), "fresh");
        assert_eq!(toasts(&at)[0].icon, None);
    }
}
