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

/// Generates [`render`] from [`element_kinds!`]: one arm per kind, no catch-all.
macro_rules! define_render {
    (
        display { $($(#[$dmeta:meta])* $dname:ident : $dvariant:ident ($dprops:ident) in $($dpath:ident)::+),* $(,)? }
        widgets { $($(#[$wmeta:meta])* $wname:ident : $wvariant:ident ($wprops:ident) in $($wpath:ident)::+),* $(,)? }
    ) => {
        /// The renderer of a cell's element. A cell's variant never changes (the patcher
        /// makes a new cell instead), so the renderer is chosen once.
        fn render(cell: &ElementCell, sender: Sender) -> AnyView {
            match cell.props.get_untracked() {
                $($(#[$dmeta])* Element::$dvariant(first) => crate::web::$($dpath)::+::render(DisplayCell::new(
                    cell,
                    first,
                    |element| if let Element::$dvariant(props) = element { Some(props) } else { None },
                )),)*
                $($(#[$wmeta])* Element::$wvariant(first) => crate::web::$($wpath)::+::render(WidgetCell::new(
                    cell,
                    sender,
                    first,
                    |element| if let Element::$wvariant(props) = element { Some(props) } else { None },
                )),)*
            }
        }
    };
}

element_kinds!(define_render);

/// Renders one element inside its wrapper `<div class="wl-element wl-<kind>">`.
pub(crate) fn element(cell: ElementCell, sender: Sender) -> AnyView {
    let (kind, key) = cell.props.with_untracked(|e| (e.kind(), e.widget().and_then(|w| w.key.clone())));
    let key_class = key.map(|key| format!(" st-key-{key}")).unwrap_or_default();
    let class = format!("wl-element wl-{kind}{key_class}");
    let stale = cell.stale.clone();
    let body = render(&cell, sender);
    view! { <div class=class data-kind=kind class:wl-stale=move || stale.get()>{body}</div> }.into_any()
}
