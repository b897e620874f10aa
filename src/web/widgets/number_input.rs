//! Renders `number_input` as `<input type="number">` with − and + buttons.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::{draft, format_number, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::number_input::NumberInputProps;

pub(crate) fn render(cell: WidgetCell<NumberInputProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    let NumberInputProps { min, max, step, is_int, .. } = cell.first.clone();
    let clamp = move |x: f64| {
        let x = if is_int { x.round() } else { x };
        let x = min.map_or(x, |min| x.max(min));
        max.map_or(x, |max| x.min(max))
    };
    // In a form, the value the viewer set waits for the submit: steppers and
    // the field go on from it.
    let held = draft::<f64, _>(props, echo.clone());
    let current = move || held.get().unwrap_or_else(|| props.with(|p| p.value));
    let shown = move || format_number(current(), is_int, step);
    let sink = cell.sink;
    let send = move |x: f64| {
        if held.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.value)) != x {
            if sink.in_form() {
                held.set(Some(x));
            }
            sink.send(WidgetValue::Number(x));
        }
    };
    let commit = move |input: HtmlInputElement| match input.value().trim().parse::<f64>() {
        Ok(x) if x.is_finite() => {
            let x = clamp(x);
            input.set_value(&format_number(x, is_int, step));
            send(x);
        }
        // Not a number: show the value the script has again.
        _ => input.set_value(&shown()),
    };
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-number">
            <input
                id=dom_id
                class="wl-input"
                type="number"
                step=step.to_string()
                min=min.map(|m| m.to_string())
                max=max.map(|m| m.to_string())
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
                aria-label="Decrement"
                disabled=move || props.with(|p| p.common.disabled)
                aria-disabled=move || min.is_some_and(|m| current() <= m).to_string()
                on:click=move |_| {
                    if !min.is_some_and(|m| current() <= m) {
                        send(clamp(current() - step));
                    }
                }
            >
                "−"
            </button>
            <button
                class="wl-step"
                aria-label="Increment"
                disabled=move || props.with(|p| p.common.disabled)
                aria-disabled=move || max.is_some_and(|m| current() >= m).to_string()
                on:click=move |_| {
                    if !max.is_some_and(|m| current() >= m) {
                        send(clamp(current() + step));
                    }
                }
            >
                "+"
            </button>
        </div>
    }
    .into_any()
}
