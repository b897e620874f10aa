//! `columns`: side-by-side columns, by count or by relative widths.

use crate::element::{Block, BlockKind, Gap, Node};
use crate::ui::Ui;

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
        let weights = spec.weights();
        self.columns_dyn(&weights, Gap::Small, |uis| S::output(uis))
    }

    /// Columns with a chosen gap between them.
    pub fn columns_with_gap<S: ColumnSpec>(&self, spec: S, gap: Gap) -> S::Output {
        let weights = spec.weights();
        self.columns_dyn(&weights, gap, |uis| S::output(uis))
    }

    fn columns_dyn<O>(&self, weights: &[f64], gap: Gap, output: impl FnOnce(Vec<Ui>) -> O) -> O {
        let valid = !weights.is_empty() && weights.iter().all(|w| w.is_finite() && *w > 0.0);
        if !valid {
            self.push_exception(
                "StreamlitAPIException".into(),
                format!("Column widths must be positive numbers, got {weights:?}."),
            );
        }
        let weights: Vec<f64> = weights.iter().map(|w| if valid { *w } else { 1.0 }).collect();
        let children = weights.iter().map(|&weight| Node::Block(Block::new(BlockKind::Column { weight }))).collect();
        let row = self.push_block(BlockKind::Columns { gap }, children);
        output((0..weights.len()).map(|i| row.child(i)).collect())
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
