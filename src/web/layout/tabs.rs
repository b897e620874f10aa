//! Renders `tabs`: a tab list and one panel per tab; every panel stays in the page.

use leptos::prelude::*;

use super::cell_view;
use crate::element::BlockKind;
use crate::web::view_model::BlockCell;
use crate::web::Sender;

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let default = kind.with_untracked(|k| if let BlockKind::Tabs { default, .. } = k { *default } else { 0 });
    let active = RwSignal::new(default);
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
                                    on:click=move |_| active.set(index)
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
