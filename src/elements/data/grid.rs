//! The grid's maths, in plain Rust so it is tested natively: which rows and columns a scrolled
//! viewport shows (with overscan) and the spacers around them, column offsets and resizing,
//! the row order a sort and a search give, and a cell range as TSV for the clipboard.
//!
//! Rows have one fixed height ([`ROW_HEIGHT`], as Streamlit's grid), so the visible rows are a
//! division away; columns have their own widths, so their offsets are a prefix sum searched
//! by bisection.

use std::cmp::Ordering;
use std::ops::Range;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, ArrayRef};

use crate::data::{DataFrame, DataType};

/// The height of a row, and of the header, in pixels.
pub const ROW_HEIGHT: f64 = 35.0;
/// Rows drawn above and below the visible ones, so a fast scroll shows no gap.
pub const OVERSCAN_ROWS: usize = 8;
/// Pixels of columns drawn left and right of the visible ones.
pub const OVERSCAN_PX: f64 = 160.0;
/// The narrowest a column can be dragged.
pub const MIN_COLUMN_WIDTH: f64 = 50.0;
/// The grid's height when the app sets none: up to ten rows and the header, as Streamlit.
pub const DEFAULT_VISIBLE_ROWS: usize = 10;

/// Which rows are drawn, and the space left above and below them.
#[derive(Clone, Debug, PartialEq)]
pub struct RowWindow {
    /// Positions (in the shown order) of the rows drawn.
    pub rows: Range<usize>,
    /// The positions in the viewport itself (`rows` less the overscan around them).
    pub in_view: Range<usize>,
    /// The height of the space above the first drawn row.
    pub top: f64,
    /// The height of the space below the last drawn row.
    pub bottom: f64,
}

/// Rows are placed from an anchor, a multiple of this many rows (see [`RowWindow::anchor`]).
pub const ANCHOR_ROWS: usize = 1024;

impl RowWindow {
    /// The position the drawn rows are placed from: the last multiple of [`ANCHOR_ROWS`] at or
    /// before the first drawn row. The renderer moves one container to the anchor and places
    /// each row at `(position - anchor) × row height` inside it, so a scroll of a few rows
    /// moves the container and leaves every row's own offset alone.
    ///
    /// ```
    /// use wasmlit::elements::data::grid::visible_rows;
    /// assert_eq!(visible_rows(35.0 * 5000.0, 350.0, 35.0, 1_000_000, 8).anchor(), 4096);
    /// assert_eq!(visible_rows(0.0, 350.0, 35.0, 100, 8).anchor(), 0);
    /// ```
    pub fn anchor(&self) -> usize {
        self.rows.start - self.rows.start % ANCHOR_ROWS
    }

    /// Whether this window follows `before` by a jump: no row of `before` is drawn in it (a
    /// dragged scrollbar, a key to the end). A jump is drawn in two steps: the rows in view at
    /// once, the overscan around them when the scrolling pauses, so a jump costs about what
    /// the viewport holds rather than the whole window.
    ///
    /// ```
    /// use wasmlit::elements::data::grid::visible_rows;
    /// let top = visible_rows(0.0, 350.0, 35.0, 1_000_000, 8);
    /// assert!(!visible_rows(350.0, 350.0, 35.0, 1_000_000, 8).jumped_from(&top.rows));
    /// assert!(visible_rows(350_000.0, 350.0, 35.0, 1_000_000, 8).jumped_from(&top.rows));
    /// ```
    pub fn jumped_from(&self, before: &Range<usize>) -> bool {
        !self.rows.is_empty() && (before.end <= self.rows.start || self.rows.end <= before.start)
    }
}

