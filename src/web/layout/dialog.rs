//! Renders a dialog: a modal over the page whose body is a fragment.

use leptos::prelude::*;

use super::cells;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

/// A modal over the page. Dismissing it (×, Esc, a click outside) hides it
/// without a rerun; the next run that opens it shows it again (a new cell).
pub(crate) fn render(cell: BlockCell, title: String, wide: bool, sender: Sender) -> AnyView {
    let children = cell.children;
    let open = RwSignal::new(true);
    let close = move |_| open.set(false);
    view! {
        <Show when=move || open.get()>
            <div class="wl-dialog-backdrop" on:click=close></div>
            <div
                class="wl-dialog"
                class:wl-dialog-wide=wide
                role="dialog"
                aria-modal="true"
                aria-label=title.clone()
                tabindex="-1"
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <div class="wl-dialog-head">
                    <h2>{title.clone()}</h2>
                    <button class="wl-icon-button" aria-label="Close" on:click=close>"×"</button>
                </div>
                <div class="wl-block wl-dialog-body">{cells(children.clone(), sender)}</div>
            </div>
        </Show>
    }
    .into_any()
}
