//! `exception`: an error raised by the script or by a bad call, shown in place.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::element::{DisplayProps, Element};
use crate::ui::Ui;

/// What the page shows for an exception: its kind (`StreamlitAPIException`) and message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExceptionProps {
    pub kind: String,
    pub message: String,
    /// A warning shown like an exception (Streamlit's `is_warning`, e.g. `CachedWidgetWarning`):
    /// yellow, not red.
    pub is_warning: bool,
}

impl DisplayProps for ExceptionProps {
    fn text(&self) -> String {
        format!("{}: {}", self.kind, self.message)
    }
}

impl Ui {
    /// Shows an error as an exception box, like an uncaught error would be.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     if let Err(error) = "x".parse::<i32>() {
    ///         ui.exception(&error);
    ///     }
    /// });
    /// at.run();
    /// assert_eq!(at.exception(0).text(), "Error: invalid digit found in string");
    /// ```
    pub fn exception(&self, error: &dyn fmt::Display) -> Ui {
        self.push_exception("Error".into(), error.to_string())
    }

    pub(crate) fn push_exception(&self, kind: String, message: String) -> Ui {
        self.push_element(Element::Exception(ExceptionProps { kind, message, is_warning: false }))
    }

    /// A warning drawn as an exception box, in the warning colours.
    pub(crate) fn push_warning_exception(&self, kind: String, message: String) -> Ui {
        self.push_element(Element::Exception(ExceptionProps { kind, message, is_warning: true }))
    }
}
