//! Hostile data (issue 15, item 2): malformed CSV, JSON, Parquet, images, dates, colours,
//! numbers and query strings, each fed the way an app would (a reader's bytes shown with
//! `ui.dataframe`, `ui.image(bytes)`, a widget's value from a link's query string, ...).
//!
//! Every case must give a clear message that names the line, column, field or part that is
//! wrong (an error element in the page; for a link's query string, which Streamlit ignores
//! when it does not fit, the note the page logs), never a panic or a Rust debug dump; and
//! it must leave the app as it was: a session-state value and a widget's value set before
//! are still there, and the next run completes.
//!
//! Each family is a table, one line per case: `(name, input, what the message must contain)`.

#![cfg(all(feature = "data", feature = "media", feature = "maps"))]

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use wasmlit::data::{Column, CsvOptions, DataFrame, DataType};
use wasmlit::prelude::*;
use wasmlit::RunStatus;

/// Feeds a hostile input through `feed` into an app that holds some state, and checks that
/// a message names `expected` and that the app's state and next run survive it.
fn survives(case: &str, expected: &str, query: Option<&str>, feed: impl Fn(&Ui) -> Result + 'static) -> Check {
    let hostile = Rc::new(Cell::new(false));
    let on = hostile.clone();
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        let kept = ui.add(Slider::new("kept", 0..=10).key("kept"));
        if on.get() {
            feed(ui)?;
        }
        ui.write(format!("kept {kept}"));
        Ok(())
    });
    at.run();
    at.slider(0).set_value(7).run();
    at.session_state().set("sentinel", 42).map_err(|e| e.to_string())?;
    if let Some(query) = query {
        at.set_query_string(query);
    }
    hostile.set(true);
    at.run();
    let mut said: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
    said.extend(at.console_notes());
    if !said.iter().any(|m| m.contains(expected)) {
        return Err(format!("{case}: expected a message containing {expected:?}, got {said:?}"));
    }
    let dump = ["Some(", "None", "Ok(", "Err(", "Error {", "panicked"];
    if let Some(message) = said.iter().find(|m| dump.iter().any(|d| m.contains(d))) {
        return Err(format!("{case}: a Rust dump, not a message: {message}"));
    }
    if at.session_state().get::<i32>("sentinel") != Ok(42) || at.slider(0).value::<i32>() != 7 {
        return Err(format!("{case}: the app's state did not survive"));
    }
    hostile.set(false);
    at.run();
    if at.status() != Some(RunStatus::Completed) || !at.get("exception").is_empty() || at.markdown(0).text() != "kept 7"
    {
        return Err(format!("{case}: the next run did not work: {:?}", at.elements()));
    }
    Ok(())
}

type Check = std::result::Result<(), String>;

/// Fails with every case of a family that failed, by name.
fn all_survive(family: &str, checks: impl IntoIterator<Item = Check>) {
    let (mut count, mut failed) = (0, Vec::new());
    for check in checks {
        count += 1;
        failed.extend(check.err());
    }
    assert!(failed.is_empty(), "{} of {count} {family} cases failed:\n{}", failed.len(), failed.join("\n"));
    println!("{family}: {count} malformed inputs, each with a clear error");
}

// ----- CSV ------------------------------------------------------------------

type Options = fn(CsvOptions) -> CsvOptions;

