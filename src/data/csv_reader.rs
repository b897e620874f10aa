//! Reading CSV into a frame: [`DataFrame::read_csv`], and [`CsvReader`] for large files read in
//! chunks while a progress bar moves.
//!
//! The rules are on [`CsvOptions`].

use arrow_array::builder::StringBuilder;

use super::csv_column::{CsvColumn, Pushed};
use super::{DataError, DataFrame, DataType};

/// pandas' default null words (`na_values`).
const NULL_WORDS: [&str; 19] = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
    "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// How to read a CSV file; `CsvOptions::default()` reads pandas' defaults.
///
/// How a CSV file is read, as pandas' `read_csv` does unless said otherwise:
/// - The first line is the header (unless [`CsvOptions::header`]`(false)`: columns are then
///   named `0`, `1`, ...). An empty name becomes `Unnamed: <i>`; a repeated name gets `.1`,
///   `.2`, ... (`a`, `a.1`). A leading UTF-8 byte-order mark is skipped; lines end in `\n`,
///   `\r\n` or `\r`.
/// - Fields are split on the delimiter (`,`), and a field in quotes (`"`) may hold the
///   delimiter, line breaks and doubled quotes (`""`).
/// - A row with fewer fields than the header gets nulls at its end; one with more is an error.
/// - A field equal to one of the null words (pandas' list: empty, `NA`, `N/A`, `NULL`, `null`,
///   `NaN`, `nan`, `None`, `<NA>`, `#N/A`, ...) is a null.
/// - Each column's type is read from its values by the rules of this table,
///   over every row (or the first [`CsvOptions::infer_rows`]); a column can be given its type
///   with [`CsvOptions::dtype`]. Unlike pandas, a column of ints with nulls stays `Int`.
///
/// | type | accepted text (spaces around it ignored) |
/// | --- | --- |
/// | `Int` | an optional sign and digits that fit an `i64` |
/// | `Float` | `1.5`, `.5`, `1e-3`, `inf`, ...; ints and floats mixed make a `Float` column |
/// | `Bool` | `true`/`True`/`TRUE`, `false`/`False`/`FALSE` |
/// | `Date` | `YYYY-MM-DD` |
/// | `Datetime` | `YYYY-MM-DD` + `T` or space + `HH:MM[:SS[.fff]]`, then optional `Z` or `±HH:MM` (made UTC); dates and datetimes mixed make a `Datetime` column |
/// | `Text` | anything else, and any other mix of types |
///
/// A column of nulls only is `Float` (as pandas reads it). Every error names the line (and
/// the column where there is one), e.g. "CSV, line 7, column `price`: `abc` is not a float (its given type)".
///
/// ```
/// use wasmlit::data::{CsvOptions, DataFrame, DataType};
/// let options = CsvOptions::default().delimiter(b';').dtype("zip", DataType::Text);
/// let df = DataFrame::read_csv(b"city;zip\nParis;75001\n", &options).unwrap();
/// assert_eq!(df.dtype(1), DataType::Text);
/// assert_eq!(df.cell_text(0, 1), "75001");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CsvOptions {
    header: bool,
    delimiter: u8,
    quote: u8,
    null_values: Vec<String>,
    infer_rows: Option<usize>,
    dtypes: Vec<(String, DataType)>,
    max_bytes: Option<usize>,
    chunk_bytes: usize,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            header: true,
            delimiter: b',',
            quote: b'"',
            null_values: NULL_WORDS.iter().map(|w| w.to_string()).collect(),
            infer_rows: None,
            dtypes: Vec::new(),
            max_bytes: None,
            chunk_bytes: 1 << 20,
        }
    }
}

impl CsvOptions {
    /// Whether the first line names the columns (default `true`).
    pub fn header(mut self, header: bool) -> Self {
        self.header = header;
        self
    }

    /// The field separator (default `b','`; `b'\t'` for TSV).
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The quote character (default `b'"'`).
    pub fn quote(mut self, quote: u8) -> Self {
        self.quote = quote;
        self
    }

    /// The words read as nulls, replacing pandas' list (`[""]` keeps only empty fields).
    pub fn null_values<S: Into<String>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.null_values = words.into_iter().map(Into::into).collect();
        self
    }

    /// Read the column types from the first `rows` rows only (default: every row). A later
    /// value that does not fit its column's type is then an error naming its line.
    pub fn infer_rows(mut self, rows: usize) -> Self {
        self.infer_rows = Some(rows);
        self
    }

    /// Gives the column named `column` the type `dtype` instead of reading it from the values.
    pub fn dtype(mut self, column: impl Into<String>, dtype: DataType) -> Self {
        self.dtypes.push((column.into(), dtype));
        self
    }

    /// Refuses input longer than `bytes` ([`DataError::TooLarge`]).
    pub fn max_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = Some(bytes);
        self
    }

    /// How many bytes [`CsvReader::next_chunk`] reads at a time (default 1 MiB).
    pub fn chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }
}

