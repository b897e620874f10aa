//! `columns`: side-by-side columns, by count or by relative widths.

use crate::element::{Block, BlockKind, Gap, Node, VerticalAlignment};
use crate::ui::{Command, Ui};

impl Ui {
    /// Side-by-side columns: a count (`3`) or relative widths (`[2, 1]`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let [left, right] = ui.columns([2, 1]);
    ///     left.write("left");
    ///     right.write("right");
    /// });
    /// at.run();
    /// assert_eq!(at.column(1).markdown(0).text(), "right");
    /// ```
    pub fn columns<S: ColumnSpec>(&self, spec: S) -> S::Output {
        self.add(Columns::new(spec))
    }

    /// Columns with a chosen gap between them.
    pub fn columns_with_gap<S: ColumnSpec>(&self, spec: S, gap: Gap) -> S::Output {
        self.add(Columns::new(spec).gap(gap))
    }

    fn columns_dyn<O>(
        &self,
        weights: &[f64],
        (gap, vertical_alignment, border): (Gap, VerticalAlignment, bool),
        output: impl FnOnce(Vec<Ui>) -> O,
    ) -> O {
        let valid = !weights.is_empty() && weights.iter().all(|w| w.is_finite() && *w > 0.0);
        if !valid {
            self.push_exception(
                "StreamlitAPIException".into(),
                format!("Column widths must be positive numbers, got {weights:?}."),
            );
        }
        let weights: Vec<f64> = weights.iter().map(|w| if valid { *w } else { 1.0 }).collect();
        let children = weights.iter().map(|&weight| Node::Block(Block::new(BlockKind::Column { weight }))).collect();
        crate::layout::install_block!(columns);
        let row = self.push_block(BlockKind::Columns { gap, vertical_alignment, border }, children);
        output((0..weights.len()).map(|i| row.child(i)).collect())
    }
}

/// Columns with options, as `st.columns(spec, gap=.., vertical_alignment=.., border=..)`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::element::{BlockKind, Node};
/// let mut at = AppTest::new(|ui: &Ui| {
///     let [a, b] = ui.add(Columns::new([1, 1]).vertical_alignment(VerticalAlignment::Center).border(true));
///     a.button("Go");
///     b.write("centred next to the button");
/// });
/// at.run();
/// let Node::Block(row) = &at.tree().main.children[0] else { unreachable!() };
/// assert!(matches!(row.kind, BlockKind::Columns { vertical_alignment: VerticalAlignment::Center, border: true, .. }));
/// assert_eq!(at.column(1).markdown(0).text(), "centred next to the button");
/// ```
#[must_use = "columns are drawn by `ui.add(..)`"]
pub struct Columns<S: ColumnSpec> {
    spec: S,
    gap: Gap,
    vertical_alignment: VerticalAlignment,
    border: bool,
}

impl<S: ColumnSpec> Columns<S> {
    /// A count (`3`) or relative widths (`[2, 1]`).
    pub fn new(spec: S) -> Self {
        Columns { spec, gap: Gap::Small, vertical_alignment: VerticalAlignment::Top, border: false }
    }

    /// The gap between the columns (small by default).
    pub fn gap(mut self, gap: Gap) -> Self {
        self.gap = gap;
        self
    }

    /// Where columns of different heights sit: top (the default), center or bottom.
    pub fn vertical_alignment(mut self, alignment: VerticalAlignment) -> Self {
        self.vertical_alignment = alignment;
        self
    }

    /// Draws a border around each column.
    pub fn border(mut self, border: bool) -> Self {
        self.border = border;
        self
    }
}

impl<S: ColumnSpec> Command for Columns<S> {
    type Output = S::Output;
    fn show(self, ui: &Ui) -> S::Output {
        let weights = self.spec.weights();
        ui.columns_dyn(&weights, (self.gap, self.vertical_alignment, self.border), |uis| S::output(uis))
    }
}

/// What [`Ui::columns`] accepts: a count or relative widths.
pub trait ColumnSpec {
    /// `[Ui; N]` for arrays, `Vec<Ui>` for a count or a slice.
    type Output;
    fn weights(&self) -> Vec<f64>;
    fn output(uis: Vec<Ui>) -> Self::Output;
}

impl ColumnSpec for usize {
    type Output = Vec<Ui>;
    fn weights(&self) -> Vec<f64> {
        vec![1.0; *self]
    }
    fn output(uis: Vec<Ui>) -> Vec<Ui> {
        uis
    }
}

impl<W: Copy + Into<f64>, const N: usize> ColumnSpec for [W; N] {
    type Output = [Ui; N];
    fn weights(&self) -> Vec<f64> {
        self.iter().map(|w| (*w).into()).collect()
    }
    fn output(uis: Vec<Ui>) -> [Ui; N] {
        uis.try_into().unwrap_or_else(|_| unreachable!("one handle per width"))
    }
}

impl<W: Copy + Into<f64>> ColumnSpec for &[W] {
    type Output = Vec<Ui>;
    fn weights(&self) -> Vec<f64> {
        self.iter().map(|w| (*w).into()).collect()
    }
    fn output(uis: Vec<Ui>) -> Vec<Ui> {
        uis
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn bad_widths_show_an_error_and_fall_back_to_equal_columns() {
        let mut at = AppTest::new(|ui: &Ui| {
            let columns = ui.columns(&[1.0, -2.0][..]);
            columns[1].write("second");
        });
        at.run();
        assert!(at.exception(0).text().contains("positive"));
        assert_eq!(at.column(1).markdown(0).text(), "second");
    }
}
