//! Renders `expander` as `<details>`/`<summary>`. A stateful one (`on_change`) sends its
//! open state when the viewer toggles it and follows the state each run draws.

use leptos::html::Details;
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
        BlockKind::Expander { expanded, widget, .. } => (*expanded, *widget),
        _ => (false, None),
    };
    let expanded = kind.with_untracked(state).0;
    // A static expander opens as the run says at first, then as the viewer leaves it; a
    // stateful one follows every run.
    let details = NodeRef::<Details>::new();
    Effect::new(move |_| {
        if let ((open, Some(_)), Some(details)) = (kind.with(state), details.get()) {
            if open {
                let _ = details.set_attribute("open", "");
            } else {
                let _ = details.remove_attribute("open");
            }
        }
    });
    let label = move || match kind.get() {
        BlockKind::Expander { label, .. } => label,
        _ => String::new(),
    };
    let icon = move || kind.with(|k| if let BlockKind::Expander { icon, .. } = k { icon.clone() } else { None });
    // `toggle` also fires when a run opens or closes it: only a change the run did not make
    // is sent.
    let toggled = move |event: leptos::ev::Event| {
        let Some(details) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        // The `open` attribute reflects the element's state.
        let now = details.has_attribute("open");
        if let (shown, Some(id)) = kind.with_untracked(state) {
            if now != shown {
                sender.send(WidgetEvent { id, value: WidgetValue::Bool(now) }, None, false);
            }
        }
    };
    view! {
        <details class="wl-expander" open=expanded node_ref=details on:toggle=toggled class:wl-stale=move || stale.get()>
            <summary>
                {move || icon().map(|icon| view! { <span class="wl-icon" aria-hidden="true">{icon}</span> })}
                {label}
            </summary>
            <div class="wl-expander-body">{cells(children, sender)}</div>
        </details>
    }
    .into_any()
}
