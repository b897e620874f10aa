//! Reducing a large frame to what a chart's pixels can show, before it reaches Vega.
//!
//! Vega-Lite slows to a crawl near 10,000 marks, so a chart whose frame has more than
//! [`THRESHOLD`] rows is not given all of them: the renderer asks [`pick_rows`] which rows to
//! send for the chart's width in device pixels and the visible x range (all of it, or the
//! interval the viewer zoomed to), and sends only those. The full frame stays in the
//! element's props (an `Arc`'d Arrow batch), so zooming re-reduces the visible range from it.
//!
//! - **Lines and areas** ([`Mode::Lines`]) are reduced by *min/max per pixel column* (the
//!   "M4" rule): the x range is cut into one bucket per pixel column and, per series, the rows
//!   with the first and last x and the lowest and highest y of each bucket are kept. A line
//!   through those rows covers exactly the pixels the full line covers: every column's
//!   vertical extent and its joins to the neighbouring columns are the same. When zoomed, the
//!   nearest row on each side of the visible range is kept too, so lines run to the edges.
//!   In a frame with several y columns (wide data) the union of the rows every series keeps is
//!   sent for all of them, so stacked areas stay aligned on x.
//! - **Scatters** ([`Mode::Points`]) are reduced by *binning*: the visible area is cut into
//!   square cells (one per device pixel, or as wide as the points' radius:
//!   [`Prepared::with_cell`]) and, per series (and per y column), the first row falling in
//!   each occupied cell is kept, with the rows of the lowest and highest x and y, so Vega's
//!   scales get the same domains. Every occupied cell keeps a point, so a dropped point is
//!   stood for by one at most a cell's diagonal away: with cells of the radius, a dense
//!   cloud's picture is the same and a sparse one's edge moves by at most 1.4 radii.
//! - Bars and charts whose x is text are never reduced.
//!
//! A zoom re-reduces lines from a min/max pyramid (`reduce/pyramid.rs`), built ahead of the
//! first zoom ([`Prepared::prepare_zoom`], when the page is idle after the first paint) or by it:
//! the rows in x order with levels of per-block extremes, so a zoom reads about two blocks
//! per level for each pixel column instead of every row in range, and keeps the same rows.

mod pyramid;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::Array;

use crate::data::{DataFrame, DataType};
use pyramid::Pyramids;

/// Frames with more rows than this are reduced for the chart's pixel width.
pub const THRESHOLD: usize = 5_000;

/// Milliseconds in a day: `Date` values reach Vega as timestamps at midnight UTC.
const DAY_MS: f64 = 86_400_000.0;

/// How a chart's rows are reduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Min/max per pixel column (line and area charts).
    Lines,
    /// One point per occupied pixel cell (scatter charts).
    Points,
}

/// Which columns a reduction reads: x (`None`: the row position), the y columns, and the
/// column whose values split the rows into series, if any.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub x: Option<usize>,
    pub ys: Vec<usize>,
    pub group: Option<usize>,
    pub mode: Mode,
}

/// What the chart shows: the visible x (and, for scatters, y) range in data units (`None`:
/// all of it), and its plot area in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: Option<(f64, f64)>,
    pub y: Option<(f64, f64)>,
    pub width: usize,
    pub height: usize,
}

/// A numeric column as `f64`s, as Vega sees them: dates and datetimes as milliseconds since
/// the epoch, nulls (and text) as NaN, which every reduction skips.
pub fn numbers(frame: &DataFrame, column: usize) -> Vec<f64> {
    let array = frame.column_at(column);
    let n = array.len();
    let nulls = |values: Vec<f64>| -> Vec<f64> {
        if array.null_count() == 0 {
            return values;
        }
        values.into_iter().enumerate().map(|(i, v)| if array.is_null(i) { f64::NAN } else { v }).collect()
    };
    match frame.dtype(column) {
        DataType::Int => nulls(array.as_primitive::<Int64Type>().values().iter().map(|v| *v as f64).collect()),
        DataType::Float => nulls(array.as_primitive::<Float64Type>().values().to_vec()),
        DataType::Date => {
            nulls(array.as_primitive::<Date32Type>().values().iter().map(|d| f64::from(*d) * DAY_MS).collect())
        }
        DataType::Datetime => {
            nulls(array.as_primitive::<TimestampMillisecondType>().values().iter().map(|v| *v as f64).collect())
        }
        DataType::Bool | DataType::Text => vec![f64::NAN; n],
    }
}

/// Row `row` of [`numbers`], read alone (for a few rows of a large column).
pub fn number_at(frame: &DataFrame, column: usize, row: usize) -> f64 {
    let array = frame.column_at(column);
    if row >= array.len() || array.is_null(row) {
        return f64::NAN;
    }
    match frame.dtype(column) {
        DataType::Int => array.as_primitive::<Int64Type>().value(row) as f64,
        DataType::Float => array.as_primitive::<Float64Type>().value(row),
        DataType::Date => f64::from(array.as_primitive::<Date32Type>().value(row)) * DAY_MS,
        DataType::Datetime => array.as_primitive::<TimestampMillisecondType>().value(row) as f64,
        DataType::Bool | DataType::Text => f64::NAN,
    }
}

