//! A frame as CSV text (`to_csv`), through arrow-csv's writer.

use super::{DataError, DataFrame};

impl DataFrame {
    /// The frame as CSV: a header line, then one line per row; fields are quoted when they
    /// need to be, nulls are empty, floats keep their full precision, dates are
    /// `YYYY-MM-DD` and datetimes `YYYY-MM-DDTHH:MM:SS.sss`.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("name", Column::from(vec!["a, b", "c"])), ("x", Column::from(vec![0.5, 2.0]))])
    ///     .unwrap();
    /// assert_eq!(df.to_csv().unwrap(), "name,x\n\"a, b\",0.5\nc,2.0\n");
    /// ```
    pub fn to_csv(&self) -> Result<String, DataError> {
        let mut out = Vec::new();
        {
            let mut writer = arrow_csv::WriterBuilder::new()
                .with_header(true)
                .with_timestamp_format("%Y-%m-%dT%H:%M:%S%.3f".to_string())
                .build(&mut out);
            writer.write(self.batch()).map_err(|e| DataError::Shape(e.to_string()))?;
        }
        String::from_utf8(out).map_err(|e| DataError::Shape(e.to_string()))
    }
}
