//! Renders `logo`: an image pinned to the page's top-left corner, a link if it has one.

use leptos::prelude::*;

use super::source_url;
use crate::elements::media::logo::{LogoProps, LogoSize};
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<LogoProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MEDIA);
    let props = cell.props;
    let src = source_url(move || props.with(|p| p.image.clone()));
    let class = move || match props.with(|p| p.size) {
        LogoSize::Small => "wl-logo-box wl-logo-small",
        LogoSize::Medium => "wl-logo-box wl-logo-medium",
        LogoSize::Large => "wl-logo-box wl-logo-large",
    };
    let image = move || view! { <img class="wl-logo-image" src=src alt="Logo"/> };
    view! {
        <div class=class>
            {move || match props.with(|p| p.link.clone()) {
                Some(link) => view! { <a href=link target="_blank" rel="noopener noreferrer">{image()}</a> }.into_any(),
                None => image().into_any(),
            }}
        </div>
    }
    .into_any()
}
