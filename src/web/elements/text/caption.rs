//! Renders `caption` as small, muted Markdown.

use leptos::prelude::*;

use crate::elements::text::caption::CaptionProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<CaptionProps>) -> AnyView {
    let props = cell.props;
    let html = Memo::new(move |_| props.with(|p| to_html(&p.body, false)));
    view! { <div class="wl-caption-body wl-md" inner_html=move || html.get()></div> }.into_any()
}
