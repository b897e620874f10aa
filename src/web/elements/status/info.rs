//! Renders `info` as a blue alert box.

use leptos::prelude::*;

use super::alert::alert;
use crate::elements::status::info::AlertProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<AlertProps>) -> AnyView {
    alert(cell, "info")
}
