//! Renderers of the status elements.

mod alert;
pub(crate) mod balloons;
mod celebration;
pub(crate) mod error;
pub(crate) mod exception;
pub(crate) mod info;
pub(crate) mod progress;
pub(crate) mod snow;
pub(crate) mod spinner;
pub(crate) mod success;
pub(crate) mod toast;
pub(crate) mod warning;
