//! Status elements: coloured alert boxes, exceptions, progress bars, spinners and toasts.

pub mod alert;
pub mod balloons;
pub mod celebration;
pub mod error;
pub mod exception;
pub mod info;
pub mod progress;
pub mod snow;
pub mod spinner;
pub mod success;
pub mod toast;
pub mod warning;
