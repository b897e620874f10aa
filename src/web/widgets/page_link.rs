//! Renders `page_link`: an app page's link (handled in the app, with a history entry) or an
//! external link opened in a new tab.

use leptos::prelude::*;

use crate::web::elements::DisplayCell;
use crate::web::pages::{href, on_link_click};
use crate::widgets::page_link::{LinkTarget, PageLinkProps};

pub(crate) fn render(cell: DisplayCell<PageLinkProps>) -> AnyView {
    let props = cell.props;
    let tip = crate::web::help::fresh_id();
    let link = move || {
        let p = props.get();
        let icon = p.icon.clone().map(|i| view! { <span class="wl-nav-icon" aria-hidden="true">{i}</span> });
        let (url, page, external) = match &p.target {
            LinkTarget::Page(path) => (href(path), Some(path.clone()), false),
            LinkTarget::External(url) => (url.clone(), None, true),
        };
        view! {
            <a
                class="wl-page-link wl-nav-link"
                class:wl-active=p.active
                class:wl-stretch=p.use_container_width
                href=(!p.disabled).then_some(url)
                target=external.then_some("_blank")
                rel=external.then_some("noopener noreferrer")
                aria-disabled=p.disabled.then_some("true")
                aria-describedby=p.help.is_some().then(|| tip.clone())
                on:click=move |event| {
                    if let Some(path) = page.clone() {
                        on_link_click(event, path);
                    }
                }
            >
                {icon}
                <span>{p.label.clone()}</span>
            </a>
            {p.help.clone().map(|help| crate::web::help::tip(help, tip.clone()))}
        }
    };
    view! { <div class="wl-page-link-row">{link}</div> }.into_any()
}
