//! Errors and control flow that travel through `?`.
//!
//! A script returns [`Result`]. An ordinary error becomes an exception element
//! in place; [`Ui::stop`](crate::Ui::stop) and [`Ui::rerun`](crate::Ui::rerun)
//! return special errors that end the run early without being shown.

use std::fmt;

/// The result type of scripts and fallible calls.
pub type Result<T = (), E = Error> = std::result::Result<T, E>;

/// Why a script run ended early.
///
/// Converts from any `std::error::Error`, so `?` works on everything:
///
/// ```
/// use wasmlit::prelude::*;
///
/// fn app(ui: &Ui) -> Result {
///     let n: i32 = "12x".parse()?;
///     ui.write(n);
///     Ok(())
/// }
/// let mut at = AppTest::new(app);
/// at.run();
/// assert!(at.exception(0).text().contains("invalid digit"));
/// ```
pub struct Error {
    kind: ErrorKind,
}

pub(crate) enum ErrorKind {
    /// `ui.stop()`: end the run, skip widget cleanup.
    Stop,
    /// `ui.rerun()`: end the run and start a new one.
    Rerun,
    /// `ui.rerun_fragment()`: end the fragment run and rerun the fragment.
    RerunFragment(crate::element::FragmentId),
    /// Anything else: shown as an exception element. `shown`: a fragment already drew it
    /// in its body (Streamlit's `FragmentHandledException`), so the run does not draw it again.
    Script { kind: String, message: String, shown: bool },
}

impl Error {
    /// An error with a message, shown as an exception element.
    pub fn msg(message: impl fmt::Display) -> Self {
        Error { kind: ErrorKind::Script { kind: "Error".into(), message: message.to_string(), shown: false } }
    }

    /// The kind an exception element shows (`"ParseIntError"`); `None` for stop and rerun.
    pub(crate) fn kind_name(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::Script { kind, .. } => Some(kind),
            _ => None,
        }
    }

    pub(crate) fn api(message: impl fmt::Display) -> Self {
        Error {
            kind: ErrorKind::Script {
                kind: "StreamlitAPIException".into(),
                message: message.to_string(),
                shown: false,
            },
        }
    }

    pub(crate) fn stop() -> Self {
        Error { kind: ErrorKind::Stop }
    }

    pub(crate) fn rerun() -> Self {
        Error { kind: ErrorKind::Rerun }
    }

    pub(crate) fn rerun_fragment(id: crate::element::FragmentId) -> Self {
        Error { kind: ErrorKind::RerunFragment(id) }
    }

    pub(crate) fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// A script error not drawn yet: its kind and message, and it counts as drawn from now on
    /// (a fragment draws its errors in its own body). `None` for control flow and drawn errors.
    pub(crate) fn take_unshown(&mut self) -> Option<(String, String)> {
        match &mut self.kind {
            ErrorKind::Script { kind, message, shown } if !*shown => {
                *shown = true;
                Some((kind.clone(), message.clone()))
            }
            _ => None,
        }
    }

    /// True for an error raised by the script (not `stop()` or a rerun).
    pub(crate) fn is_script_error(&self) -> bool {
        matches!(self.kind, ErrorKind::Script { .. })
    }

    /// True for the error `ui.stop()` returns.
    pub fn is_stop(&self) -> bool {
        matches!(self.kind, ErrorKind::Stop)
    }

    /// True for the errors `ui.rerun()` and `ui.rerun_fragment()` return.
    pub fn is_rerun(&self) -> bool {
        matches!(self.kind, ErrorKind::Rerun | ErrorKind::RerunFragment(_))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Stop => f.write_str("the script called stop()"),
            ErrorKind::Rerun => f.write_str("the script called rerun()"),
            ErrorKind::RerunFragment(_) => f.write_str("the fragment called rerun_fragment()"),
            ErrorKind::Script { kind, message, .. } => write!(f, "{kind}: {message}"),
        }
    }
}

impl<E: std::error::Error> From<E> for Error {
    fn from(error: E) -> Self {
        let full = std::any::type_name::<E>();
        let kind = full.rsplit("::").next().unwrap_or(full).to_string();
        Error { kind: ErrorKind::Script { kind, message: error.to_string(), shown: false } }
    }
}

/// What a script function may return: `()` or a `Result`.
pub trait IntoScriptResult {
    fn into_script_result(self) -> Result;
}

impl IntoScriptResult for () {
    fn into_script_result(self) -> Result {
        Ok(())
    }
}

/// A script may end with a drawing call, whose `Ui` handle it does not need: a one-line page
/// or callback reads as it would in Streamlit.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let page = ui.navigation(vec![Page::new("Home", |ui: &Ui| ui.write("Welcome"))]);
///     page.run(ui)
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "Welcome");
/// ```
impl IntoScriptResult for crate::Ui {
    fn into_script_result(self) -> Result {
        Ok(())
    }
}

/// Any `Result` works; its `Ok` value is ignored (so a callback can end with
/// `state.update(..)`).
impl<T, E: Into<Error>> IntoScriptResult for std::result::Result<T, E> {
    fn into_script_result(self) -> Result {
        self.map(|_| ()).map_err(Into::into)
    }
}