/// The rows to draw for a body `viewport` pixels high scrolled `scroll_top` pixels down, out
/// of `rows` rows of `row_height`, with `overscan` more on each side.
///
/// The window always holds [`row_slots`] rows (or every row, when there are fewer), so its
/// length does not change while scrolling and no row slot leaves the page and comes back.
/// A scroll past the end (the browser reports one while a frame shrinks) is read as the end;
/// a negative or non-finite scroll as the top.
///
/// ```
/// use wasmlit::elements::data::grid::visible_rows;
/// let window = visible_rows(35_000.0, 350.0, 35.0, 1_000_000, 2);
/// assert_eq!(window.rows, 998..1014);
/// assert_eq!(visible_rows(35_010.0, 350.0, 35.0, 1_000_000, 2).rows.len(), 16);
/// assert_eq!(window.top, 998.0 * 35.0);
/// assert_eq!(window.in_view, 1000..1010);
/// ```
pub fn visible_rows(scroll_top: f64, viewport: f64, row_height: f64, rows: usize, overscan: usize) -> RowWindow {
    if rows == 0 || row_height <= 0.0 || !row_height.is_finite() {
        return RowWindow { rows: 0..0, in_view: 0..0, top: 0.0, bottom: 0.0 };
    }
    let viewport = if viewport.is_finite() { viewport.max(0.0) } else { 0.0 };
    let total = rows as f64 * row_height;
    let max_scroll = (total - viewport).max(0.0);
    let scroll = if scroll_top.is_finite() { scroll_top.clamp(0.0, max_scroll) } else { 0.0 };
    let first = ((scroll / row_height).floor() as usize).min(rows - 1);
    let len = row_slots(viewport, row_height, overscan).min(rows);
    let start = first.saturating_sub(overscan).min(rows - len);
    let end = start + len;
    let in_view = first..(((scroll + viewport) / row_height).ceil() as usize).clamp(first + 1, rows);
    RowWindow { rows: start..end, in_view, top: start as f64 * row_height, bottom: (rows - end) as f64 * row_height }
}

/// The slots that recycle row nodes: the most rows a window of a body `viewport` pixels high
/// holds ([`visible_rows`] with `overscan`). A drawn row at position `p` lives in slot
/// `p % slots`, so the slots of one window are distinct and a scroll refills the nodes of the
/// rows that left instead of making new ones.
///
/// ```
/// use wasmlit::elements::data::grid::{row_slots, visible_rows};
/// let slots = row_slots(600.0, 35.0, 8);
/// for scroll in [0.0, 17.5, 1000.0, 123_456.0] {
///     assert!(visible_rows(scroll, 600.0, 35.0, 1_000_000, 8).rows.len() <= slots);
/// }
/// ```
pub fn row_slots(viewport: f64, row_height: f64, overscan: usize) -> usize {
    if row_height <= 0.0 || !row_height.is_finite() {
        return 1;
    }
    let viewport = if viewport.is_finite() { viewport.max(0.0) } else { 0.0 };
    // `last - first` is at most ceil(viewport / row_height) + 1 (a window straddling rows).
    (viewport / row_height).ceil() as usize + 2 + 2 * overscan
}

/// The position drawn in `slot` (of `slots`) for the window `rows`, if any.
///
/// ```
/// use wasmlit::elements::data::grid::slot_position;
/// assert_eq!(slot_position(2, 10, &(25..33)), Some(32));
/// assert_eq!(slot_position(5, 10, &(25..33)), Some(25));
/// assert_eq!(slot_position(3, 10, &(25..33)), None);
/// ```
pub fn slot_position(slot: usize, slots: usize, rows: &Range<usize>) -> Option<usize> {
    if slots == 0 || slot >= slots {
        return None;
    }
    let position = rows.start + (slot + slots - rows.start % slots) % slots;
    (position < rows.end).then_some(position)
}

/// The tallest scroll area the grid makes. Browsers cap an element's height (Chrome near
/// 33.5 million px, Firefox near 17.9 million), and a million rows of 35 px are 35 million:
/// past this height the scroll area keeps this height and a scroll position maps to the
/// rows proportionally ([`ScrollMap`]).
pub const MAX_CANVAS: f64 = 16_000_000.0;

/// How a scroll position maps to the rows when there are more of them than fit in
/// [`MAX_CANVAS`] pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScrollMap {
    /// The rows' full height.
    pub total: f64,
    /// The scroll area's height: `total`, or [`MAX_CANVAS`] when that is smaller.
    pub canvas: f64,
    /// The body's visible height.
    pub viewport: f64,
}

impl ScrollMap {
    /// The map for `rows` rows of `row_height` in a body `viewport` pixels high.
    pub fn new(rows: usize, row_height: f64, viewport: f64) -> ScrollMap {
        let total = rows as f64 * row_height;
        ScrollMap { total, canvas: total.min(MAX_CANVAS), viewport: viewport.max(0.0) }
    }

