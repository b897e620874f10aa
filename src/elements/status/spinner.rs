//! `spinner`: a spinner shown around slow work.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::layout::empty::EmptyProps;
use crate::ui::Ui;

/// What the page shows for a spinner; the page shows it only after 0.5 s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpinnerProps {
    pub text: String,
}

impl DisplayProps for SpinnerProps {
    fn text(&self) -> String {
        self.text.clone()
    }
}

impl Ui {
    /// Shows a spinner with `text` here until the returned guard is dropped;
    /// the page shows it only if the work takes longer than 0.5 s.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let spinner = ui.spinner("Loading data...");
    ///     ui.sleep(Duration::from_secs(2)).await;
    ///     drop(spinner);
    ///     ui.write("Loaded");
    /// });
    /// at.run_for(Duration::from_secs(1));
    /// assert_eq!(at.get("spinner").len(), 1);
    /// at.wait();
    /// assert!(at.get("spinner").is_empty());
    /// ```
    pub fn spinner(&self, text: impl Into<String>) -> Spinner {
        let slot = self.push_element(make::spinner(SpinnerProps { text: text.into() }));
        let run = self.runtime.borrow().run_id;
        Spinner { slot, run }
    }
}

/// The guard [`Ui::spinner`] returns: dropping it removes the spinner.
#[must_use = "the spinner disappears when this guard is dropped"]
pub struct Spinner {
    slot: Ui,
    run: u64,
}

impl Drop for Spinner {
    fn drop(&mut self) {
        // A guard kept past its run must not touch the next run's page.
        if self.slot.runtime.borrow().run_id == self.run {
            self.slot.push_element(make::empty(EmptyProps));
        }
    }
}
