//! An element's icon: one emoji as text, or a Material icon (`:material/name:`) as its name in a
//! styled span (no icon font is shipped).

use leptos::prelude::*;

/// The view of `icon` (already checked by `layout::check_icon`).
pub(crate) fn icon_view(icon: String) -> AnyView {
    match icon.strip_prefix(":material/").and_then(|n| n.strip_suffix(':')) {
        Some(name) => {
            view! { <span class="wl-material-icon" data-icon=name.to_string() aria-hidden="true">{name.to_string()}</span> }
                .into_any()
        }
        None => view! { <span class="wl-icon" aria-hidden="true">{icon}</span> }.into_any(),
    }
}