    /// The scroll position in the rows' full height for the scroll area's `scroll_top`: the
    /// same while the rows fit, proportional past that (the bottom of one is the bottom of
    /// the other).
    ///
    /// ```
    /// use wasmlit::elements::data::grid::ScrollMap;
    /// let map = ScrollMap::new(1_000_000, 35.0, 350.0);
    /// assert_eq!(map.to_rows(0.0), 0.0);
    /// assert_eq!(map.to_rows(map.canvas - 350.0), 35_000_000.0 - 350.0);
    /// assert_eq!(ScrollMap::new(100, 35.0, 350.0).to_rows(700.0), 700.0);
    /// ```
    pub fn to_rows(&self, scroll_top: f64) -> f64 {
        let scroll = if scroll_top.is_finite() { scroll_top.max(0.0) } else { 0.0 };
        let room = self.canvas - self.viewport;
        if self.canvas >= self.total || room <= 0.0 {
            return scroll;
        }
        scroll.min(room) * (self.total - self.viewport) / room
    }

    /// Where, in the scroll area, to put the first drawn row (`window.top` in the rows' full
    /// height) so that the rows line up with the viewport scrolled to `scroll_top`.
    pub fn place(&self, scroll_top: f64, window_top: f64) -> f64 {
        let scroll = if scroll_top.is_finite() { scroll_top.max(0.0) } else { 0.0 };
        let scroll = scroll.min((self.canvas - self.viewport).max(0.0));
        scroll + window_top - self.to_rows(scroll)
    }
}

/// The byte ranges of `text` that match `needle`, ignoring case (for the search highlight);
/// none when lower-casing changes the text's length (the ranges would not line up).
///
/// ```
/// use wasmlit::elements::data::grid::matches;
/// assert_eq!(matches("Banana", "AN"), vec![1..3, 3..5]);
/// assert!(matches("x", "").is_empty());
/// ```
pub fn matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = needle.trim().to_lowercase();
    let lower = text.to_lowercase();
    if needle.is_empty() || lower.len() != text.len() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            break;
        }
        found.push(start..end);
        from = end;
    }
    found
}

/// Where each column starts, from their widths: a prefix sum.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLayout {
    /// `offsets[i]` is where column `i` starts; the last entry is the total width.
    offsets: Vec<f64>,
}

/// Which columns are drawn, and the space left of and right of them.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnWindow {
    pub columns: Range<usize>,
    pub left: f64,
    pub right: f64,
}

impl ColumnLayout {
    /// The layout of columns of these widths (each at least [`MIN_COLUMN_WIDTH`]).
    pub fn new(widths: &[f64]) -> ColumnLayout {
        let mut offsets = Vec::with_capacity(widths.len() + 1);
        let mut x = 0.0;
        offsets.push(x);
        for width in widths {
            x += clamp_width(*width);
            offsets.push(x);
        }
        ColumnLayout { offsets }
    }

    /// How many columns.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether there are no columns.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The width of all columns.
    pub fn total(&self) -> f64 {
        self.offsets[self.len()]
    }

    /// Where column `i` starts.
    pub fn offset(&self, i: usize) -> f64 {
        self.offsets[i.min(self.len())]
    }

    /// The width of column `i`.
    pub fn width(&self, i: usize) -> f64 {
        if i < self.len() {
            self.offsets[i + 1] - self.offsets[i]
        } else {
            0.0
        }
    }

    /// The widths, in order.
    pub fn widths(&self) -> Vec<f64> {
        self.offsets.windows(2).map(|pair| pair[1] - pair[0]).collect()
    }

    /// The layout with column `i` set to `width` (at least [`MIN_COLUMN_WIDTH`]); columns
    /// after it move.
    pub fn resized(&self, i: usize, width: f64) -> ColumnLayout {
        let mut widths = self.widths();
        if let Some(slot) = widths.get_mut(i) {
            *slot = width;
        }
        ColumnLayout::new(&widths)
    }

    /// The column at `x` pixels from the left edge (the last one past the end).
    pub fn column_at(&self, x: f64) -> usize {
        if self.is_empty() {
            return 0;
        }
        // The first offset above x, minus one.
        let above = self.offsets.partition_point(|offset| *offset <= x);
        above.saturating_sub(1).min(self.len() - 1)
    }

