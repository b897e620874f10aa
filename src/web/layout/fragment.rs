//! Renders a fragment's body: a plain block that its own reruns redraw.

use leptos::prelude::*;

use super::cells;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { children, stale, .. } = cell;
    view! { <div class="wl-block wl-fragment" class:wl-stale=move || stale.get()>{cells(children, sender)}</div> }
        .into_any()
}
