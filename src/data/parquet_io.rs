//! Parquet in and out: [`DataFrame::read_parquet`], [`ParquetReader`] (a row group at a time,
//! for a progress bar) and [`DataFrame::write_parquet`].
//!
//! The codecs are listed on [`ParquetReader`].

use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::metadata::ParquetMetaData;
use parquet::file::properties::WriterProperties;

use super::{DataError, DataFrame};

fn parquet_error(at: impl Into<String>, message: impl Into<String>) -> DataError {
    DataError::Parse { format: "Parquet", at: at.into(), message: message.into() }
}

/// The parquet crate's error, said plainly where it is a known one; else its innermost
/// message (the crate nests them: "External: Parquet argument error: Parquet error: ...").
fn explain(error: ParquetError) -> String {
    let text = error.to_string();
    if text.contains("zstd") {
        return "the data is compressed with zstd, which this build cannot read (zstd needs C, so it is left out \
                of the browser build); write the file with snappy, gzip, lz4 or brotli"
            .to_string();
    }
    let mut inner = text.as_str();
    while let Some(rest) = ["External: ", "Parquet argument error: ", "Parquet error: ", "EOF: "]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
    {
        inner = rest;
    }
    format!("the file is damaged or not Parquet ({inner})")
}

/// A Parquet file read a row group at a time.
///
/// Codecs: the `parquet` crate is built with the codecs that compile for wasm32 without a C
/// toolchain: uncompressed, snappy (`snap`), gzip (`flate2` on `miniz_oxide`), lz4 (`lz4_flex`)
/// and brotli. zstd needs C, so a zstd file is refused with an error that says so (name the
/// codec when writing the file: `compression='snappy'` in pandas). Nested columns (lists,
/// structs, maps) are refused with an error naming the column.
///
/// ```
/// use wasmlit::data::{Column, DataFrame, ParquetReader};
/// let df = DataFrame::new(vec![("x", Column::from(vec![1_i64, 2, 3]))]).unwrap();
/// let bytes = df.write_parquet().unwrap();
/// let mut reader = ParquetReader::new(&bytes).unwrap();
/// while let Some(fraction) = reader.next_chunk().unwrap() {
///     assert!(fraction > 0.0 && fraction <= 1.0);
/// }
/// assert_eq!(reader.finish().unwrap(), df);
/// ```
pub struct ParquetReader {
    bytes: bytes::Bytes,
    metadata: std::sync::Arc<ParquetMetaData>,
    next_group: usize,
    batches: Vec<RecordBatch>,
    schema: arrow_schema::SchemaRef,
}

impl ParquetReader {
    /// Reads the footer (the file's schema and row groups) and checks every column can be
    /// read.
    pub fn new(bytes: &[u8]) -> Result<ParquetReader, DataError> {
        ParquetReader::from_bytes(bytes::Bytes::copy_from_slice(bytes))
    }

    /// Like [`new`](ParquetReader::new), keeping the file's bytes without a copy of them (a
    /// file fetched with `ui.fetch` is a `Vec<u8>` already).
    pub fn from_vec(bytes: Vec<u8>) -> Result<ParquetReader, DataError> {
        ParquetReader::from_bytes(bytes::Bytes::from(bytes))
    }

    fn from_bytes(bytes: bytes::Bytes) -> Result<ParquetReader, DataError> {
        if bytes.len() < 12 || !bytes.starts_with(b"PAR1") {
            return Err(parquet_error("header", "not a Parquet file (it does not start with `PAR1`)"));
        }
        if !bytes.ends_with(b"PAR1") {
            return Err(parquet_error("footer", "the file is cut short (it does not end with `PAR1`)"));
        }
        let builder =
            ParquetRecordBatchReaderBuilder::try_new(bytes.clone()).map_err(|e| parquet_error("footer", explain(e)))?;
        let metadata = builder.metadata().clone();
        let schema = builder.schema().clone();
        if let Some(field) = schema.fields().iter().find(|f| f.data_type().is_nested()) {
            return Err(parquet_error(
                format!("column `{}`", field.name()),
                format!("a nested column ({}); frames hold flat columns only", field.data_type()),
            ));
        }
        for (group, row_group) in metadata.row_groups().iter().enumerate() {
            for column in row_group.columns() {
                let at = || format!("row group {}, column `{}`", group + 1, column.column_path().string());
                if matches!(column.compression(), Compression::ZSTD(_)) {
                    return Err(parquet_error(at(), explain(ParquetError::General("zstd".into()))));
                }
                // The parquet crate asserts these when it reads the column (a panic aborts the
                // page): a damaged footer is refused here instead.
                let start = column.dictionary_page_offset().unwrap_or(column.data_page_offset());
                let length = column.compressed_size();
                let end = start.checked_add(length).and_then(|end| u64::try_from(end).ok());
                if start < 0 || length < 0 || end.is_none_or(|end| end > bytes.len() as u64) {
                    return Err(parquet_error(
                        at(),
                        format!(
                            "the file is damaged: the column's {length} bytes at byte {start} are not inside its {} bytes",
                            bytes.len()
                        ),
                    ));
                }
            }
        }
        Ok(ParquetReader { bytes, metadata, next_group: 0, batches: Vec::new(), schema })
    }

