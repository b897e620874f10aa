//! Renders `table`: a plain `<table>` of the whole frame, numbers right-aligned, nulls empty
//! (as `st.table`). Like the grid, the table's body is installed by the script's first
//! `table` call ([`install`]), so an app without tables does not link the cell formatting.

use std::cell::Cell;

use leptos::prelude::*;

use crate::elements::data::column_config::{cell_view, CellView, ColumnConfig};
use crate::elements::data::table::TableProps;
use crate::web::elements::DisplayCell;

type Render = fn(DisplayCell<TableProps>) -> AnyView;

thread_local! {
    static TABLE: Cell<Option<Render>> = const { Cell::new(None) };
}

/// Makes [`table`] the table renderer (called by every `ui.table(..)`).
pub(crate) fn install() {
    TABLE.with(|t| t.set(Some(table)));
}

pub(crate) fn render(cell: DisplayCell<TableProps>) -> AnyView {
    match TABLE.with(Cell::get) {
        Some(table) => table(cell),
        None => {
            view! { <div class="wl-grid-missing">"This table cannot be shown: its renderer is not installed."</div> }
                .into_any()
        }
    }
}

fn table(cell: DisplayCell<TableProps>) -> AnyView {
    let props = cell.props;
    let body = move || {
        props.with(|p| {
            let df = &p.data;
            let auto = ColumnConfig::auto();
            let numeric: Vec<bool> = (0..df.num_columns()).map(|c| df.dtype(c).is_numeric()).collect();
            let head = df
                .column_names()
                .into_iter()
                .zip(numeric.clone())
                .map(|(name, num)| view! { <th class:wl-table-num=num scope="col">{name.to_string()}</th> })
                .collect_view();
            let rows = (0..df.num_rows())
                .map(|row| {
                    let cells = (0..df.num_columns())
                        .map(|column| {
                            let text = match cell_view(df, row, column, &auto) {
                                CellView::Null => String::new(),
                                _ => df.cell_text(row, column),
                            };
                            view! { <td class:wl-table-num=numeric[column]>{text}</td> }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="wl-table-grid">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! { <div class="wl-table-scroll">{body}</div> }.into_any()
}
