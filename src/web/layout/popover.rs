//! Renders `popover`: a button that opens a floating panel holding the body. The body is in
//! the page (hidden) while closed, so its widgets keep their state. Esc or a click outside
//! closes it. A stateful one (`on_change`) sends whether it is open when the viewer opens or
//! closes it, and follows what each run draws.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cells;
use crate::element::{BlockKind, WidgetEvent, WidgetValue};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let kind = RwSignal::from(kind);
    let state = |k: &BlockKind| match k {
        BlockKind::Popover { open, widget, .. } => (*open, *widget),
        _ => (false, None),
    };
    let open = RwSignal::new(kind.with_untracked(state).0);
    // A stateful popover follows each run; a static one is the viewer's business.
    Effect::new(move |_| {
        if let (shown, Some(_)) = kind.with(state) {
            open.set(shown);
        }
    });
    // The viewer opens or closes it: a stateful one tells the app.
    let set_open = move |now: bool| {
        open.set(now);
        if let (shown, Some(id)) = kind.with_untracked(state) {
            if now != shown {
                sender.send(WidgetEvent { id, value: WidgetValue::Bool(now) }, None, false);
            }
        }
    };
    let field = move |pick: fn(&BlockKind) -> Option<String>| move || kind.with(pick);
    let label = field(|k| if let BlockKind::Popover { label, .. } = k { Some(label.clone()) } else { None });
    let icon = field(|k| if let BlockKind::Popover { icon, .. } = k { icon.clone() } else { None });
    let help = field(|k| if let BlockKind::Popover { help, .. } = k { help.clone() } else { None });
    let disabled = move || kind.with(|k| matches!(k, BlockKind::Popover { disabled: true, .. }));
    let root = NodeRef::<Div>::new();
    let tip = crate::web::help::fresh_id();
    let tip_text = tip.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && open.get_untracked() {
            set_open(false);
        }
    });
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if open.get_untracked() && !root.get_untracked().is_some_and(|root| root.contains(target.as_ref())) {
            set_open(false);
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
                aria-describedby=move || help().map(|_| tip.clone())
                disabled=disabled
                on:click=move |_| set_open(!open.get_untracked())
            >
                {move || icon().map(|icon| view! { <span class="wl-icon" aria-hidden="true">{icon}</span> })}
                <span>{label}</span>
                <span class="wl-popover-caret" aria-hidden="true">"⌄"</span>
            </button>
            {move || help().map(|help| crate::web::help::tip(help, tip_text.clone()))}
            <div class="wl-popover-panel" role="dialog" aria-label=label hidden=move || !open.get()>
                {cells(children, sender)}
            </div>
        </div>
    }
    .into_any()
}