const CSV: &[(&str, &[u8], Options, &str)] = &[
    ("empty file", b"", |o| o, "line 1: the file is empty"),
    ("only a byte-order mark", b"\xEF\xBB\xBF", |o| o, "line 1: the file is empty"),
    ("a header of one empty name", b"\"\"\n1\n", |o| o, "line 1: the header names no columns"),
    ("too many fields", b"a,b\n1,2\n3,4,5\n", |o| o, "line 3"),
    ("too many fields after quoted line breaks", b"a,b\n\"x\ny\",2\n3,4,5\n", |o| o, "line 4"),
    ("header not UTF-8", b"a,\xff\xfe\n1,2\n", |o| o, "line 1: header field 2"),
    ("field not UTF-8", b"a,b\n1,2\n3,\xc3\x28\n", |o| o, "line 3"),
    ("int column given text", b"n\n1\nabc\n", |o| o.dtype("n", DataType::Int), "line 3, column `n`"),
    ("int overflow", b"n\n1\n99999999999999999999\n", |o| o.dtype("n", DataType::Int), "line 3, column `n`"),
    ("impossible date", b"d\n2024-02-30\n", |o| o.dtype("d", DataType::Date), "line 2, column `d`"),
    (
        "impossible time",
        b"t\n2024-01-01T10:00\n2024-01-01T25:00\n",
        |o| o.dtype("t", DataType::Datetime),
        "line 3, column `t`",
    ),
    ("bool column given a word", b"b\ntrue\nmaybe\n", |o| o.dtype("b", DataType::Bool), "line 3, column `b`"),
    ("late text after inferred rows", b"n\n1\n2\nx\n", |o| o.infer_rows(2), "line 4, column `n`"),
    ("dtype for a missing column", b"a\n1\n", |o| o.dtype("zip", DataType::Text), "`zip`"),
    ("over the size limit", b"a\n1\n2\n3\n", |o| o.max_bytes(4), "over the limit of 4 bytes"),
    ("CR line ends, extra field", b"a,b\r1,2\r3,4,5\r", |o| o, "line 3: 3 fields, but the header has 2"),
    ("an unclosed quote", b"a,b\n1,\"2\n3,4\n", |o| o, "line 2: a quoted field is never closed"),
];

#[test]
fn malformed_csv_gives_an_error_naming_the_line() {
    all_survive(
        "CSV",
        CSV.iter().map(|&(case, bytes, options, expected)| {
            survives(case, expected, None, move |ui: &Ui| -> Result {
                let df = DataFrame::read_csv(bytes, &options(CsvOptions::default()))?;
                ui.dataframe(&df);
                Ok(())
            })
        }),
    );
}

// ----- JSON -----------------------------------------------------------------

const JSON: &[(&str, &[u8], &str)] = &[
    ("empty input", b"  \n", "line 1: the input is empty"),
    ("truncated list", b"[{\"a\": 1},\n{\"a\": ", "line 2, column 6"),
    ("trailing comma", b"[{\"a\": 1},]", "line 1, column 11: trailing comma"),
    ("a bare number", b"42", "line 1, column 2"),
    ("a list of numbers", b"[1, 2]", "line 1, column 2"),
    ("a nested object", b"[{\"a\": 1}, {\"a\": {\"b\": 1}}]", "line 1, column 18: a nested object"),
    ("mixed types in a column", b"[{\"a\": 1}, {\"a\": \"x\"}]", "record 2, key `a`"),
    ("NaN literal", b"[{\"a\": NaN}]", "line 1, column 8"),
    ("not UTF-8", b"[{\"a\": \"\xff\"}]", "line 1, column 9"),
    ("a key twice", b"{\"a\": [1], \"a\": [2]}", "column `a`: the key appears twice"),
    ("columns of different lengths", b"{\"a\": [1, 2], \"b\": [1]}", "column `b`"),
    ("a number out of range", b"[{\"a\": 1e999}]", "line 1, column 12"),
    ("lists nested 10,000 deep", NESTED, "line 1, column 1: invalid type: sequence, expected an object"),
    ("a bad NDJSON line", b"{\"a\": 1}\n{\"a\": 2}\n{\"a\": }\n", "line 3, column 7"),
    ("junk after the records", b"[{\"a\": 1}]\n]", "line 2"),
];

const NESTED: &[u8] = &[b'['; 10_000];

#[test]
fn malformed_json_gives_an_error_naming_the_line_and_column_or_key() {
    all_survive(
        "JSON",
        JSON.iter().map(|&(case, bytes, expected)| {
            survives(case, expected, None, move |ui: &Ui| -> Result {
                let df = DataFrame::read_json(bytes)?;
                ui.dataframe(&df);
                Ok(())
            })
        }),
    );
}

// ----- Parquet --------------------------------------------------------------

/// A small valid Parquet file, which each case then breaks.
fn parquet() -> Vec<u8> {
    let df = DataFrame::new(vec![
        ("n", Column::from((0..100).collect::<Vec<i64>>())),
        ("name", Column::from((0..100).map(|i| format!("row {i}")).collect::<Vec<_>>())),
    ])
    .unwrap();
    df.write_parquet().unwrap()
}

