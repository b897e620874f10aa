//! Renders `space`: an empty block of the chosen height (width in a horizontal container).

use leptos::prelude::*;

use crate::layout::space::SpaceProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<SpaceProps>) -> AnyView {
    let props = cell.props;
    let size = move || props.with(|p| p.size.css());
    view! { <div class="wl-space" aria-hidden="true" style:--wl-space=size></div> }.into_any()
}