    /// Reads the next row group; returns the fraction of rows read so far, or `None` when
    /// every group is read.
    pub fn next_chunk(&mut self) -> Result<Option<f64>, DataError> {
        let groups = self.metadata.row_groups();
        if self.next_group >= groups.len() {
            return Ok(None);
        }
        let group = self.next_group;
        let at = || format!("row group {}", group + 1);
        // One batch per row group: no copy of the rows into one batch at the end when the file
        // has one group (the peak memory of a read is then the file and the frame).
        let rows = usize::try_from(groups[group].num_rows()).unwrap_or(0).max(1);
        let reader = ParquetRecordBatchReaderBuilder::try_new(self.bytes.clone())
            .and_then(|b| b.with_row_groups(vec![group]).with_batch_size(rows).build())
            .map_err(|e| parquet_error(at(), explain(e)))?;
        for batch in reader {
            self.batches.push(batch.map_err(|e| parquet_error(at(), explain(ParquetError::from(e))))?);
        }
        self.next_group += 1;
        let total: i64 = groups.iter().map(|g| g.num_rows()).sum();
        let done: i64 = groups[..self.next_group].iter().map(|g| g.num_rows()).sum();
        Ok(Some(if total == 0 { 1.0 } else { done as f64 / total as f64 }))
    }

    /// Reads what is left and returns the frame.
    pub fn finish(mut self) -> Result<DataFrame, DataError> {
        while self.next_chunk()?.is_some() {}
        let batch = if self.batches.len() == 1 {
            self.batches.remove(0)
        } else {
            arrow_select::concat::concat_batches(&self.schema, &self.batches)
                .map_err(|e| parquet_error("the row groups", e.to_string()))?
        };
        DataFrame::from_batch(batch)
    }
}

impl DataFrame {
    /// A frame from the bytes of a Parquet file (see [`ParquetReader`] for the codecs).
    ///
    /// ```
    /// use wasmlit::data::DataFrame;
    /// let err = DataFrame::read_parquet(b"a,b\n1,2\n").unwrap_err();
    /// assert_eq!(err.to_string(), "Parquet, header: not a Parquet file (it does not start with `PAR1`)");
    /// ```
    pub fn read_parquet(bytes: &[u8]) -> Result<DataFrame, DataError> {
        ParquetReader::new(bytes)?.finish()
    }

    /// Like [`read_parquet`](DataFrame::read_parquet), taking the file's bytes: they are read
    /// in place rather than copied first, so a large file costs its size once, not twice.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("x", Column::from(vec![1.5, 2.5]))]).unwrap();
    /// let bytes: Vec<u8> = df.write_parquet().unwrap();
    /// assert_eq!(DataFrame::read_parquet_vec(bytes).unwrap(), df);
    /// ```
    pub fn read_parquet_vec(bytes: Vec<u8>) -> Result<DataFrame, DataError> {
        ParquetReader::from_vec(bytes)?.finish()
    }

    /// The frame as a Parquet file, snappy-compressed (for a download button, or a test).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("city", Column::from(vec!["Paris", "Lyon"]))]).unwrap();
    /// assert_eq!(DataFrame::read_parquet(&df.write_parquet().unwrap()).unwrap(), df);
    /// ```
    pub fn write_parquet(&self) -> Result<Vec<u8>, DataError> {
        let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let mut out = Vec::new();
        let mut writer = ArrowWriter::try_new(&mut out, self.batch().schema(), Some(properties))
            .map_err(|e| parquet_error("writing", e.to_string()))?;
        writer.write(self.batch()).map_err(|e| parquet_error("writing", e.to_string()))?;
        writer.close().map_err(|e| parquet_error("writing", e.to_string()))?;
        Ok(out)
    }
}
