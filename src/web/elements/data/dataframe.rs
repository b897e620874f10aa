//! Renders `dataframe` through the grid (`grid.rs`), which is reached only through a function
//! pointer that `DataFrameView` installs when a script draws a frame: the render dispatch
//! names this file's small `render`, so an app without frames links neither the grid nor
//! the CSV writer behind its download button.

use std::cell::Cell;

use leptos::prelude::*;

use crate::elements::data::dataframe::DataFrameProps;
use crate::web::widgets::WidgetCell;

type Render = fn(WidgetCell<DataFrameProps>) -> AnyView;

thread_local! {
    static GRID: Cell<Option<Render>> = const { Cell::new(None) };
}

/// Makes the grid the dataframe renderer (called by every `dataframe` the script draws).
pub(crate) fn install() {
    GRID.with(|grid| grid.set(Some(super::grid::render)));
}

pub(crate) fn render(cell: WidgetCell<DataFrameProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::DATA);
    match GRID.with(Cell::get) {
        Some(grid) => grid(cell),
        // Only an element tree made elsewhere (not by this page's script) gets here.
        None => {
            view! { <div class="wl-grid-missing">"This dataframe cannot be shown: the grid is not installed."</div> }
                .into_any()
        }
    }
}
