//! Renders plain vertical blocks and `container()`s (bordered, or scrolling at a height).

use leptos::prelude::*;

use super::cells;
use crate::element::{BlockKind, Gap, HorizontalAlignment, VerticalAlignment};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

/// A plain vertical stack: `container()` without options, a tab body.
pub(crate) fn vertical(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { children, stale, .. } = cell;
    view! { <div class="wl-block wl-vertical" class:wl-stale=move || stale.get()>{cells(children, sender)}</div> }
        .into_any()
}

/// A container with a border and/or a fixed height, or a horizontal row that wraps.
pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let options = Memo::new(move |_| match kind.get() {
        BlockKind::Container { border, height, horizontal, gap, horizontal_alignment, vertical_alignment } => {
            (border, height, horizontal, gap, horizontal_alignment, vertical_alignment)
        }
        _ => (false, None, false, Gap::Small, HorizontalAlignment::Left, VerticalAlignment::Top),
    });
    let height = move || options.get().1.map(|px| format!("{px}px"));
    let gap = move || match options.get().3 {
        Gap::Small => "small",
        Gap::Medium => "medium",
        Gap::Large => "large",
    };
    let justify = move || match options.get().4 {
        HorizontalAlignment::Left => "left",
        HorizontalAlignment::Center => "center",
        HorizontalAlignment::Right => "right",
        HorizontalAlignment::Distribute => "distribute",
    };
    let align = move || match options.get().5 {
        VerticalAlignment::Top => "top",
        VerticalAlignment::Center => "center",
        VerticalAlignment::Bottom => "bottom",
    };
    view! {
        <div
            class="wl-block wl-container"
            class:wl-stale=move || stale.get()
            class:wl-bordered=move || options.get().0
            class:wl-scroll=move || options.get().1.is_some()
            // A container of fixed height scrolls: Tab reaches it, so keys can scroll it.
            tabindex=move || options.get().1.map(|_| "0")
            class:wl-horizontal=move || options.get().2
            data-gap=gap
            data-halign=justify
            data-valign=align
            style:height=height
        >
            {cells(children, sender)}
        </div>
    }
    .into_any()
}
