//! Renders `badge` as a coloured `<span>`, its icon first (a Material icon as its name).

use leptos::prelude::*;

use crate::elements::text::badge::BadgeProps;
use crate::web::elements::DisplayCell;
use crate::web::icon::icon_view;

pub(crate) fn render(cell: DisplayCell<BadgeProps>) -> AnyView {
    let props = cell.props;
    let class = move || props.with(|p| format!("wl-badge wl-badge-{}", p.color.name()));
    let icon = move || props.with(|p| p.icon.clone()).map(icon_view);
    view! { <span class=class>{icon}<span>{move || props.with(|p| p.body.clone())}</span></span> }.into_any()
}