impl DataFrame {
    /// A frame from CSV bytes; the rules are on [`CsvOptions`].
    ///
    /// ```
    /// use wasmlit::data::{CsvOptions, DataFrame, DataType, Value};
    /// let csv = b"name,age,joined\nAda,36,2024-01-05\n\"Lovelace, B\",NA,2024-02-01\n";
    /// let df = DataFrame::read_csv(csv, &CsvOptions::default()).unwrap();
    /// assert_eq!(df.shape(), (2, 3));
    /// assert_eq!(df.dtype(1), DataType::Int);
    /// assert_eq!(df.value(1, 1), Value::Null);
    /// assert_eq!(df.dtype(2), DataType::Date);
    /// assert_eq!(df.cell_text(1, 0), "Lovelace, B");
    /// ```
    pub fn read_csv(bytes: &[u8], options: &CsvOptions) -> Result<DataFrame, DataError> {
        CsvReader::new(bytes, options)?.finish()
    }

    /// [`read_csv`](Self::read_csv) that calls `progress` with the fraction done (0 to 1)
    /// after every chunk.
    ///
    /// ```
    /// use wasmlit::data::{CsvOptions, DataFrame};
    /// let csv = "x\n".to_string() + &"1\n".repeat(1000);
    /// let mut seen = Vec::new();
    /// let options = CsvOptions::default().chunk_bytes(500);
    /// let df = DataFrame::read_csv_with_progress(csv.as_bytes(), &options, |f| seen.push(f)).unwrap();
    /// assert_eq!(df.num_rows(), 1000);
    /// assert!(seen.len() > 4 && seen.windows(2).all(|w| w[0] <= w[1]));
    /// assert_eq!(seen.last(), Some(&1.0));
    /// ```
    pub fn read_csv_with_progress(
        bytes: &[u8],
        options: &CsvOptions,
        mut progress: impl FnMut(f64),
    ) -> Result<DataFrame, DataError> {
        let mut reader = CsvReader::new(bytes, options)?;
        while let Some(fraction) = reader.next_chunk()? {
            progress(fraction);
        }
        reader.finish()
    }
}

/// A CSV file read a chunk at a time, so an async script can show its progress and let the
/// page breathe between chunks.
///
/// ```
/// use wasmlit::data::{CsvOptions, CsvReader};
/// use wasmlit::prelude::*;
///
/// async fn app(ui: Ui) -> Result {
///     let bytes = "n\n".to_string() + &"7\n".repeat(100_000);
///     let bar = ui.progress_with_text(0.0, "Reading the file");
///     let mut reader = CsvReader::new(bytes.as_bytes(), &CsvOptions::default().chunk_bytes(50_000))?;
///     while let Some(fraction) = reader.next_chunk()? {
///         bar.progress_with_text(fraction, "Reading the file");
///         ui.yield_now().await;
///     }
///     let df = reader.finish()?;
///     bar.empty();
///     ui.write(format!("{} rows", df.num_rows()));
///     Ok(())
/// }
/// let mut at = AppTest::new_async(app);
/// at.run();
/// assert_eq!(at.markdown(0).text(), "100000 rows");
/// ```
pub struct CsvReader<'a> {
    bytes: &'a [u8],
    reader: ::csv::Reader<&'a [u8]>,
    options: CsvOptions,
    names: Vec<String>,
    columns: Vec<CsvColumn>,
    rows: usize,
    record: ::csv::ByteRecord,
    /// Where the record just read starts (after any blank lines before it).
    record_start: usize,
    nulls: NullWords,
    phase: Phase,
}

/// The null words, with a quick first test: most fields are too long or start with a byte
/// no null word starts with.
struct NullWords {
    words: Vec<String>,
    longest: usize,
    empty: bool,
    first_bytes: [bool; 256],
}

impl NullWords {
    fn new(words: &[String]) -> NullWords {
        let mut first_bytes = [false; 256];
        for word in words {
            if let Some(&first) = word.as_bytes().first() {
                first_bytes[usize::from(first)] = true;
            }
        }
        NullWords {
            words: words.to_vec(),
            longest: words.iter().map(String::len).max().unwrap_or(0),
            empty: words.iter().any(String::is_empty),
            first_bytes,
        }
    }

    fn contains(&self, field: &[u8]) -> bool {
        match field.first() {
            None => self.empty,
            Some(&first) => {
                field.len() <= self.longest
                    && self.first_bytes[usize::from(first)]
                    && self.words.iter().any(|word| word.as_bytes() == field)
            }
        }
    }
}

