//! Renders plain vertical blocks and `container()`s (bordered, or scrolling at a height).

use leptos::prelude::*;

use super::cells;
use crate::element::BlockKind;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

/// A plain vertical stack: `container()` without options, a tab body.
pub(crate) fn vertical(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { children, stale, .. } = cell;
    view! { <div class="wl-block wl-vertical" class:wl-stale=move || stale.get()>{cells(children, sender)}</div> }
        .into_any()
}

/// A container with a border and/or a fixed height.
pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let options = Memo::new(move |_| match kind.get() {
        BlockKind::Container { border, height } => (border, height),
        _ => (false, None),
    });
    let height = move || options.get().1.map(|px| format!("{px}px"));
    view! {
        <div
            class="wl-block wl-container"
            class:wl-stale=move || stale.get()
            class:wl-bordered=move || options.get().0
            class:wl-scroll=move || options.get().1.is_some()
            style:height=height
        >
            {cells(children, sender)}
        </div>
    }
    .into_any()
}
