//! A min/max pyramid, so a zoomed line chart is re-reduced in O(pixels) rather than
//! O(rows in range).
//!
//! Per y column and series, the rows with a finite x and y are put in x order once (no sort
//! when x already ascends, as an index or a time column does), and levels of per-block
//! extremes are built over that order: level 0 holds, for every block of [`BLOCK`] rows, the
//! rows of its lowest and highest y; each next level merges pairs of the one below. A pixel
//! column of the visible range is then a run of consecutive positions (found by binary
//! search), whose first and last rows are its ends and whose extremes come from at most two
//! blocks per level plus `2 × BLOCK` rows at its edges. Ties are broken as the direct
//! reduction breaks them (the earliest row wins), so both keep exactly the same rows.

use super::bucket;

/// Rows per block of the pyramid's lowest level.
const BLOCK: usize = 16;

/// The pyramids of every (y column, series) of a frame.
#[derive(Clone, Debug)]
pub(super) struct Pyramids {
    /// Indexed `y column × series count + series`.
    lanes: Vec<Lane>,
    count: usize,
}

/// One series of one y column.
#[derive(Clone, Debug, Default)]
struct Lane {
    /// The rows with a finite x and y, ordered by (x, row).
    rows: Vec<u32>,
    /// `low[k][i]` / `high[k][i]`: the row of the lowest / highest y of block `i` of level `k`
    /// (`BLOCK << k` positions).
    low: Vec<Vec<u32>>,
    high: Vec<Vec<u32>>,
}

/// Whether row `b`'s y is below row `a`'s (the earlier row on a tie).
fn lower(ys: &[f64], a: u32, b: u32) -> bool {
    let (ya, yb) = (ys[a as usize], ys[b as usize]);
    yb < ya || (yb == ya && b < a)
}

/// Whether row `b`'s y is above row `a`'s (the earlier row on a tie).
fn higher(ys: &[f64], a: u32, b: u32) -> bool {
    let (ya, yb) = (ys[a as usize], ys[b as usize]);
    yb > ya || (yb == ya && b < a)
}

/// The running extremes of a pixel column.
struct Extremes<'a> {
    ys: &'a [f64],
    low: u32,
    high: u32,
}

impl Extremes<'_> {
    fn take(&mut self, low: u32, high: u32) {
        if lower(self.ys, self.low, low) {
            self.low = low;
        }
        if higher(self.ys, self.high, high) {
            self.high = high;
        }
    }
}

impl Lane {
    fn new(xs: &[f64], ys: &[f64], mut rows: Vec<u32>) -> Lane {
        let x = |r: &u32| xs[*r as usize];
        if !rows.windows(2).all(|w| x(&w[0]) <= x(&w[1])) {
            rows.sort_unstable_by(|a, b| x(a).total_cmp(&x(b)).then(a.cmp(b)));
        }
        let pick = |better: fn(&[f64], u32, u32) -> bool, chunk: &[u32]| {
            chunk.iter().copied().reduce(|a, b| if better(ys, a, b) { b } else { a }).unwrap_or_default()
        };
        let mut low = vec![rows.chunks_exact(BLOCK).map(|c| pick(lower, c)).collect::<Vec<u32>>()];
        let mut high = vec![rows.chunks_exact(BLOCK).map(|c| pick(higher, c)).collect::<Vec<u32>>()];
        while low.last().is_some_and(|level| level.len() >= 2) {
            let next_low = low.last().map(|l| l.chunks_exact(2).map(|c| pick(lower, c)).collect()).unwrap_or_default();
            let next_high =
                high.last().map(|l| l.chunks_exact(2).map(|c| pick(higher, c)).collect()).unwrap_or_default();
            low.push(next_low);
            high.push(next_high);
        }
        Lane { rows, low, high }
    }

