//! Renders `title` as an `<h1>` with an anchor id and an optional help tooltip.

use leptos::prelude::*;

use crate::elements::text::title::TitleProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<TitleProps>) -> AnyView {
    let props = cell.props;
    let help = move || props.with(|p| p.help.clone()).map(|help| view! { <span class="wl-help" title=help>"?"</span> });
    view! { <h1 id=move || props.with(TitleProps::anchor_id)>{move || props.with(|p| p.body.clone())}{help}</h1> }
        .into_any()
}