/// The x values of a plan: the column's numbers, or the row positions.
fn xs(frame: &DataFrame, x: Option<usize>) -> Vec<f64> {
    match x {
        Some(column) => numbers(frame, column),
        None => (0..frame.num_rows()).map(|r| r as f64).collect(),
    }
}

/// The series each row belongs to (`0` for all when there is no group column), and how many.
pub fn series_ids(frame: &DataFrame, group: Option<usize>) -> (Vec<u32>, usize) {
    let Some(column) = group else { return (vec![0; frame.num_rows()], 1) };
    let array = frame.column_at(column);
    let mut ids = Vec::with_capacity(frame.num_rows());
    if frame.dtype(column) == DataType::Text {
        let strings = array.as_string::<i32>();
        let mut seen: HashMap<Option<&str>, u32> = HashMap::new();
        for row in 0..strings.len() {
            let key = (!strings.is_null(row)).then(|| strings.value(row));
            let next = seen.len() as u32;
            ids.push(*seen.entry(key).or_insert(next));
        }
        return (ids, seen.len());
    }
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in 0..frame.num_rows() {
        let next = seen.len() as u32;
        ids.push(*seen.entry(frame.cell_text(row, column)).or_insert(next));
    }
    let count = seen.len();
    (ids, count)
}

/// The finite range of `values` at `rows`, if any value is finite.
fn extent(values: &[f64], rows: impl Iterator<Item = usize>) -> Option<(f64, f64)> {
    rows.map(|r| values[r]).filter(|v| v.is_finite()).fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// The bucket of `value` among `count` equal buckets over `range` (the top edge in the last).
fn bucket(value: f64, (lo, hi): (f64, f64), count: usize) -> usize {
    if hi <= lo {
        return 0;
    }
    (((value - lo) / (hi - lo) * count as f64) as usize).min(count - 1)
}

/// The rows to send Vega for `viewport`, ascending: all rows when the frame is small enough,
/// else the reduction of the module docs. (A chart that re-reduces on every zoom keeps a
/// [`Prepared`] instead, so the columns are read once.)
///
/// ```
/// use wasmlit::charts::reduce::{pick_rows, Mode, Plan, Viewport};
/// use wasmlit::data::{Column, DataFrame};
/// let y: Vec<f64> = (0..100_000).map(|i| (i as f64 / 100.0).sin()).collect();
/// let df = DataFrame::new(vec![("y", Column::from(y))]).unwrap();
/// let plan = Plan { x: None, ys: vec![0], group: None, mode: Mode::Lines };
/// let rows = pick_rows(&df, &plan, Viewport { x: None, y: None, width: 800, height: 350 });
/// assert!(rows.len() <= 4 * 800);
/// ```
pub fn pick_rows(frame: &DataFrame, plan: &Plan, viewport: Viewport) -> Vec<usize> {
    Prepared::new(frame, plan).pick(viewport)
}

/// A frame's columns read as numbers once, for reducing it again and again as the viewer
/// zooms.
#[derive(Clone, Debug)]
pub struct Prepared {
    rows: usize,
    /// `None`: the frame is not reduced (small, or text on x).
    columns: Option<Columns>,
    mode: Mode,
    /// A scatter's cell side in device pixels (at least 1).
    cell: f64,
}

#[derive(Clone, Debug)]
struct Columns {
    xs: Vec<f64>,
    ys: Vec<Vec<f64>>,
    /// Each y column's finite range (a scatter's full y range).
    y_full: Vec<Option<(f64, f64)>>,
    series: Vec<u32>,
    count: usize,
    full: Option<(f64, f64)>,
    /// The lines' pyramids, built on the first zoom (`None` inside: too many rows for them).
    pyramids: OnceCell<Option<Pyramids>>,
}

impl Prepared {
    /// Reads the columns `plan` names from `frame` (nothing when it is not reduced).
    pub fn new(frame: &DataFrame, plan: &Plan) -> Prepared {
        let rows = frame.num_rows();
        let text_x = plan.x.is_some_and(|x| matches!(frame.dtype(x), DataType::Text | DataType::Bool));
        let columns = (rows > THRESHOLD && !text_x && !plan.ys.is_empty()).then(|| {
            let xs = xs(frame, plan.x);
            let full = extent(&xs, 0..rows);
            let (series, count) = series_ids(frame, plan.group);
            let ys: Vec<Vec<f64>> = plan.ys.iter().map(|&y| numbers(frame, y)).collect();
            let y_full = ys.iter().map(|y| extent(y, 0..rows)).collect();
            Columns { ys, y_full, xs, series, count, full, pyramids: OnceCell::new() }
        });
        Prepared { rows, columns, mode: plan.mode, cell: 1.0 }
    }

    /// A scatter binned by cells of `side` device pixels rather than 1 (the renderer gives the
    /// points' radius): fewer points for Vega to draw, a dropped point stood for by one in its
    /// cell. Sides below 1 (or not finite) count as 1; lines ignore it.
    ///
    /// ```
    /// use wasmlit::charts::reduce::{Mode, Plan, Prepared, Viewport};
    /// use wasmlit::data::{Column, DataFrame};
    /// let x: Vec<f64> = (0..40_000).map(|i| (i % 200) as f64).collect();
    /// let y: Vec<f64> = (0..40_000).map(|i| (i / 200) as f64).collect();
    /// let df = DataFrame::new(vec![("x", Column::from(x)), ("y", Column::from(y))]).unwrap();
    /// let plan = Plan { x: Some(0), ys: vec![1], group: None, mode: Mode::Points };
    /// let all = Viewport { x: None, y: None, width: 200, height: 200 };
    /// assert_eq!(Prepared::new(&df, &plan).pick(all).len(), 40_000); // one per pixel
    /// assert!(Prepared::new(&df, &plan).with_cell(4.0).pick(all).len() <= 50 * 50 + 4);
    /// ```
    pub fn with_cell(mut self, side: f64) -> Prepared {
        self.cell = if side.is_finite() { side.max(1.0) } else { 1.0 };
        self
    }

    /// Whether the frame is reduced at all.
    pub fn reduces(&self) -> bool {
        self.columns.is_some()
    }

    /// Builds what a line chart's zooms read (its min/max pyramids), unless built already or
    /// not a reduced line chart. The renderer calls it when the page is idle after the first
    /// paint, so the first zoom does not pay for it; [`pick`](Self::pick) keeps the same rows.
    ///
    /// ```
    /// use wasmlit::charts::reduce::{Mode, Plan, Prepared, Viewport};
    /// use wasmlit::data::{Column, DataFrame};
    /// let y: Vec<f64> = (0..20_000).map(|i| (i as f64 / 50.0).sin()).collect();
    /// let df = DataFrame::new(vec![("y", Column::from(y))]).unwrap();
    /// let prepared = Prepared::new(&df, &Plan { x: None, ys: vec![0], group: None, mode: Mode::Lines });
    /// let all = Viewport { x: None, y: None, width: 400, height: 300 };
    /// let before = prepared.pick(all);
    /// prepared.prepare_zoom();
    /// assert_eq!(prepared.pick(all), before);
    /// ```
    pub fn prepare_zoom(&self) {
        if let (Mode::Lines, Some(c)) = (self.mode, &self.columns) {
            c.pyramids.get_or_init(|| Pyramids::new(&c.xs, &c.ys, &c.series, c.count));
        }
    }

    /// The rows to send for `viewport`, ascending (see [`pick_rows`]). Lines zoomed once are
    /// reduced from their pyramids, in time proportional to the width rather than the rows.
    pub fn pick(&self, viewport: Viewport) -> Vec<usize> {
        if let Some(c) = &self.columns {
            let range = viewport.x.or(c.full);
            let usable = range.filter(|(lo, hi)| lo.is_finite() && hi.is_finite() && lo <= hi);
            let zoomed = viewport.x.is_some() || c.pyramids.get().is_some();
            if let (Mode::Lines, true, Some(range)) = (self.mode, zoomed, usable) {
                let pyramids = c.pyramids.get_or_init(|| Pyramids::new(&c.xs, &c.ys, &c.series, c.count));
                if let Some(pyramids) = pyramids {
                    return pyramids.pick(&c.xs, &c.ys, range, viewport.width.max(1));
                }
            }
        }
        self.pick_directly(viewport)
    }

    /// The lines [`pick`](Self::pick) keeps for `viewport`, as points in data units: one per
    /// y column and series (y column first), each in x order, without the rows whose x or y
    /// is not a number (Vega-Lite leaves those out of a line too). The page draws them itself
    /// during a wheel gesture, from the same rows Vega gets when it rests. Empty unless the
    /// frame is reduced as lines.
    ///
    /// ```
    /// use wasmlit::charts::reduce::{Mode, Plan, Prepared, Viewport};
    /// use wasmlit::data::{Column, DataFrame};
    /// let y: Vec<f64> = (0..10_000).map(|i| (i % 100) as f64).collect();
    /// let df = DataFrame::new(vec![("y", Column::from(y))]).unwrap();
    /// let prepared = Prepared::new(&df, &Plan { x: None, ys: vec![0], group: None, mode: Mode::Lines });
    /// let lines = prepared.lines(Viewport { x: Some((0.0, 999.0)), y: None, width: 100, height: 50 });
    /// assert_eq!(lines.len(), 1);
    /// assert_eq!((lines[0].y, lines[0].series), (0, 0));
    /// assert!(lines[0].points.windows(2).all(|p| p[0].0 <= p[1].0));
    /// ```
    pub fn lines(&self, viewport: Viewport) -> Vec<Line> {
        let Some(c) = self.columns.as_ref().filter(|_| self.mode == Mode::Lines) else { return Vec::new() };
        let rows = self.pick(viewport);
        let mut lines = Vec::with_capacity(c.ys.len() * c.count);
        for (y, ys) in c.ys.iter().enumerate() {
            let mut points: Vec<Vec<(f64, f64)>> = vec![Vec::new(); c.count];
            for &row in &rows {
                let point = (c.xs[row], ys[row]);
                if point.0.is_finite() && point.1.is_finite() {
                    points[c.series[row] as usize].push(point);
                }
            }
            for (series, mut points) in points.into_iter().enumerate() {
                if points.is_empty() {
                    continue;
                }
                if !points.windows(2).all(|p| p[0].0 <= p[1].0) {
                    points.sort_by(|a, b| a.0.total_cmp(&b.0));
                }
                lines.push(Line { y, series: series as u32, points });
            }
        }
        lines
    }

    /// The first row of each series, in series order (what names a series: its group
    /// column's value there). Empty when the frame is not reduced.
    pub fn series_rows(&self) -> Vec<usize> {
        let Some(c) = &self.columns else { return Vec::new() };
        let mut first = vec![usize::MAX; c.count];
        for (row, &s) in c.series.iter().enumerate() {
            if first[s as usize] == usize::MAX {
                first[s as usize] = row;
            }
        }
        first
    }

    /// [`pick`](Self::pick) reading every row.
    fn pick_directly(&self, viewport: Viewport) -> Vec<usize> {
        let Some(c) = &self.columns else { return (0..self.rows).collect() };
        let Some(full) = c.full else { return Vec::new() };
        let range = viewport.x.unwrap_or(full);
        let width = viewport.width.max(1);
        let mut keep: Vec<bool> = vec![false; self.rows];
        for (ys, y_full) in c.ys.iter().zip(&c.y_full) {
            match self.mode {
                Mode::Lines => min_max(&c.xs, ys, &c.series, c.count, range, width, &mut keep),
                Mode::Points => {
                    let y_range = viewport.y.or(*y_full).unwrap_or((0.0, 0.0));
                    let cells = |pixels: usize| ((pixels.max(1) as f64 / self.cell).ceil() as usize).max(1);
                    let grid = (cells(width), cells(viewport.height));
                    bins(&c.xs, ys, &c.series, c.count, (range, y_range), grid, &mut keep);
                }
            }
        }
        keep.iter().enumerate().filter_map(|(row, k)| k.then_some(row)).collect()
    }
}

/// One series of one y column of a reduced line chart, as [`Prepared::lines`] gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Which of the plan's y columns (an index into [`Plan::ys`]).
    pub y: usize,
    /// Which series of the group column ([`series_ids`]; 0 without one).
    pub series: u32,
    /// (x, y) in data units, x ascending.
    pub points: Vec<(f64, f64)>,
}

