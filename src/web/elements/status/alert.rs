//! What the four alert renderers share: a coloured box with an icon and Markdown.

use leptos::prelude::*;

use crate::elements::status::alert::AlertProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;

/// An alert box of class `wl-alert-<tone>` with `icon`.
pub(crate) fn alert(cell: DisplayCell<AlertProps>, tone: &'static str, icon: &'static str) -> AnyView {
    let props = cell.props;
    let html = Memo::new(move |_| props.with(|p| to_html(&p.body, false)));
    view! {
        <div class=format!("wl-alert wl-alert-{tone}") role="alert">
            <span class="wl-alert-icon" aria-hidden="true">{icon}</span>
            <div class="wl-alert-body wl-md" inner_html=move || html.get()></div>
        </div>
    }
    .into_any()
}
