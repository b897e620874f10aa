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
/// when it opens, Tab cycles inside it (`trap_tab`), and focus goes back where it was when
/// it is dismissed.
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
                on:keydown=move |event| {
                    if let Some(panel) = panel.get_untracked() {
                        trap_tab(&panel, &event);
                    }
                }
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

/// What Tab can reach in a dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1']), summary, iframe";

/// Keeps Tab and Shift+Tab inside the modal `panel`: from its last focusable control Tab goes
/// to the first, and Shift+Tab from the first (or the panel itself) to the last.
pub(crate) fn trap_tab(panel: &web_sys::HtmlElement, event: &web_sys::KeyboardEvent) {
    if event.key() != "Tab" {
        return;
    }
    let Ok(found) = panel.query_selector_all(FOCUSABLE) else { return };
    let shown: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .collect();
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        event.prevent_default();
        return;
    };
    let active = document().active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(e)));
    let on_panel = active.as_ref().is_some_and(|a| a.is_same_node(Some(panel)));
    let target = match event.shift_key() {
        true if at(first) || on_panel => last,
        false if at(last) => first,
        _ => return,
    };
    event.prevent_default();
    let _ = target.focus();
}
