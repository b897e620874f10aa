//! Renders `segmented_control`: the pills' toggle buttons joined into one group.

use leptos::prelude::*;

use super::pills::render_group;
use super::WidgetCell;
use crate::widgets::pills::ButtonGroupProps;

pub(crate) fn render(cell: WidgetCell<ButtonGroupProps>) -> AnyView {
    render_group(cell, "wl-segmented")
}