/// Min/max per pixel column, per series, marking the rows kept (see the module docs).
fn min_max(xs: &[f64], ys: &[f64], series: &[u32], count: usize, range: (f64, f64), width: usize, keep: &mut [bool]) {
    #[derive(Clone, Copy)]
    struct Bucket {
        first: usize,
        last: usize,
        low: usize,
        high: usize,
    }
    let mut buckets: Vec<Option<Bucket>> = vec![None; count * width];
    // The nearest row left and right of the range, per series.
    let mut before: Vec<Option<usize>> = vec![None; count];
    let mut after: Vec<Option<usize>> = vec![None; count];
    for row in 0..xs.len() {
        let (x, y) = (xs[row], ys[row]);
        if !x.is_finite() || !y.is_finite() {
            continue;
        }
        let s = series[row] as usize;
        if x < range.0 {
            if before[s].is_none_or(|b| xs[b] < x) {
                before[s] = Some(row);
            }
            continue;
        }
        if x > range.1 {
            if after[s].is_none_or(|a| xs[a] > x) {
                after[s] = Some(row);
            }
            continue;
        }
        let slot = &mut buckets[s * width + bucket(x, range, width)];
        match slot {
            None => *slot = Some(Bucket { first: row, last: row, low: row, high: row }),
            Some(b) => {
                if x < xs[b.first] {
                    b.first = row;
                }
                if x >= xs[b.last] {
                    b.last = row;
                }
                if y < ys[b.low] {
                    b.low = row;
                }
                if y > ys[b.high] {
                    b.high = row;
                }
            }
        }
    }
    for b in buckets.into_iter().flatten() {
        for row in [b.first, b.last, b.low, b.high] {
            keep[row] = true;
        }
    }
    for row in before.into_iter().chain(after).flatten() {
        keep[row] = true;
    }
}

