//! Renders a form's block (its widgets hold their values until it is submitted).

use leptos::prelude::*;

use super::cells;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, border: bool, sender: Sender) -> AnyView {
    let BlockCell { children, stale, .. } = cell;
    view! {
        <div class="wl-block wl-form" class:wl-bordered=border class:wl-stale=move || stale.get()>
            {cells(children, sender)}
        </div>
    }
    .into_any()
}
