//! Renders `header` as an `<h2>` with an anchor id, an optional help tooltip and rule.

use leptos::prelude::*;

use crate::elements::text::header::HeaderProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<HeaderProps>) -> AnyView {
    heading(cell, 2)
}

/// A heading of `level` 2 or 3, with the rule its props ask for.
pub(crate) fn heading(cell: DisplayCell<HeaderProps>, level: u8) -> AnyView {
    let props = cell.props;
    let id = move || props.with(HeaderProps::anchor_id);
    let text = move || props.with(|p| p.body.clone());
    let help = move || props.with(|p| p.help.clone()).map(|help| view! { <span class="wl-help" title=help>"?"</span> });
    let heading = if level == 2 {
        view! { <h2 id=id>{text}{help}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}{help}</h3> }.into_any()
    };
    let divider_class = move || {
        props.with(|p| match p.divider_color {
            Some(color) => format!("wl-heading-divider wl-divider-{}", color.name()),
            None => "wl-heading-divider".to_string(),
        })
    };
    view! {
        {heading}
        <Show when=move || props.with(|p| p.divider)>
            <hr class=divider_class />
        </Show>
    }
    .into_any()
}