/// One row per occupied cell of a `width` × `height` grid over the ranges, per series, and
/// each series' rows of the lowest and highest x and y in range (see the module docs).
fn bins(
    xs: &[f64],
    ys: &[f64],
    series: &[u32],
    count: usize,
    (x_range, y_range): ((f64, f64), (f64, f64)),
    (width, height): (usize, usize),
    keep: &mut [bool],
) {
    let mut seen: HashSet<(u32, usize)> = HashSet::new();
    // Per series: the rows of the lowest x, highest x, lowest y, highest y.
    let mut extremes: Vec<Option<[usize; 4]>> = vec![None; count];
    for row in 0..xs.len() {
        let (x, y) = (xs[row], ys[row]);
        if !x.is_finite() || !y.is_finite() || x < x_range.0 || x > x_range.1 || y < y_range.0 || y > y_range.1 {
            continue;
        }
        let cell = bucket(y, y_range, height) * width + bucket(x, x_range, width);
        if seen.insert((series[row], cell)) {
            keep[row] = true;
        }
        if let Some(e) = extremes.get_mut(series[row] as usize) {
            let e = e.get_or_insert([row; 4]);
            let better = [x < xs[e[0]], x > xs[e[1]], y < ys[e[2]], y > ys[e[3]]];
            for (slot, better) in e.iter_mut().zip(better) {
                if better {
                    *slot = row;
                }
            }
        }
    }
    for row in extremes.into_iter().flatten().flatten() {
        keep[row] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    /// A deterministic pseudo-random walk (xorshift), so the test needs no dependency.
    fn walk(n: usize, seed: u64) -> Vec<f64> {
        let mut state = seed;
        let mut y = 0.0;
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                y += (state % 2001) as f64 / 1000.0 - 1.0;
                y
            })
            .collect()
    }

    fn wide(n: usize) -> DataFrame {
        DataFrame::new(vec![("a", Column::from(walk(n, 7))), ("b", Column::from(walk(n, 99)))]).unwrap()
    }

    /// A frame of columns `x`, `y` and the series names `g`.
    fn x_y_group(x: &[f64], y: &[f64], group: Vec<&str>) -> DataFrame {
        let columns =
            vec![("x", Column::from(x.to_vec())), ("y", Column::from(y.to_vec())), ("g", Column::from(group))];
        DataFrame::new(columns).unwrap()
    }

    /// For every series and pixel column, the min and max of the kept rows equal the full
    /// data's.
    fn assert_columns_kept(xs: &[f64], ys: &[f64], kept: &[usize], range: (f64, f64), width: usize) {
        let mut full = vec![(f64::INFINITY, f64::NEG_INFINITY); width];
        let mut reduced = full.clone();
        for (row, (&x, &y)) in xs.iter().zip(ys).enumerate() {
            if x < range.0 || x > range.1 {
                continue;
            }
            let b = bucket(x, range, width);
            full[b] = (full[b].0.min(y), full[b].1.max(y));
            if kept.binary_search(&row).is_ok() {
                reduced[b] = (reduced[b].0.min(y), reduced[b].1.max(y));
            }
        }
        assert_eq!(full, reduced, "every pixel column keeps its min and max");
    }

    #[test]
    fn lines_are_the_picked_rows_per_column_and_series_in_x_order() {
        // Two series interleaved, x descending, a null y: every picked row lands on its
        // series' line once, in x order, the null (in range) left out.
        let n = 8_000;
        let x: Vec<f64> = (0..n).map(|r| (n - r) as f64).collect();
        let mut y = walk(n, 3);
        y[6_000] = f64::NAN;
        let group: Vec<&str> = (0..n).map(|r| if r % 2 == 0 { "even" } else { "odd" }).collect();
        let df = x_y_group(&x, &y, group);
        let plan = Plan { x: Some(0), ys: vec![1], group: Some(2), mode: Mode::Lines };
        let prepared = Prepared::new(&df, &plan);
        let viewport = Viewport { x: Some((1_000.0, 3_000.0)), y: None, width: 300, height: 200 };
        let rows = prepared.pick(viewport);
        let lines = prepared.lines(viewport);
        assert_eq!(lines.iter().map(|l| (l.y, l.series)).collect::<Vec<_>>(), vec![(0, 0), (0, 1)]);
        for line in &lines {
            assert!(line.points.windows(2).all(|p| p[0].0 < p[1].0), "x ascends");
            let parity = line.series as usize;
            let expected: Vec<(f64, f64)> =
                rows.iter().rev().filter(|&&r| r % 2 == parity && y[r].is_finite()).map(|&r| (x[r], y[r])).collect();
            assert_eq!(line.points, expected);
        }
        assert_eq!(prepared.series_rows(), vec![0, 1]);
        let points = Plan { mode: Mode::Points, ..plan };
        assert!(Prepared::new(&df, &points).lines(viewport).is_empty(), "scatters have no lines");
    }

    #[test]
    fn small_frames_are_sent_whole() {
        let df = wide(THRESHOLD);
        let plan = Plan { x: None, ys: vec![0, 1], group: None, mode: Mode::Lines };
        let rows = pick_rows(&df, &plan, Viewport { x: None, y: None, width: 100, height: 100 });
        assert_eq!(rows.len(), THRESHOLD);
    }

    #[test]
    fn lines_keep_every_pixel_columns_min_and_max_for_every_series() {
        let n = 200_000;
        let df = wide(n);
        let plan = Plan { x: None, ys: vec![0, 1], group: None, mode: Mode::Lines };
        let width = 640;
        let rows = pick_rows(&df, &plan, Viewport { x: None, y: None, width, height: 300 });
        assert!(rows.len() <= 2 * 4 * width, "{} rows", rows.len());
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "ascending");
        let xs: Vec<f64> = (0..n).map(|r| r as f64).collect();
        for y in 0..2 {
            assert_columns_kept(&xs, &numbers(&df, y), &rows, (0.0, (n - 1) as f64), width);
        }
        assert!(rows.contains(&0) && rows.contains(&(n - 1)), "the ends are kept");
    }

    #[test]
    fn a_zoomed_range_is_reduced_from_the_full_data_with_a_row_beyond_each_edge() {
        let n = 100_000;
        let df = wide(n);
        let plan = Plan { x: None, ys: vec![0], group: None, mode: Mode::Lines };
        let range = (25_000.5, 30_000.5);
        let rows = pick_rows(&df, &plan, Viewport { x: Some(range), y: None, width: 500, height: 300 });
        let xs: Vec<f64> = (0..n).map(|r| r as f64).collect();
        assert_columns_kept(&xs, &numbers(&df, 0), &rows, range, 500);
        assert_eq!(rows.first(), Some(&25_000), "the row left of the range");
        assert_eq!(rows.last(), Some(&30_001), "the row right of the range");
        // Zoomed in far enough, every row in range is kept.
        let close = pick_rows(&df, &plan, Viewport { x: Some((100.0, 199.0)), y: None, width: 500, height: 300 });
        assert_eq!(close, (99..=200).collect::<Vec<_>>());
    }

    #[test]
    fn series_of_a_color_column_are_reduced_apart_and_unsorted_x_works() {
        let n = 60_000;
        let y = walk(n, 3);
        // x runs backwards and the series interleave.
        let x: Vec<f64> = (0..n).map(|r| ((n - r) / 2) as f64).collect();
        let group: Vec<&str> = (0..n).map(|r| if r % 2 == 0 { "even" } else { "odd" }).collect();
        let df = x_y_group(&x, &y, group);
        let plan = Plan { x: Some(0), ys: vec![1], group: Some(2), mode: Mode::Lines };
        let rows = pick_rows(&df, &plan, Viewport { x: None, y: None, width: 300, height: 300 });
        let range = (x[n - 1], x[0]);
        for parity in 0..2 {
            let pick = |v: &[f64]| -> Vec<f64> {
                v.iter().enumerate().map(|(r, v)| if r % 2 == parity { *v } else { f64::NAN }).collect()
            };
            let ys = pick(&y);
            let xs: Vec<f64> = x.iter().zip(&ys).map(|(x, y)| if y.is_nan() { f64::INFINITY } else { *x }).collect();
            assert_columns_kept(&xs, &ys, &rows, range, 300);
        }
    }

    #[test]
    fn zooms_read_from_the_pyramid_keep_the_rows_of_the_direct_reduction() {
        let df = wide(300_000);
        let plan = Plan { x: None, ys: vec![0, 1], group: None, mode: Mode::Lines };
        let prepared = Prepared::new(&df, &plan);
        for (range, width) in [((0.0, 299_999.0), 1600), ((1_234.5, 250_000.0), 997), ((70_000.0, 70_900.0), 1200)] {
            let viewport = Viewport { x: Some(range), y: None, width, height: 300 };
            assert_eq!(prepared.pick(viewport), prepared.pick_directly(viewport), "{range:?} at {width}");
        }
        // Once built, the full view is read from the pyramid too.
        let all = Viewport { x: None, y: None, width: 640, height: 300 };
        assert_eq!(prepared.pick(all), prepared.pick_directly(all));
        // Built ahead of the first zoom (the renderer does it when the page is idle).
        let ahead = Prepared::new(&df, &plan);
        ahead.prepare_zoom();
        let built = ahead.columns.as_ref().is_some_and(|c| c.pyramids.get().is_some_and(Option::is_some));
        assert!(built, "prepare_zoom builds the pyramids");
        assert_eq!(ahead.pick(all), prepared.pick_directly(all));
        // Scatters have none.
        let points = Prepared::new(&df, &Plan { mode: Mode::Points, ..plan });
        points.prepare_zoom();
        assert!(points.columns.as_ref().is_some_and(|c| c.pyramids.get().is_none()));
    }

    /// Not an assertion: how long a zoom's reduction takes at a million rows, both ways
    /// (`cargo test --release -p wasmlit --lib zoom_timing -- --nocapture`).
    #[test]
    fn zoom_timing() {
        let n = 1_000_000;
        let df = DataFrame::new(vec![("y", Column::from(walk(n, 11)))]).unwrap();
        let plan = Plan { x: None, ys: vec![0], group: None, mode: Mode::Lines };
        let prepared = Prepared::new(&df, &plan);
        let started = std::time::Instant::now();
        let first = prepared.pick(Viewport { x: Some((0.0, n as f64)), y: None, width: 2000, height: 350 });
        let build = started.elapsed();
        let zooms: Vec<Viewport> = (1..=20)
            .map(|i| {
                let half = n as f64 / 2.0 * 0.85_f64.powi(i);
                Viewport { x: Some((n as f64 / 2.0 - half, n as f64 / 2.0 + half)), y: None, width: 2000, height: 350 }
            })
            .collect();
        let time = |pick: &dyn Fn(Viewport) -> Vec<usize>| {
            let started = std::time::Instant::now();
            let kept: usize = zooms.iter().map(|v| pick(*v).len()).sum();
            (started.elapsed() / zooms.len() as u32, kept)
        };
        let (direct, kept_direct) = time(&|v| prepared.pick_directly(v));
        let (pyramid, kept_pyramid) = time(&|v| prepared.pick(v));
        assert_eq!(kept_direct, kept_pyramid);
        println!(
            "1M rows, 2000 px: pyramid built with the first zoom in {build:?} ({} rows); a zoom takes {direct:?} \
             directly, {pyramid:?} from the pyramid",
            first.len()
        );
    }

    #[test]
    fn dense_scatters_keep_one_point_per_occupied_pixel() {
        let n = 50_000;
        let x: Vec<f64> = (0..n).map(|r| (r % 100) as f64).collect();
        let y: Vec<f64> = (0..n).map(|r| (r % 37) as f64).collect();
        let df = DataFrame::new(vec![("x", Column::from(x)), ("y", Column::from(y))]).unwrap();
        let plan = Plan { x: Some(0), ys: vec![1], group: None, mode: Mode::Points };
        let rows = pick_rows(&df, &plan, Viewport { x: None, y: None, width: 200, height: 200 });
        // 100 x values and 37 y values: gcd(100, 37) = 1, so every (x, y) pair occurs.
        assert_eq!(rows.len(), 100 * 37);
    }

    #[test]
    fn scatters_binned_by_the_radius_keep_every_occupied_cell_and_the_extremes() {
        let n = 100_000;
        let (xs, ys) = (walk(n, 21), walk(n, 22));
        // A spread cloud: the walks' steps, not their sums, so points scatter over the plot.
        let x: Vec<f64> = xs.iter().scan(0.0, |last, v| Some(v - std::mem::replace(last, *v))).collect();
        let y: Vec<f64> = ys.iter().scan(0.0, |last, v| Some(v - std::mem::replace(last, *v))).collect();
        let group: Vec<&str> = (0..n).map(|r| if r.is_multiple_of(3) { "a" } else { "b" }).collect();
        let df = x_y_group(&x, &y, group);
        let plan = Plan { x: Some(0), ys: vec![1], group: Some(2), mode: Mode::Points };
        let viewport = Viewport { x: None, y: None, width: 700, height: 350 };
        let per_pixel = Prepared::new(&df, &plan).pick(viewport);
        let side = (60.0 / std::f64::consts::PI).sqrt(); // Vega-Lite's circle of size 60
        let kept = Prepared::new(&df, &plan).with_cell(side).pick(viewport);
        let (cols, rows) = ((700.0 / side).ceil() as usize, (350.0 / side).ceil() as usize);
        let span = |v: &[f64]| v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
        let ((x0, x1), (y0, y1)) = (span(&x), span(&y));
        let cell = |r: usize| {
            let i = (((x[r] - x0) / (x1 - x0) * cols as f64) as usize).min(cols - 1);
            let j = (((y[r] - y0) / (y1 - y0) * rows as f64) as usize).min(rows - 1);
            (r.is_multiple_of(3), j * cols + i)
        };
        let occupied: HashSet<(bool, usize)> = (0..n).map(cell).collect();
        let kept_cells: HashSet<(bool, usize)> = kept.iter().map(|&r| cell(r)).collect();
        assert_eq!(kept_cells, occupied, "every occupied cell of every series keeps a point");
        assert!(kept.len() <= occupied.len() + 2 * 4, "{} rows for {} cells", kept.len(), occupied.len());
        assert!(kept.len() * 3 < per_pixel.len(), "{} rows vs {} at one per pixel", kept.len(), per_pixel.len());
        for series in [0, 1] {
            let rows: Vec<usize> = (0..n).filter(|r| r.is_multiple_of(3) == (series == 0)).collect();
            let by = |v: &[f64], max: bool| {
                rows.iter().copied().reduce(|a, b| if (v[b] > v[a]) == max && v[b] != v[a] { b } else { a })
            };
            for extreme in [by(&x, false), by(&x, true), by(&y, false), by(&y, true)].into_iter().flatten() {
                assert!(kept.contains(&extreme), "series {series}: the extreme row {extreme} is kept");
            }
        }
        // Zoomed in, only points in the visible area are kept.
        let zoom = Viewport { x: Some((0.0, 0.5)), y: Some((-0.5, 0.0)), width: 700, height: 350 };
        let zoomed = Prepared::new(&df, &plan).with_cell(side).pick(zoom);
        assert!(!zoomed.is_empty());
        assert!(zoomed.iter().all(|&r| (0.0..=0.5).contains(&x[r]) && (-0.5..=0.0).contains(&y[r])));
        // Bad sides count as a pixel.
        assert_eq!(Prepared::new(&df, &plan).with_cell(f64::NAN).pick(viewport), per_pixel);
    }

    #[test]
    fn nulls_and_text_x_are_handled() {
        let n = 10_000;
        let mut y: Vec<Option<f64>> = walk(n, 5).into_iter().map(Some).collect();
        y[10] = None;
        let names: Vec<String> = (0..n).map(|r| format!("r{r}")).collect();
        let df = DataFrame::new(vec![("name", Column::from(names)), ("y", Column::from(y))]).unwrap();
        assert!(numbers(&df, 1)[10].is_nan());
        let text_x = Plan { x: Some(0), ys: vec![1], group: None, mode: Mode::Lines };
        let rows = pick_rows(&df, &text_x, Viewport { x: None, y: None, width: 10, height: 10 });
        assert_eq!(rows.len(), n, "text x is never reduced");
        let index_x = Plan { x: None, ys: vec![1], group: None, mode: Mode::Lines };
        let rows = pick_rows(&df, &index_x, Viewport { x: None, y: None, width: 10, height: 10 });
        assert!(!rows.contains(&10), "a null y is never kept");
    }

    #[test]
    fn dates_become_milliseconds() {
        let day = chrono::NaiveDate::from_ymd_opt(1970, 1, 2).unwrap();
        let df = DataFrame::new(vec![("d", Column::from(vec![Some(day), None]))]).unwrap();
        assert_eq!(numbers(&df, 0)[0], DAY_MS);
        assert_eq!(number_at(&df, 0, 0), DAY_MS);
        assert!(numbers(&df, 0)[1].is_nan() && number_at(&df, 0, 1).is_nan() && number_at(&df, 0, 2).is_nan());
    }
}