type Breaker = fn(Vec<u8>) -> Vec<u8>;

const PARQUET: &[(&str, Breaker, &str)] = &[
    ("no bytes", |_| Vec::new(), "header: not a Parquet file"),
    ("a CSV file", |_| b"a,b\n1,2\n".to_vec(), "header: not a Parquet file"),
    ("only the magic", |_| b"PAR1".to_vec(), "header: not a Parquet file"),
    ("cut in half", |f| f[..f.len() / 2].to_vec(), "footer: the file is cut short"),
    ("last byte gone", |f| f[..f.len() - 1].to_vec(), "footer: the file is cut short"),
    ("footer length too large", |f| with_footer_length(f, u32::MAX), "footer: the file is damaged"),
    ("footer length zero", |f| with_footer_length(f, 0), "footer: the file is damaged"),
    ("footer scrambled", scramble_footer, "footer: the file is damaged"),
    (
        "data pages zeroed",
        |mut f| {
            f[4..60].fill(0);
            f
        },
        "row group 1: the file is damaged",
    ),
];

/// Overwrites the footer's length (the four bytes before the closing `PAR1`).
fn with_footer_length(mut file: Vec<u8>, length: u32) -> Vec<u8> {
    let n = file.len();
    file[n - 8..n - 4].copy_from_slice(&length.to_le_bytes());
    file
}

fn scramble_footer(mut file: Vec<u8>) -> Vec<u8> {
    let n = file.len();
    let length = u32::from_le_bytes([file[n - 8], file[n - 7], file[n - 6], file[n - 5]]) as usize;
    for byte in &mut file[n - 8 - length..n - 8] {
        *byte = byte.wrapping_mul(31).wrapping_add(7);
    }
    file
}

#[test]
fn malformed_parquet_gives_an_error_naming_the_part() {
    let file = parquet();
    all_survive(
        "Parquet",
        PARQUET.iter().map(|&(case, breaker, expected)| {
            let bytes = breaker(file.clone());
            survives(case, expected, None, move |ui: &Ui| -> Result {
                let df = DataFrame::read_parquet(&bytes)?;
                ui.dataframe(&df);
                Ok(())
            })
        }),
    );
}

// ----- images ---------------------------------------------------------------

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

const IMAGES: &[(&str, &[u8], &str, &str)] = &[
    ("no bytes", b"", "image/png", "The image data is empty"),
    ("an HTML MIME type", PNG, "text/html", "\"text/html\" is not an image type"),
    ("a MIME type without subtype", PNG, "image/", "\"image/\" is not an image type"),
    ("HTML sent as a PNG", b"<html><script>alert(1)</script>", "image/png", "not a PNG, as their MIME type"),
    (
        "a PNG sent as a JPEG",
        PNG,
        "image/jpeg",
        "not a JPEG, as their MIME type \"image/jpeg\" says: they start with 89 50",
    ),
    ("a GIF sent as a PNG", b"GIF89a\x01\0\x01\0", "image/png", "not a PNG"),
    ("text sent as SVG", b"hello, world", "image/svg+xml", "not an SVG"),
    ("a PNG sent as a WebP", PNG, "image/webp", "not a WebP"),
    ("HTML sent as a GIF", b"<!doctype html>", "image/gif", "not a GIF"),
];

const IMAGE_URLS: &[(&str, &str, &str)] = &[
    ("a javascript: URL", "javascript:alert(1)", "\"javascript:alert(1)\" is not allowed"),
    ("a javascript: URL split by a tab", "java\tscript:alert(1)", "is not allowed"),
    ("an HTML data: URL", "data:text/html,<script>alert(1)</script>", "is not allowed"),
    ("a blank URL", "   ", "The image URL is empty"),
    ("a vbscript: URL", "VBScript:msgbox(1)", "is not allowed"),
];

