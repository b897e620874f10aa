//! The grid's body rows, written straight into the DOM once per change of what shows.
//!
//! Scrolling a million-row grid changes every visible cell many times a second; as reactive
//! views (a memo, a class, a style and a text effect per cell) that cost several frames per
//! frame. Here one effect gathers what should show ([`Frame`]) and [`Body::paint`] compares
//! it with what the DOM shows, cell by cell, writing only what differs: a recycled row slot
//! whose row changed gets new text, a cell whose text did not change is left alone.
//! Text, numbers, nulls and checkboxes are nodes kept in their cell and changed in place;
//! the other kinds (links, images, charts, chips, search marks) are mounted as Leptos views
//! into their cell and replaced when their content changes.
//! Clicks are handled once, on the rows' container (see `target_of`).

use leptos::mount::mount_to;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use super::{in_range, Order, Range2};
use crate::elements::data::column_config::{cell_view, CellView};
use crate::elements::data::dataframe::DataFrameProps;
use crate::elements::data::grid::{slot_position, ColumnLayout, ColumnWindow, RowWindow, ROW_HEIGHT};
use crate::elements::data::style::CellStyle;

/// Everything the body shows, gathered (and tracked) by the painting effect.
pub(super) struct Frame<'a> {
    pub props: &'a DataFrameProps,
    pub order: &'a Order,
    pub slots: usize,
    pub rows: &'a RowWindow,
    pub columns: &'a ColumnWindow,
    pub layout: &'a ColumnLayout,
    pub index_width: f64,
    pub search: &'a str,
    /// The picked cell range, if any.
    pub picked: Option<Range2>,
    pub rows_selectable: bool,
    /// Changes whenever anything above but the row window does.
    pub epoch: u64,
}

/// The row slots' nodes and what each shows.
pub(super) struct Body {
    document: Document,
    container: HtmlElement,
    slots: Vec<Slot>,
    /// Which slots are in the container (a slot with no position is taken out).
    attached: Vec<bool>,
    /// The epoch and row window of the last paint (to tell a jump from a step).
    painted: Option<(u64, std::ops::Range<usize>)>,
}

struct Slot {
    tr: HtmlElement,
    index: HtmlElement,
    /// The index cell's label and its text node (the row number, changed in place).
    index_label: HtmlElement,
    index_text: web_sys::Text,
    check: Option<HtmlInputElement>,
    spacer: HtmlElement,
    cells: Vec<Cell>,
    shown: RowShown,
}

/// What a row slot's nodes show now (so a paint writes only what changed).
#[derive(Default, PartialEq)]
struct RowShown {
    epoch: u64,
    position: Option<usize>,
    row: Option<usize>,
    offset: f64,
    selected: bool,
    index_width: Option<f64>,
    spacer: f64,
    /// Hidden after a jump, until the overscan is painted ([`Slot::hide`]).
    hidden: bool,
}

struct Cell {
    td: HtmlElement,
    shown: CellShown,
    /// The node painted straight into the cell, if it holds one.
    direct: Option<Direct>,
    /// A mounted Leptos view (the other cell kinds), unmounted when dropped.
    mounted: Option<Box<dyn std::any::Any>>,
}

/// A node kept in a cell and changed in place (a scroll then changes characters or a
/// property, not nodes).
enum Direct {
    /// The cell's own text node (text and numbers).
    Text(web_sys::Text),
    /// A faint "None".
    Null,
    /// A read-only checkbox.
    Check(HtmlInputElement),
}

#[derive(Default, PartialEq)]
struct CellShown {
    /// The shown column (read by clicks, with the row's `aria-rowindex`).
    column: Option<usize>,
    view: Option<CellView>,
    search: String,
    width: f64,
    class: &'static str,
    style: Option<CellStyle>,
}

impl Body {
    pub(super) fn new(container: HtmlElement) -> Option<Body> {
        let document = web_sys::window()?.document()?;
        Some(Body { document, container, slots: Vec::new(), attached: Vec::new(), painted: None })
    }

