//! Renders `warning` as a yellow alert box.

use leptos::prelude::*;

use super::alert::alert;
use crate::elements::status::warning::AlertProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<AlertProps>) -> AnyView {
    alert(cell, "warning")
}
