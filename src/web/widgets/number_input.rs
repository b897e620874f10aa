//! Renders `number_input` as `<input type="number">` with − and + buttons.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::{draft, field_icon, format_number, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::number_input::NumberInputProps;

pub(crate) fn render(cell: WidgetCell<NumberInputProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    // Each stepper is named by its action and the widget's label ("Decrease Age").
    let [down, up] = ["down", "up"].map(|way| format!("{dom_id}-{way}"));
    let [down_name, up_name] = [&down, &up].map(|id| format!("{id} {dom_id}-label"));
    let NumberInputProps { min, max, step, is_int, optional, format, .. } = cell.first.clone();
    // `format` is part of the input's identity: the first props' format is the format.
    let number_format = StoredValue::new(format);
    let format_number = move |x: f64, is_int: bool, step: f64| {
        number_format.with_value(|f| match f {
            Some(f) => f.apply(x),
            None => format_number(x, is_int, step),
        })
    };
    let clamp = move |x: f64| {
        let x = if is_int { x.round() } else { x };
        let x = min.map_or(x, |min| x.max(min));
        max.map_or(x, |max| x.min(max))
    };
    // In a form, the value the viewer set waits for the submit: steppers and
    // the field go on from it.
    // `None`: the input holds no number (only one made by `.no_default()` can).
    let held = draft::<Option<f64>, _>(props, echo.clone());
    let engine = move |p: &NumberInputProps| (!p.empty).then_some(p.value);
    let value = move || held.get().unwrap_or_else(|| props.with(engine));
    let value_untracked = move || held.get_untracked().unwrap_or_else(|| props.with_untracked(engine));
    // What a stepper starts from; an empty input steps to `min` (or 0).
    let current = move || value().unwrap_or(f64::NAN);
    let shown = move || value().map(|x| format_number(x, is_int, step)).unwrap_or_default();
    let sink = cell.sink;
    let send = move |x: Option<f64>| {
        if value_untracked() != x {
            if sink.in_form() {
                held.set(Some(x));
            }
            sink.send(x.map_or(WidgetValue::NoNumber, WidgetValue::Number));
        }
    };
    let step_from = move |delta: f64| match value_untracked() {
        Some(x) => clamp(x + delta),
        None => clamp(min.unwrap_or(0.0)),
    };
    let commit = move |input: HtmlInputElement| match input.value().trim().parse::<f64>() {
        Ok(x) if x.is_finite() => {
            let x = clamp(x);
            input.set_value(&format_number(x, is_int, step));
            send(Some(x));
        }
        Err(_) if optional && input.value().trim().is_empty() => send(None),
        // Not a number: show the value the script has again.
        _ => input.set_value(&shown()),
    };
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-number" class:wl-has-icon=move || props.with(|p| p.icon.is_some())>
            {field_icon(props, |p| &p.icon)}
            <input
                id=dom_id
                class="wl-input"
                type="number"
                step=step.to_string()
                min=min.map(|m| m.to_string())
                max=max.map(|m| m.to_string())
                placeholder=move || props.with(|p| p.placeholder.clone())
                disabled=move || props.with(|p| p.common.disabled)
                prop:value=move || {
                    echo.track();
                    shown()
                }
                on:keydown=move |event| {
                    if event.key() == "Enter" {
                        commit(event_target::<HtmlInputElement>(&event));
                        sink.submit_form();
                    }
                }
                on:change=move |event| commit(event_target::<HtmlInputElement>(&event))
            />
            // At a bound a stepper is `aria-disabled`, not `disabled`: a disabled button would
            // drop focus to `<body>` under the viewer's keyboard.
            <button
                class="wl-step"
                id=down
                aria-label="Decrease"
                aria-labelledby=down_name
                disabled=move || props.with(|p| p.common.disabled)
                aria-disabled=move || min.is_some_and(|m| current() <= m).to_string()
                on:click=move |_| {
                    if !min.is_some_and(|m| current() <= m) {
                        send(Some(step_from(-step)));
                    }
                }
            >
                "−"
            </button>
            <button
                class="wl-step"
                id=up
                aria-label="Increase"
                aria-labelledby=up_name
                disabled=move || props.with(|p| p.common.disabled)
                aria-disabled=move || max.is_some_and(|m| current() >= m).to_string()
                on:click=move |_| {
                    if !max.is_some_and(|m| current() >= m) {
                        send(Some(step_from(step)));
                    }
                }
            >
                "+"
            </button>
        </div>
    }
    .into_any()
}
