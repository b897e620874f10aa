//! Renders `popover`: a button that opens a floating panel holding the body. The body is in
//! the page (hidden) while closed, so its widgets keep their state. Esc or a click outside
//! closes it.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cells;
use crate::element::BlockKind;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let kind = RwSignal::from(kind);
    let open = RwSignal::new(false);
    let field = move |pick: fn(&BlockKind) -> Option<String>| move || kind.with(pick);
    let label = field(|k| if let BlockKind::Popover { label, .. } = k { Some(label.clone()) } else { None });
    let icon = field(|k| if let BlockKind::Popover { icon, .. } = k { icon.clone() } else { None });
    let help = field(|k| if let BlockKind::Popover { help, .. } = k { help.clone() } else { None });
    let disabled = move || kind.with(|k| matches!(k, BlockKind::Popover { disabled: true, .. }));
    let root = NodeRef::<Div>::new();
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if open.get_untracked() && !root.get_untracked().is_some_and(|root| root.contains(target.as_ref())) {
            open.set(false);
        }
    });
    on_cleanup(move || {
        escape.remove();
        outside.remove();
    });
    view! {
        <div class="wl-popover" node_ref=root class:wl-stale=move || stale.get()>
            <button
                class="wl-button wl-popover-button"
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                title=help
                disabled=disabled
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {move || icon().map(|icon| view! { <span class="wl-icon" aria-hidden="true">{icon}</span> })}
                <span>{label}</span>
                <span class="wl-popover-caret" aria-hidden="true">"⌄"</span>
            </button>
            <div class="wl-popover-panel" role="dialog" aria-label=label hidden=move || !open.get()>
                {cells(children, sender)}
            </div>
        </div>
    }
    .into_any()
}
