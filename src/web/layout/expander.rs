//! Renders `expander` as `<details>`/`<summary>`.

use leptos::prelude::*;

use super::cells;
use crate::element::BlockKind;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let kind = RwSignal::from(kind);
    let expanded = kind.with_untracked(|k| matches!(k, BlockKind::Expander { expanded: true, .. }));
    let label = move || match kind.get() {
        BlockKind::Expander { label, .. } => label,
        _ => String::new(),
    };
    let icon = move || kind.with(|k| if let BlockKind::Expander { icon, .. } = k { icon.clone() } else { None });
    view! {
        <details class="wl-expander" open=expanded class:wl-stale=move || stale.get()>
            <summary>
                {move || icon().map(|icon| view! { <span class="wl-icon" aria-hidden="true">{icon}</span> })}
                {label}
            </summary>
            <div class="wl-expander-body">{cells(children, sender)}</div>
        </details>
    }
    .into_any()
}
