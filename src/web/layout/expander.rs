//! Renders `expander` as `<details>`/`<summary>`.

use leptos::prelude::*;

use super::cells;
use crate::element::BlockKind;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let expanded = kind.with_untracked(|k| matches!(k, BlockKind::Expander { expanded: true, .. }));
    let label = move || match kind.get() {
        BlockKind::Expander { label, .. } => label,
        _ => String::new(),
    };
    view! {
        <details class="wl-expander" open=expanded class:wl-stale=move || stale.get()>
            <summary>{label}</summary>
            <div class="wl-expander-body">{cells(children, sender)}</div>
        </details>
    }
    .into_any()
}