    /// The columns to draw for a viewport `viewport` pixels wide scrolled `scroll_left`
    /// pixels right, with `overscan` pixels more on each side.
    ///
    /// ```
    /// use wasmlit::elements::data::grid::ColumnLayout;
    /// let layout = ColumnLayout::new(&[100.0; 10]);
    /// let window = layout.visible(250.0, 300.0, 0.0);
    /// assert_eq!(window.columns, 2..6);
    /// assert_eq!((window.left, window.right), (200.0, 400.0));
    /// ```
    pub fn visible(&self, scroll_left: f64, viewport: f64, overscan: f64) -> ColumnWindow {
        if self.is_empty() {
            return ColumnWindow { columns: 0..0, left: 0.0, right: 0.0 };
        }
        let viewport = if viewport.is_finite() { viewport.max(0.0) } else { 0.0 };
        let max_scroll = (self.total() - viewport).max(0.0);
        let scroll = if scroll_left.is_finite() { scroll_left.clamp(0.0, max_scroll) } else { 0.0 };
        let first = self.column_at(scroll - overscan.max(0.0));
        let end_x = scroll + viewport + overscan.max(0.0);
        let last = self.offsets.partition_point(|offset| *offset < end_x).clamp(first + 1, self.len());
        ColumnWindow { columns: first..last, left: self.offsets[first], right: self.total() - self.offsets[last] }
    }
}

fn clamp_width(width: f64) -> f64 {
    if width.is_finite() {
        width.max(MIN_COLUMN_WIDTH)
    } else {
        MIN_COLUMN_WIDTH
    }
}

/// The height of a grid showing `rows` rows when the app sets none: the header and up to
/// [`DEFAULT_VISIBLE_ROWS`] rows, plus the borders.
pub fn default_height(rows: usize) -> f64 {
    (rows.clamp(1, DEFAULT_VISIBLE_ROWS) + 1) as f64 * ROW_HEIGHT + 2.0
}

/// The width of the index column for a frame of `rows` rows: room for its largest number.
pub fn index_width(rows: usize) -> f64 {
    let digits = rows.saturating_sub(1).max(1).to_string().len();
    (digits as f64 * 8.0 + 24.0).max(MIN_COLUMN_WIDTH)
}

/// Which way a column is sorted. A header click goes `None` → `Ascending` → `Descending` →
/// `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDirection {
    Ascending,
    Descending,
}

/// The sort after a click on column `column`'s header, when the grid is sorted by `current`.
pub fn next_sort(current: Option<(usize, SortDirection)>, column: usize) -> Option<(usize, SortDirection)> {
    match current {
        Some((c, SortDirection::Ascending)) if c == column => Some((column, SortDirection::Descending)),
        Some((c, SortDirection::Descending)) if c == column => None,
        _ => Some((column, SortDirection::Ascending)),
    }
}

/// The rows of `df` in the order to show them: sorted by a column if `sort` says so (stable;
/// nulls last either way; NaN after numbers), then only those where some column in `columns`
/// contains `search` (case-insensitive; an empty search keeps every row).
///
/// Sorting compares the typed Arrow arrays directly, so a million rows sort without making a
/// value per cell. A sort column that is out of range leaves the order as it is.
///
/// ```
/// use wasmlit::data::{Column, DataFrame};
/// use wasmlit::elements::data::grid::{row_order, SortDirection};
/// let df = DataFrame::new(vec![("x", Column::from(vec![Some(3_i64), None, Some(1)]))]).unwrap();
/// assert_eq!(row_order(&df, Some((0, SortDirection::Ascending)), "", &[0]), vec![2, 0, 1]);
/// assert_eq!(row_order(&df, Some((0, SortDirection::Descending)), "", &[0]), vec![0, 2, 1]);
/// assert_eq!(row_order(&df, None, "3", &[0]), vec![0]);
/// ```
pub fn row_order(df: &DataFrame, sort: Option<(usize, SortDirection)>, search: &str, columns: &[usize]) -> Vec<u32> {
    let rows = df.num_rows();
    let mut order: Vec<u32> = (0..rows as u32).collect();
    if let Some((column, direction)) = sort.filter(|(c, _)| *c < df.num_columns()) {
        sort_rows(&mut order, df.column_at(column), direction);
    }
    let needle = search.trim().to_lowercase();
    if !needle.is_empty() {
        let columns: Vec<usize> = columns.iter().copied().filter(|c| *c < df.num_columns()).collect();
        let mut text = String::new();
        order.retain(|&row| {
            columns.iter().any(|&column| {
                let array = df.column_at(column);
                if array.is_null(row as usize) {
                    return false;
                }
                if df.dtype(column) == DataType::Text {
                    let value = array.as_string::<i32>().value(row as usize);
                    return if value.is_ascii() {
                        contains_ascii_ci(value, &needle)
                    } else {
                        value.to_lowercase().contains(&needle)
                    };
                }
                text.clear();
                use std::fmt::Write as _;
                let _ = write!(text, "{}", df.value(row as usize, column));
                text.to_lowercase().contains(&needle)
            })
        });
    }
    order
}