    /// Makes the DOM show `frame`, writing only what differs from what it shows.
    ///
    /// After a jump ([`RowWindow::jumped_from`]) only the rows in view are painted and the
    /// overscan slots are hidden as they are; the return value then says the overscan is
    /// still to paint (the caller paints again once the scrolling pauses).
    pub(super) fn paint(&mut self, frame: &Frame) -> bool {
        while self.slots.len() < frame.slots {
            let Some(slot) = self.new_slot() else { return false };
            self.slots.push(slot);
        }
        for slot in self.slots.drain(frame.slots.min(self.slots.len())..) {
            slot.tr.remove();
        }
        let jump = self
            .painted
            .replace((frame.epoch, frame.rows.rows.clone()))
            .is_some_and(|(epoch, rows)| epoch == frame.epoch && frame.rows.jumped_from(&rows));
        let positions: Vec<Option<usize>> =
            (0..frame.slots).map(|slot| slot_position(slot, frame.slots, &frame.rows.rows)).collect();
        // A slot without a position leaves the DOM; one that gets a position comes back before
        // the next slot in the DOM, so slot order is kept (at the top, it is the row order).
        self.attached.resize(frame.slots, false);
        for slot in (0..frame.slots).rev() {
            let wanted = positions[slot].is_some();
            if wanted == self.attached[slot] {
                continue;
            }
            if wanted {
                let next = (slot + 1..frame.slots).find(|&s| self.attached[s]).map(|s| &self.slots[s].tr);
                let _ = self.container.insert_before(&self.slots[slot].tr, next.map(|tr| tr.as_ref()));
            } else {
                self.slots[slot].tr.remove();
            }
            self.attached[slot] = wanted;
        }
        let document = self.document.clone();
        let in_view = &frame.rows.in_view;
        for (slot, position) in self.slots.iter_mut().zip(positions) {
            match position {
                Some(p) if jump && !in_view.contains(&p) => slot.hide(),
                Some(_) => slot.paint(&document, frame, position),
                None => {}
            }
        }
        jump && in_view.len() < frame.rows.rows.len()
    }

    fn new_slot(&self) -> Option<Slot> {
        let tr = self.element("div", "wl-grid-tr")?;
        let _ = tr.set_attribute("role", "row");
        let index = self.element("div", "wl-grid-index")?;
        // The index names its row (and holds the row's checkbox, which a row may not hold).
        let _ = index.set_attribute("role", "rowheader");
        let index_label = self.element("span", "")?;
        let index_text = self.document.create_text_node("");
        let _ = index_label.append_child(&index_text);
        let _ = index.append_child(&index_label);
        let spacer = self.element("div", "wl-grid-spacer")?;
        let _ = tr.append_child(&index);
        let _ = tr.append_child(&spacer);
        Some(Slot {
            tr,
            index,
            index_label,
            index_text,
            check: None,
            spacer,
            cells: Vec::new(),
            shown: RowShown::default(),
        })
    }

    fn element(&self, tag: &str, class: &str) -> Option<HtmlElement> {
        let element: HtmlElement = self.document.create_element(tag).ok()?.dyn_into().ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Some(element)
    }
}

impl Slot {
    fn paint(&mut self, document: &Document, frame: &Frame, position: Option<usize>) {
        let row = position.and_then(|p| frame.order.row(p));
        let anchor = frame.rows.anchor();
        let shown = RowShown {
            epoch: frame.epoch,
            position,
            row,
            offset: position.map_or(0, |p| p.saturating_sub(anchor)) as f64 * ROW_HEIGHT,
            selected: row.is_some_and(|r| frame.props.selection.rows.contains(&r)),
            index_width: (frame.index_width > 0.0).then_some(frame.index_width),
            spacer: frame.columns.left,
            hidden: false,
        };
        // The cells show the same as before when neither their row nor anything else moved.
        let cells_fresh = !self.cells.is_empty()
            && (shown.epoch, shown.position, shown.row) == (self.shown.epoch, self.shown.position, self.shown.row);
        if shown.row != self.shown.row {
            let row_text = row.map(|r| r.to_string()).unwrap_or_default();
            let _ = self.tr.set_attribute("data-row", &row_text);
            self.index_text.set_data(&row_text);
        }
        if shown.position != self.shown.position {
            let index = position.map(|p| (p + 2).to_string()).unwrap_or_default();
            let _ = self.tr.set_attribute("aria-rowindex", &index);
        }
        if self.shown.hidden {
            let _ = self.tr.style().remove_property("visibility");
        }
        if shown.offset != self.shown.offset {
            let _ = self.tr.style().set_property("transform", &format!("translateY({}px)", shown.offset));
        }
        if shown.selected != self.shown.selected {
            self.tr.set_class_name(if shown.selected { "wl-grid-tr wl-grid-selected" } else { "wl-grid-tr" });
        }
        if shown.index_width != self.shown.index_width {
            match shown.index_width {
                Some(width) => {
                    let _ = self.index.style().set_property("width", &format!("{width}px"));
                    let _ = self.index.style().remove_property("display");
                }
                None => {
                    let _ = self.index.style().set_property("display", "none");
                }
            }
        }
        if shown.spacer != self.shown.spacer {
            let _ = self.spacer.style().set_property("width", &format!("{}px", shown.spacer));
        }
        self.paint_check(document, frame.rows_selectable, shown.selected);
        self.shown = shown;
        if cells_fresh {
            return;
        }

        let columns = frame.columns.columns.clone();
        while self.cells.len() < columns.len() {
            let Some(td) = document.create_element("div").ok().and_then(|e| e.dyn_into::<HtmlElement>().ok()) else {
                return;
            };
            let _ = td.set_attribute("role", "gridcell");
            let _ = self.tr.append_child(&td);
            self.cells.push(Cell { td, shown: CellShown::default(), direct: None, mounted: None });
        }
        for cell in self.cells.drain(columns.len()..) {
            cell.td.remove();
        }
        for (cell, shown_column) in self.cells.iter_mut().zip(columns) {
            cell.paint(frame, row, position, shown_column);
        }
    }

