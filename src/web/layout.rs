//! Renderers of the containers, one file per kind (at the engine file's path where there
//! is one), and the lists of cells they hold.

mod chat_message;
mod columns;
mod container;
pub(crate) mod dialog;
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

/// How a container kind is drawn, given its cell and the page's sender.
type Render = fn(BlockCell, Sender) -> AnyView;

/// The renderer slot of each container kind but the plain vertical stack (the main area and
/// the sidebar are one, so it is always linked).
#[derive(Clone, Copy)]
enum Slot {
    Container,
    Columns,
    Column,
    Tabs,
    Expander,
    Popover,
    ChatMessage,
    Status,
    Form,
    Fragment,
    Dialog,
    /// How many slots there are (not a kind).
    Count,
}

thread_local! {
    /// Each container kind's renderer, once a block of that kind was made.
    static SLOTS: [std::cell::Cell<Option<Render>>; Slot::Count as usize] =
        const { [const { std::cell::Cell::new(None) }; Slot::Count as usize] };
}

fn fill(slot: Slot, render: Render) {
    SLOTS.with(|slots| {
        if let Some(cell) = slots.get(slot as usize) {
            cell.set(Some(render));
        }
    });
}

/// The slot of a container kind, with the kind's name as the page's error would say it.
fn slot_of(kind: &BlockKind) -> Option<(Slot, &'static str)> {
    Some(match kind {
        BlockKind::Vertical => return None,
        BlockKind::Container { .. } => (Slot::Container, "container"),
        BlockKind::Columns { .. } => (Slot::Columns, "columns"),
        BlockKind::Column { .. } => (Slot::Column, "column"),
        BlockKind::Tabs { .. } => (Slot::Tabs, "tabs"),
        BlockKind::Expander { .. } => (Slot::Expander, "expander"),
        BlockKind::Popover { .. } => (Slot::Popover, "popover"),
        BlockKind::ChatMessage { .. } => (Slot::ChatMessage, "chat_message"),
        BlockKind::Status { .. } => (Slot::Status, "status"),
        BlockKind::Form { .. } => (Slot::Form, "form"),
        BlockKind::Fragment { .. } => (Slot::Fragment, "fragment"),
        BlockKind::Dialog { .. } => (Slot::Dialog, "dialog"),
    })
}

/// One install call per container kind (`install::tabs()`), made by the engine where it makes
/// a block of that kind (`crate::layout::install_block!`): so an app links only the container
/// renderers of the kinds it makes, as `element::make` does for elements.
pub(crate) mod install {
    use super::*;

    pub(crate) fn container() {
        fill(Slot::Container, container::render);
    }
    /// A row of columns and its columns.
    pub(crate) fn columns() {
        fill(Slot::Columns, columns::render);
        fill(Slot::Column, columns::column);
    }
    pub(crate) fn tabs() {
        fill(Slot::Tabs, tabs::render);
    }
    pub(crate) fn expander() {
        fill(Slot::Expander, expander::render);
    }
    pub(crate) fn popover() {
        fill(Slot::Popover, popover::render);
    }
    pub(crate) fn chat_message() {
        fill(Slot::ChatMessage, chat_message::render);
    }
    pub(crate) fn status() {
        fill(Slot::Status, status::render);
    }
    pub(crate) fn form() {
        fill(Slot::Form, |cell, sender| {
            let border = matches!(cell.kind.get_untracked(), BlockKind::Form { border: true, .. });
            form::render(cell, border, sender)
        });
    }
    pub(crate) fn fragment() {
        fill(Slot::Fragment, fragment::render);
    }
    pub(crate) fn dialog() {
        fill(Slot::Dialog, |cell, sender| match cell.kind.get_untracked() {
            BlockKind::Dialog { title, wide, dismissible, rerun_on_dismiss, on_dismiss, .. } => dialog::render(
                cell,
                title,
                wide,
                Dismiss { dismissible, rerun: rerun_on_dismiss, callback: on_dismiss },
                sender,
            ),
            _ => missing("dialog"),
        });
    }

    /// Installs the renderer of `kind`, for a block that was not made by the engine's
    /// constructors (one decoded from storage). It names every container renderer, so only
    /// the paths that decode trees call it.
    pub(crate) fn for_kind(kind: &BlockKind) {
        match kind {
            BlockKind::Vertical => {}
            BlockKind::Container { .. } => container(),
            BlockKind::Columns { .. } | BlockKind::Column { .. } => columns(),
            BlockKind::Tabs { .. } => tabs(),
            BlockKind::Expander { .. } => expander(),
            BlockKind::Popover { .. } => popover(),
            BlockKind::ChatMessage { .. } => chat_message(),
            BlockKind::Status { .. } => status(),
            BlockKind::Form { .. } => form(),
            BlockKind::Fragment { .. } => fragment(),
            BlockKind::Dialog { .. } => dialog(),
        }
    }
}

/// A container, drawn by its kind's slot. Its kind's variant never changes for a given cell
/// (the patcher makes a new cell instead), but its fields may.
fn block(cell: BlockCell, sender: Sender) -> AnyView {
    let slot = cell.kind.with_untracked(slot_of);
    let Some((slot, name)) = slot else { return container::vertical(cell, sender) };
    match SLOTS.with(|slots| slots.get(slot as usize).and_then(std::cell::Cell::get)) {
        Some(render) => render(cell, sender),
        None => missing(name),
    }
}

/// What a container whose renderer was never installed shows: an error naming its kind. Only
/// a block made without its kind's install call gets here.
fn missing(kind: &'static str) -> AnyView {
    let message = format!("This {kind} container cannot be shown: its renderer was not installed.");
    view! { <div class="wl-missing-renderer" role="alert">{message}</div> }.into_any()
}
