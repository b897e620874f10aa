//! Renders `toggle` as a checkbox drawn as a switch (`role="switch"`).

use leptos::prelude::*;

use super::checkbox::boolean_input;
use super::WidgetCell;
use crate::widgets::checkbox::CheckboxProps;

pub(crate) fn render(cell: WidgetCell<CheckboxProps>) -> AnyView {
    boolean_input(cell, true)
}