    /// Hides the slot as it is, cells and all (a jump left it in the overscan): a hidden row
    /// costs no layout, and the overscan's paint refills it. It moves to the anchor, so its
    /// old offset cannot stretch the scroll area, and is numbered by no row.
    fn hide(&mut self) {
        if self.shown.hidden {
            return;
        }
        let style = self.tr.style();
        let _ = style.set_property("visibility", "hidden");
        let _ = style.set_property("transform", "translateY(0px)");
        let _ = self.tr.remove_attribute("data-row");
        self.shown.hidden = true;
        self.shown.offset = 0.0;
        self.shown.row = None;
        self.shown.position = None;
    }

    /// The row's checkbox: there when rows are selectable, checked when the row is selected.
    fn paint_check(&mut self, document: &Document, selectable: bool, selected: bool) {
        match (&self.check, selectable) {
            (None, true) => {
                let Some(check) =
                    document.create_element("input").ok().and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                else {
                    return;
                };
                check.set_type("checkbox");
                check.set_class_name("wl-grid-row-check");
                check.set_tab_index(-1);
                let _ = check.set_attribute("aria-label", "Select row");
                let _ = self.index.insert_before(&check, Some(&self.index_label));
                self.check = Some(check);
            }
            (Some(check), false) => {
                check.remove();
                self.check = None;
            }
            _ => {}
        }
        if let Some(check) = &self.check {
            // A click toggles the box itself; the selection the script keeps decides.
            check.set_checked(selected);
        }
    }
}

impl Cell {
    fn paint(&mut self, frame: &Frame, row: Option<usize>, position: Option<usize>, shown_column: usize) {
        let column = frame.props.columns.get(shown_column);
        let view = match (row, column) {
            (Some(r), Some(column)) => cell_view(&frame.props.data, r, column.index, &column.config),
            _ => CellView::Null,
        };
        let style = match (row, column) {
            (Some(r), Some(column)) => frame.props.styles.get(r, column.index).cloned(),
            _ => None,
        };
        let picked = position.is_some_and(|p| in_range(frame.picked, p, shown_column));
        let searched = matches!(view, CellView::Text(_) | CellView::Number(_)) && !frame.search.trim().is_empty();
        let plain = matches!(view, CellView::Text(_) | CellView::Number(_) | CellView::Null) && !searched;
        let class = cell_class(plain, view.is_numeric(), picked);
        let shown = CellShown {
            column: Some(shown_column),
            search: if searched { frame.search.to_string() } else { String::new() },
            width: frame.layout.width(shown_column),
            class,
            style,
            view: Some(view),
        };
        let was = std::mem::take(&mut self.shown);
        if let Some(column) = shown.column.filter(|_| shown.column != was.column) {
            let _ = self.td.set_attribute("data-shown", &column.to_string());
        }
        if shown.class != was.class {
            self.td.set_class_name(shown.class);
        }
        if shown.width != was.width {
            let _ = self.td.style().set_property("width", &format!("{}px", shown.width));
        }
        if shown.style != was.style {
            let css = self.td.style();
            match &shown.style {
                Some(style) => {
                    let _ = css.set_property("background-color", &style.background);
                    let _ = match &style.color {
                        Some(color) => css.set_property("color", color),
                        None => css.remove_property("color").map(|_| ()),
                    };
                }
                None => {
                    let _ = css.remove_property("background-color");
                    let _ = css.remove_property("color");
                }
            }
        }
        if shown.view != was.view || shown.search != was.search {
            if let Some(view) = &shown.view {
                self.paint_content(view, &shown.search);
            }
        }
        self.shown = shown;
    }

