//! Renders `tabs`: a tab list and one panel per tab; every panel stays in the page. A
//! stateful bar (`on_change`) sends the tab picked as its widget's value and follows the
//! selection each run draws (a script may set it through session state).

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
    view! {
        <div class="wl-tabs" class:wl-stale=move || stale.get()>
            <div class="wl-tab-list" role="tablist">
                {move || {
                    labels()
                        .into_iter()
                        .enumerate()
                        .map(|(index, label)| {
                            view! {
                                <button
                                    role="tab"
                                    class="wl-tab"
                                    aria-selected=move || (active.get() == index).to_string()
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
                        <div class="wl-tab-panel" role="tabpanel" hidden=move || active.get() != index>
                            {cell_view(cell, sender)}
                        </div>
                    }
                }
            />
        </div>
    }
    .into_any()
}
