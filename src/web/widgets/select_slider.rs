//! Renders `select_slider` as `<input type="range">` over the option indices (two of them on
//! one track for a range), showing the option labels. The value is sent on release.

use leptos::prelude::*;

use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::select_slider::SelectSliderProps;

pub(crate) fn render(cell: WidgetCell<SelectSliderProps>) -> AnyView {
    let props = cell.props;
    // Options are part of the widget's identity: new options make a new widget.
    let options = cell.first.options.clone();
    let thumbs = cell.first.value.len();
    let max = options.len().saturating_sub(1);
    let dom_id = cell.dom_id.clone();
    let dragging = draft::<Vec<usize>, _>(props, cell.echo.clone());
    let shown = move || dragging.get().unwrap_or_else(|| props.with(|p| p.value.clone()));
    let name_of = {
        let options = options.clone();
        move |i: usize| options.get(i).cloned().unwrap_or_default()
    };
    let echo = cell.echo.clone();
    let sink = cell.sink;
    let inputs = (0..thumbs)
        .map(|thumb| {
            let echo = echo.clone();
            let name_of = name_of.clone();
            let moved = move |event: leptos::ev::Event| {
                let Ok(i) = event_target_value(&event).parse::<usize>() else { return None };
                let mut values = dragging.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.value.clone()));
                if let Some(slot) = values.get_mut(thumb) {
                    *slot = i;
                }
                Some(values)
            };
            view! {
                <input
                    type="range"
                    id=(thumb == 0).then(|| dom_id.clone())
                    class="wl-range"
                    aria-label=move || {
                        let label = props.with(|p| p.common.label.clone());
                        match (thumbs, thumb) {
                            (2, 0) => format!("{label} (from)"),
                            (2, _) => format!("{label} (to)"),
                            _ => label,
                        }
                    }
                    aria-valuetext=move || shown().get(thumb).map(|&i| name_of(i)).unwrap_or_default()
                    min="0"
                    max=max.to_string()
                    step="1"
                    disabled=move || props.with(|p| p.common.disabled)
                    prop:value=move || {
                        echo.track();
                        props.with(|p| p.value.get(thumb).copied().unwrap_or(0)).to_string()
                    }
                    on:input=move |event| dragging.set(moved(event))
                    on:change=move |event| {
                        let Some(mut values) = moved(event) else { return };
                        values.sort_unstable();
                        dragging.set(Some(values.clone()));
                        let wire = match values.as_slice() {
                            [i] => WidgetValue::Index(Some(*i)),
                            _ => WidgetValue::Indices(values),
                        };
                        sink.send(wire);
                    }
                />
            }
        })
        .collect_view();
    let first = options.first().cloned().unwrap_or_default();
    let last = options.last().cloned().unwrap_or_default();
    view! {
        <div class="wl-slider-head">
            {label(props, |p| &p.common, cell.dom_id.clone())}
            <span class="wl-slider-value">
                {move || shown().into_iter().map(&name_of).collect::<Vec<_>>().join(" – ")}
            </span>
        </div>
        <div
            class="wl-slider-track"
            class:wl-range-pair=thumbs == 2
            style=move || {
                let percent = |i: usize| if max > 0 { i as f64 / max as f64 * 100.0 } else { 0.0 };
                match shown().as_slice() {
                    [low, high] => format!("--wl-low: {:.2}%; --wl-high: {:.2}%", percent(*low), percent(*high)),
                    [i] => format!("--wl-fill: {:.2}%", percent(*i)),
                    _ => String::new(),
                }
            }
        >
            {inputs}
        </div>
        <div class="wl-slider-bounds">
            <span>{first}</span>
            <span>{last}</span>
        </div>
    }
    .into_any()
}