enum Phase {
    Reading,
    Done(DataFrame),
}

/// How much of the progress the reading of bytes takes; building the frame takes the rest.
const READ_SHARE: f64 = 0.9;

fn parse_error(at: String, message: impl Into<String>) -> DataError {
    DataError::Parse { format: "CSV", at, message: message.into() }
}

impl<'a> CsvReader<'a> {
    /// Starts reading `bytes`: checks the size limit and reads the header.
    pub fn new(bytes: &'a [u8], options: &CsvOptions) -> Result<CsvReader<'a>, DataError> {
        if let Some(limit) = options.max_bytes {
            super::check_size(bytes, limit)?;
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut this = CsvReader {
            bytes,
            reader: records(bytes, options),
            options: options.clone(),
            names: Vec::new(),
            columns: Vec::new(),
            rows: 0,
            record: ::csv::ByteRecord::new(),
            record_start: 0,
            nulls: NullWords::new(&options.null_values),
            phase: Phase::Reading,
        };
        if !this.read_record()? {
            return Err(parse_error("line 1".into(), "the file is empty: there is no header and no data"));
        }
        let line = this.line_at(this.record_start);
        let width = this.record.len();
        if width == 0 || (width == 1 && this.record[0].is_empty() && this.options.header) {
            return Err(parse_error(format!("line {line}"), "the header names no columns"));
        }
        this.names = if this.options.header {
            let mut names = Vec::with_capacity(width);
            for (index, field) in this.record.iter().enumerate() {
                let name = std::str::from_utf8(field).map_err(|_| {
                    parse_error(format!("line {line}"), format!("header field {} is not valid UTF-8", index + 1))
                })?;
                names.push(if name.is_empty() { format!("Unnamed: {index}") } else { name.to_string() });
            }
            dedupe(names)
        } else {
            (0..width).map(|i| i.to_string()).collect()
        };
        if let Some((name, _)) = this.options.dtypes.iter().find(|(name, _)| !this.names.contains(name)) {
            return Err(DataError::NoColumn { name: name.clone(), columns: this.names.clone() });
        }
        this.columns = this
            .names
            .iter()
            .map(|name| CsvColumn::new(this.options.dtypes.iter().rev().find(|(n, _)| n == name).map(|(_, t)| *t)))
            .collect();
        if !this.options.header {
            this.push_record()?;
        }
        Ok(this)
    }

    /// Reads the next record into `self.record`; false at the end of the input.
    fn read_record(&mut self) -> Result<bool, DataError> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                let byte = self.record.position().map_or(0, |p| p.byte() as usize).min(self.bytes.len());
                self.record_start = byte + self.bytes[byte..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(error) => {
                let at = error.position().map_or_else(|| "the input".to_string(), |p| format!("line {}", p.line()));
                Err(parse_error(at, error.to_string()))
            }
        }
    }

    /// The line of the file byte `byte` is on (counted only when an error names it: csv's own
    /// count skips blank lines).
    fn line_at(&self, byte: usize) -> u64 {
        let before = &self.bytes[..byte.min(self.bytes.len())];
        // A line ends in `\n`, `\r\n` or a lone `\r`, as csv reads them.
        let lone_cr = |i: usize| self.bytes.get(i + 1) != Some(&b'\n');
        1 + before.iter().enumerate().filter(|&(i, &b)| b == b'\n' || b == b'\r' && lone_cr(i)).count() as u64
    }

    /// Adds the record just read as a row.
    fn push_record(&mut self) -> Result<(), DataError> {
        if self.record.len() > self.columns.len() {
            return Err(parse_error(
                format!("line {}", self.line_at(self.record_start)),
                format!("{} fields, but the header has {}", self.record.len(), self.columns.len()),
            ));
        }
        let infer = self.options.infer_rows.is_none_or(|limit| self.rows < limit);
        for index in 0..self.columns.len() {
            let field = match self.record.get(index) {
                Some(field) if !self.nulls.contains(field) => field,
                _ => {
                    self.columns[index].push_null();
                    continue;
                }
            };
            let text = std::str::from_utf8(field).map_err(|e| {
                parse_error(
                    format!("line {}, column `{}`", self.line_at(self.record_start), self.names[index]),
                    format!("the bytes are not valid UTF-8 (from byte {} of the field)", e.valid_up_to()),
                )
            })?;
            match self.columns[index].push(text, infer) {
                Pushed::Done => {}
                Pushed::NeedsText => {
                    let earlier = self.texts_of(index);
                    let column = &mut self.columns[index];
                    column.become_text(earlier);
                    column.push(text, infer);
                }
                Pushed::Refused(dtype) => {
                    let why = if self.options.dtypes.iter().any(|(name, _)| *name == self.names[index]) {
                        "its given type"
                    } else {
                        "the type read from the first rows"
                    };
                    return Err(parse_error(
                        format!("line {}, column `{}`", self.line_at(self.record_start), self.names[index]),
                        format!(
                            "`{text}` is not {} {} ({why})",
                            if dtype == DataType::Int { "an" } else { "a" },
                            dtype.name()
                        ),
                    ));
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Column `index` of the rows read so far, as written in the file: for a column that turns
    /// out to be text, read again from the start.
    fn texts_of(&self, index: usize) -> StringBuilder {
        let mut texts = StringBuilder::with_capacity(self.rows, 0);
        let mut reader = records(self.bytes, &self.options);
        let mut record = ::csv::ByteRecord::new();
        if self.options.header {
            let _ = reader.read_byte_record(&mut record);
        }
        for _ in 0..self.rows {
            if !matches!(reader.read_byte_record(&mut record), Ok(true)) {
                break;
            }
            // Every row so far was read and checked once already: its fields are valid UTF-8.
            match record.get(index).filter(|field| !self.nulls.contains(field)).map(std::str::from_utf8) {
                Some(Ok(text)) => texts.append_value(text),
                _ => texts.append_null(),
            }
        }
        texts
    }

    /// A quoted field still open at the end of the input (csv reads it to the end silently).
    fn check_closed_quotes(&self) -> Result<(), DataError> {
        let start = self.record_start;
        let (quote, delimiter) = (self.options.quote, self.options.delimiter);
        let (mut in_quotes, mut after_quote, mut field_start, mut lines, mut opened) = (false, false, true, 0, 0);
        for &byte in self.bytes.get(start..).unwrap_or_default() {
            if in_quotes {
                if byte == quote {
                    in_quotes = false;
                    after_quote = true;
                } else if byte == b'\n' {
                    lines += 1;
                }
                continue;
            }
            if after_quote && byte == quote {
                // A doubled quote inside a quoted field.
                in_quotes = true;
                after_quote = false;
                continue;
            }
            after_quote = false;
            if byte == b'\n' {
                lines += 1;
            }
            if field_start && byte == quote {
                in_quotes = true;
                opened = lines;
            }
            field_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
        if in_quotes {
            return Err(parse_error(
                format!("line {}", self.line_at(start) + opened),
                "a quoted field is never closed (its closing quote is missing)",
            ));
        }
        Ok(())
    }

    /// Does the next piece of work: reads about [`CsvOptions::chunk_bytes`] bytes, or builds
    /// the frame once everything is read. Returns the fraction done after it (0 to 1), or
    /// `None` once there is nothing left to do (then call [`finish`](Self::finish)).
    pub fn next_chunk(&mut self) -> Result<Option<f64>, DataError> {
        match &self.phase {
            Phase::Reading => {
                let target = self.reader.position().byte() as usize + self.options.chunk_bytes;
                loop {
                    if !self.read_record()? {
                        self.check_closed_quotes()?;
                        let arrays = self.columns.iter_mut().map(CsvColumn::finish).collect();
                        self.phase = Phase::Done(DataFrame::from_arrays(self.names.clone(), arrays)?);
                        return Ok(Some(1.0));
                    }
                    self.push_record()?;
                    if self.reader.position().byte() as usize >= target {
                        break;
                    }
                }
                let read = self.reader.position().byte() as f64 / self.bytes.len().max(1) as f64;
                Ok(Some(read.min(1.0) * READ_SHARE))
            }
            Phase::Done(_) => Ok(None),
        }
    }

    /// Reads whatever is left and returns the frame.
    pub fn finish(mut self) -> Result<DataFrame, DataError> {
        while self.next_chunk()?.is_some() {}
        match self.phase {
            Phase::Done(frame) => Ok(frame),
            _ => Err(parse_error("the input".into(), "the reader stopped before the end")),
        }
    }
}

/// A record reader over `bytes` with the options' delimiter and quote.
fn records<'a>(bytes: &'a [u8], options: &CsvOptions) -> ::csv::Reader<&'a [u8]> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter)
        .quote(options.quote)
        .from_reader(bytes)
}

/// pandas' renaming of repeated column names: `a`, `a.1`, `a.2`, skipping names taken.
fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        if !out.contains(&name) {
            out.push(name);
            continue;
        }
        let mut n = 1;
        while out.contains(&format!("{name}.{n}")) {
            n += 1;
        }
        out.push(format!("{name}.{n}"));
    }
    out
}
