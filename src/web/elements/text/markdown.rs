//! Renders `markdown` through pulldown-cmark (raw HTML escaped unless allowed).

use leptos::prelude::*;

use crate::elements::text::markdown::MarkdownProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<MarkdownProps>) -> AnyView {
    let props = cell.props;
    let html = Memo::new(move |_| props.with(|p| to_html(&p.body, p.allow_html)));
    view! { <div class="wl-md" inner_html=move || html.get()></div> }.into_any()
}
