//! The dataframe grid: a scroll area with a full-size canvas, a sticky header row and a
//! sticky index column, and only the visible window of rows × columns in the DOM.
//!
//! The window comes from the engine's maths (`elements::data::grid`): scrolling sets two
//! signals and the window memos follow. The header is reactive views; the body rows are not:
//! one effect paints them straight into the DOM ([`body`]), recycling row slots ([`row_slots`]:
//! a position lives in slot `position % slots`). The slots stay in the DOM in slot order and
//! each row is placed by a transform, so a scroll neither builds nor moves nodes: it rewrites
//! the text of the cells whose content changed (a million-row grid scrolls several rows a
//! frame). At the top of the grid, slot order is row order. A jump (a dragged scrollbar)
//! paints the rows in view at once and the overscan once the scrolling pauses
//! ([`OVERSCAN_PAUSE`]). A cell is drawn from its
//! [`CellView`]: text, numbers, nulls and checkboxes as nodes changed in place, the other
//! kinds by [`cell_body`], one arm per column kind.
//!
//! Interactions: a header click sorts (asc → desc → none; it selects the column instead when
//! columns are selectable), the header's right edge resizes, a click on an index cell
//! selects the row (when rows are selectable), click and shift-click pick a cell range that
//! Ctrl/Cmd+C copies as TSV, and the toolbar (on hover) searches, downloads `data.csv` and
//! goes full screen.

mod body;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::element::WidgetValue;
use crate::elements::data::column_config::{sparkline_path, CellView};
use crate::elements::data::dataframe::{selection_kinds, toggle, DataFrameProps};
use crate::elements::data::grid::{
    default_height, index_width, matches, next_sort, row_order, row_slots, tsv, visible_rows, ColumnLayout, ScrollMap,
    SortDirection, OVERSCAN_PX, OVERSCAN_ROWS, ROW_HEIGHT,
};
use crate::web::widgets::WidgetCell;
use body::{target_of, Body, Frame, Target};

/// How long the scrolling pauses before the overscan of a jump is painted (see `Body::paint`).
const OVERSCAN_PAUSE: Duration = Duration::from_millis(80);

/// The rows in the order shown: all of them as they are, or a sorted/searched permutation.
#[derive(Clone, Debug)]
enum Order {
    All(usize),
    Rows(Arc<Vec<u32>>),
}