#[test]
fn malformed_images_give_an_error_in_their_place() {
    let bytes = IMAGES.iter().map(|&(case, bytes, mime, expected)| {
        survives(case, expected, None, move |ui: &Ui| -> Result {
            ui.image(MediaSource::bytes(bytes, mime));
            Ok(())
        })
    });
    let urls = IMAGE_URLS.iter().map(|&(case, url, expected)| {
        survives(case, expected, None, move |ui: &Ui| -> Result {
            ui.image(url);
            Ok(())
        })
    });
    all_survive("image", bytes.chain(urls));
}

// ----- dates ----------------------------------------------------------------

/// A date input bound to `?d=` (from 2000-01-01 on), a time input to `?t=` and a
/// datetime input to `?dt=`.
fn bound_date(ui: &Ui) -> Result {
    let min = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let day = ui.add(DateInput::new("Day").key("d").min(min).value(min).bind(Bind::QueryParams));
    let at = ui.add(TimeInput::new("At").key("t").bind(Bind::QueryParams));
    let when = ui.add(DatetimeInput::new("When").key("dt").bind(Bind::QueryParams));
    ui.write(format!("day {day} at {at} when {when}"));
    Ok(())
}

const DATE_QUERIES: &[(&str, &str, &str)] = &[
    ("month 13", "d=2024-13-01", "d=2024-13-01 : the date_input \"Day\" cannot hold it"),
    ("30 February", "d=2024-02-30", "d=2024-02-30 :"),
    ("a word", "d=yesterday", "d=yesterday :"),
    ("a timestamp", "d=1700000000", "d=1700000000 :"),
    ("before the minimum", "d=1999-12-31", "d=1999-12-31 :"),
    ("a script", "d=%3Cscript%3E", "d=<script> :"),
    ("two dates for one", "d=2024-01-01&d=2024-01-02", "d=2024-01-01,2024-01-02 :"),
    ("hour 25", "t=25:00", "t=25:00 : the time_input \"At\" cannot hold it"),
    ("minute 61", "t=12:61", "t=12:61 :"),
    ("a datetime without its time", "dt=2024-01-01", "dt=2024-01-01 : the datetime_input \"When\" cannot hold it"),
    ("a datetime at 24:00", "dt=2024-01-01T24:00", "dt=2024-01-01T24:00 :"),
];

/// Draws a widget with bad arguments.
type Draw = fn(&Ui);

fn jan(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, day).unwrap_or_default()
}

const DATE_ARGUMENTS: &[(&str, Draw, &str)] = &[
    (
        "minimum after maximum",
        |ui| {
            ui.add(DateInput::new("Day").min(jan(20)).max(jan(10)));
        },
        "`min_value`, set to 2024-01-20",
    ),
    (
        "default outside the bounds",
        |ui| {
            ui.add(DateInput::new("Day").min(jan(10)).value(jan(5)));
        },
        "(2024-01-05) must lie between",
    ),
];

#[test]
fn bad_dates_are_refused_with_a_message_naming_them() {
    let queries = DATE_QUERIES.iter().map(|&(case, query, expected)| survives(case, expected, Some(query), bound_date));
    let arguments = DATE_ARGUMENTS.iter().map(|&(case, draw, expected)| {
        survives(case, expected, None, move |ui: &Ui| -> Result {
            draw(ui);
            Ok(())
        })
    });
    all_survive("date", queries.chain(arguments));
}

// ----- colours --------------------------------------------------------------

const COLOURS: &[(&str, &str, &str)] = &[
    ("a CSS name", "red", "'red' is not a valid hex code"),
    ("a style break-out", "#fff; background: url(x)", "'#fff; background: url(x)' is not a valid hex code"),
    ("five hex digits", "#12345", "'#12345'"),
    ("not hex", "#ggg", "'#ggg'"),
    ("empty", "", "'' is not a valid hex code"),
];

const COLOUR_QUERIES: &[(&str, &str, &str)] = &[
    ("a colour name in a link", "c=red", "c=red : the color_picker \"Colour\" cannot hold it"),
    ("a script in a link", "c=%22%3E%3Cscript%3E", "c=\"><script> :"),
];

/// Points read from CSV and shown with `ui.map` (the colour column is `color`).
fn map_of_csv(csv: &'static [u8]) -> impl Fn(&Ui) -> Result {
    move |ui: &Ui| -> Result {
        let df = DataFrame::read_csv(csv, &CsvOptions::default())?;
        ui.add(Map::new(&df).color("color"));
        Ok(())
    }
}

