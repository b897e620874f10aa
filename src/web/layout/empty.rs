//! Renders an `empty()` placeholder that holds nothing: no markup at all.

use leptos::prelude::*;

use crate::layout::empty::EmptyProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(_: DisplayCell<EmptyProps>) -> AnyView {
    ().into_any()
}
