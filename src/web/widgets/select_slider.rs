//! Renders `select_slider` as `<input type="range">` over the option indices (two of them on
//! one track for a range), showing the option labels. The value is sent on release.

use leptos::prelude::*;

use web_sys::HtmlInputElement;

use super::{draft, label, range, WidgetCell};
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
    let current = move || dragging.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.value.clone()));
    let send = move |values: Vec<usize>| {
        dragging.set(Some(values.clone()));
        let wire = match values.as_slice() {
            [i] => WidgetValue::Index(Some(*i)),
            _ => WidgetValue::Indices(values),
        };
        sink.send(wire);
    };
    // A click on a range's track moves the nearest thumb to the option there.
    let track_click = move |event: leptos::ev::MouseEvent| {
        if thumbs != 2 || props.with_untracked(|p| p.common.disabled) {
            return;
        }
        let Some(fraction) = range::track_fraction(&event) else { return };
        let at = (fraction * max as f64).round() as usize;
        let mut values = current();
        if let [low, high] = values[..] {
            values[range::nearest_thumb(low as f64, high as f64, at as f64)] = at;
            send(values);
        }
    };
    let inputs = (0..thumbs)
        .map(|thumb| {
            let echo = echo.clone();
            let name_of = name_of.clone();
            let moved = move |event: leptos::ev::Event| {
                let Ok(i) = event_target_value(&event).parse::<f64>() else { return None };
                let mut values: Vec<f64> = current().into_iter().map(|i| i as f64).collect();
                range::keep_apart(&mut values, thumb, i, Some(event_target::<HtmlInputElement>(&event)));
                Some(values.into_iter().map(|i| i as usize).collect::<Vec<usize>>())
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
                        if let Some(values) = moved(event) {
                            send(values);
                        }
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
            on:click=track_click
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
