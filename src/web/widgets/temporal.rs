//! Renders `date_input`, `time_input` and `datetime_input` as native inputs
//! (`type="date"`, `"time"`, `"datetime-local"`; two of them for a date range) with the
//! bounds and step as attributes, and the value beside them in the widget's format (or the
//! placeholder while empty). A value is sent on `change`; a range once both ends are set.

use leptos::prelude::*;

use super::{label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::temporal::{display, TemporalProps};

pub(crate) fn render(cell: WidgetCell<TemporalProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::TEMPORAL);
    let props = cell.props;
    let first = &cell.first;
    let kind = first.kind;
    let ends = if first.range { 2 } else { 1 };
    let may_be_empty = first.optional;
    let sink = cell.sink;
    let dom_id = cell.dom_id.clone();
    let part = move |value: &str, end: usize| value.split('/').nth(end).unwrap_or_default().to_string();
    let inputs = (0..ends)
        .map(|end| {
            let echo = cell.echo.clone();
            view! {
                <input
                    id=(end == 0).then(|| dom_id.clone())
                    class="wl-input wl-temporal-input"
                    type=kind.input_type()
                    aria-label=move || {
                        let label = props.with(|p| p.common.label.clone());
                        match (ends, end) {
                            (2, 0) => format!("{label} (start)"),
                            (2, _) => format!("{label} (end)"),
                            _ => label,
                        }
                    }
                    min=move || props.with(|p| p.min().map(str::to_string))
                    max=move || props.with(|p| p.max().map(str::to_string))
                    step=move || props.with(|p| p.step.map(|s| s.to_string()))
                    required=!may_be_empty
                    disabled=move || props.with(|p| p.common.disabled)
                    prop:value=move || {
                        echo.track();
                        props.with(|p| part(&p.value, end))
                    }
                    on:change=move |event| {
                        let typed = event_target_value(&event);
                        let value = if ends == 2 {
                            let mut parts: Vec<String> =
                                props.with_untracked(|p| (0..2).map(|e| part(&p.value, e)).collect());
                            parts[end] = typed;
                            if parts.iter().any(String::is_empty) {
                                // Half a range: wait for the other end.
                                return;
                            }
                            parts.join("/")
                        } else {
                            typed
                        };
                        if value.is_empty() && !may_be_empty {
                            return;
                        }
                        if props.with_untracked(|p| p.value != value) {
                            sink.send(WidgetValue::Text(value));
                        }
                    }
                />
            }
        })
        .collect_view();
    view! {
        {label(props, |p| &p.common, cell.dom_id.clone())}
        <div class="wl-temporal" class:wl-temporal-range=ends == 2>
            {inputs}
            <span
                class="wl-temporal-shown"
                class:wl-placeholder=move || props.with(|p| p.value.is_empty())
            >
                {move || props.with(|p| {
                    if p.value.is_empty() {
                        p.placeholder().unwrap_or_default()
                    } else {
                        display(p.kind, &p.format, &p.value)
                    }
                })}
            </span>
        </div>
    }
    .into_any()
}
