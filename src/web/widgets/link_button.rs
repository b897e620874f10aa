//! Renders `link_button` as an `<a>` styled as a button, opening its URL in a new tab.

use leptos::prelude::*;

use crate::web::elements::DisplayCell;
use crate::widgets::button::ButtonKind;
use crate::widgets::link_button::LinkButtonProps;

pub(crate) fn render(cell: DisplayCell<LinkButtonProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::LINK_BUTTON);
    let props = cell.props;
    let disabled = move || props.with(|p| p.disabled);
    let tip = crate::web::help::fresh_id();
    let described = tip.clone();
    view! {
        <a
            class="wl-btn wl-link-button"
            class:wl-primary=move || props.with(|p| p.kind == ButtonKind::Primary)
            class:wl-tertiary=move || props.with(|p| p.kind == ButtonKind::Tertiary)
            class:wl-stretch=move || props.with(|p| p.use_container_width)
            // A disabled link has no href: it goes nowhere and leaves the tab order.
            href=move || (!disabled()).then(|| props.with(|p| p.url.clone()))
            target="_blank"
            rel="noopener noreferrer"
            role=move || disabled().then_some("link")
            aria-disabled=move || disabled().then_some("true")
            aria-describedby=move || props.with(|p| crate::web::help::described_by(p.help.is_some(), &described))
        >
            {crate::web::widgets::label_text(props, |p| &p.label)}
        </a>
        {move || props.with(|p| p.help.clone()).map(|help| crate::web::help::tip(help, tip.clone()))}
    }
    .into_any()
}