/// The pyramid against the direct reduction on random frames: ties in x and y, nulls,
/// unsorted x, several series and y columns, any zoom and width.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod pyramid_tests {
    use super::*;
    use crate::data::Column;
    use proptest::prelude::*;

    /// A frame of `n` rows from `seed`: x of `kind` (0 the index, 1 ascending with repeats,
    /// 2 shuffled with repeats), two y columns of few distinct values (ties), some nulls.
    fn frame(seed: u64, n: usize, kind: u8, groups: usize) -> (DataFrame, Plan) {
        let mut state = seed | 1;
        let mut next = move |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        let mut column = |steps: u64| -> Vec<Option<f64>> {
            (0..n).map(|_| (next(50) != 0).then(|| next(steps) as f64 * 0.5 - 7.0)).collect()
        };
        let (a, b) = (column(30), column(5));
        let mut columns = vec![("a", Column::from(a)), ("b", Column::from(b))];
        let x: Vec<Option<f64>> = match kind {
            0 => Vec::new(),
            1 => (0..n).map(|r| (r % 97 != 0).then_some((r / 3) as f64)).collect(),
            _ => (0..n).map(|r| (r % 89 != 0).then_some((r * 7919 % n / 3) as f64)).collect(),
        };
        let has_x = !x.is_empty();
        if has_x {
            columns.push(("x", Column::from(x)));
        }
        let names: Vec<String> = (0..n).map(|r| format!("s{}", (r * 31 + r / 7) % groups)).collect();
        columns.push(("g", Column::from(names)));
        let df = DataFrame::new(columns).unwrap();
        let group = (groups > 1).then_some(df.num_columns() - 1);
        (df, Plan { x: has_x.then_some(2), ys: vec![0, 1], group, mode: Mode::Lines })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn the_pyramid_keeps_the_rows_of_the_direct_reduction(
            seed in any::<u64>(),
            n in (THRESHOLD + 1)..(THRESHOLD + 4_000),
            kind in 0_u8..3,
            groups in 1_usize..4,
            from in 0.0_f64..1.0,
            span in 0.0_f64..1.2,
            width in 1_usize..2_500,
        ) {
            let (df, plan) = frame(seed, n, kind, groups);
            let prepared = Prepared::new(&df, &plan);
            let (lo, hi) = (from * n as f64 / 3.0 - 10.0, (from + span) * n as f64 / 3.0);
            for x in [Some((lo, hi)), Some((lo.floor(), lo.floor())), None] {
                let viewport = Viewport { x, y: None, width, height: 300 };
                let direct = prepared.pick_directly(viewport);
                prop_assert_eq!(prepared.pick(viewport), direct, "{:?} at {}", x, width);
            }
        }
    }
}
