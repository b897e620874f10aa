//! Renders `markdown` through pulldown-cmark (raw HTML escaped unless allowed).

use leptos::prelude::*;

use crate::elements::text::markdown::MarkdownProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;
use crate::web::html_batch::batched_html;

pub(crate) fn render(cell: DisplayCell<MarkdownProps>) -> AnyView {
    let props = cell.props;
    // Raw HTML, when allowed, is the author's: it gets its own parse.
    let html = move || props.with(|p| (to_html(&p.body, p.allow_html), !p.allow_html));
    view! { <div class="wl-md" use:batched_html=html></div> }.into_any()
}
