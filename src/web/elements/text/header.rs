//! Renders `header` as an `<h2>` with its inline Markdown, an anchor id and a link to it shown
//! on hover (as Streamlit's), an optional help tooltip and rule.

use leptos::prelude::*;

use crate::elements::text::header::HeaderProps;
use crate::web::elements::DisplayCell;
use crate::web::html_batch::batched_html;

pub(crate) fn render(cell: DisplayCell<HeaderProps>) -> AnyView {
    heading(cell, 2)
}

/// A heading of `level` 2 or 3, with the rule its props ask for.
pub(crate) fn heading(cell: DisplayCell<HeaderProps>, level: u8) -> AnyView {
    let props = cell.props;
    let id = move || props.with(HeaderProps::anchor_id);
    let anchored = move || props.with(|p| !p.hide_anchor);
    let text = Memo::new(move |_| props.with(|p| p.body.clone()));
    let help = crate::web::help::icon(move || props.with(|p| p.help.clone()), crate::web::help::fresh_id());
    let heading = if level == 2 {
        view! { <h2 id=move || anchored().then(id)>{heading_text(text)}{help}{anchor_link(id, anchored)}</h2> }
            .into_any()
    } else {
        view! { <h3 id=move || anchored().then(id)>{heading_text(text)}{help}{anchor_link(id, anchored)}</h3> }
            .into_any()
    };
    let divider_class = move || {
        props.with(|p| match p.divider_color {
            Some(color) => format!("wl-heading-divider wl-divider-{}", color.name()),
            None => "wl-heading-divider".to_string(),
        })
    };
    view! {
        {heading}
        <Show when=move || props.with(|p| p.divider)>
            <hr class=divider_class />
        </Show>
    }
    .into_any()
}

/// A heading's text with its inline Markdown (`"_Streamlit_ is :blue[cool]"`), as Streamlit's.
pub(crate) fn heading_text(text: Memo<String>) -> impl IntoView {
    let html = move || text.with(|t| (crate::markdown::label_html(t), true));
    view! { <span use:batched_html=html></span> }
}

/// The link to a heading's anchor that shows while the pointer is over the heading (unless
/// `anchored` says the heading has none).
pub(crate) fn anchor_link(
    id: impl Fn() -> String + Send + Sync + Copy + 'static,
    anchored: impl Fn() -> bool + Send + Sync + Copy + 'static,
) -> impl IntoView {
    move || {
        anchored().then(|| {
            view! {
                <a class="wl-anchor-link" href=move || format!("#{}", id()) aria-label="Link to this heading">
                    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2"
                        stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                        <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71"/>
                        <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/>
                    </svg>
                </a>
            }
        })
    }
}
