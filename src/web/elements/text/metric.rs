//! Renders `metric`: a label, a big value and a delta pill with an arrow, as Streamlit does.

use leptos::prelude::*;

use crate::element::LabelVisibility;
use crate::elements::text::metric::{DeltaDirection, DeltaTone, MetricProps};
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<MetricProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::METRIC);
    let props = cell.props;
    let visibility = move || props.with(|p| p.label_visibility);
    let delta_class = move || {
        props.with(|p| match p.tone {
            DeltaTone::Good => "wl-metric-delta wl-delta-good",
            DeltaTone::Bad => "wl-metric-delta wl-delta-bad",
            DeltaTone::Neutral => "wl-metric-delta wl-delta-neutral",
        })
    };
    let arrow = move || {
        props.with(|p| match p.direction {
            Some(DeltaDirection::Up) => "↑",
            Some(DeltaDirection::Down) => "↓",
            None => "",
        })
    };
    // Screen readers hear the direction in words, not an arrow glyph.
    let direction = move || {
        props.with(|p| match p.direction {
            Some(DeltaDirection::Up) => "up",
            Some(DeltaDirection::Down) => "down",
            None => "",
        })
    };
    view! {
        <div class="wl-metric-box" class:wl-bordered=move || props.with(|p| p.border)>
            <div
                class="wl-metric-label"
                class:wl-label-hidden=move || visibility() == LabelVisibility::Hidden
                class:wl-label-collapsed=move || visibility() == LabelVisibility::Collapsed
            >
                {crate::web::widgets::label_text(props, |p| &p.label)}
                {crate::web::help::icon(move || props.with(|p| p.help.clone()), crate::web::help::fresh_id())}
            </div>
            <div class="wl-metric-value">{move || props.with(|p| p.value.clone())}</div>
            <Show when=move || props.with(|p| p.delta.is_some())>
                <div class=delta_class>
                    <span class="wl-metric-arrow" aria-hidden="true">{arrow}</span>
                    <span class="wl-visually-hidden">{direction}" "</span>
                    <span>{move || props.with(|p| p.delta.clone().unwrap_or_default())}</span>
                </div>
            </Show>
        </div>
    }
    .into_any()
}
