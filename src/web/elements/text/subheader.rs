//! Renders `subheader` as an `<h3>` with an anchor id and an optional rule.

use leptos::prelude::*;

use super::header::heading;
use crate::elements::text::subheader::HeaderProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<HeaderProps>) -> AnyView {
    heading(cell, 3)
}
