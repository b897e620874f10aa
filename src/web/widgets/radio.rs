//! Renders `radio` as a group of `<input type="radio">`.

use leptos::prelude::*;

use super::{label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::radio::RadioProps;

pub(crate) fn render(cell: WidgetCell<RadioProps>) -> AnyView {
    let props = cell.props;
    // The group is named by its label (`label` gives it the id `<dom id>-label`) and
    // described by its help.
    let group_id = cell.dom_id.clone();
    let label_for = cell.dom_id.clone();
    let labelled_by = format!("{}-label", cell.dom_id);
    let name = cell.dom_id.clone();
    // Options are part of the widget's identity: new options make a new widget.
    let options = cell.first.options.clone();
    let horizontal = cell.first.horizontal;
    let captions = cell.first.captions.clone();
    let echo = cell.echo.clone();
    let sink = cell.sink;
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let echo = echo.clone();
            let caption = captions.get(index).cloned().filter(|c| !c.is_empty());
            view! {
                <label class="wl-radio-option">
                    <input
                        type="radio"
                        name=name.clone()
                        value=index.to_string()
                        disabled=move || props.with(|p| p.common.disabled)
                        prop:checked=move || {
                            echo.track();
                            props.with(|p| p.index == Some(index))
                        }
                        on:change=move |_| sink.send(WidgetValue::Index(Some(index)))
                    />
                    <span class="wl-radio-text">
                        <span>{option}</span>
                        {caption.map(|caption| view! { <span class="wl-radio-caption">{caption}</span> })}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="wl-radio-group" role="radiogroup" id=group_id aria-labelledby=labelled_by>
            {label(props, |p| &p.common, label_for)}
            <div class="wl-radio-options" class:wl-horizontal=horizontal>{buttons}</div>
        </div>
    }
    .into_any()
}
