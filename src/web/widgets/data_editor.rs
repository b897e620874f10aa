//! Renders `data_editor` as a plain `<table>`: one `<input>` per editable cell (a number field
//! for int and float columns, a checkbox for bool, a date or datetime-local field for dates,
//! text otherwise), plain text in read-only cells, and with `num_rows` dynamic an "Add row"
//! button and a checkbox per row to delete the rows picked. A cell commits on change (Enter
//! or leaving it); an edit the engine's rules refuse is not sent, and its reason is shown
//! under the table. Only the rows in view (and a few more) are in the DOM, between two spacer
//! rows, with the grid's window maths ([`visible_rows`], [`ScrollMap`]), so a million-row frame
//! edits as fast as a ten-row one.

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::{draft, WidgetCell};
use crate::data::{DataType, Value};
use crate::element::WidgetValue;
use crate::elements::data::grid::{default_height, visible_rows, ScrollMap, OVERSCAN_ROWS, ROW_HEIGHT};
use crate::widgets::data_editor::{input_text, parse_cell, DataEditorProps, Edit, EditState, NumRows, RowSource};

/// The shown columns: position, name, type, and whether the viewer may edit them.
#[derive(Clone, PartialEq)]
struct Layout {
    columns: Vec<(usize, String, DataType, bool)>,
    dynamic: bool,
    index: bool,
    disabled: bool,
}

fn layout(p: &DataEditorProps) -> Layout {
    let columns = p
        .shown_columns()
        .into_iter()
        .map(|index| {
            let name = p.data.column_names()[index].to_string();
            let editable = p.check_editable(&name).is_ok();
            (index, name, p.data.dtype(index), editable)
        })
        .collect();
    Layout { columns, dynamic: p.num_rows == NumRows::Dynamic, index: !p.hide_index, disabled: p.common.disabled }
}

