//! Renders `error` as a red alert box.

use leptos::prelude::*;

use super::alert::alert;
use crate::elements::status::error::AlertProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<AlertProps>) -> AnyView {
    alert(cell, "error")
}
