//! Renderers of the display elements (one file each, at the engine file's path), and the
//! dispatch every element goes through, generated from the list in `element_kinds.rs`.

#[cfg(feature = "charts")]
pub(crate) mod charts;
#[cfg(feature = "data")]
pub(crate) mod data;
#[cfg(feature = "maps")]
pub(crate) mod maps;
#[cfg(feature = "media")]
mod media;
pub(crate) mod status;
pub(crate) mod text;

use std::cell::Cell;

use leptos::prelude::*;

use super::view_model::ElementCell;
use super::widgets::WidgetCell;
use super::Sender;
use crate::element::Element;

/// What every display renderer gets: its props, as a memo that changes only when they do.
pub(crate) struct DisplayCell<P: Send + Sync + 'static> {
    pub props: Memo<P>,
}

impl<P: Clone + PartialEq + Send + Sync + 'static> DisplayCell<P> {
    fn new(cell: &ElementCell, first: P, pick: fn(&Element) -> Option<&P>) -> Self {
        let signal = cell.props.clone();
        let props = Memo::new(move |previous: Option<&P>| {
            signal.with(|element| pick(element).cloned()).or_else(|| previous.cloned()).unwrap_or_else(|| first.clone())
        });
        DisplayCell { props }
    }
}

/// What a filled slot holds: one kind's renderer and its props' equality.
#[derive(Clone, Copy)]
struct Kind {
    /// Draws the cell, given the page's sender.
    render: fn(&ElementCell, Sender) -> AnyView,
    /// Whether two elements of this kind have equal props (the patcher's test): per kind, so
    /// an app does not link the equality of kinds it never makes (a `DataFrame`'s, arrow's).
    equal: fn(&Element, &Element) -> bool,
    /// A copy of an element of this kind (the patcher's): per kind, so an app does not link
    /// the derived `Element: Clone` over every kind's props.
    copy: fn(&Element) -> Element,
}

