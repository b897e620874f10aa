//! Renders `balloons`: balloons rise over the page once per run.

use leptos::prelude::*;

use super::celebration::celebration;
use crate::elements::status::balloons::CelebrationProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<CelebrationProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::CELEBRATION);
    celebration(cell, "balloons", &["🎈", "🎈", "🎈", "🎉"])
}
