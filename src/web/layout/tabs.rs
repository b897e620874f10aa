//! Renders `tabs`: a tab list and one panel per tab; every panel stays in the page. A
//! stateful bar (`on_change`) sends the tab picked as its widget's value and follows the
//! selection each run draws (a script may set it through session state).
//!
//! The WAI-ARIA tabs pattern: the selected tab alone is in the tab order, ArrowLeft/ArrowRight
//! (wrapping), Home and End select and focus a tab, and each tab controls its panel.

use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

use super::cell_view;
use crate::element::{BlockKind, WidgetEvent, WidgetValue};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let kind = RwSignal::from(kind);
    let state = |k: &BlockKind| match k {
        BlockKind::Tabs { default, widget, .. } => (*default, *widget),
        _ => (0, None),
    };
    let active = RwSignal::new(kind.with_untracked(state).0);
    // A stateful bar shows the tab each run selected; a static one keeps the viewer's pick.
    Effect::new(move |_| {
        if let (selected, Some(_)) = kind.with(state) {
            active.set(selected);
        }
    });
    let pick = move |index: usize| {
        active.set(index);
        let (selected, widget) = kind.with_untracked(state);
        let label = kind.with_untracked(|k| match k {
            BlockKind::Tabs { labels, .. } => labels.get(index).cloned(),
            _ => None,
        });
        if let (Some(id), Some(label), true) = (widget, label, index != selected) {
            sender.send(WidgetEvent { id, value: WidgetValue::Text(label) }, None, false);
        }
    };
    let labels = move || match kind.get() {
        BlockKind::Tabs { labels, .. } => labels,
        _ => Vec::new(),
    };
    let bodies = move || children.get().into_iter().enumerate().collect::<Vec<_>>();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let bar = NEXT.fetch_add(1, Ordering::Relaxed);
    let tab_id = move |index: usize| format!("wl-tabs-{bar}-tab-{index}");
    let panel_id = move |index: usize| format!("wl-tabs-{bar}-panel-{index}");
    let list = NodeRef::<leptos::html::Div>::new();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = kind.with_untracked(|k| match k {
            BlockKind::Tabs { labels, .. } => labels.len(),
            _ => 0,
        });
        let Some(next) = key_target(&event.key(), active.get_untracked(), count) else { return };
        event.prevent_default();
        pick(next);
        let tab = list.get_untracked().and_then(|list| list.children().item(next as u32));
        if let Some(tab) = tab.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
            let _ = tab.focus();
        }
    };
    view! {
        <div class="wl-tabs" class:wl-stale=move || stale.get()>
            <div class="wl-tab-list" role="tablist" node_ref=list on:keydown=on_keydown>
                {move || {
                    labels()
                        .into_iter()
                        .enumerate()
                        .map(|(index, label)| {
                            view! {
                                <button
                                    role="tab"
                                    class="wl-tab"
                                    id=tab_id(index)
                                    aria-controls=panel_id(index)
                                    aria-selected=move || (active.get() == index).to_string()
                                    tabindex=move || if active.get() == index { "0" } else { "-1" }
                                    on:click=move |_| pick(index)
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <For
                each=bodies
                key=|(index, cell)| (*index, cell.uid())
                children=move |(index, cell)| {
                    view! {
                        <div
                            class="wl-tab-panel"
                            role="tabpanel"
                            id=panel_id(index)
                            aria-labelledby=tab_id(index)
                            hidden=move || active.get() != index
                        >
                            {cell_view(cell, sender)}
                        </div>
                    }
                }
            />
        </div>
    }
    .into_any()
}

/// The tab a key moves to from `active` among `count` tabs: arrows wrap, Home and End jump.
fn key_target(key: &str, active: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((active + 1) % count),
        "ArrowLeft" => Some((active + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}
