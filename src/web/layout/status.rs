//! Renders `status` as `<details>`: a spinner, ✓ or ✕ before the label; `update(..)` from
//! the script opens or closes it.

use leptos::prelude::*;

use super::cells;
use crate::element::{BlockKind, StatusState};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let header = Memo::new(move |_| match kind.get() {
        BlockKind::Status { label, state, expanded } => (label, state, expanded),
        _ => (String::new(), StatusState::Running, false),
    });
    // The script's `expanded` wins whenever it changes; in between the viewer may toggle.
    let expanded = Memo::new(move |_| header.with(|(_, _, expanded)| *expanded));
    let state = move || header.with(|(_, state, _)| *state);
    let icon = move || match state() {
        StatusState::Running => {
            view! { <span class="wl-status-box-icon wl-spinner-icon" aria-label="running"></span> }.into_any()
        }
        StatusState::Complete => {
            view! { <span class="wl-status-box-icon wl-status-complete" aria-label="complete">"✓"</span> }.into_any()
        }
        StatusState::Error => {
            view! { <span class="wl-status-box-icon wl-status-error" aria-label="error">"✕"</span> }.into_any()
        }
    };
    view! {
        <details
            class="wl-expander wl-status-box"
            class:wl-status-box-error=move || state() == StatusState::Error
            prop:open=move || expanded.get()
            class:wl-stale=move || stale.get()
        >
            <summary>{icon}<span class="wl-status-box-label">{move || header.with(|(label, _, _)| label.clone())}</span></summary>
            <div class="wl-expander-body">{cells(children, sender)}</div>
        </details>
    }
    .into_any()
}
