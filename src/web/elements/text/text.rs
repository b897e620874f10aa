//! Renders `text` as preformatted text.

use leptos::prelude::*;

use crate::elements::text::text::TextProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<TextProps>) -> AnyView {
    let props = cell.props;
    view! { <pre class="wl-pre">{move || props.with(|p| p.body.clone())}</pre> }.into_any()
}
