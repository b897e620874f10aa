//! Renders `title` as an `<h1>` with an anchor id.

use leptos::prelude::*;

use crate::elements::text::title::TitleProps;
use crate::markdown::anchor;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<TitleProps>) -> AnyView {
    let props = cell.props;
    view! { <h1 id=move || props.with(|p| anchor(&p.body))>{move || props.with(|p| p.body.clone())}</h1> }.into_any()
}
