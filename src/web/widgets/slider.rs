//! Renders `slider` as `<input type="range">` (two of them on one track for a
//! range). The shown value follows the thumb; the value is sent on release. Dates and times
//! slide on their scale (days, seconds) and only their labels differ.

use std::cell::Cell;

use leptos::prelude::*;

use web_sys::HtmlInputElement;

use super::{draft, format_number, label, range, WidgetCell};
use crate::element::WidgetValue;
use crate::number_format::NumberFormat;
use crate::widgets::slider::SliderProps;
use crate::widgets::slider_scale::TimeFormat;

/// How a slider shows one value through a format of type `F`.
type Apply<F> = fn(&F, f64) -> String;

thread_local! {
    /// How a date or time slider shows its values ([`TimeFormat::apply`], with chrono's
    /// formatting), once the engine made one ([`install_time_format`]).
    static TIME_FORMAT: Cell<Option<Apply<TimeFormat>>> = const { Cell::new(None) };
    /// How a slider with a `format` shows its values ([`NumberFormat::apply`]), once the
    /// engine made one ([`install_number_format`]).
    static NUMBER_FORMAT: Cell<Option<Apply<NumberFormat>>> = const { Cell::new(None) };
}

/// Lets sliders show dates and times: called where the engine makes a date, time or datetime
/// slider, so an app with only number sliders does not link chrono's formatting.
pub(crate) fn install_time_format() {
    TIME_FORMAT.with(|slot| slot.set(Some(TimeFormat::apply)));
}

/// Lets sliders show numbers through their `format`: called by `Slider::format`, so an app
/// whose sliders have no format does not link the number formats.
pub(crate) fn install_number_format() {
    NUMBER_FORMAT.with(|slot| slot.set(Some(NumberFormat::apply)));
}

pub(crate) fn render(cell: WidgetCell<SliderProps>) -> AnyView {
    let props = cell.props;
    let SliderProps { min, max, step, is_int, ref value, ref format, ref temporal, .. } = cell.first;
    let thumbs = value.len();
    let dom_id = cell.dom_id.clone();
    // `format` and the kind of values are part of the slider's identity, so the first
    // props' format is the format.
    let formats = StoredValue::new((format.clone(), temporal.clone()));
    let format = move |x: f64| {
        formats.with_value(|f| match f {
            (_, Some(time_format)) => match TIME_FORMAT.with(Cell::get) {
                Some(apply) => apply(time_format, x),
                None => format_number(x, is_int, step),
            },
            (Some(number_format), None) => match NUMBER_FORMAT.with(Cell::get) {
                Some(apply) => apply(number_format, x),
                None => format_number(x, is_int, step),
            },
            (None, None) => format_number(x, is_int, step),
        })
    };
    // The values while the thumb moves, before the release sends them.
    let dragging = draft::<Vec<f64>, _>(props, cell.echo.clone());
    let shown = move || dragging.get().unwrap_or_else(|| props.with(|p| p.value.clone()));
    let echo = cell.echo.clone();
    let sink = cell.sink;
    let current = move || dragging.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.value.clone()));
    let send = move |values: Vec<f64>| {
        // Keep showing the new value until the engine's props or echo arrive (a form holds
        // it back until the submit): no bounce back.
        dragging.set(Some(values.clone()));
        let wire = match values.as_slice() {
            [low, high] => WidgetValue::NumberPair(*low, *high),
            [x] => WidgetValue::Number(*x),
            _ => return,
        };
        sink.send(wire);
    };
    // A click on a range's track moves the nearest thumb there, on a step.
    let track_click = move |event: leptos::ev::MouseEvent| {
        if thumbs != 2 || props.with_untracked(|p| p.common.disabled) {
            return;
        }
        let Some(fraction) = range::track_fraction(&event) else { return };
        let steps = ((max - min) * fraction / step).round();
        let x = ((min + steps * step).clamp(min, max) * 1e9).round() / 1e9;
        let mut values = current();
        if let [low, high] = values[..] {
            values[range::nearest_thumb(low, high, x)] = x;
            send(values);
        }
    };
    let inputs = (0..thumbs)
        .map(|thumb| {
            let echo = echo.clone();
            let moved = move |event: leptos::ev::Event| {
                // The browser's number, not Rust's parser (which would link dec2flt's tables).
                let x = event_target::<HtmlInputElement>(&event).value_as_number();
                if x.is_nan() {
                    return None;
                }
                let mut values = current();
                range::keep_apart(&mut values, thumb, x, Some(event_target::<HtmlInputElement>(&event)));
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
                    // What a screen reader says: the date, not its day number.
                    aria-valuetext=move || shown().get(thumb).copied().map(format)
                    min=min.to_string()
                    max=max.to_string()
                    step=step.to_string()
                    disabled=move || props.with(|p| p.common.disabled)
                    prop:value=move || {
                        echo.track();
                        props.with(|p| p.value.get(thumb).copied().unwrap_or(min)).to_string()
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
    view! {
        <div class="wl-slider-head">
            {label(props, |p| &p.common, cell.dom_id.clone())}
            <span class="wl-slider-value">
                {move || shown().into_iter().map(format).collect::<Vec<_>>().join(" – ")}
            </span>
        </div>
        <div
            class="wl-slider-track"
            class:wl-range-pair=thumbs == 2
            on:click=track_click
            style=move || {
                let percent = |x: f64| if max > min { (x - min) / (max - min) * 100.0 } else { 0.0 };
                match shown().as_slice() {
                    [low, high] => format!("--wl-low: {:.2}%; --wl-high: {:.2}%", percent(*low), percent(*high)),
                    [x] => format!("--wl-fill: {:.2}%", percent(*x)),
                    _ => String::new(),
                }
            }
        >
            {inputs}
        </div>
        <div class="wl-slider-bounds">
            <span>{format(min)}</span>
            <span>{format(max)}</span>
        </div>
    }
    .into_any()
}