fn contains_ascii_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn sort_rows(order: &mut [u32], array: &ArrayRef, direction: SortDirection) {
    fn by<T>(
        order: &mut [u32],
        array: &ArrayRef,
        direction: SortDirection,
        get: impl Fn(usize) -> T,
        cmp: impl Fn(&T, &T) -> Ordering,
    ) {
        order.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            match (array.is_null(a), array.is_null(b)) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    let ordering = cmp(&get(a), &get(b));
                    match direction {
                        SortDirection::Ascending => ordering,
                        SortDirection::Descending => ordering.reverse(),
                    }
                }
            }
        });
    }
    match DataType::of(array.data_type()) {
        DataType::Int => {
            let values = array.as_primitive::<Int64Type>();
            by(order, array, direction, |i| values.value(i), Ord::cmp)
        }
        DataType::Float => {
            let values = array.as_primitive::<Float64Type>();
            by(order, array, direction, |i| values.value(i), |a: &f64, b: &f64| float_cmp(*a, *b))
        }
        DataType::Bool => {
            let values = array.as_boolean();
            by(order, array, direction, |i| values.value(i), Ord::cmp)
        }
        DataType::Text => {
            let values = array.as_string::<i32>();
            by(order, array, direction, |i| values.value(i), |a: &&str, b: &&str| a.cmp(b))
        }
        DataType::Date => {
            let values = array.as_primitive::<Date32Type>();
            by(order, array, direction, |i| values.value(i), Ord::cmp)
        }
        DataType::Datetime => {
            let values = array.as_primitive::<TimestampMillisecondType>();
            by(order, array, direction, |i| values.value(i), Ord::cmp)
        }
    }
}

