//! Renderers of the containers, one file per kind (at the engine file's path where there
//! is one), and the lists of cells they hold.

mod chat_message;
mod columns;
mod container;
mod dialog;
pub(crate) mod empty;
mod expander;
mod form;
mod fragment;
mod popover;
pub(crate) mod space;
mod status;
mod tabs;

use leptos::prelude::*;

use super::view_model::{BlockCell, Cell};
use super::{elements, Sender};
use crate::element::BlockKind;
use dialog::Dismiss;

/// A list of cells, keyed so reused cells keep their DOM nodes.
pub(crate) fn cells(list: ArcRwSignal<Vec<Cell>>, sender: Sender) -> AnyView {
    view! { <For each=move || list.get() key=Cell::uid children=move |cell| cell_view(cell, sender) /> }.into_any()
}

/// One cell: an element or a container.
pub(crate) fn cell_view(cell: Cell, sender: Sender) -> AnyView {
    match cell {
        Cell::Element(cell) => elements::element(cell, sender),
        Cell::Block(cell) => block(cell, sender),
    }
}

/// A container. Its kind's variant never changes for a given cell (the patcher makes a new
/// cell instead), but its fields may.
fn block(cell: BlockCell, sender: Sender) -> AnyView {
    let initial = cell.kind.get_untracked();
    match initial {
        BlockKind::Vertical => container::vertical(cell, sender),
        BlockKind::Container { .. } => container::render(cell, sender),
        BlockKind::Columns { .. } => columns::render(cell, sender),
        BlockKind::Column { .. } => columns::column(cell, sender),
        BlockKind::Tabs { .. } => tabs::render(cell, sender),
        BlockKind::Expander { .. } => expander::render(cell, sender),
        BlockKind::Popover { .. } => popover::render(cell, sender),
        BlockKind::ChatMessage { .. } => chat_message::render(cell, sender),
        BlockKind::Status { .. } => status::render(cell, sender),
        BlockKind::Form { border, .. } => form::render(cell, border, sender),
        BlockKind::Fragment { .. } => fragment::render(cell, sender),
        BlockKind::Dialog { title, wide, dismissible, rerun_on_dismiss, on_dismiss, .. } => dialog::render(
            cell,
            title,
            wide,
            Dismiss { dismissible, rerun: rerun_on_dismiss, callback: on_dismiss },
            sender,
        ),
    }
}
