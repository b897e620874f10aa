//! `exception`: an error raised by the script or by a bad call, shown in place.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for an exception: its kind (`StreamlitAPIException`) and message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExceptionProps {
    pub kind: String,
    pub message: String,
    /// A warning shown like an exception (Streamlit's `is_warning`, e.g. `CachedWidgetWarning`):
    /// yellow, not red.
    pub is_warning: bool,
    /// The error's sources (`std::error::Error::source`), outermost first, one line each.
    #[serde(default)]
    pub causes: Vec<String>,
}

impl DisplayProps for ExceptionProps {
    fn text(&self) -> String {
        let mut text = format!("{}: {}", self.kind, self.message);
        for cause in &self.causes {
            text.push_str("\nCaused by: ");
            text.push_str(cause);
        }
        text
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

    /// Shows an error and the chain of errors that caused it (each `source()`, one
    /// "Caused by" line each), as Streamlit's `st.exception` shows a traceback.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// #[derive(Debug)]
    /// struct ConfigError(std::num::ParseIntError);
    /// impl std::fmt::Display for ConfigError {
    ///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    ///         f.write_str("the port in config.toml is not a number")
    ///     }
    /// }
    /// impl std::error::Error for ConfigError {
    ///     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
    ///         Some(&self.0)
    ///     }
    /// }
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     if let Err(error) = "80a".parse::<u16>().map_err(ConfigError) {
    ///         ui.exception_chain(&error);
    ///     }
    /// });
    /// at.run();
    /// assert_eq!(
    ///     at.exception(0).text(),
    ///     "Error: the port in config.toml is not a number\nCaused by: invalid digit found in string"
    /// );
    /// ```
    pub fn exception_chain(&self, error: &(dyn std::error::Error + 'static)) -> Ui {
        let mut causes = Vec::new();
        let mut source = error.source();
        // A chain is finite in practice; a source that leads back to itself must not hang the page.
        while let Some(cause) = source {
            if causes.len() == 64 {
                causes.push("… (more causes left out)".to_string());
                break;
            }
            causes.push(cause.to_string());
            source = cause.source();
        }
        let props = ExceptionProps { kind: "Error".into(), message: error.to_string(), is_warning: false, causes };
        self.push_element(make::exception(props))
    }

    pub(crate) fn push_exception(&self, kind: String, message: String) -> Ui {
        self.push_element(make::exception(ExceptionProps { kind, message, is_warning: false, causes: Vec::new() }))
    }

    /// A warning drawn as an exception box, in the warning colours.
    pub(crate) fn push_warning_exception(&self, kind: String, message: String) -> Ui {
        self.push_element(make::exception(ExceptionProps { kind, message, is_warning: true, causes: Vec::new() }))
    }
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use crate::prelude::*;

    /// An error whose chain is `depth` more errors long (or endless, with `depth == None`).
    #[derive(Debug)]
    struct Layer {
        depth: Option<usize>,
        inner: Option<Box<Layer>>,
    }

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "layer {:?}", self.depth)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            match self.depth {
                None => Some(self), // a source that points at itself
                Some(_) => self.inner.as_deref().map(|inner| inner as &(dyn std::error::Error + 'static)),
            }
        }
    }

    fn chain(depth: usize) -> Layer {
        let inner = (depth > 0).then(|| Box::new(chain(depth - 1)));
        Layer { depth: Some(depth), inner }
    }

    #[test]
    fn the_chain_is_listed_outermost_first_and_an_error_without_sources_has_none() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.exception_chain(&chain(2));
            ui.exception_chain(&chain(0));
            ui.exception(&"plain");
        });
        at.run();
        assert_eq!(at.exception(0).text(), "Error: layer Some(2)\nCaused by: layer Some(1)\nCaused by: layer Some(0)");
        assert_eq!(at.exception(1).text(), "Error: layer Some(0)");
        assert_eq!(at.exception(2).text(), "Error: plain");
    }

    #[test]
    fn a_chain_that_loops_is_cut_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.exception_chain(&Layer { depth: None, inner: None });
            ui.write("after");
        });
        at.run();
        let text = at.exception(0).text();
        assert_eq!(text.matches("Caused by:").count(), 65);
        assert!(text.ends_with("Caused by: … (more causes left out)"));
        assert_eq!(at.markdown(0).text(), "after");
    }
}
