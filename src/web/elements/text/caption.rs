//! Renders `caption` as small, muted Markdown.

use leptos::prelude::*;

use crate::elements::text::caption::CaptionProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;
use crate::web::html_batch::batched_html;

pub(crate) fn render(cell: DisplayCell<CaptionProps>) -> AnyView {
    let props = cell.props;
    let html = move || props.with(|p| (to_html(&p.body, false), true));
    view! { <div class="wl-caption-body wl-md" use:batched_html=html></div> }.into_any()
}
