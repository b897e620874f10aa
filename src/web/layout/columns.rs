//! Renders `columns`: a flex row of columns sized by their weights.

use leptos::prelude::*;

use super::cells;
use crate::element::{BlockKind, Gap, VerticalAlignment};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

fn gap_class(gap: Gap) -> &'static str {
    match gap {
        Gap::Small => "wl-columns wl-gap-small",
        Gap::Medium => "wl-columns wl-gap-medium",
        Gap::Large => "wl-columns wl-gap-large",
    }
}

/// The row.
pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let kind = RwSignal::from(kind);
    let class = move || match kind.get() {
        BlockKind::Columns { gap, .. } => gap_class(gap),
        _ => gap_class(Gap::Small),
    };
    let align = move || {
        kind.with(|k| match k {
            BlockKind::Columns { vertical_alignment: VerticalAlignment::Center, .. } => "center",
            BlockKind::Columns { vertical_alignment: VerticalAlignment::Bottom, .. } => "bottom",
            _ => "top",
        })
    };
    let border = move || kind.with(|k| matches!(k, BlockKind::Columns { border: true, .. }));
    view! {
        <div class=class data-align=align class:wl-columns-bordered=border class:wl-stale=move || stale.get()>
            {cells(children, sender)}
        </div>
    }
    .into_any()
}

/// One column.
pub(crate) fn column(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let flex = move || match kind.get() {
        BlockKind::Column { weight } => format!("{weight} 1 0%"),
        _ => "1 1 0%".to_string(),
    };
    view! { <div class="wl-column" style:flex=flex class:wl-stale=move || stale.get()>{cells(children, sender)}</div> }
        .into_any()
}
