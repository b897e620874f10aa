//! Renders `progress` as a bar with `role="progressbar"` and an optional text above it, which
//! names the bar ("Progress" without one).

use leptos::prelude::*;

use crate::elements::status::progress::ProgressProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<ProgressProps>) -> AnyView {
    let props = cell.props;
    let value = Memo::new(move |_| props.with(|p| p.value));
    view! {
        <div class="wl-progress-text">{move || props.with(|p| p.text.clone())}</div>
        <div
            class="wl-progress-track"
            role="progressbar"
            aria-label=move || props.with(|p| p.text.clone().filter(|t| !t.is_empty()).unwrap_or_else(|| "Progress".into()))
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || format!("{:.0}", value.get() * 100.0)
        >
            <div class="wl-progress-fill" style:width=move || format!("{:.2}%", value.get() * 100.0)></div>
        </div>
    }
    .into_any()
}
