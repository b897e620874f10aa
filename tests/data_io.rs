//! Reading data into frames: CSV, JSON, Parquet and serde rows, good input and bad; and
//! scripts that fetch files through `ui.fetch`.
#![cfg(feature = "data")]

use chrono::{NaiveDate, NaiveDateTime};
use wasmlit::data::{Column, CsvOptions, CsvReader, DataError, DataFrame, DataType, ParquetReader, Value};
use wasmlit::prelude::*;

fn csv(text: &str) -> DataFrame {
    DataFrame::read_csv(text.as_bytes(), &CsvOptions::default()).unwrap()
}

fn csv_err(bytes: &[u8], options: &CsvOptions) -> String {
    DataFrame::read_csv(bytes, options).unwrap_err().to_string()
}

fn json_err(text: &str) -> String {
    DataFrame::read_json(text.as_bytes()).unwrap_err().to_string()
}

fn dtypes(df: &DataFrame) -> Vec<DataType> {
    (0..df.num_columns()).map(|i| df.dtype(i)).collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn datetime(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
}

// ---------------------------------------------------------------- CSV: inference

#[test]
fn csv_infers_each_type() {
    let df =
        csv("i,f,b,d,t,s\n1,1.5,true,2024-01-02,2024-01-02T03:04:05,x\n-2,2,False,2024-12-31,2024-01-02 03:04,y\n");
    use DataType::*;
    assert_eq!(dtypes(&df), [Int, Float, Bool, Date, Datetime, Text]);
    assert_eq!(df.value(1, 0), Value::Int(-2));
    assert_eq!(df.value(1, 1), Value::Float(2.0));
    assert_eq!(df.value(1, 2), Value::Bool(false));
    assert_eq!(df.value(1, 3), Value::Date(date(2024, 12, 31)));
    assert_eq!(df.value(0, 4), Value::Datetime(datetime("2024-01-02 03:04:05")));
    assert_eq!(df.value(1, 4), Value::Datetime(datetime("2024-01-02 03:04:00")));
}

#[test]
fn csv_ints_with_nulls_stay_ints_and_null_words_are_nulls() {
    let df = csv("a,b\n1,x\nNA,\n3,null\n,N/A\n");
    assert_eq!(dtypes(&df), [DataType::Int, DataType::Text]);
    assert_eq!(df.column_values("a").unwrap(), Column::from(vec![Some(1_i64), None, Some(3), None]));
    assert_eq!(df.column_values("b").unwrap(), Column::Text(vec![Some("x".into()), None, None, None]));
}

#[test]
fn csv_a_column_of_nulls_only_is_float_as_in_pandas() {
    let df = csv("a,b\n1,\n2,NaN\n");
    assert_eq!(df.dtype(1), DataType::Float);
    assert!(df.value(0, 1).is_null() && df.value(1, 1).is_null());
}

#[test]
fn csv_mixed_types_widen() {
    let df = csv("a,b,c\n1,2024-01-01,1\n2.5,2024-01-01T10:00:00Z,x\n");
    assert_eq!(dtypes(&df), [DataType::Float, DataType::Datetime, DataType::Text]);
    assert_eq!(df.value(0, 1), Value::Datetime(datetime("2024-01-01 00:00:00")));
    assert_eq!(df.cell_text(0, 2), "1", "text keeps the field as written");
}

#[test]
fn csv_a_column_that_turns_to_text_late_keeps_every_earlier_field_as_written() {
    // Parsed as ints for three rows, then a word: the earlier fields come back from the file
    // as they were written (leading zeros, spaces, quotes), nulls stay nulls.
    let df = csv("n,q\n007,1\n NA ,\"2,5\"\n\n\" 12 \",\"x\"\"y\"\nNA,3\nlate,4\n");
    assert_eq!(dtypes(&df), [DataType::Text, DataType::Text]);
    assert_eq!(
        df.column_values("n").unwrap(),
        Column::Text(vec![Some("007".into()), Some(" NA ".into()), Some(" 12 ".into()), None, Some("late".into())])
    );
    assert_eq!(df.cell_text(1, 1), "2,5");
    assert_eq!(df.cell_text(2, 1), "x\"y");
    // Ints that meet a float become floats, dates that meet a datetime become datetimes.
    let df = csv("a,d\n1,2024-01-01\n,\n2.5,2024-01-02 06:00\n");
    assert_eq!(df.column_values("a").unwrap(), Column::from(vec![Some(1.0), None, Some(2.5)]));
    assert_eq!(df.value(0, 1), Value::Datetime(datetime("2024-01-01 00:00:00")));
    assert_eq!(df.value(2, 1), Value::Datetime(datetime("2024-01-02 06:00:00")));
}

#[test]
fn csv_offsets_are_read_as_utc() {
    let df = csv("t\n2024-01-01T12:00:00+02:00\n");
    assert_eq!(df.value(0, 0), Value::Datetime(datetime("2024-01-01 10:00:00")));
}

#[test]
fn csv_quoting_keeps_delimiters_newlines_and_doubled_quotes() {
    let df = csv("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\nplain,x\n");
    assert_eq!(df.cell_text(0, 0), "Smith, J");
    assert_eq!(df.cell_text(0, 1), "said \"hi\"\nthen left");
    assert_eq!(df.num_rows(), 2);
}

#[test]
fn csv_other_delimiters_quotes_crlf_and_a_bom() {
    let options = CsvOptions::default().delimiter(b'\t').quote(b'\'');
    let df = DataFrame::read_csv(b"\xEF\xBB\xBFa\tb\r\n'x\ty'\t2\r\n", &options).unwrap();
    assert_eq!(df.column_names(), ["a", "b"]);
    assert_eq!(df.cell_text(0, 0), "x\ty");
    assert_eq!(df.value(0, 1), Value::Int(2));
}

#[test]
fn csv_without_a_header_names_columns_by_position() {
    let df = DataFrame::read_csv(b"1,x\n2,y\n", &CsvOptions::default().header(false)).unwrap();
    assert_eq!(df.column_names(), ["0", "1"]);
    assert_eq!(df.num_rows(), 2);
}

#[test]
fn csv_repeated_and_empty_header_names_are_renamed_as_pandas_does() {
    let df = csv("a,a,,a\n1,2,3,4\n");
    assert_eq!(df.column_names(), ["a", "a.1", "Unnamed: 2", "a.2"]);
}

#[test]
fn csv_short_rows_get_nulls_at_their_end() {
    let df = csv("a,b,c\n1,2,3\n4\n");
    assert_eq!(df.value(1, 0), Value::Int(4));
    assert!(df.value(1, 1).is_null() && df.value(1, 2).is_null());
}

#[test]
fn csv_forced_types_and_custom_null_words() {
    let options = CsvOptions::default().dtype("zip", DataType::Text).dtype("n", DataType::Float).null_values(["-"]);
    let df = DataFrame::read_csv(b"zip,n,s\n01234,1,NA\n99,-,-\n", &options).unwrap();
    assert_eq!(dtypes(&df), [DataType::Text, DataType::Float, DataType::Text]);
    assert_eq!(df.cell_text(0, 0), "01234");
    assert_eq!(df.cell_text(0, 2), "NA", "NA is a word like any other now");
    assert!(df.value(1, 1).is_null());
}

#[test]
fn csv_blank_lines_are_skipped_and_lines_are_still_counted() {
    let df = csv("a\n1\n\n2\n");
    assert_eq!(df.column_values("a").unwrap(), Column::from(vec![1_i64, 2]));
    let options = CsvOptions::default().dtype("a", DataType::Int);
    assert_eq!(csv_err(b"a\n1\n\n\nx\n", &options), "CSV, line 5, column `a`: `x` is not an int (its given type)");
}

#[test]
fn csv_a_header_only_file_has_columns_and_no_rows() {
    let df = csv("a,b\n");
    assert_eq!(df.shape(), (0, 2));
}

#[test]
fn csv_chunked_reading_reports_growing_progress_and_gives_the_same_frame() {
    let mut text = String::from("id,value,label\n");
    for i in 0..5000 {
        text.push_str(&format!("{i},{}.5,\"row {i}\"\n", i % 17));
    }
    let whole = csv(&text);
    let options = CsvOptions::default().chunk_bytes(4096);
    let mut reader = CsvReader::new(text.as_bytes(), &options).unwrap();
    let mut fractions = Vec::new();
    while let Some(fraction) = reader.next_chunk().unwrap() {
        fractions.push(fraction);
    }
    assert!(fractions.len() > 20, "{} chunks", fractions.len());
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(fractions.last(), Some(&1.0));
    assert_eq!(reader.finish().unwrap(), whole);
    assert_eq!(whole.num_rows(), 5000);
}

#[test]
fn csv_round_trips_through_to_csv() {
    let df = DataFrame::new(vec![
        ("a", Column::from(vec![Some(1_i64), None])),
        ("b", Column::from(vec!["x, y", "z"])),
        ("c", Column::from(vec![date(2024, 2, 29), date(2024, 3, 1)])),
        ("d", Column::from(vec![datetime("2024-01-01 10:00:00.250"), datetime("2024-01-02 00:00:00")])),
    ])
    .unwrap();
    let back = csv(&df.to_csv().unwrap());
    assert_eq!(back, df);
}

// ---------------------------------------------------------------- CSV: bad input

#[test]
fn csv_bad_a_row_with_too_many_fields_names_its_line() {
    let err = csv_err(b"a,b\n1,2\n3,4,5\n", &CsvOptions::default());
    assert_eq!(err, "CSV, line 3: 3 fields, but the header has 2");
}

#[test]
fn csv_bad_utf8_names_the_line_and_column() {
    let err = csv_err(b"a,b\n1,ok\n2,caf\xE9\n", &CsvOptions::default());
    assert!(err.starts_with("CSV, line 3, column `b`: the bytes are not valid UTF-8"), "{err}");
}

#[test]
fn csv_bad_a_value_that_does_not_parse_as_its_forced_type() {
    let options = CsvOptions::default().dtype("n", DataType::Int);
    let err = csv_err(b"n\n1\n2\nthree\n", &options);
    assert_eq!(err, "CSV, line 4, column `n`: `three` is not an int (its given type)");
}

#[test]
fn csv_bad_a_late_value_that_breaks_the_sampled_type_names_its_line_past_multiline_fields() {
    let options = CsvOptions::default().infer_rows(2);
    let err = csv_err(b"n,s\n1,\"two\nlines\"\n2,x\n3.5,y\n", &options);
    assert_eq!(err, "CSV, line 5, column `n`: `3.5` is not an int (the type read from the first rows)");
}

#[test]
fn csv_bad_an_empty_file() {
    assert_eq!(csv_err(b"", &CsvOptions::default()), "CSV, line 1: the file is empty: there is no header and no data");
}

#[test]
fn csv_bad_a_header_with_no_columns() {
    assert_eq!(csv_err(b"\"\"\n1\n", &CsvOptions::default()), "CSV, line 1: the header names no columns");
}

#[test]
fn csv_bad_an_unclosed_quote_names_the_line_it_opens_on() {
    let err = csv_err(b"a,b\n1,2\n3,\"open\n4,5\n", &CsvOptions::default());
    assert_eq!(err, "CSV, line 3: a quoted field is never closed (its closing quote is missing)");
}

#[test]
fn csv_bad_a_file_over_the_limit() {
    let err = csv_err(b"a\n1\n2\n", &CsvOptions::default().max_bytes(4));
    assert_eq!(err, "the data is 6 bytes, over the limit of 4 bytes");
    let err = DataFrame::read_csv(b"a\n1\n2\n", &CsvOptions::default().max_bytes(4)).unwrap_err();
    assert_eq!(err, DataError::TooLarge { bytes: 6, limit: 4 });
}

#[test]
fn csv_bad_a_forced_type_for_a_column_that_does_not_exist() {
    let err = csv_err(b"a\n1\n", &CsvOptions::default().dtype("b", DataType::Int));
    assert_eq!(err, "no column named `b` (the columns are: a)");
}

#[test]
fn csv_bad_a_bad_header_encoding_names_the_field() {
    let err = csv_err(b"a,\xFF\n1,2\n", &CsvOptions::default());
    assert_eq!(err, "CSV, line 1: header field 2 is not valid UTF-8");
}

#[test]
fn csv_bad_a_forced_date_column_with_a_bad_date() {
    let options = CsvOptions::default().dtype("day", DataType::Date);
    let err = csv_err(b"day\n2024-02-29\n2023-02-29\n", &options);
    assert_eq!(err, "CSV, line 3, column `day`: `2023-02-29` is not a date (its given type)");
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_records_columns_and_ndjson_read_alike() {
    let records = DataFrame::read_json(br#"[{"a": 1, "b": "x", "c": true}, {"a": 2, "b": null}]"#).unwrap();
    let columns = DataFrame::read_json(br#"{"a": [1, 2], "b": ["x", null], "c": [true, null]}"#).unwrap();
    let ndjson = DataFrame::read_json(b"{\"a\": 1, \"b\": \"x\", \"c\": true}\n{\"a\": 2, \"b\": null}\n").unwrap();
    assert_eq!(records, columns);
    assert_eq!(records, ndjson);
    assert_eq!(dtypes(&records), [DataType::Int, DataType::Text, DataType::Bool]);
    assert!(records.value(1, 2).is_null(), "a missing key is a null");
}

#[test]
fn json_keys_keep_their_order_and_dates_are_read_from_strings() {
    let df = DataFrame::read_json(br#"[{"z": "2024-01-02", "a": "2024-01-02T10:00:00", "m": 1}, {"n": 2.5}]"#).unwrap();
    assert_eq!(df.column_names(), ["z", "a", "m", "n"]);
    assert_eq!(dtypes(&df), [DataType::Date, DataType::Datetime, DataType::Int, DataType::Float]);
    assert_eq!(df.value(0, 0), Value::Date(date(2024, 1, 2)));
}

#[test]
fn json_ints_and_floats_mix_to_floats() {
    let df = DataFrame::read_json(br#"{"x": [1, 2.5, null]}"#).unwrap();
    assert_eq!(df.column_values("x").unwrap(), Column::Float(vec![Some(1.0), Some(2.5), None]));
}

#[test]
fn json_bad_not_an_array_or_object() {
    let err = json_err("42");
    assert!(err.starts_with("JSON, line 1, column 2: invalid type: integer `42`, expected a list of records"), "{err}");
}

#[test]
fn json_bad_records_with_mixed_types_name_the_record_and_key() {
    let err = json_err(r#"[{"a": 1}, {"a": 2}, {"a": "three"}]"#);
    assert_eq!(err, "JSON, record 3, key `a`: text, but the values before it are a number");
}

#[test]
fn json_bad_a_nested_value_names_the_record_and_key() {
    let err = json_err(r#"[{"a": 1, "tags": ["x"]}]"#);
    assert_eq!(err, "JSON, record 1, key `tags`: a nested list, where a cell holds a number, a string, a bool or null");
    let err = json_err("[{\"a\": 1},\n {\"a\": {\"b\": 2}}]");
    assert!(err.starts_with("JSON, line 2, column 8: a nested object"), "{err}");
}

#[test]
fn json_bad_columns_of_different_lengths() {
    assert_eq!(json_err(r#"{"a": [1, 2], "b": [1]}"#), "JSON, column `b`: 1 values, but column `a` has 2");
}

#[test]
fn json_bad_syntax_names_the_line() {
    let err = json_err("[\n{\"a\": 1},\n{\"a\": 2,}\n]");
    assert!(err.starts_with("JSON, line 3, column 9: "), "{err}");
}

#[test]
fn json_bad_an_ndjson_line_with_a_mixed_type_names_its_line() {
    let err = json_err("{\"a\": 1}\n{\"a\": 2}\n\n{\"a\": false}\n");
    assert_eq!(err, "JSON, line 4 (record 3), key `a`: a bool, but the values before it are a number");
}

#[test]
fn json_bad_empty_input() {
    assert_eq!(json_err("  \n"), "JSON, line 1: the input is empty");
}

#[test]
fn json_bad_a_record_that_is_not_an_object() {
    let err = json_err(r#"[{"a": 1}, 2]"#);
    assert!(
        err.starts_with("JSON, line 1, column 12: invalid type: integer `2`, expected an object (one record)"),
        "{err}"
    );
}

// ---------------------------------------------------------------- serde rows

#[derive(serde::Serialize)]
struct Trip {
    city: String,
    km: f64,
    day: NaiveDate,
    riders: Option<u32>,
}

#[test]
fn rows_become_columns_in_field_order() {
    let trips = vec![
        Trip { city: "Paris".into(), km: 3.5, day: date(2024, 5, 1), riders: Some(2) },
        Trip { city: "Lyon".into(), km: 10.0, day: date(2024, 5, 2), riders: None },
    ];
    let df = DataFrame::from_rows(&trips).unwrap();
    assert_eq!(df.column_names(), ["city", "km", "day", "riders"]);
    assert_eq!(dtypes(&df), [DataType::Text, DataType::Float, DataType::Date, DataType::Int]);
    assert_eq!(df.value(1, 3), Value::Null);
}

#[test]
fn rows_bad_a_nested_field_names_the_row_and_field() {
    #[derive(serde::Serialize)]
    struct Tagged {
        name: &'static str,
        tags: Vec<&'static str>,
    }
    let err = DataFrame::from_rows(&[Tagged { name: "a", tags: vec!["x"] }]).unwrap_err().to_string();
    assert_eq!(err, "rows, row 1, field `tags`: a nested list, where a cell holds a number, a string, a bool or null");
}

#[test]
fn rows_bad_a_row_that_is_not_a_struct() {
    let err = DataFrame::from_rows(&[1, 2]).unwrap_err().to_string();
    assert_eq!(err, "rows, row 1: not a struct or a map: each row becomes one record");
}

// ---------------------------------------------------------------- Parquet

fn sample() -> DataFrame {
    DataFrame::new(vec![
        ("i", Column::from(vec![Some(1_i64), None, Some(3)])),
        ("f", Column::from(vec![0.5, 1.5, f64::NAN])),
        ("b", Column::from(vec![Some(true), Some(false), None])),
        ("s", Column::from(vec!["a", "b", "c"])),
        ("d", Column::from(vec![date(2024, 1, 1), date(2024, 1, 2), date(2024, 1, 3)])),
        ("t", Column::from(vec![datetime("2024-01-01 00:00:00.001"); 3])),
    ])
    .unwrap()
}

#[test]
fn parquet_round_trips_every_type() {
    let df = sample();
    let back = DataFrame::read_parquet(&df.write_parquet().unwrap()).unwrap();
    assert_eq!(back.column_names(), df.column_names());
    assert_eq!(dtypes(&back), dtypes(&df));
    assert_eq!(back.to_csv().unwrap(), df.to_csv().unwrap());
}

#[test]
fn parquet_reads_row_group_by_row_group() {
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;
    let df = DataFrame::new(vec![("x", Column::from((0..100_i64).collect::<Vec<_>>()))]).unwrap();
    let mut bytes = Vec::new();
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(25))
        .set_compression(parquet::basic::Compression::GZIP(Default::default()))
        .build();
    let mut writer = ArrowWriter::try_new(&mut bytes, df.batch().schema(), Some(properties)).unwrap();
    writer.write(df.batch()).unwrap();
    writer.close().unwrap();
    let mut reader = ParquetReader::new(&bytes).unwrap();
    let mut fractions = Vec::new();
    while let Some(fraction) = reader.next_chunk().unwrap() {
        fractions.push(fraction);
    }
    assert_eq!(fractions, [0.25, 0.5, 0.75, 1.0]);
    assert_eq!(reader.finish().unwrap(), df);
}

#[test]
fn parquet_bad_a_file_that_is_not_parquet() {
    let err = DataFrame::read_parquet(b"a,b\n1,2\n3,4\n").unwrap_err().to_string();
    assert_eq!(err, "Parquet, header: not a Parquet file (it does not start with `PAR1`)");
    let owned = DataFrame::read_parquet_vec(b"a,b\n1,2\n3,4\n".to_vec()).unwrap_err().to_string();
    assert_eq!(owned, err, "the owned reader checks the same");
}

#[test]
fn parquet_bad_a_truncated_footer() {
    let bytes = sample().write_parquet().unwrap();
    let err = DataFrame::read_parquet(&bytes[..bytes.len() - 10]).unwrap_err().to_string();
    assert_eq!(err, "Parquet, footer: the file is cut short (it does not end with `PAR1`)");
}

#[test]
fn parquet_bad_a_corrupt_footer_length() {
    let mut bytes = sample().write_parquet().unwrap();
    let at = bytes.len() - 8;
    bytes[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = DataFrame::read_parquet(&bytes).unwrap_err().to_string();
    assert!(err.starts_with("Parquet, footer: "), "{err}");
}

/// The same file with its footer saying the columns are zstd-compressed.
fn relabel_as_zstd(file: &[u8]) -> Vec<u8> {
    use parquet::basic::Compression;
    use parquet::file::metadata::{ParquetMetaDataReader, ParquetMetaDataWriter};
    let metadata = ParquetMetaDataReader::new().parse_and_finish(&bytes::Bytes::from(file.to_vec())).unwrap();
    let groups = metadata
        .row_groups()
        .iter()
        .map(|group| {
            let columns = group
                .columns()
                .iter()
                .map(|c| {
                    c.clone().into_builder().set_compression(Compression::ZSTD(Default::default())).build().unwrap()
                })
                .collect();
            group.clone().into_builder().set_column_metadata(columns).build().unwrap()
        })
        .collect();
    let metadata = metadata.into_builder().set_row_groups(groups).build();
    let footer = u32::from_le_bytes(file[file.len() - 8..file.len() - 4].try_into().unwrap()) as usize;
    let mut out = file[..file.len() - 8 - footer].to_vec();
    ParquetMetaDataWriter::new(&mut out, &metadata).finish().unwrap();
    out
}

#[test]
fn parquet_bad_zstd_says_the_browser_build_cannot_read_it() {
    let bytes = relabel_as_zstd(&sample().write_parquet().unwrap());
    let err = DataFrame::read_parquet(&bytes).unwrap_err().to_string();
    assert!(err.starts_with("Parquet, row group 1, column `i`: the data is compressed with zstd"), "{err}");
    assert!(err.contains("write the file with snappy"), "{err}");
}

// ---------------------------------------------------------------- fetching in scripts

async fn table_app(ui: Ui) -> Result {
    let count = ui.session_state().get_or_insert_with("clicks", || 0_i32)?;
    ui.write(format!("clicks: {count}"));
    if ui.button("click") {
        ui.session_state().set("clicks", count + 1)?;
    }
    let file = ui.add(TextInput::new("file").value("data/cities.csv"));
    let bytes = ui.fetch(&file).await?;
    let df = DataFrame::read_csv(&bytes, &CsvOptions::default())?;
    ui.write(format!("{} rows", df.num_rows()));
    Ok(())
}

#[test]
fn a_script_reads_a_served_file_and_a_missing_one_shows_an_exception_and_keeps_the_state() {
    let mut at = AppTest::new_async(table_app);
    at.serve("data/cities.csv", "city\nParis\nLyon\nNice\n").run();
    assert_eq!(at.markdown(1).text(), "3 rows");
    at.button(0).click().run();
    at.text_input(0).input("data/missing.csv").run();
    assert_eq!(at.exception(0).text(), "FetchError: could not fetch `data/missing.csv`: HTTP 404 Not Found");
    assert_eq!(at.markdown(0).text(), "clicks: 1", "the state survives the failed run");
    at.text_input(0).input("./data/cities.csv").run();
    assert_eq!(at.get("exception").len(), 0);
    assert_eq!(at.markdown(1).text(), "3 rows");
}

#[test]
fn a_served_file_that_is_bad_csv_shows_the_reader_error() {
    let mut at = AppTest::new_async(table_app);
    at.serve("data/cities.csv", "a,b\n1,2,3\n").run();
    assert_eq!(at.exception(0).text(), "DataError: CSV, line 2: 3 fields, but the header has 2");
}

// ---------------------------------------------------------------- measurement

/// How fast a large CSV is read, natively: `WASMLIT_CSV_MB=100 cargo test --release --test
/// data_io -- --ignored --nocapture measure`.
#[test]
#[ignore]
fn measure_csv_reading() {
    let megabytes: usize = std::env::var("WASMLIT_CSV_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let mut text = String::from("id,x,name,day,flag\n");
    let mut i = 0_u64;
    while text.len() < megabytes << 20 {
        text.push_str(&format!(
            "{i},{}.25,\"name {}\",2024-0{}-1{},{}\n",
            i % 1000,
            i % 97,
            i % 9 + 1,
            i % 10,
            i.is_multiple_of(2)
        ));
        i += 1;
    }
    let start = std::time::Instant::now();
    let mut chunks = 0;
    let df = DataFrame::read_csv_with_progress(text.as_bytes(), &CsvOptions::default(), |_| chunks += 1).unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(df.num_rows() as u64, i);
    println!(
        "{} MB, {} rows, {} progress steps: {seconds:.2} s, {:.0} MB/s",
        text.len() >> 20,
        df.num_rows(),
        chunks,
        (text.len() >> 20) as f64 / seconds
    );
}