/// Numbers in order, NaN after them all.
fn float_cmp(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// The cells of `rows` × `columns` as tab-separated lines, as spreadsheets paste them (tabs
/// and line breaks inside a cell become spaces; nulls are empty).
///
/// ```
/// use wasmlit::data::{Column, DataFrame};
/// use wasmlit::elements::data::grid::tsv;
/// let df = DataFrame::new(vec![("a", Column::from(vec!["x\ty", "z"])), ("b", Column::from(vec![Some(1_i64), None]))])
///     .unwrap();
/// assert_eq!(tsv(&df, &[0, 1], &[0, 1]), "x y\t1\nz\t");
/// ```
pub fn tsv(df: &DataFrame, rows: &[usize], columns: &[usize]) -> String {
    let mut out = String::new();
    for (i, &row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, &column) in columns.iter().enumerate() {
            if j > 0 {
                out.push('\t');
            }
            if row < df.num_rows() && column < df.num_columns() {
                let text = df.cell_text(row, column);
                out.extend(text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    #[test]
    fn every_window_fits_its_slots_once() {
        for viewport in [0.0, 34.0, 35.0, 350.0, 565.0, 1000.0] {
            let slots = row_slots(viewport, ROW_HEIGHT, OVERSCAN_ROWS);
            for rows in [1, 5, 40, 1_000_000] {
                for scroll in [0.0, 1.0, 17.5, 34.9, 35.0, 999.0, 1e6, 3.4e7, 1e9] {
                    let window = visible_rows(scroll, viewport, ROW_HEIGHT, rows, OVERSCAN_ROWS).rows;
                    assert!(window.len() <= slots, "{viewport} {rows} {scroll}: {window:?} > {slots}");
                    let mut seen: Vec<usize> = window.clone().map(|p| p % slots).collect();
                    seen.sort_unstable();
                    seen.dedup();
                    assert_eq!(seen.len(), window.len(), "slots are distinct");
                    for p in window.clone() {
                        assert_eq!(slot_position(p % slots, slots, &window), Some(p));
                    }
                }
            }
        }
        assert_eq!(slot_position(0, 0, &(0..1)), None);
        assert_eq!(slot_position(4, 4, &(0..8)), None);
        assert_eq!(row_slots(f64::NAN, ROW_HEIGHT, 2), 6);
        assert_eq!(row_slots(100.0, 0.0, 2), 1);
    }

    #[test]
    fn the_row_window_at_the_top_middle_and_end() {
        let w = visible_rows(0.0, 350.0, 35.0, 1_000_000, 8);
        // 10 rows in view, 2 for rows cut at the edges, 8 of overscan on each side.
        assert_eq!(w.rows, 0..28);
        assert_eq!(w.top, 0.0);
        assert_eq!(w.bottom, (1_000_000 - 28) as f64 * 35.0);
        // Half a row down: the first row is still partly visible.
        let w = visible_rows(17.5, 350.0, 35.0, 1_000_000, 0);
        assert_eq!(w.rows, 0..12);
        // In the middle the overscan is above and below, and the length does not change.
        let w = visible_rows(35_000.0, 350.0, 35.0, 1_000_000, 8);
        assert_eq!(w.rows, 992..1020);
        // The very end: the last row is drawn and nothing is below it.
        let end = 1_000_000.0 * 35.0 - 350.0;
        let w = visible_rows(end, 350.0, 35.0, 1_000_000, 8);
        assert_eq!(w.rows, (1_000_000 - 28)..1_000_000);
        assert_eq!(w.bottom, 0.0);
        assert_eq!(w.top + (w.rows.len() as f64) * 35.0 + w.bottom, 35_000_000.0, "spacers + rows = full height");
    }

    #[test]
    fn the_rows_in_view_sit_inside_the_window() {
        for scroll in [0.0, 17.5, 350.0, 123_456.0, 35_000_000.0 - 350.0, 1e12] {
            let w = visible_rows(scroll, 350.0, 35.0, 1_000_000, 8);
            assert!(w.rows.start <= w.in_view.start && w.in_view.end <= w.rows.end, "{scroll}: {w:?}");
            assert!((10..=11).contains(&w.in_view.len()), "{scroll}: {w:?}");
        }
        assert_eq!(visible_rows(0.0, 10_000.0, 35.0, 5, 8).in_view, 0..5);
        assert_eq!(visible_rows(0.0, 0.0, 35.0, 5, 0).in_view, 0..1);
        // A step of a few rows is no jump; a window that shares no row with the last one is,
        // whichever way it went; an empty window never is.
        let middle = visible_rows(350_000.0, 350.0, 35.0, 1_000_000, 8);
        assert!(!visible_rows(350_000.0 + 27.0 * 35.0, 350.0, 35.0, 1_000_000, 8).jumped_from(&middle.rows));
        assert!(visible_rows(350_000.0 + 28.0 * 35.0, 350.0, 35.0, 1_000_000, 8).jumped_from(&middle.rows));
        assert!(visible_rows(0.0, 350.0, 35.0, 1_000_000, 8).jumped_from(&middle.rows));
        assert!(!visible_rows(0.0, 350.0, 35.0, 0, 8).jumped_from(&middle.rows));
    }

    #[test]
    fn the_row_window_edge_cases() {
        assert_eq!(
            visible_rows(100.0, 350.0, 35.0, 0, 8),
            RowWindow { rows: 0..0, in_view: 0..0, top: 0.0, bottom: 0.0 }
        );
        let one = visible_rows(0.0, 350.0, 35.0, 1, 8);
        assert_eq!((one.rows, one.top, one.bottom), (0..1, 0.0, 0.0));
        // Scrolled past the end (the frame shrank under the scroll position): the end.
        let past = visible_rows(1e9, 350.0, 35.0, 100, 0);
        assert_eq!(past.rows, 88..100);
        assert_eq!(visible_rows(f64::NAN, 350.0, 35.0, 100, 0).rows, 0..12);
        assert_eq!(visible_rows(-50.0, 350.0, 35.0, 100, 0).rows, 0..12);
        // A viewport taller than the frame shows every row.
        assert_eq!(visible_rows(0.0, 10_000.0, 35.0, 5, 8).rows, 0..5);
        // No viewport yet (not laid out): two rows, never an empty window.
        assert_eq!(visible_rows(0.0, 0.0, 35.0, 5, 0).rows, 0..2);
        // A resize to a taller viewport shows more rows.
        assert_eq!(visible_rows(350.0, 700.0, 35.0, 100, 0).rows, 10..32);
    }

    #[test]
    fn column_offsets_windows_and_resizing() {
        let layout = ColumnLayout::new(&[100.0, 200.0, 10.0, f64::NAN]);
        assert_eq!(layout.widths(), vec![100.0, 200.0, MIN_COLUMN_WIDTH, MIN_COLUMN_WIDTH]);
        assert_eq!(layout.total(), 400.0);
        assert_eq!(layout.offset(2), 300.0);
        assert_eq!(layout.column_at(0.0), 0);
        assert_eq!(layout.column_at(99.9), 0);
        assert_eq!(layout.column_at(100.0), 1);
        assert_eq!(layout.column_at(10_000.0), 3);
        assert_eq!(layout.column_at(-5.0), 0);
        let all = layout.visible(0.0, 1000.0, 0.0);
        assert_eq!((all.columns, all.left, all.right), (0..4, 0.0, 0.0));
        let some = layout.visible(120.0, 100.0, 0.0);
        assert_eq!((some.columns, some.left, some.right), (1..2, 100.0, 100.0));
        // Scrolled past the end: the last columns.
        assert_eq!(layout.visible(5000.0, 100.0, 0.0).columns, 2..4);
        let wider = layout.resized(0, 150.0);
        assert_eq!(wider.offset(1), 150.0);
        assert_eq!(wider.total(), 450.0);
        assert_eq!(layout.resized(1, 1.0).width(1), MIN_COLUMN_WIDTH, "no narrower than the minimum");
        assert_eq!(layout.resized(9, 1.0), layout, "an unknown column changes nothing");
        let none = ColumnLayout::new(&[]);
        assert!(none.is_empty());
        assert_eq!(none.visible(0.0, 100.0, 10.0).columns, 0..0);
    }

    #[test]
    fn a_million_columns_of_layout_is_quick_to_search() {
        let layout = ColumnLayout::new(&vec![80.0; 10_000]);
        let w = layout.visible(400_000.0, 800.0, 160.0);
        assert_eq!(w.columns, 4998..5012);
        assert_eq!(
            w.left + (w.columns.start..w.columns.end).map(|c| layout.width(c)).sum::<f64>() + w.right,
            800_000.0
        );
    }

    #[test]
    fn a_million_rows_scroll_through_a_capped_canvas() {
        let map = ScrollMap::new(1_000_000, ROW_HEIGHT, 350.0);
        assert_eq!(map.canvas, MAX_CANVAS);
        let end = map.canvas - 350.0;
        let w = visible_rows(map.to_rows(end), 350.0, ROW_HEIGHT, 1_000_000, 0);
        assert_eq!(w.rows.end, 1_000_000, "the bottom of the scroll area shows the last row");
        // The first drawn row sits where the viewport shows it: its distance below the
        // viewport's top is the same in both coordinates.
        let scroll = 1_234_567.0;
        let rows_scroll = map.to_rows(scroll);
        let w = visible_rows(rows_scroll, 350.0, ROW_HEIGHT, 1_000_000, 2);
        let first_visible = (rows_scroll / ROW_HEIGHT).floor();
        let y = map.place(scroll, w.top) + (first_visible - w.rows.start as f64) * ROW_HEIGHT;
        assert!(y <= scroll && y > scroll - ROW_HEIGHT, "the first visible row straddles the viewport's top: {y}");
        assert!(map.place(scroll, w.top) + w.rows.len() as f64 * ROW_HEIGHT <= map.canvas + ROW_HEIGHT * 3.0);
        // Small frames are not scaled.
        let small = ScrollMap::new(50, ROW_HEIGHT, 350.0);
        assert_eq!((small.to_rows(100.0), small.place(100.0, 70.0)), (100.0, 70.0));
        assert_eq!(ScrollMap::new(0, ROW_HEIGHT, 350.0).to_rows(10.0), 10.0);
    }

    #[test]
    fn search_highlights() {
        assert_eq!(matches("Ada Lovelace", "a"), vec![0..1, 2..3, 9..10]);
        assert_eq!(matches("ÉCOLE", "é"), vec![0..2]);
        assert!(matches("abc", "x").is_empty());
    }

    #[test]
    fn heights_and_index_width() {
        assert_eq!(default_height(0), 2.0 * 35.0 + 2.0);
        assert_eq!(default_height(3), 4.0 * 35.0 + 2.0);
        assert_eq!(default_height(1_000_000), 11.0 * 35.0 + 2.0);
        assert_eq!(index_width(10), MIN_COLUMN_WIDTH);
        assert_eq!(index_width(1_000_000), 6.0 * 8.0 + 24.0);
    }

    #[test]
    fn header_clicks_cycle_the_sort() {
        let asc = next_sort(None, 2);
        assert_eq!(asc, Some((2, SortDirection::Ascending)));
        let desc = next_sort(asc, 2);
        assert_eq!(desc, Some((2, SortDirection::Descending)));
        assert_eq!(next_sort(desc, 2), None);
        assert_eq!(next_sort(desc, 1), Some((1, SortDirection::Ascending)), "another column starts ascending");
    }

    fn frame() -> DataFrame {
        DataFrame::new(vec![
            ("f", Column::from(vec![Some(2.5), Some(f64::NAN), None, Some(-1.0)])),
            ("t", Column::from(vec![Some("pear"), Some("Apple"), Some("fig"), None])),
            ("b", Column::from(vec![true, false, true, false])),
        ])
        .unwrap()
    }

    #[test]
    fn sorting_puts_nulls_last_and_nan_after_numbers() {
        let df = frame();
        assert_eq!(row_order(&df, None, "", &[]), vec![0, 1, 2, 3]);
        assert_eq!(row_order(&df, Some((0, SortDirection::Ascending)), "", &[]), vec![3, 0, 1, 2]);
        assert_eq!(row_order(&df, Some((0, SortDirection::Descending)), "", &[]), vec![1, 0, 3, 2]);
        assert_eq!(row_order(&df, Some((1, SortDirection::Ascending)), "", &[]), vec![1, 2, 0, 3]);
        // Stable: equal bools keep their order.
        assert_eq!(row_order(&df, Some((2, SortDirection::Ascending)), "", &[]), vec![1, 3, 0, 2]);
        assert_eq!(row_order(&df, Some((7, SortDirection::Ascending)), "", &[]), vec![0, 1, 2, 3]);
    }

    #[test]
    fn search_keeps_the_matching_rows_in_order() {
        let df = frame();
        assert_eq!(row_order(&df, None, "APP", &[0, 1]), vec![1]);
        assert_eq!(row_order(&df, None, "2.5", &[0, 1]), vec![0]);
        assert_eq!(row_order(&df, None, "2.5", &[1]), Vec::<u32>::new(), "only the shown columns");
        assert_eq!(row_order(&df, Some((1, SortDirection::Descending)), "p", &[1]), vec![0, 1]);
        assert_eq!(row_order(&df, None, "  ", &[1]), vec![0, 1, 2, 3]);
        let accents = DataFrame::new(vec![("t", Column::from(vec!["ÉCOLE", "x"]))]).unwrap();
        assert_eq!(row_order(&accents, None, "éco", &[0]), vec![0]);
    }

    #[test]
    fn sorting_a_million_rows() {
        let values: Vec<i64> = (0..1_000_000_i64).map(|i| (i * 7919) % 1_000_003).collect();
        let df = DataFrame::new(vec![("v", Column::from(values))]).unwrap();
        let order = row_order(&df, Some((0, SortDirection::Descending)), "", &[0]);
        assert_eq!(order.len(), 1_000_000);
        let column = df.column_values("v").unwrap();
        let Column::Int(v) = column else { panic!("ints") };
        assert!(order.windows(2).all(|w| v[w[0] as usize] >= v[w[1] as usize]));
    }
}
