//! Renders `divider` as an `<hr>`.

use leptos::prelude::*;

use crate::elements::text::divider::DividerProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(_: DisplayCell<DividerProps>) -> AnyView {
    view! { <hr class="wl-rule" /> }.into_any()
}
