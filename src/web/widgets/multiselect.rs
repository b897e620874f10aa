//! Renders `multiselect` as removable chips plus a `<select>` to add one more.

use std::sync::Arc;

use leptos::prelude::*;

use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::multiselect::MultiselectProps;

pub(crate) fn render(cell: WidgetCell<MultiselectProps>) -> AnyView {
    let props = cell.props;
    let echo = cell.echo.clone();
    let dom_id = cell.dom_id.clone();
    // Options are part of the widget's identity: new options make a new widget.
    let options: Arc<Vec<String>> = Arc::new(cell.first.options.clone());
    let sink = cell.sink;
    let held = draft::<Vec<usize>, _>(props, echo.clone());
    let chosen = move || held.get().unwrap_or_else(|| props.with(|p| p.indices.clone()));
    let choose = move |indices: Vec<usize>| {
        if sink.in_form() {
            held.set(Some(indices.clone()));
        }
        sink.send(WidgetValue::Indices(indices));
    };
    let max = cell.first.max_selections;
    // Full: the select stays focusable (a disabled control would drop focus to `<body>`) but
    // offers nothing more, as Streamlit's "You can only select up to N options".
    let full = move || max.is_some_and(|max| chosen().len() >= max);
    let select = NodeRef::<leptos::html::Select>::new();
    let remove = move |index: usize| {
        let rest = chosen().into_iter().filter(|&i| i != index).collect();
        choose(rest);
        // The chip's button goes away with the chip: focus moves to the select.
        if let Some(select) = select.get_untracked() {
            let _ = select.focus();
        }
    };
    let chip_options = options.clone();
    let choices = options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            view! {
                <option value=index.to_string() hidden=move || full() || chosen().contains(&index)>{option.clone()}</option>
            }
        })
        .collect_view();
    view! {
        {label(props, |p| &p.common, dom_id.clone())}
        <div class="wl-multiselect-box">
            <For
                each=chosen
                key=|index| *index
                children=move |index| {
                    let remove = remove;
                    let text = chip_options.get(index).cloned().unwrap_or_default();
                    view! {
                        <span class="wl-chip">
                            {text.clone()}
                            <button class="wl-chip-remove" aria-label=format!("Remove {text}") on:click=move |_| remove(index)>
                                "×"
                            </button>
                        </span>
                    }
                }
            />
            <select
                id=dom_id
                class="wl-select wl-multiselect-add"
                node_ref=select
                disabled=move || props.with(|p| p.common.disabled)
                prop:value=move || {
                    echo.track();
                    props.track();
                    String::new()
                }
                on:change=move |event| {
                    if let (false, Ok(index)) = (full(), event_target_value(&event).parse::<usize>()) {
                        let mut indices = chosen();
                        if !indices.contains(&index) {
                            indices.push(index);
                        }
                        choose(indices);
                    }
                }
            >
                <option value="">
                    {move || match max {
                        Some(max) if full() => format!("You can only select up to {max} options. Remove an option first."),
                        _ => props.with(|p| p.placeholder.clone()),
                    }}
                </option>
                {choices}
            </select>
        </div>
    }
    .into_any()
}
