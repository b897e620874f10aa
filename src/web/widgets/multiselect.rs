//! Renders `multiselect` as removable chips and a combobox (`combobox.rs`) to add one more;
//! Backspace in the empty field removes the last chip.

use std::sync::Arc;

use leptos::prelude::*;

use super::combobox::{combobox, Combobox, Pick};
use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::multiselect::MultiselectProps;

pub(crate) fn render(cell: WidgetCell<MultiselectProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::COMBOBOX);
    let props = cell.props;
    let echo = cell.echo.clone();
    // Options are part of the widget's identity: new options make a new widget.
    let options: Arc<Vec<String>> = Arc::new(cell.first.options.clone());
    let accept_new = cell.first.accept_new_options;
    let sink = cell.sink;
    let held = draft::<Vec<Pick>, _>(props, echo.clone());
    let engine_options = options.clone();
    let chosen = Signal::derive(move || {
        held.get().unwrap_or_else(|| {
            props.with(|p| {
                if p.accept_new_options {
                    let pick = |t: &String| match engine_options.iter().position(|o| o == t) {
                        Some(i) => Pick::Option(i),
                        None => Pick::New(t.clone()),
                    };
                    p.texts.iter().map(pick).collect()
                } else {
                    p.indices.iter().map(|&i| Pick::Option(i)).collect()
                }
            })
        })
    });
    let send_options = options.clone();
    let choose = move |picks: Vec<Pick>| {
        let value = if accept_new {
            WidgetValue::Texts(picks.iter().map(|p| p.label(&send_options)).collect())
        } else {
            WidgetValue::Indices(
                picks.iter().filter_map(|p| if let Pick::Option(i) = p { Some(*i) } else { None }).collect(),
            )
        };
        held.set(Some(picks));
        sink.send(value);
    };
    let choose = StoredValue::new(choose);
    let max = cell.first.max_selections;
    // Full: the field stays focusable (a disabled control would drop focus to `<body>`) but
    // offers nothing more, as Streamlit's "You can only select up to N options".
    let full = move || max.is_some_and(|max| chosen.with(Vec::len) >= max);
    let full_note = move || {
        max.filter(|_| full()).map(|max| format!("You can only select up to {max} options. Remove an option first."))
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let remove = move |pick: Pick| {
        let rest = chosen.get_untracked().into_iter().filter(|p| *p != pick).collect();
        choose.with_value(|choose| choose(rest));
        // The chip's button goes away with the chip: focus moves to the field.
        if let Some(field) = input.get_untracked() {
            let _ = field.focus();
        }
    };
    let field = combobox(
        Combobox {
            dom_id: cell.dom_id.clone(),
            options: options.clone(),
            taken: chosen,
            current: Signal::stored(None),
            shown: Signal::stored(String::new()),
            placeholder: Signal::derive(move || {
                full_note().unwrap_or_else(|| {
                    if chosen.with(Vec::is_empty) {
                        props.with(|p| p.placeholder.clone())
                    } else {
                        String::new()
                    }
                })
            }),
            disabled: Signal::derive(move || props.with(|p| p.common.disabled)),
            accept_new,
            blocked: Signal::derive(full_note),
            multi: true,
            input,
        },
        move |pick| {
            if !full() {
                let mut picks = chosen.get_untracked();
                if !picks.contains(&pick) {
                    picks.push(pick);
                }
                choose.with_value(|choose| choose(picks));
            }
        },
        move || {
            if let Some(last) = chosen.get_untracked().last().cloned() {
                remove(last);
            }
        },
    );
    let chip_options = options.clone();
    view! {
        {label(props, |p| &p.common, cell.dom_id.clone())}
        <div class="wl-multiselect-box">
            <For
                each=move || chosen.get()
                key=|pick| pick.clone()
                children=move |pick| {
                    let text = pick.label(&chip_options);
                    view! {
                        <span class="wl-chip">
                            {text.clone()}
                            <button
                                class="wl-chip-remove"
                                aria-label=format!("Remove {text}")
                                disabled=move || props.with(|p| p.common.disabled)
                                on:click=move |_| remove(pick.clone())
                            >
                                "×"
                            </button>
                        </span>
                    }
                }
            />
            {field}
        </div>
    }
    .into_any()
}
