//! Renders `code` as `<pre><code class="language-…">`.

use leptos::prelude::*;

use crate::elements::text::code::CodeProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<CodeProps>) -> AnyView {
    let props = cell.props;
    let class = move || props.with(|p| p.language.as_ref().map(|l| format!("language-{l}")).unwrap_or_default());
    view! { <pre class="wl-code-block"><code class=class>{move || props.with(|p| p.body.clone())}</code></pre> }
        .into_any()
}
