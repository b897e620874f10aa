//! Renders `title` as an `<h1>` with its inline Markdown, an anchor id and a link to it shown on
//! hover, and an optional help tooltip.

use leptos::prelude::*;

use super::header::{anchor_link, heading_text};
use crate::elements::text::title::TitleProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<TitleProps>) -> AnyView {
    let props = cell.props;
    let help = crate::web::help::icon(move || props.with(|p| p.help.clone()), crate::web::help::fresh_id());
    let id = move || props.with(TitleProps::anchor_id);
    let anchored = move || props.with(|p| !p.hide_anchor);
    let text = Memo::new(move |_| props.with(|p| p.body.clone()));
    view! { <h1 id=move || anchored().then(id)>{heading_text(text)}{help}{anchor_link(id, anchored)}</h1> }.into_any()
}