const MAP_COLOURS: &[(&str, &[u8], &str)] = &[
    ("a map colour that is no colour", b"lat,lon,color\n1,2,#ff0000\n3,4,tomato soup\n", "Column `color` at row 1"),
    ("a map colour of five hex digits", b"lat,lon,color\n1,2,#12345\n", "Column `color` at row 0"),
    ("a map colour column of numbers", b"lat,lon,color\n1,2,3\n", "must hold colours as text"),
];

#[test]
fn bad_colours_give_an_error_naming_the_colour() {
    let values = COLOURS.iter().map(|&(case, colour, expected)| {
        survives(case, expected, None, move |ui: &Ui| -> Result {
            ui.add(ColorPicker::new("Colour").value(colour));
            Ok(())
        })
    });
    let queries = COLOUR_QUERIES.iter().map(|&(case, query, expected)| {
        survives(case, expected, Some(query), |ui: &Ui| -> Result {
            ui.add(ColorPicker::new("Colour").key("c").bind(Bind::QueryParams));
            Ok(())
        })
    });
    let maps = MAP_COLOURS.iter().map(|&(case, csv, expected)| survives(case, expected, None, map_of_csv(csv)));
    all_survive("colour", values.chain(queries).chain(maps));
}

// ----- numbers --------------------------------------------------------------

/// A number input (0 to 10) bound to `?n=` and a slider bound to `?s=`.
fn bound_numbers(ui: &Ui) -> Result {
    ui.add(NumberInput::int("N").key("n").min(0).max(10).bind(Bind::QueryParams));
    ui.add(Slider::new("S", 0..=10).key("s").bind(Bind::QueryParams));
    Ok(())
}

const NUMBER_QUERIES: &[(&str, &str, &str)] = &[
    ("a word", "n=abc", "n=abc : the number_input \"N\" cannot hold it"),
    ("infinity", "n=1e999", "n=1e999 :"),
    ("NaN", "n=NaN", "n=NaN :"),
    ("above the maximum", "n=11", "n=11 :"),
    ("two values", "n=1&n=2", "n=1,2 :"),
    ("hex", "n=0x10", "n=0x10 :"),
    ("a fraction for an int", "n=2.5", "n=2.5 :"),
    ("a slider value above its range", "s=99", "s=99 : the slider \"S\" cannot hold it"),
    ("a fraction for an int slider", "s=2.5", "s=2.5 :"),
];

const NUMBER_ARGUMENTS: &[(&str, Draw, &str)] = &[
    (
        "minimum above maximum",
        |ui| {
            ui.add(NumberInput::int("N").min(10).max(1));
        },
        "`min_value`, set to 10",
    ),
    (
        "default above maximum",
        |ui| {
            ui.add(NumberInput::int("N").max(1).value(5));
        },
        "default `value` 5",
    ),
    (
        "a slider step of 0",
        |ui| {
            ui.add(Slider::new("S", 0..=10).step(0));
        },
        "Slider `step` must be positive, got 0",
    ),
];

const MAP_NUMBERS: &[(&str, &[u8], &str)] = &[
    ("a latitude of 91", b"lat,lon,color\n1,2,\n91,2,\n", "The latitude in column `lat` at row 1 is 91"),
    ("a longitude of -181", b"lat,lon,color\n1,-181,\n", "The longitude in column `lon` at row 0 is -181"),
    ("a latitude column of words", b"lat,lon,color\nnorth,2,\n", "column `lat` must hold numbers"),
];

#[test]
fn bad_numbers_are_refused_with_a_message_naming_them() {
    let queries =
        NUMBER_QUERIES.iter().map(|&(case, query, expected)| survives(case, expected, Some(query), bound_numbers));
    let arguments = NUMBER_ARGUMENTS.iter().map(|&(case, draw, expected)| {
        survives(case, expected, None, move |ui: &Ui| -> Result {
            draw(ui);
            Ok(())
        })
    });
    let maps = MAP_NUMBERS.iter().map(|&(case, csv, expected)| survives(case, expected, None, map_of_csv(csv)));
    all_survive("number", queries.chain(arguments).chain(maps));
}

