//! Renders `latex` as block MathML, made in Rust by pulldown-latex.

use leptos::prelude::*;

use crate::elements::text::latex::LatexProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<LatexProps>) -> AnyView {
    let props = cell.props;
    let html = Memo::new(move |_| props.with(LatexProps::mathml));
    view! { <div class="wl-latex" inner_html=move || html.get()></div> }.into_any()
}
