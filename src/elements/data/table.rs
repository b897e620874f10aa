//! `table`: a static HTML table of a whole (small) frame, as `st.table`.
//!
//! Every cell is in the page, so the frame is capped at [`MAX_TABLE_ROWS`] rows; a larger one
//! is an error element suggesting `dataframe`, whose grid draws only what is visible.

use serde::{Deserialize, Serialize};

use crate::data::DataFrame;
use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;
use crate::widgets::{api, show_error};

/// The most rows `table` draws; larger frames belong in `dataframe`.
pub const MAX_TABLE_ROWS: usize = 5_000;

/// What the page shows for a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableProps {
    pub data: DataFrame,
}

impl DisplayProps for TableProps {
    /// The header and the rows as tab-separated lines.
    fn text(&self) -> String {
        let columns: Vec<usize> = (0..self.data.num_columns()).collect();
        let rows: Vec<usize> = (0..self.data.num_rows()).collect();
        let header = self.data.column_names().join("\t");
        let body = super::grid::tsv(&self.data, &rows, &columns);
        if body.is_empty() {
            header
        } else {
            format!("{header}\n{body}")
        }
    }
}

impl Ui {
    /// A static table of `df` (every cell in the page; at most [`MAX_TABLE_ROWS`] rows).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("city", Column::from(vec!["Berlin", "Quito"]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.table(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.table(0).text(), "city\nBerlin\nQuito");
    /// ```
    pub fn table(&self, df: &DataFrame) -> Ui {
        if df.num_rows() > MAX_TABLE_ROWS {
            show_error(
                self,
                api(format!(
                    "st.table draws every cell, so it takes at most {MAX_TABLE_ROWS} rows; this frame has {}. \
                     Use `ui.dataframe(..)`, which scrolls through any number of rows.",
                    df.num_rows()
                )),
            );
            return self.clone();
        }
        self.push_element(make::table(TableProps { data: df.clone() }))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_table_holds_the_frame_and_a_huge_one_is_an_error() {
        let small =
            DataFrame::new(vec![("a", Column::from(vec![Some(1_i64), None])), ("b", Column::from(vec![0.5, 2.0]))])
                .unwrap();
        let big = DataFrame::new(vec![("n", Column::from((0..5_001_i64).collect::<Vec<_>>()))]).unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.table(&small);
            ui.table(&big);
            ui.table(&DataFrame::empty());
        });
        at.run();
        assert_eq!(at.table(0).text(), "a\tb\n1\t0.5\n\t2");
        assert!(
            at.exception(0).text().contains("at most 5000 rows; this frame has 5001"),
            "{}",
            at.exception(0).text()
        );
        assert_eq!(at.table(1).text(), "");
    }
}