    /// The cell's content: text and numbers (unless a search marks them), nulls and checkboxes
    /// as a node kept in the cell; the other kinds as a Leptos view mounted into the cell.
    fn paint_content(&mut self, view: &CellView, search: &str) {
        match view {
            CellView::Text(text) | CellView::Number(text) if search.is_empty() => self.paint_text(text),
            CellView::Null => self.paint_null(),
            CellView::Bool(value) => self.paint_check(*value),
            _ => {
                self.clear();
                let (view, search) = (view.clone(), search.to_string());
                let handle = mount_to(self.td.clone(), move || super::cell_body(view, &search));
                self.mounted = Some(Box::new(handle));
            }
        }
    }

    fn paint_text(&mut self, text: &str) {
        if let Some(Direct::Text(node)) = &self.direct {
            node.set_data(text);
            return;
        }
        self.clear();
        let Some(node) = self.td.owner_document().map(|d| d.create_text_node(text)) else { return };
        let _ = self.td.append_child(&node);
        self.direct = Some(Direct::Text(node));
    }

    fn paint_null(&mut self) {
        if matches!(self.direct, Some(Direct::Null)) {
            return;
        }
        self.clear();
        let Some(span) = self.td.owner_document().and_then(|d| d.create_element("span").ok()) else { return };
        span.set_class_name("wl-null");
        span.set_text_content(Some("None"));
        let _ = self.td.append_child(&span);
        self.direct = Some(Direct::Null);
    }

    /// A read-only checkbox, named by its value for screen readers.
    fn paint_check(&mut self, checked: bool) {
        let name = if checked { "true" } else { "false" };
        if let Some(Direct::Check(check)) = &self.direct {
            check.set_checked(checked);
            let _ = check.set_attribute("aria-label", name);
            return;
        }
        self.clear();
        let Some(check) = self
            .td
            .owner_document()
            .and_then(|d| d.create_element("input").ok())
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        check.set_type("checkbox");
        check.set_class_name("wl-grid-check");
        check.set_disabled(true);
        check.set_tab_index(-1);
        check.set_checked(checked);
        let _ = check.set_attribute("aria-label", name);
        let _ = self.td.append_child(&check);
        self.direct = Some(Direct::Check(check));
    }

    /// Empties the cell (its kind of content changes).
    fn clear(&mut self) {
        self.mounted = None;
        self.direct = None;
        self.td.set_text_content(None);
    }
}

/// A body cell's classes. A plain cell (text, a number or a null) is a block holding one
/// line of text: block layout costs less than flex for the cells a scroll refills.
fn cell_class(plain: bool, numeric: bool, picked: bool) -> &'static str {
    match (plain, numeric, picked) {
        (false, false, false) => "wl-grid-td",
        (false, true, false) => "wl-grid-td wl-grid-num",
        (false, false, true) => "wl-grid-td wl-grid-picked",
        (false, true, true) => "wl-grid-td wl-grid-num wl-grid-picked",
        (true, false, false) => "wl-grid-td wl-grid-plain",
        (true, true, false) => "wl-grid-td wl-grid-plain wl-grid-num",
        (true, false, true) => "wl-grid-td wl-grid-plain wl-grid-picked",
        (true, true, true) => "wl-grid-td wl-grid-plain wl-grid-num wl-grid-picked",
    }
}

/// What a click on the body hit: a cell (its position and shown column) or an index cell
/// (its frame row).
pub(super) enum Target {
    Cell { position: usize, shown: usize },
    Index { row: usize },
}

/// The target of a click on the body, from the attributes [`Body::paint`] wrote.
pub(super) fn target_of(event: &web_sys::MouseEvent) -> Option<Target> {
    let element: Element = event.target()?.dyn_into().ok()?;
    if let Some(cell) = element.closest(".wl-grid-td").ok().flatten() {
        let shown = cell.get_attribute("data-shown")?.parse().ok()?;
        let row_index: usize = cell.parent_element()?.get_attribute("aria-rowindex")?.parse().ok()?;
        return Some(Target::Cell { position: row_index.checked_sub(2)?, shown });
    }
    let index = element.closest(".wl-grid-index").ok().flatten()?;
    let row = index.parent_element()?.get_attribute("data-row")?.parse().ok()?;
    Some(Target::Index { row })
}