/// Generates the renderer slots and their install calls from [`element_kinds!`]: one slot per
/// kind, no catch-all. [`render`] reads a slot and names no renderer, so an app links a
/// renderer only through the install call of its kind, which the engine makes where it
/// constructs an element of that kind (`element::make`).
macro_rules! define_render {
    (
        display { $($(#[$dmeta:meta])* $dname:ident : $dvariant:ident ($dprops:ident) in $($dpath:ident)::+),* $(,)? }
        widgets { $($(#[$wmeta:meta])* $wname:ident : $wvariant:ident ($wprops:ident) in $($wpath:ident)::+),* $(,)? }
    ) => {
        /// The slot of each kind in [`SLOTS`].
        #[allow(dead_code)] // a variant is read only by its kind's install call
        #[derive(Clone, Copy)]
        enum Slot {
            $($(#[$dmeta])* $dvariant,)*
            $($(#[$wmeta])* $wvariant,)*
            /// How many kinds there are (not a kind).
            Count,
        }

        /// The slot of `element`'s kind.
        fn slot_of(element: &Element) -> Slot {
            match element {
                $($(#[$dmeta])* Element::$dvariant(_) => Slot::$dvariant,)*
                $($(#[$wmeta])* Element::$wvariant(_) => Slot::$wvariant,)*
            }
        }

        /// One install call per kind (`install_renderer::slider()`), made by `element::make`:
        /// fills the kind's slot with its renderer and its props' equality.
        pub(crate) mod install_renderer {
            use super::*;
            $($(#[$dmeta])*
            pub(crate) fn $dname() {
                fill(Slot::$dvariant, Kind {
                    equal: |old, new| matches!((old, new), (Element::$dvariant(old), Element::$dvariant(new)) if old == new),
                    copy: |element| match element {
                        Element::$dvariant(props) => Element::$dvariant(props.clone()),
                        other => not_installed(other.kind()),
                    },
                    render: |cell, _sender| match cell.props.with_untracked(|element| if let Element::$dvariant(props) = element { Some(props.clone()) } else { None }) {
                        Some(first) => crate::web::$($dpath)::+::render(DisplayCell::new(
                            cell,
                            first,
                            |element| if let Element::$dvariant(props) = element { Some(props) } else { None },
                        )),
                        None => missing(cell.props.with_untracked(Element::kind)),
                    },
                });
            })*
            $($(#[$wmeta])*
            pub(crate) fn $wname() {
                fill(Slot::$wvariant, Kind {
                    equal: |old, new| matches!((old, new), (Element::$wvariant(old), Element::$wvariant(new)) if old == new),
                    copy: |element| match element {
                        Element::$wvariant(props) => Element::$wvariant(props.clone()),
                        other => not_installed(other.kind()),
                    },
                    render: |cell, sender| match cell.props.with_untracked(|element| if let Element::$wvariant(props) = element { Some(props.clone()) } else { None }) {
                        Some(first) => crate::web::$($wpath)::+::render(WidgetCell::new(
                            cell,
                            sender,
                            first,
                            |element| if let Element::$wvariant(props) = element { Some(props) } else { None },
                        )),
                        None => missing(cell.props.with_untracked(Element::kind)),
                    },
                });
            })*
        }
    };
}

element_kinds!(define_render);

thread_local! {
    /// Each kind's renderer, once an element of that kind was made (see [`define_render`]).
    static SLOTS: [Cell<Option<Kind>>; Slot::Count as usize] = const { [const { Cell::new(None) }; Slot::Count as usize] };
}

fn fill(slot: Slot, kind: Kind) {
    SLOTS.with(|slots| {
        if let Some(cell) = slots.get(slot as usize) {
            cell.set(Some(kind));
        }
    });
}

fn installed(element: &Element) -> Option<Kind> {
    let slot = slot_of(element);
    SLOTS.with(|slots| slots.get(slot as usize).and_then(Cell::get))
}

/// Whether `old` and `new` are the same kind with equal props. A kind without an installed
/// renderer counts as changed (its cell shows an error either way).
pub(crate) fn same_props(old: &Element, new: &Element) -> bool {
    installed(old).is_some_and(|kind| (kind.equal)(old, new))
}

/// A copy of `element` for a cell of the page, through its kind's slot. An element whose
/// kind has no renderer installed becomes an error element naming its kind.
pub(crate) fn copy(element: &Element) -> Element {
    match installed(element) {
        Some(kind) => (kind.copy)(element),
        None => not_installed(element.kind()),
    }
}

/// The error element that stands for an element of a kind whose renderer was never installed
/// (only an element made without `element::make` has one).
fn not_installed(kind: &'static str) -> Element {
    crate::element::make::exception(crate::elements::status::exception::ExceptionProps {
        kind: "Error".into(),
        message: format!("This {kind} element cannot be shown: its renderer was not installed."),
        is_warning: false,
        causes: Vec::new(),
    })
}

/// The renderer of a cell's element, from its kind's slot. A cell's variant never changes
/// (the patcher makes a new cell instead), so the renderer is chosen once.
fn render(cell: &ElementCell, sender: Sender) -> AnyView {
    let (installed, kind) = cell.props.with_untracked(|element| (installed(element), element.kind()));
    match installed {
        Some(installed) => (installed.render)(cell, sender),
        None => missing(kind),
    }
}

/// What a kind whose renderer was never installed shows: an error naming the kind. Only an
/// element made without `element::make` gets here.
fn missing(kind: &'static str) -> AnyView {
    let message = format!("This {kind} element cannot be shown: its renderer was not installed.");
    view! { <div class="wl-missing-renderer" role="alert">{message}</div> }.into_any()
}

/// Renders one element inside its wrapper `<div class="wl-element wl-<kind>">`.
pub(crate) fn element(cell: ElementCell, sender: Sender) -> AnyView {
    let (kind, key) = cell.props.with_untracked(|e| (e.kind(), e.widget().and_then(|w| w.key.clone())));
    let key_class = key.map(|key| format!(" st-key-{key}")).unwrap_or_default();
    let class = format!("wl-element wl-{kind}{key_class}");
    let stale = cell.stale.clone();
    let body = render(&cell, sender);
    view! { <div class=class data-kind=kind class:wl-stale=move || stale.get()>{body}</div> }.into_any()
}
