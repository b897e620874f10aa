//! Renders `header` as an `<h2>` with an anchor id and an optional rule.

use leptos::prelude::*;

use crate::elements::text::header::HeaderProps;
use crate::markdown::anchor;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<HeaderProps>) -> AnyView {
    heading(cell, 2)
}

/// A heading of `level` 2 or 3, with the rule its props ask for.
pub(crate) fn heading(cell: DisplayCell<HeaderProps>, level: u8) -> AnyView {
    let props = cell.props;
    let id = move || props.with(|p| anchor(&p.body));
    let text = move || props.with(|p| p.body.clone());
    let heading = if level == 2 {
        view! { <h2 id=id>{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}</h3> }.into_any()
    };
    view! {
        {heading}
        <Show when=move || props.with(|p| p.divider)>
            <hr class="wl-heading-divider" />
        </Show>
    }
    .into_any()
}
