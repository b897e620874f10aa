//! Renders `time_input` through the shared date and time renderer (`temporal.rs`).

use leptos::prelude::AnyView;

use super::WidgetCell;
use crate::widgets::time_input::TemporalProps;

pub(crate) fn render(cell: WidgetCell<TemporalProps>) -> AnyView {
    super::temporal::render(cell)
}