impl PartialEq for Order {
    fn eq(&self, other: &Order) -> bool {
        match (self, other) {
            (Order::All(a), Order::All(b)) => a == b,
            (Order::Rows(a), Order::Rows(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Order {
    fn len(&self) -> usize {
        match self {
            Order::All(rows) => *rows,
            Order::Rows(rows) => rows.len(),
        }
    }

    /// The frame row shown at `position`.
    fn row(&self, position: usize) -> Option<usize> {
        match self {
            Order::All(rows) => (position < *rows).then_some(position),
            Order::Rows(rows) => rows.get(position).map(|r| *r as usize),
        }
    }
}

/// A cell range: (position, shown column) of its anchor and of its other corner.
type Range2 = ((usize, usize), (usize, usize));

fn in_range(range: Option<Range2>, position: usize, column: usize) -> bool {
    range.is_some_and(|((r0, c0), (r1, c1))| {
        (r0.min(r1)..=r0.max(r1)).contains(&position) && (c0.min(c1)..=c0.max(c1)).contains(&column)
    })
}

pub(crate) fn render(cell: WidgetCell<DataFrameProps>) -> AnyView {
    let props = cell.props;
    let sink = cell.sink;
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let scroll_left = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new((800.0_f64, 0.0_f64));
    let sort: RwSignal<Option<(usize, SortDirection)>> = RwSignal::new(None);
    let search = RwSignal::new(String::new());
    let searching = RwSignal::new(false);
    let fullscreen = RwSignal::new(false);
    let range: RwSignal<Option<Range2>> = RwSignal::new(None);
    // Widths the user dragged, by frame column.
    let dragged: RwSignal<HashMap<usize, f64>> = RwSignal::new(HashMap::new());

    let rows_total = Memo::new(move |_| props.with(|p| p.data.num_rows()));
    let index_w = Memo::new(move |_| if props.with(|p| p.hide_index) { 0.0 } else { index_width(rows_total.get()) });
    let layout = Memo::new(move |_| {
        let dragged = dragged.get();
        props.with(|p| {
            let widths: Vec<f64> =
                p.columns.iter().map(|c| dragged.get(&c.index).copied().unwrap_or(c.width)).collect();
            ColumnLayout::new(&widths)
        })
    });
    let order = Memo::new(move |_| {
        let sort = sort.get();
        let needle = search.get();
        props.with(|p| {
            // A sort column that is no longer shown is dropped.
            let sort = sort.filter(|(c, _)| p.columns.iter().any(|col| col.index == *c));
            if sort.is_none() && needle.trim().is_empty() {
                return Order::All(p.data.num_rows());
            }
            let shown: Vec<usize> = p.columns.iter().map(|c| c.index).collect();
            Order::Rows(Arc::new(row_order(&p.data, sort, &needle, &shown)))
        })
    });
    let height = Memo::new(move |_| {
        props.with(|p| p.height.map_or_else(|| default_height(p.data.num_rows()), f64::from)).max(ROW_HEIGHT * 2.0)
    });
    let body_height = move || (viewport.get().1.max(height.get() - 2.0) - ROW_HEIGHT).max(0.0);
    let scroll_map = Memo::new(move |_| ScrollMap::new(order.with(Order::len), ROW_HEIGHT, body_height()));
    let row_window = Memo::new(move |_| {
        let map = scroll_map.get();
        visible_rows(map.to_rows(scroll_top.get()), map.viewport, ROW_HEIGHT, order.with(Order::len), OVERSCAN_ROWS)
    });
    // The slots recycling row nodes, and the window's positions (slot `p % slots`).
    let slots = Memo::new(move |_| {
        row_slots(body_height(), ROW_HEIGHT, OVERSCAN_ROWS).max(row_window.with(|w| w.rows.len())).max(1)
    });
    let column_window = Memo::new(move |_| {
        let width = (viewport.get().0 - index_w.get()).max(0.0);
        layout.with(|l| l.visible(scroll_left.get(), width, OVERSCAN_PX))
    });
    // The rows' container sits at the window's anchor (rows are placed inside it from there).
    let rows_top =
        move || scroll_map.get().place(scroll_top.get(), row_window.with(|w| w.anchor() as f64 * ROW_HEIGHT));
    let canvas_width = move || index_w.get() + layout.with(ColumnLayout::total);
    let canvas_height = move || ROW_HEIGHT + scroll_map.with(|m| m.canvas);

    let measure = move || {
        if let Some(el) = scroll_ref.get_untracked() {
            let size = (f64::from(el.client_width()), f64::from(el.client_height()));
            if viewport.get_untracked() != size {
                viewport.set(size);
            }
        }
    };
    Effect::new(move |_| {
        fullscreen.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let on_scroll = move |_| {
        let Some(el) = scroll_ref.get_untracked() else { return };
        let (top, left) = (f64::from(el.scroll_top()), f64::from(el.scroll_left()));
        if scroll_top.get_untracked() != top {
            scroll_top.set(top);
        }
        if scroll_left.get_untracked() != left {
            scroll_left.set(left);
        }
        measure();
    };

    // Copy of the picked range as TSV.
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let copy = (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("c");
        if event.key() == "Escape" {
            range.set(None);
            return;
        }
        let Some(((r0, c0), (r1, c1))) = range.get_untracked().filter(|_| copy) else { return };
        let text = order.with_untracked(|order| {
            props.with_untracked(|p| {
                let rows: Vec<usize> = (r0.min(r1)..=r0.max(r1)).filter_map(|pos| order.row(pos)).collect();
                let columns: Vec<usize> =
                    (c0.min(c1)..=c0.max(c1)).filter_map(|c| p.columns.get(c).map(|col| col.index)).collect();
                tsv(&p.data, &rows, &columns)
            })
        });
        event.prevent_default();
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
    };

    // The selection, sent as the page's value.
    let send_selection = move |rows: Vec<usize>, columns: Vec<usize>| {
        sink.send(WidgetValue::Selection { rows, columns });
    };
    let select_row = move |row: usize| {
        let (row_kind, _) = props.with_untracked(|p| selection_kinds(&p.selection_mode));
        let Some(multi) = row_kind else { return };
        let (rows, columns) = props.with_untracked(|p| (p.selection.rows.clone(), p.selection.columns.clone()));
        send_selection(toggle(&rows, row, multi), columns);
    };
    let header_click = move |shown: usize, frame_column: usize| {
        let (_, column_kind) = props.with_untracked(|p| selection_kinds(&p.selection_mode));
        match column_kind {
            Some(multi) => {
                let (rows, columns) = props.with_untracked(|p| (p.selection.rows.clone(), p.selection.columns.clone()));
                send_selection(rows, toggle(&columns, frame_column, multi));
            }
            None => {
                sort.update(|s| *s = next_sort(*s, frame_column));
                range.set(None);
                let _ = shown;
            }
        }
    };

    // Column resizing: the drag's column, start x and start width.
    let drag: StoredValue<Option<(usize, f64, f64)>> = StoredValue::new(None);
    let header_cell = move |shown: usize| {
        let column = move || props.with(|p| p.columns.get(shown).cloned());
        let Some(first) = column() else { return ().into_any() };
        let frame_column = first.index;
        let numeric = props.with_untracked(|p| p.data.dtype(frame_column).is_numeric());
        let arrow = move || match sort.get() {
            Some((c, SortDirection::Ascending)) if c == frame_column => "↑",
            Some((c, SortDirection::Descending)) if c == frame_column => "↓",
            _ => "",
        };
        let selected = move || props.with(|p| p.selection.columns.contains(&frame_column));
        let width = move || format!("{}px", layout.with(|l| l.width(shown)));
        view! {
            <div
                class="wl-grid-th"
                class:wl-grid-num=numeric
                class:wl-grid-selected=selected
                role="columnheader"
                data-column=first.name.clone()
                title=first.config.help.clone()
                style:width=width
                on:click=move |_| header_click(shown, frame_column)
            >
                <span class="wl-grid-th-label">{first.label().to_string()}</span>
                <span class="wl-grid-sort" aria-hidden="true">{arrow}</span>
                <span
                    class="wl-grid-resize"
                    on:click=|event| event.stop_propagation()
                    on:pointerdown=move |event: web_sys::PointerEvent| {
                        event.stop_propagation();
                        event.prevent_default();
                        if let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let _ = target.set_pointer_capture(event.pointer_id());
                        }
                        let start = layout.with_untracked(|l| l.width(shown));
                        drag.set_value(Some((frame_column, f64::from(event.client_x()), start)));
                    }
                    on:pointermove=move |event: web_sys::PointerEvent| {
                        if let Some((column, x, start)) = drag.get_value() {
                            let width = start + f64::from(event.client_x()) - x;
                            dragged.update(|d| {
                                d.insert(column, width.max(crate::elements::data::grid::MIN_COLUMN_WIDTH));
                            });
                        }
                    }
                    on:pointerup=move |_| drag.set_value(None)
                ></span>
            </div>
        }
        .into_any()
    };

    // The body rows: painted straight into the DOM (see `body.rs`) whenever what shows changes.
    let rows_ref = NodeRef::<leptos::html::Div>::new();
    let painter: Rc<RefCell<Option<Body>>> = Rc::default();
    // Counts the changes of everything but the row window: a slot whose row did not move
    // since the last paint of the same epoch is left alone (a scroll repaints only new rows).
    let epoch = Memo::new(move |previous: Option<&u64>| {
        props.track();
        order.track();
        layout.track();
        column_window.track();
        search.track();
        range.track();
        index_w.track();
        previous.map_or(0, |e| e + 1)
    });
    // After a jump the body paints the rows in view only; the overscan follows once the
    // scrolling has paused this long (a dragged scrollbar jumps every frame).
    let overscan_due = RwSignal::new(0_u64);
    let overscan_timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(Some(handle)) = overscan_timer.try_update_value(Option::take) {
            handle.clear();
        }
    });
    Effect::new(move |_| {
        let Some(container) = rows_ref.get() else { return };
        overscan_due.track();
        let epoch = epoch.get();
        let (slots, index_width, needle) = (slots.get(), index_w.get(), search.get());
        let picked = range.get();
        let mut painter = painter.borrow_mut();
        if painter.is_none() {
            *painter = Body::new(container.into());
        }
        let Some(body) = painter.as_mut() else { return };
        let overscan_left = row_window.with(|rows| {
            column_window.with(|columns| {
                order.with(|order| {
                    layout.with(|layout| {
                        props.with(|props| {
                            body.paint(&Frame {
                                props,
                                order,
                                slots,
                                rows,
                                columns,
                                layout,
                                index_width,
                                search: &needle,
                                picked,
                                epoch,
                                rows_selectable: selection_kinds(&props.selection_mode).0.is_some(),
                            })
                        })
                    })
                })
            })
        });
        if overscan_left {
            if let Some(handle) = overscan_timer.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(move || overscan_due.update(|n| *n += 1), OVERSCAN_PAUSE);
            overscan_timer.set_value(handle.ok());
        }
    });
    let on_body_click = move |event: web_sys::MouseEvent| match target_of(&event) {
        Some(Target::Cell { position, shown }) => {
            let here = (position, shown);
            range.update(|r| {
                *r = match (*r, event.shift_key()) {
                    (Some((anchor, _)), true) => Some((anchor, here)),
                    _ => Some((here, here)),
                }
            });
        }
        Some(Target::Index { row }) => select_row(row),
        None => {}
    };

    let headers = move || column_window.with(|w| w.columns.clone()).map(header_cell).collect_view();

    // Download: a Blob URL of the CSV, revoked on the next download and when the grid goes.
    let blob: StoredValue<Option<String>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(Some(url)) = blob.try_update_value(Option::take) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let download = move |_| {
        let csv = props.with_untracked(|p| p.data.to_csv());
        let Ok(csv) = csv else { return };
        if let Some(old) = blob.try_update_value(Option::take).flatten() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        if let Some(url) = csv_url(&csv) {
            blob.set_value(Some(url.clone()));
            click_download(&url, "data.csv");
        }
    };

    let grid_style = move || {
        let width = props.with(|p| p.width).map(|w| format!("width:{w}px;")).unwrap_or_default();
        if fullscreen.get() {
            width
        } else {
            format!("{width}height:{}px;", height.get())
        }
    };
    view! {
        <div class="wl-grid" class:wl-grid-fullscreen=fullscreen style=grid_style>
            <div class="wl-grid-toolbar" class:wl-grid-toolbar-open=searching>
                <Show when=move || searching.get()>
                    <input
                        class="wl-grid-search"
                        type="search"
                        placeholder="Search"
                        prop:value=move || search.get()
                        on:input=move |event| {
                            search.set(event_target_value(&event));
                            range.set(None);
                        }
                        on:keydown=move |event: web_sys::KeyboardEvent| {
                            if event.key() == "Escape" {
                                search.set(String::new());
                                searching.set(false);
                            }
                        }
                    />
                </Show>
                <button type="button" class="wl-grid-tool" title="Search" aria-label="Search"
                    on:click=move |_| {
                        searching.update(|s| *s = !*s);
                        if !searching.get_untracked() {
                            search.set(String::new());
                        }
                    }>
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M15 15l5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
                </button>
                <button type="button" class="wl-grid-tool wl-grid-download" title="Download as CSV" aria-label="Download as CSV" on:click=download>
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M12 4v11m0 0l-4-4m4 4l4-4M5 19h14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>
                </button>
                <button type="button" class="wl-grid-tool" title="Full screen" aria-label="Full screen"
                    on:click=move |_| fullscreen.update(|f| *f = !*f)>
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
                </button>
            </div>
            // The grid role is the scrolled box's: it holds only rows (the toolbar's buttons
            // stand outside it).
            <div class="wl-grid-scroll" node_ref=scroll_ref tabindex="0" role="grid"
                aria-rowcount=move || rows_total.get().to_string() on:scroll=on_scroll on:keydown=on_keydown>
                <div class="wl-grid-canvas"
                    style:width=move || format!("{}px", canvas_width())
                    style:height=move || format!("{}px", canvas_height())>
                    <div class="wl-grid-header" role="row" style:width=move || format!("{}px", canvas_width())>
                        {move || (index_w.get() > 0.0).then(|| view! {
                            <div class="wl-grid-index wl-grid-corner" style:width=move || format!("{}px", index_w.get())></div>
                        })}
                        <div class="wl-grid-spacer" style:width=move || format!("{}px", column_window.with(|w| w.left))></div>
                        {headers}
                    </div>
                    <div class="wl-grid-rows" node_ref=rows_ref on:click=on_body_click
                        style:width=move || format!("{}px", canvas_width())
                        style:transform=move || format!("translateY({}px)", ROW_HEIGHT + rows_top())>
                    </div>
                </div>
            </div>
            <Show when=move || (order.with(Order::len) == 0) && (rows_total.get() > 0)>
                <div class="wl-grid-empty">"No rows match the search."</div>
            </Show>
        </div>
    }
    .into_any()
}

/// A cell's content, from its view; text matching `search` is marked.
fn cell_body(view: CellView, search: &str) -> AnyView {
    match view {
        CellView::Null => view! { <span class="wl-null">"None"</span> }.into_any(),
        CellView::Text(text) | CellView::Number(text) => marked(text, search),
        CellView::Bool(value) => {
            let name = if value { "true" } else { "false" };
            view! {
                <input type="checkbox" class="wl-grid-check" disabled=true prop:checked=value tabindex="-1" aria-label=name/>
            }
            .into_any()
        }
        CellView::Link { href, text } => {
            view! { <a href=href target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
        }
        CellView::Image(src) => view! { <img class="wl-grid-img" src=src alt="" loading="lazy"/> }.into_any(),
        CellView::Progress { fraction, label } => view! {
            <span class="wl-grid-progress">
                <span class="wl-grid-progress-bar"><span style:width=format!("{:.1}%", fraction * 100.0)></span></span>
                <span class="wl-grid-progress-label">{label}</span>
            </span>
        }
        .into_any(),
        CellView::Chart { bars, points } => chart(bars, &points),
        CellView::List(items) => view! {
            <span class="wl-grid-list">
                {items.into_iter().map(|item| view! { <span class="wl-grid-chip">{item}</span> }).collect_view()}
            </span>
        }
        .into_any(),
    }
}

fn marked(text: String, search: &str) -> AnyView {
    let found = matches(&text, search);
    if found.is_empty() {
        return view! { <span class="wl-grid-text">{text}</span> }.into_any();
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for range in found {
        parts.push(view! { {text[at..range.start].to_string()} }.into_any());
        parts.push(view! { <mark>{text[range.clone()].to_string()}</mark> }.into_any());
        at = range.end;
    }
    parts.push(view! { {text[at..].to_string()} }.into_any());
    view! { <span class="wl-grid-text">{parts}</span> }.into_any()
}

const CHART_W: f64 = 100.0;
const CHART_H: f64 = 24.0;

fn chart(bars: bool, points: &[f64]) -> AnyView {
    let body = if bars {
        let slot = if points.is_empty() { 0.0 } else { CHART_W / points.len() as f64 };
        points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let h = (p * CHART_H).max(1.0);
                view! { <rect x=format!("{:.1}", i as f64 * slot + slot * 0.1) y=format!("{:.1}", CHART_H - h)
                width=format!("{:.1}", slot * 0.8) height=format!("{h:.1}")/> }
            })
            .collect_view()
            .into_any()
    } else {
        view! { <path d=sparkline_path(points, CHART_W, CHART_H) fill="none" vector-effect="non-scaling-stroke"/> }
            .into_any()
    };
    view! {
        <svg class="wl-grid-chart" class:wl-grid-bars=bars viewBox=format!("0 0 {CHART_W} {CHART_H}")
            preserveAspectRatio="none" aria-hidden="true">{body}</svg>
    }
    .into_any()
}

fn csv_url(csv: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(csv));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn click_download(url: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(link) = document.create_element("a") else { return };
    let _ = link.set_attribute("href", url);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}
