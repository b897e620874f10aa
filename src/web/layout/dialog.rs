//! Renders a dialog: a modal over the page whose body is a fragment.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cells;
use crate::element::{BlockKind, WidgetEvent, WidgetValue};
use crate::identity::WidgetId;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

/// How the viewer may close a dialog.
#[derive(Clone, Copy)]
pub(crate) struct Dismiss {
    /// ×, Esc and a click outside close it; without this they do nothing and there is no ×.
    pub dismissible: bool,
    /// Closing it requests a full rerun (`on_dismiss_rerun`).
    pub rerun: bool,
    /// Closing it first presses this trigger, whose callback is `on_dismiss`'s.
    pub callback: Option<WidgetId>,
}

/// A modal over the page. Dismissing it (×, Esc, a click outside) hides it without a rerun
/// (or with one, for `on_dismiss_rerun` and `on_dismiss`, whose callback's trigger it presses first); a later run that draws it again (a new `opened`
/// run) shows it again, even when the page reuses this cell. Focus moves into the dialog
/// when it opens and back where it was when it is dismissed.
pub(crate) fn render(cell: BlockCell, title: String, wide: bool, dismiss: Dismiss, sender: Sender) -> AnyView {
    let BlockCell { kind, children, .. } = cell;
    let open = RwSignal::new(true);
    let opened = move || kind.with(|k| if let BlockKind::Dialog { opened, .. } = k { *opened } else { 0 });
    Effect::new(move |previous: Option<u64>| {
        let run = opened();
        if previous.is_some_and(|previous| previous != run) {
            open.set(true);
        }
        run
    });
    // Where focus was before the dialog took it, to give it back.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let (true, Some(panel)) = (open.get(), panel.get()) {
            let active = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            before.set_value(active.filter(|e| !panel.contains(Some(e))));
            let _ = panel.focus();
        }
    });
    let close = move || {
        if !dismiss.dismissible {
            return;
        }
        open.set(false);
        if let Some(element) = before.get_value() {
            let _ = element.focus();
        }
        if let Some(id) = dismiss.callback {
            sender.send(WidgetEvent { id, value: WidgetValue::Trigger(true) }, None, false);
        }
        if dismiss.rerun {
            sender.rerun();
        }
    };
    // Esc closes it wherever focus is.
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && open.get_untracked() {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <Show when=move || open.get()>
            <div class="wl-dialog-backdrop" on:click=move |_| close()></div>
            <div
                class="wl-dialog"
                class:wl-dialog-wide=wide
                role="dialog"
                aria-modal="true"
                aria-label=title.clone()
                tabindex="-1"
                node_ref=panel
            >
                <div class="wl-dialog-head">
                    <h2>{title.clone()}</h2>
                    <Show when=move || dismiss.dismissible>
                        <button class="wl-icon-button" aria-label="Close" on:click=move |_| close()>"×"</button>
                    </Show>
                </div>
                <div class="wl-block wl-dialog-body">{cells(children.clone(), sender)}</div>
            </div>
        </Show>
    }
    .into_any()
}
