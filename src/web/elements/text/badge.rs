//! Renders `badge` as a coloured `<span>`, its icon first (a Material icon as its name).

use leptos::prelude::*;

use crate::elements::text::badge::BadgeProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<BadgeProps>) -> AnyView {
    let props = cell.props;
    let class = move || props.with(|p| format!("wl-badge wl-badge-{}", p.color.name()));
    let icon = move || {
        props.with(|p| {
            p.icon.clone().map(|icon| match icon.strip_prefix(":material/").and_then(|n| n.strip_suffix(':')) {
                Some(name) => view! {
                    <span class="wl-material-icon" data-icon=name.to_string() aria-hidden="true">{name.to_string()}</span>
                }
                .into_any(),
                None => view! { <span class="wl-icon" aria-hidden="true">{icon}</span> }.into_any(),
            })
        })
    };
    view! { <span class=class>{icon}<span>{move || props.with(|p| p.body.clone())}</span></span> }.into_any()
}