pub(crate) fn render(cell: WidgetCell<DataEditorProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::DATA);
    let props = cell.props;
    let sink = cell.sink;
    let dom_id = cell.dom_id.clone();
    let tip = crate::web::help::tip_id(&dom_id);
    let described = tip.clone();
    // Edits sent but not yet run (or held by a form): the editor builds on them.
    let held = draft::<EditState, _>(props, cell.echo.clone());
    let state = Memo::new(move |_| held.get().unwrap_or_else(|| props.with(|p| p.edits.clone())));
    let error = RwSignal::new(None::<String>);
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let picked = RwSignal::new(Vec::<RowSource>::new());
    let shape = Memo::new(move |_| props.with(layout));
    let rows = Memo::new(move |_| {
        let input_rows = props.with(|p| p.data.num_rows());
        state.with(|s| s.shown_rows(input_rows))
    });

    // Makes `edit` if the rules allow it (and it changes something), or shows why not.
    let commit = move |edit: Edit| -> bool {
        let current = state.get_untracked();
        match props.with_untracked(|p| p.edit(&current, edit)) {
            Ok(next) => {
                error.set(None);
                if next != current {
                    held.set(Some(next.clone()));
                    sink.send(WidgetValue::Edits(next));
                }
                true
            }
            Err(refused) => {
                error.set(Some(refused.to_string()));
                false
            }
        }
    };
    let position = move |source: RowSource| rows.with_untracked(|rows| rows.iter().position(|r| *r == source));

    let cell_view = move |source: RowSource, index: usize, name: String, dtype: DataType, editable: bool| {
        let value = {
            let name = name.clone();
            move || state.with(|s| props.with(|p| s.cell(&p.data, source, index, &name)))
        };
        if !editable {
            let value = value.clone();
            let numeric = dtype.is_numeric();
            return view! {
                <td class="wl-data-editor-cell wl-data-editor-readonly" class:wl-data-editor-number=numeric>
                    {move || match value() {
                        Value::Null => view! { <span class="wl-data-editor-null">"None"</span> }.into_any(),
                        other => other.to_string().into_any(),
                    }}
                </td>
            }
            .into_any();
        }
        let send = move |name: String, new: Value| -> bool {
            match position(source) {
                Some(row) => commit(Edit::Cell { row, column: name, value: new }),
                None => false,
            }
        };
        if dtype == DataType::Bool {
            let name = name.clone();
            return view! {
                <td class="wl-data-editor-cell wl-data-editor-bool">
                    <input
                        type="checkbox"
                        aria-label=name.clone()
                        prop:checked=move || matches!(value(), Value::Bool(true))
                        on:change=move |event| {
                            let input = event_target::<HtmlInputElement>(&event);
                            if !send(name.clone(), Value::Bool(input.checked())) {
                                input.set_checked(!input.checked());
                            }
                        }
                    />
                </td>
            }
            .into_any();
        }
        let kind = match dtype {
            DataType::Int | DataType::Float => "number",
            DataType::Date => "date",
            DataType::Datetime => "datetime-local",
            _ => "text",
        };
        let step = match dtype {
            DataType::Int | DataType::Datetime => Some("1"),
            DataType::Float => Some("any"),
            _ => None,
        };
        let shown = value.clone();
        let label = name.clone();
        let typed = move |input: HtmlInputElement| {
            let parsed = parse_cell(&name, dtype, &input.value());
            let accepted = match parsed {
                Ok(new) => send(name.clone(), new),
                Err(refused) => {
                    error.set(Some(refused.to_string()));
                    false
                }
            };
            if !accepted {
                // The cell goes back to the value the editor holds.
                input.set_value(&input_text(&shown()));
            }
        };
        let typed_on_enter = typed.clone();
        view! {
            <td class="wl-data-editor-cell" class:wl-data-editor-number=dtype.is_numeric()>
                <input
                    class="wl-data-editor-input"
                    type=kind
                    step=step
                    aria-label=label
                    placeholder="None"
                    prop:value=move || input_text(&value())
                    on:keydown=move |event| {
                        if event.key() == "Enter" {
                            typed_on_enter(event_target::<HtmlInputElement>(&event));
                        }
                    }
                    on:change=move |event| typed(event_target::<HtmlInputElement>(&event))
                />
            </td>
        }
        .into_any()
    };

    let row_view = move |source: RowSource| {
        let columns = shape.with_untracked(|l| l.columns.clone());
        let (dynamic, index, disabled) = shape.with_untracked(|l| (l.dynamic, l.index, l.disabled));
        let number = match source {
            RowSource::Input(row) => row.to_string(),
            RowSource::Added(_) => String::new(),
        };
        view! {
            <tr class:wl-data-editor-added=matches!(source, RowSource::Added(_))>
                {dynamic.then(|| view! {
                    <td class="wl-data-editor-pick">
                        <input
                            type="checkbox"
                            aria-label="Select row"
                            disabled=disabled
                            prop:checked=move || picked.with(|p| p.contains(&source))
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                picked.update(|p| {
                                    p.retain(|s| *s != source);
                                    if on {
                                        p.push(source);
                                    }
                                });
                            }
                        />
                    </td>
                })}
                {index.then(|| view! { <th class="wl-data-editor-index" scope="row">{number}</th> })}
                {columns
                    .into_iter()
                    .map(|(column, name, dtype, editable)| cell_view(source, column, name, dtype, editable && !disabled))
                    .collect_view()}
            </tr>
        }
    };

    let add_row = move |_| {
        if commit(Edit::AddRow(BTreeMap::new())) {
            // The new row is the last one: scroll it into view, as Streamlit does.
            if let Some(el) = box_ref.get_untracked() {
                el.set_scroll_top(el.scroll_height());
            }
        }
    };
    let delete_picked = move |_| {
        let positions: Vec<usize> = picked.get_untracked().into_iter().filter_map(position).collect();
        if !positions.is_empty() && commit(Edit::DeleteRows(positions)) {
            picked.set(Vec::new());
        }
    };
    let total = move || rows.with(Vec::len);
    // The box's height: the app's, else the header and up to ten rows, as the grid.
    let height = move || props.with(|p| p.height.map(f64::from)).unwrap_or_else(|| default_height(total()));
    let style = move || {
        props.with(|p| {
            let mut style = String::new();
            if p.use_container_width {
                style.push_str("width:100%;");
            } else if let Some(width) = p.width {
                style.push_str(&format!("width:{width}px;"));
            }
            style
        })
    };

    // The window of rows in the DOM: what the box shows when scrolled `scroll_top` down.
    let scroll_top = RwSignal::new(0.0_f64);
    let row_height = RwSignal::new(ROW_HEIGHT);
    let scroll_map = Memo::new(move |_| ScrollMap::new(total(), row_height.get(), height() - ROW_HEIGHT));
    let window = Memo::new(move |_| {
        let map = scroll_map.get();
        visible_rows(map.to_rows(scroll_top.get()), map.viewport, row_height.get(), total(), OVERSCAN_ROWS)
    });
    let spacers = move || {
        let map = scroll_map.get();
        let drawn = window.with(|w| w.rows.len() as f64 * row_height.get());
        let top = map.place(scroll_top.get(), window.with(|w| w.top)).max(0.0);
        (top, (map.canvas - top - drawn).max(0.0))
    };
    let on_scroll = move |_| {
        if let Some(el) = box_ref.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
        }
    };
    // A row's real height (inputs and fonts decide it): the window maths use what the page drew.
    Effect::new(move |_| {
        window.track();
        let Some(el) = box_ref.get() else { return };
        let first = el.query_selector("tbody tr:not(.wl-data-editor-spacer)").ok().flatten();
        if let Some(first) = first.and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok()) {
            let drawn = f64::from(first.offset_height());
            if drawn > 1.0 && (drawn - row_height.get_untracked()).abs() > 0.5 {
                row_height.set(drawn);
            }
        }
    });
    let spacer = move |height: f64| {
        let columns = shape.with(|l| l.columns.len() + usize::from(l.dynamic) + usize::from(l.index));
        view! {
            <tr class="wl-data-editor-spacer" aria-hidden="true">
                <td colspan=columns style:height=format!("{height}px")></td>
            </tr>
        }
    };

    view! {
        <div
            id=dom_id
            class="wl-data-editor-box"
            node_ref=box_ref
            style=style
            style:max-height=move || format!("{}px", height())
            on:scroll=on_scroll
            aria-describedby=move || props.with(|p| crate::web::help::described_by(p.common.help.is_some(), &described))
        >
            {move || {
                let layout = shape.get();
                // A new layout (other columns or rules) redraws the table; edits only patch cells.
                picked.set(Vec::new());
                view! {
                    <table class="wl-data-editor-table">
                        <thead>
                            <tr>
                                {layout.dynamic.then(|| view! { <th class="wl-data-editor-pick"><span class="wl-visually-hidden">"Select"</span></th> })}
                                {layout.index.then(|| view! { <th class="wl-data-editor-index"><span class="wl-visually-hidden">"Index"</span></th> })}
                                {layout
                                    .columns
                                    .iter()
                                    .map(|(_, name, dtype, editable)| {
                                        view! {
                                            <th
                                                scope="col"
                                                class:wl-data-editor-number=dtype.is_numeric()
                                                class:wl-data-editor-readonly=!*editable || layout.disabled
                                            >
                                                {name.clone()}
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || spacer(spacers().0)}
                            <For
                                each=move || {
                                    let shown = window.with(|w| w.rows.clone());
                                    rows.with(|r| r.get(shown).map(<[RowSource]>::to_vec).unwrap_or_default())
                                }
                                key=|source| *source
                                children=row_view
                            />
                            {move || spacer(spacers().1)}
                        </tbody>
                    </table>
                }
            }}
        </div>
        {move || props.with(|p| p.common.help.clone()).map(|help| crate::web::help::tip(help, tip.clone()))}
        {move || shape.with(|l| l.dynamic && !l.disabled).then(|| view! {
            <div class="wl-data-editor-actions">
                <button class="wl-btn wl-data-editor-add" on:click=add_row>"+ Add row"</button>
                <button
                    class="wl-btn wl-data-editor-delete"
                    disabled=move || picked.with(Vec::is_empty)
                    on:click=delete_picked
                >
                    "Delete selected rows"
                </button>
            </div>
        })}
        <div class="wl-data-editor-error" role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get()}
        </div>
    }
    .into_any()
}