// ----- query strings ----------------------------------------------------------

/// Reads `?a=` and draws a selectbox and a checkbox bound to `?s=` and `?c=`.
fn query_reader(ui: &Ui) -> Result {
    ui.write(format!("a = {}", ui.query_params().get("a").unwrap_or_default()));
    ui.add(Selectbox::new("S", ["x", "y"]).key("s").bind(Bind::QueryParams));
    ui.add(Checkbox::new("C").key("c").bind(Bind::QueryParams));
    Ok(())
}

const QUERIES: &[(&str, &str, &str)] = &[
    ("a percent without hex", "a=%zz", "part \"%zz\" is not well encoded"),
    ("a cut percent", "a=%4", "part \"%4\" is not well encoded"),
    ("a signed percent", "a=%+1", "part \"%+1\" is not well encoded"),
    ("bytes that are not UTF-8", "a=%E2%82", "part \"%E2%82\" is not well encoded"),
    ("no key", "=x", "part \"=x\": it has no key"),
    ("a selectbox option that does not exist", "s=nope", "s=nope : the selectbox \"S\" cannot hold it"),
    ("a checkbox that is neither", "c=maybe", "c=maybe : the checkbox \"C\" cannot hold it"),
];

#[test]
fn bad_query_strings_are_read_as_well_as_can_be_with_a_note() {
    all_survive(
        "query string",
        QUERIES.iter().map(|&(case, query, expected)| survives(case, expected, Some(query), query_reader)),
    );
}

// ----- any bytes ----------------------------------------------------------------

/// The readers take damaged files without panicking (a panic aborts the page's wasm): valid
/// files with a few bytes changed and cut short. In a Parquet file only the footer is damaged:
/// the parquet crate still panics on some damaged data pages (issue 15, left open).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_readers_never_panic_on_damaged_files() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let csv = b"name,n,day,ok\nAda,1,2024-01-02,true\n\"B, c\",2.5,2024-02-03,false\n,NA,,\n".to_vec();
    let json = br#"[{"name": "Ada", "n": 1, "day": "2024-01-02"}, {"name": "B", "n": 2.5, "day": null}]"#.to_vec();
    let parquet = parquet();
    let n = parquet.len();
    let footer = n - 8 - u32::from_le_bytes([parquet[n - 8], parquet[n - 7], parquet[n - 6], parquet[n - 5]]) as usize;
    // Each file with where its damage may fall.
    let files = [("CSV", csv, 0), ("JSON", json, 0), ("Parquet", parquet, footer)];
    let damage = (any::<usize>(), proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6), any::<usize>());
    let cases = 3_000;
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let errors = Cell::new(0);
    runner
        .run(&damage, |(which, changes, cut)| {
            let (format, file, from) = &files[which % files.len()];
            let mut bytes = file.clone();
            for (at, byte) in changes {
                let at = from + at % (bytes.len() - from);
                bytes[at] = byte;
            }
            bytes.truncate(cut % (bytes.len() + 1) + bytes.len() / 2);
            let read = match *format {
                "CSV" => DataFrame::read_csv(&bytes, &CsvOptions::default()).map(drop),
                "JSON" => DataFrame::read_json(&bytes).map(drop),
                _ => DataFrame::read_parquet(&bytes).map(drop),
            };
            errors.set(errors.get() + usize::from(read.is_err()));
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    println!("damaged files: {cases} read without a panic, {} refused with an error", errors.get());
}

/// Shrunk from the damaged-file run: one footer byte changed gives a column a negative byte
/// range, which the parquet crate asserts (a panic) when it reads the column.
#[test]
fn a_parquet_footer_with_a_column_outside_the_file_is_an_error() {
    let mut file = parquet();
    let n = file.len();
    let footer = n - 8 - u32::from_le_bytes([file[n - 8], file[n - 7], file[n - 6], file[n - 5]]) as usize;
    let at = 10_352_427_533_731_709_744_u64 % (n - footer) as u64;
    file[footer + at as usize] = 151;
    let error = DataFrame::read_parquet(&file).unwrap_err().to_string();
    assert!(error.contains("the file is damaged: the column's"), "{error}");
}
