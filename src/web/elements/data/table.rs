//! Renders `table`: a plain `<table>` of the whole frame, numbers right-aligned, nulls empty
//! (as `st.table`). Its kind's renderer slot is filled only by `ui.table` calls
//! (`element::make`), so an app without tables does not link the cell formatting.

use leptos::prelude::*;

use crate::elements::data::column_config::{cell_view, CellView, ColumnConfig};
use crate::elements::data::table::TableProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<TableProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::DATA);
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
    // A table wider than the column scrolls: Tab reaches it, so keys can scroll it.
    view! { <div class="wl-table-scroll" tabindex="0">{body}</div> }.into_any()
}
