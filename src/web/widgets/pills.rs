//! Renders `pills` as a row of toggle buttons (`aria-pressed`); also draws the segmented
//! control, which is the same row joined into one group.

use leptos::prelude::*;

use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::pills::ButtonGroupProps;

pub(crate) fn render(cell: WidgetCell<ButtonGroupProps>) -> AnyView {
    render_group(cell, "wl-pills")
}

/// A labelled `role="group"` of toggle buttons with the class `class` on the row. A click
/// selects an option, or clears it if it was selected (in both modes).
pub(crate) fn render_group(cell: WidgetCell<ButtonGroupProps>, class: &'static str) -> AnyView {
    crate::web::style::require(&crate::web::style::PILLS);
    let props = cell.props;
    // The group is named by its label (`label` gives it the id `<dom id>-label`) and
    // described by its help.
    let group_id = cell.dom_id.clone();
    let label_for = cell.dom_id.clone();
    let labelled_by = format!("{}-label", cell.dom_id);
    // Options and mode are part of the widget's identity: new ones make a new widget.
    let options = cell.first.options.clone();
    let multi = cell.first.multi;
    let echo = cell.echo.clone();
    // Clicks the engine has not confirmed yet (a form holds them until its submit): the next
    // click builds on them, and the buttons show them.
    let pending = draft::<Vec<usize>, _>(props, cell.echo.clone());
    let sink = cell.sink;
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let echo = echo.clone();
            let pressed = move || {
                echo.track();
                pending.get().unwrap_or_else(|| props.with(|p| p.indices.clone())).contains(&index)
            };
            view! {
                <button
                    type="button"
                    class="wl-pill"
                    aria-pressed=move || pressed().to_string()
                    disabled=move || props.with(|p| p.common.disabled)
                    on:click=move |_| {
                        let selected =
                            pending.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.indices.clone()));
                        let mut next: Vec<usize> = selected.iter().copied().filter(|&i| i != index).collect();
                        if !selected.contains(&index) {
                            if !multi {
                                next.clear();
                            }
                            next.push(index);
                            next.sort_unstable();
                        }
                        pending.set(Some(next.clone()));
                        sink.send(if multi { WidgetValue::Indices(next) } else { WidgetValue::Index(next.first().copied()) });
                    }
                >
                    {option}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="wl-button-group" role="group" id=group_id aria-labelledby=labelled_by>
            {label(props, |p| &p.common, label_for)}
            <div class=class>{buttons}</div>
        </div>
    }
    .into_any()
}
