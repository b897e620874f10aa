//! What the four alert renderers share: a coloured box with Markdown, and its icon if it has one.

use leptos::prelude::*;

use crate::elements::status::alert::AlertProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;
use crate::web::html_batch::batched_html;
use crate::web::icon::icon_view;

/// An alert box of class `wl-alert-<tone>`.
pub(crate) fn alert(cell: DisplayCell<AlertProps>, tone: &'static str) -> AnyView {
    let props = cell.props;
    let html = move || props.with(|p| (to_html(&p.body, false), true));
    view! {
        <div class=format!("wl-alert wl-alert-{tone}") role="alert">
            {move || props.with(|p| p.icon.clone()).map(|icon| view! { <span class="wl-alert-icon">{icon_view(icon)}</span> })}
            <div class="wl-alert-body wl-md" use:batched_html=html></div>
        </div>
    }
    .into_any()
}