    /// The rows of the lowest and highest y among positions `a..b` (not empty).
    fn extremes(&self, ys: &[f64], mut a: usize, mut b: usize) -> (u32, u32) {
        let mut e = Extremes { ys, low: self.rows[a], high: self.rows[a] };
        while a < b && !a.is_multiple_of(BLOCK) {
            e.take(self.rows[a], self.rows[a]);
            a += 1;
        }
        while b > a && !b.is_multiple_of(BLOCK) {
            b -= 1;
            e.take(self.rows[b], self.rows[b]);
        }
        // The whole blocks between, as a segment tree is read bottom up.
        let (mut i, mut j, mut level) = (a / BLOCK, b / BLOCK, 0);
        while i < j {
            if !i.is_multiple_of(2) {
                e.take(self.low[level][i], self.high[level][i]);
                i += 1;
            }
            if !j.is_multiple_of(2) {
                j -= 1;
                e.take(self.low[level][j], self.high[level][j]);
            }
            (i, j, level) = (i / 2, j / 2, level + 1);
        }
        (e.low, e.high)
    }

    /// The first position in `from..to` whose x fails `holds` (which holds for a prefix).
    fn first_not(&self, xs: &[f64], from: usize, to: usize, holds: impl Fn(f64) -> bool) -> usize {
        from + self.rows[from..to].partition_point(|&r| holds(xs[r as usize]))
    }

    /// [`first_not`](Self::first_not) for a position near `from` (the next pixel column's
    /// first row): steps of 1, 2, 4… from `from`, then a binary search in the last step, so
    /// the rows read stay close together.
    fn gallop(&self, xs: &[f64], from: usize, to: usize, holds: impl Fn(f64) -> bool) -> usize {
        let (mut low, mut step) = (from, 1);
        while low + step < to && holds(xs[self.rows[low + step] as usize]) {
            low += step;
            step *= 2;
        }
        self.first_not(xs, low, (low + step).min(to), holds)
    }

    /// Pushes the rows the min/max reduction keeps for `range` cut into `width` columns.
    fn keep(&self, xs: &[f64], ys: &[f64], range: (f64, f64), width: usize, kept: &mut Vec<usize>) {
        let x = |p: usize| xs[self.rows[p] as usize];
        let n = self.rows.len();
        let start = self.first_not(xs, 0, n, |v| v < range.0);
        let end = self.first_not(xs, start, n, |v| v <= range.1);
        // The nearest row on each side: the largest x below the range (its earliest row), and
        // the smallest above.
        if start > 0 {
            let edge = x(start - 1);
            kept.push(self.rows[self.first_not(xs, 0, start, |v| v < edge)] as usize);
        }
        if end < n {
            kept.push(self.rows[end] as usize);
        }
        let mut p = start;
        while p < end {
            let column = bucket(x(p), range, width);
            let next = self.gallop(xs, p, end, |v| bucket(v, range, width) <= column);
            let (low, high) = self.extremes(ys, p, next);
            kept.extend([self.rows[p], self.rows[next - 1], low, high].map(|r| r as usize));
            p = next;
        }
    }
}

impl Pyramids {
    /// Builds the pyramids of `ys` (each y column) against `xs`, per series. `None` when the
    /// rows do not fit `u32` positions.
    pub(super) fn new(xs: &[f64], ys: &[Vec<f64>], series: &[u32], count: usize) -> Option<Pyramids> {
        u32::try_from(xs.len()).ok()?;
        let mut lanes = Vec::with_capacity(ys.len() * count);
        for y in ys {
            let mut rows: Vec<Vec<u32>> = vec![Vec::new(); count];
            for (row, ((x, y), s)) in xs.iter().zip(y).zip(series).enumerate() {
                if x.is_finite() && y.is_finite() {
                    rows[*s as usize].push(row as u32);
                }
            }
            lanes.extend(rows.into_iter().map(|rows| Lane::new(xs, y, rows)));
        }
        Some(Pyramids { lanes, count })
    }

    /// The rows the min/max reduction keeps for `range` (finite, `lo <= hi`) and `width`
    /// pixel columns, ascending: the same rows as the direct reduction, read from the
    /// pyramids.
    pub(super) fn pick(&self, xs: &[f64], ys: &[Vec<f64>], range: (f64, f64), width: usize) -> Vec<usize> {
        let mut kept = Vec::new();
        for (i, lane) in self.lanes.iter().enumerate() {
            lane.keep(xs, &ys[i / self.count.max(1)], range, width, &mut kept);
        }
        kept.sort_unstable();
        kept.dedup();
        kept
    }
}
