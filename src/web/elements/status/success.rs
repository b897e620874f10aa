//! Renders `success` as a green alert box.

use leptos::prelude::*;

use super::alert::alert;
use crate::elements::status::success::AlertProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<AlertProps>) -> AnyView {
    alert(cell, "success")
}
