//! The DataFrame's operations: select, filter, sort, slices, group_by, join, describe,
//! value_counts, unique, with_column; with nulls, empty frames, wrong names and wrong types.
#![cfg(feature = "data")]

use chrono::NaiveDate;
use wasmlit::data::{
    col, count, lit, max, mean, min, n_unique, size, sum, Column, DataError, DataFrame, JoinKind, Nulls, Row,
    SortOrder, Value,
};

fn frame() -> DataFrame {
    DataFrame::new(vec![
        ("city", Column::from(vec![Some("Paris"), Some("Lyon"), Some("Paris"), None, Some("Nice"), Some("Lyon")])),
        ("hour", Column::from(vec![Some(17_i64), Some(9), None, Some(17), Some(20), Some(12)])),
        ("temp", Column::from(vec![Some(21.5), Some(18.0), Some(19.0), Some(f64::NAN), None, Some(22.0)])),
        ("open", Column::from(vec![true, false, true, true, false, true])),
        (
            "day",
            Column::from(vec![
                NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
                NaiveDate::from_ymd_opt(2024, 3, 2).unwrap(),
                NaiveDate::from_ymd_opt(2024, 3, 3).unwrap(),
                NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
                NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(),
                NaiveDate::from_ymd_opt(2024, 3, 6).unwrap(),
            ]),
        ),
    ])
    .unwrap()
}

fn texts(df: &DataFrame, name: &str) -> Vec<String> {
    let index = df.column_index(name).unwrap();
    (0..df.num_rows()).map(|row| df.cell_text(row, index)).collect()
}

fn empty_like() -> DataFrame {
    frame().head(0)
}

fn no_column(error: DataError, name: &str) {
    match error {
        DataError::NoColumn { name: missing, columns } => {
            assert_eq!(missing, name);
            assert_eq!(columns, ["city", "hour", "temp", "open", "day"]);
        }
        other => panic!("expected NoColumn, got {other:?}"),
    }
}

fn type_error(error: DataError, column: &str, contains: &str) {
    match &error {
        DataError::Type { column: c, message } => {
            assert_eq!(c, column, "{error}");
            assert!(message.contains(contains), "{error}");
        }
        other => panic!("expected a type error, got {other:?}"),
    }
}

// ----- select, drop, rename ---------------------------------------------------

#[test]
fn select_drop_rename_and_their_errors() {
    let df = frame();
    assert_eq!(df.select(&["hour", "city"]).unwrap().column_names(), ["hour", "city"]);
    assert_eq!(df.drop(&["temp", "day"]).unwrap().column_names(), ["city", "hour", "open"]);
    assert_eq!(df.rename(&[("hour", "h"), ("city", "town")]).unwrap().column_names()[..2], ["town", "h"]);
    no_column(df.select(&["hour", "hours"]).unwrap_err(), "hours");
    no_column(df.drop(&["x"]).unwrap_err(), "x");
    no_column(df.rename(&[("x", "y")]).unwrap_err(), "x");
    assert!(matches!(df.rename(&[("hour", "city")]), Err(DataError::Shape(_))));
    assert_eq!(df.select(&[]).unwrap().shape(), (6, 0)); // as pandas' df[[]]
    assert_eq!(empty_like().select(&["city"]).unwrap().shape(), (0, 1));
}

// ----- filter ----------------------------------------------------------------

#[test]
fn filter_by_comparisons_against_every_type() {
    let df = frame();
    assert_eq!(texts(&df.filter(&col("hour").eq(17)).unwrap(), "city"), ["Paris", ""]);
    assert_eq!(df.filter(&col("hour").ne(17)).unwrap().num_rows(), 3); // the null hour is dropped
    assert_eq!(df.filter(&col("hour").ge(12)).unwrap().num_rows(), 4);
    assert_eq!(df.filter(&col("hour").lt(12)).unwrap().num_rows(), 1);
    assert_eq!(df.filter(&col("hour").le(12.5)).unwrap().num_rows(), 2); // int against a float
    assert_eq!(df.filter(&col("temp").gt(20)).unwrap().num_rows(), 3); // NaN is above every number
    assert_eq!(df.filter(&col("city").eq("Lyon")).unwrap().num_rows(), 2);
    assert_eq!(df.filter(&col("city").gt("M")).unwrap().num_rows(), 3);
    assert_eq!(df.filter(&col("open").eq(false)).unwrap().num_rows(), 2);
    let march_4 = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
    assert_eq!(df.filter(&col("day").ge(march_4)).unwrap().num_rows(), 3);
    let noon = march_4.and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(df.filter(&col("day").gt(noon)).unwrap().num_rows(), 2); // a date against a datetime
    assert_eq!(df.filter(&col("hour").lt(col("temp"))).unwrap().num_rows(), 4); // column against column, NaN on top
    assert_eq!(df.filter(&lit(1).eq(1)).unwrap().num_rows(), 6);
    assert_eq!(df.filter(&col("hour").eq(Value::Null)).unwrap().num_rows(), 0);
}

#[test]
fn filter_logic_is_three_valued() {
    let df = frame();
    assert_eq!(df.filter(&col("hour").gt(10).and(col("open"))).unwrap().num_rows(), 3);
    // hour null: (null > 10) or true is true; (null > 10) and true is null (dropped).
    let either = df.filter(&col("hour").gt(10).or(col("city").eq("Paris"))).unwrap();
    assert_eq!(texts(&either, "hour"), ["17", "", "17", "20", "12"]);
    let neither = df.filter(&col("hour").gt(10).not()).unwrap();
    assert_eq!(texts(&neither, "hour"), ["9"]);
    assert_eq!(df.filter(&!col("open")).unwrap().num_rows(), 2);
    // false and null is false, so `not` of it keeps the row.
    let hidden = df.filter(&col("open").and(col("hour").gt(10)).not()).unwrap();
    assert_eq!(texts(&hidden, "hour"), ["9", "20"]);
}

#[test]
fn filter_null_checks_membership_and_text_search() {
    let df = frame();
    assert_eq!(df.filter(&col("city").is_null()).unwrap().num_rows(), 1);
    assert_eq!(df.filter(&col("temp").is_not_null()).unwrap().num_rows(), 5);
    assert_eq!(texts(&df.filter(&col("city").is_in(["Nice", "Lyon"])).unwrap(), "hour"), ["9", "20", "12"]);
    assert_eq!(df.filter(&col("hour").is_in([9_i64, 12])).unwrap().num_rows(), 2);
    assert_eq!(df.filter(&col("hour").is_in(Vec::<i64>::new())).unwrap().num_rows(), 0);
    assert_eq!(df.filter(&col("city").contains("y")).unwrap().num_rows(), 2);
    assert_eq!(df.filter(&col("city").contains("y").not()).unwrap().num_rows(), 3);
    // null city stays out
}

#[test]
fn filter_errors_name_the_column() {
    let df = frame();
    no_column(df.filter(&col("hours").eq(17)).unwrap_err(), "hours");
    type_error(df.filter(&col("city").eq(17)).unwrap_err(), "city", "cannot compare text with int `17`");
    type_error(df.filter(&lit(17).lt(col("open"))).unwrap_err(), "open", "cannot compare bool with int");
    type_error(df.filter(&col("hour").contains("1")).unwrap_err(), "hour", "`contains` needs text");
    type_error(df.filter(&col("hour")).unwrap_err(), "hour", "not a true/false condition");
    type_error(df.filter(&col("city").is_in([1_i64])).unwrap_err(), "city", "cannot compare");
    type_error(df.filter(&col("hour").gt(1).and(col("temp"))).unwrap_err(), "temp", "is float");
}

#[test]
fn filter_on_an_empty_frame_keeps_nothing_and_checks_names() {
    let empty = empty_like();
    assert_eq!(empty.filter(&col("hour").eq(1)).unwrap().shape(), (0, 5));
    no_column(empty.filter(&col("nope").eq(1)).unwrap_err(), "nope");
}

#[test]
fn filter_rows_with_typed_getters() {
    let df = frame();
    let rush = df.filter_rows(|row: &Row| row.int("hour") == Some(17)).unwrap();
    assert_eq!(rush.num_rows(), 2);
    let warm = df.filter_rows(|row| row.float("temp").is_some_and(|t| t > 20.0)).unwrap();
    assert_eq!(warm.num_rows(), 2); // Rust's `NaN > 20.0` is false
    let hours_as_floats = df.filter_rows(|row| row.float("hour").is_some_and(|h| h > 16.5)).unwrap();
    assert_eq!(hours_as_floats.num_rows(), 3);
    let open_paris = df.filter_rows(|row| row.bool("open") == Some(true) && row.text("city") == Some("Paris")).unwrap();
    assert_eq!(open_paris.num_rows(), 2);
    let march_2 = NaiveDate::from_ymd_opt(2024, 3, 2);
    assert_eq!(df.filter_rows(|row| row.date("day") == march_2).unwrap().num_rows(), 1);
    assert_eq!(df.filter_rows(|row| row.is_null("city")).unwrap().num_rows(), 1);
    assert_eq!(df.filter_rows(|row| row.value("hour") == Value::Int(9)).unwrap().num_rows(), 1);
    assert_eq!(df.filter_rows(|row| row.index() % 2 == 0).unwrap().num_rows(), 3);
}

#[test]
fn filter_rows_reports_a_wrong_name_or_type() {
    let df = frame();
    no_column(df.filter_rows(|row| row.int("hours").is_some()).unwrap_err(), "hours");
    type_error(df.filter_rows(|row| row.int("city").is_some()).unwrap_err(), "city", "is text, not int");
    type_error(df.filter_rows(|row| row.float("city").is_some()).unwrap_err(), "city", "not a number");
    type_error(df.filter_rows(|row| row.datetime("day").is_some()).unwrap_err(), "day", "is date, not datetime");
    // An empty frame never calls the closure, so nothing is checked.
    assert_eq!(empty_like().filter_rows(|row| row.int("nope").is_some()).unwrap().num_rows(), 0);
}

// ----- sort ------------------------------------------------------------------

#[test]
fn sort_one_column_each_way_with_nulls_either_end() {
    let df = frame();
    let up = df.sort(&[("hour", SortOrder::Ascending)]).unwrap();
    assert_eq!(texts(&up, "hour"), ["9", "12", "17", "17", "20", ""]);
    assert_eq!(texts(&up, "day")[2..4], ["2024-03-01", "2024-03-04"]); // stable: ties keep order
    let down = df.sort_with(&[("hour", SortOrder::Descending)], Nulls::First).unwrap();
    assert_eq!(texts(&down, "hour"), ["", "20", "17", "17", "12", "9"]);
    assert_eq!(texts(&down, "day")[2..4], ["2024-03-01", "2024-03-04"]);
    let temps = df.sort(&[("temp", SortOrder::Ascending)]).unwrap();
    assert_eq!(texts(&temps, "temp"), ["18", "19", "21.5", "22", "NaN", ""]);
    let cities = df.sort_with(&[("city", SortOrder::Ascending)], Nulls::First).unwrap();
    assert_eq!(texts(&cities, "city"), ["", "Lyon", "Lyon", "Nice", "Paris", "Paris"]);
    assert_eq!(texts(&cities, "hour")[1..3], ["9", "12"]);
    let days = df.sort(&[("day", SortOrder::Descending)]).unwrap();
    assert_eq!(texts(&days, "day")[0], "2024-03-06");
    let bools = df.sort(&[("open", SortOrder::Ascending)]).unwrap();
    assert_eq!(texts(&bools, "hour")[..2], ["9", "20"]);
}

#[test]
fn sort_on_several_columns() {
    let df = frame();
    let sorted = df.sort(&[("open", SortOrder::Descending), ("hour", SortOrder::Descending)]).unwrap();
    assert_eq!(texts(&sorted, "hour"), ["17", "17", "12", "", "20", "9"]);
    let sorted =
        df.sort_with(&[("city", SortOrder::Descending), ("temp", SortOrder::Ascending)], Nulls::First).unwrap();
    assert_eq!(texts(&sorted, "temp"), ["NaN", "19", "21.5", "", "18", "22"]);
}

#[test]
fn sort_errors_and_edges() {
    let df = frame();
    no_column(df.sort(&[("hour", SortOrder::Ascending), ("x", SortOrder::Ascending)]).unwrap_err(), "x");
    assert_eq!(df.sort(&[]).unwrap(), df);
    assert_eq!(empty_like().sort(&[("city", SortOrder::Ascending)]).unwrap().num_rows(), 0);
}

// ----- head, tail, slice -------------------------------------------------------

#[test]
fn head_tail_and_slice_clamp_to_the_frame() {
    let df = frame();
    assert_eq!(texts(&df.head(2), "hour"), ["17", "9"]);
    assert_eq!(texts(&df.tail(2), "hour"), ["20", "12"]);
    assert_eq!(df.head(0).num_rows(), 0);
    assert_eq!(df.tail(100).num_rows(), 6);
    assert_eq!(texts(&df.slice(2, 2), "hour"), ["", "17"]);
    assert_eq!(df.slice(5, 10).num_rows(), 1);
    assert_eq!(df.slice(6, 1).num_rows(), 0);
    assert_eq!(df.slice(usize::MAX, usize::MAX).num_rows(), 0);
    assert_eq!(DataFrame::empty().tail(3).shape(), (0, 0));
    // A slice of a slice reads the right rows, and operations work on it.
    let inner = df.slice(1, 4).slice(1, 2);
    assert_eq!(texts(&inner, "day"), ["2024-03-03", "2024-03-04"]);
    assert_eq!(inner.filter(&col("hour").is_null()).unwrap().num_rows(), 1);
    assert_eq!(inner.group_by(&["city"]).unwrap().agg(&[size()]).unwrap().num_rows(), 2);
}

// ----- group_by ----------------------------------------------------------------

#[test]
fn group_by_aggregates_each_group_with_keys_sorted_and_nulls_last() {
    let df = frame();
    let out = df
        .group_by(&["city"])
        .unwrap()
        .agg(&[sum("hour"), mean("hour"), min("hour"), max("temp"), count("hour"), n_unique("open"), size()])
        .unwrap();
    assert_eq!(
        out.column_names(),
        ["city", "hour_sum", "hour_mean", "hour_min", "temp_max", "hour_count", "open_n_unique", "size"]
    );
    assert_eq!(texts(&out, "city"), ["Lyon", "Nice", "Paris", ""]);
    assert_eq!(texts(&out, "hour_sum"), ["21", "20", "17", "17"]);
    assert_eq!(texts(&out, "hour_mean"), ["10.5", "20", "17", "17"]);
    assert_eq!(texts(&out, "hour_min"), ["9", "20", "17", "17"]);
    assert_eq!(texts(&out, "temp_max"), ["22", "", "21.5", "NaN"]);
    assert_eq!(texts(&out, "hour_count"), ["2", "1", "1", "1"]);
    assert_eq!(texts(&out, "open_n_unique"), ["2", "1", "1", "1"]);
    assert_eq!(texts(&out, "size"), ["2", "1", "2", "1"]);
}

#[test]
fn group_by_several_keys_and_other_types() {
    let df = frame();
    let out =
        df.group_by(&["open", "city"]).unwrap().agg(&[min("day"), max("city"), sum("open"), mean("open")]).unwrap();
    assert_eq!(texts(&out, "open"), ["false", "false", "true", "true", "true"]);
    assert_eq!(texts(&out, "city"), ["Lyon", "Nice", "Lyon", "Paris", ""]);
    assert_eq!(texts(&out, "day_min"), ["2024-03-02", "2024-03-05", "2024-03-06", "2024-03-01", "2024-03-04"]);
    assert_eq!(texts(&out, "open_sum"), ["0", "0", "1", "2", "1"]);
    assert_eq!(texts(&out, "open_mean"), ["0", "0", "1", "1", "1"]);
    let by_hour = df.group_by(&["hour"]).unwrap().agg(&[min("city"), max("open")]).unwrap();
    assert_eq!(texts(&by_hour, "hour"), ["9", "12", "17", "20", ""]);
    assert_eq!(texts(&by_hour, "city_min"), ["Lyon", "Lyon", "Paris", "Nice", "Paris"]);
}

#[test]
fn group_by_with_no_keys_is_one_row_even_for_an_empty_frame() {
    let out = frame().group_by(&[]).unwrap().agg(&[sum("hour").alias("total"), size()]).unwrap();
    assert_eq!(texts(&out, "total"), ["75"]);
    assert_eq!(texts(&out, "size"), ["6"]);
    let empty = empty_like().group_by(&[]).unwrap().agg(&[sum("temp"), mean("temp"), min("city")]).unwrap();
    assert_eq!(empty.num_rows(), 1);
    assert_eq!(empty.value(0, 0), Value::Float(0.0));
    assert!(empty.value(0, 1).is_null() && empty.value(0, 2).is_null());
    let keyed = empty_like().group_by(&["city"]).unwrap().agg(&[sum("hour")]).unwrap();
    assert_eq!(keyed.shape(), (0, 2));
}

#[test]
fn group_by_errors_name_the_column() {
    let df = frame();
    no_column(df.group_by(&["town"]).unwrap_err(), "town");
    no_column(df.group_by(&["city"]).unwrap().agg(&[sum("hours")]).unwrap_err(), "hours");
    type_error(
        df.group_by(&["open"]).unwrap().agg(&[sum("city")]).unwrap_err(),
        "city",
        "is text; `sum` needs numbers",
    );
    type_error(df.group_by(&["open"]).unwrap().agg(&[mean("day")]).unwrap_err(), "day", "is date; `mean` needs");
    let big = DataFrame::new(vec![("x", Column::from(vec![i64::MAX, 1]))]).unwrap();
    type_error(big.group_by(&[]).unwrap().agg(&[sum("x")]).unwrap_err(), "x", "overflows");
    // Two aggregates with one output name.
    assert!(matches!(df.group_by(&["city"]).unwrap().agg(&[sum("hour"), sum("hour")]), Err(DataError::Shape(_))));
}

#[test]
fn whole_column_aggregates() {
    let df = frame();
    assert_eq!(df.column_sum("hour").unwrap(), Value::Int(75));
    assert_eq!(df.column_mean("hour").unwrap(), Value::Float(15.0));
    assert_eq!(df.column_min("city").unwrap(), Value::Text("Lyon".into()));
    assert_eq!(df.column_max("day").unwrap(), Value::Date(NaiveDate::from_ymd_opt(2024, 3, 6).unwrap()));
    assert_eq!(df.column_max("temp").unwrap(), Value::Float(22.0)); // NaN is skipped
    assert!(empty_like().column_mean("hour").unwrap().is_null());
    type_error(df.column_sum("city").unwrap_err(), "city", "`sum` needs numbers or bools");
    no_column(df.column_min("nope").unwrap_err(), "nope");
}

// ----- join ------------------------------------------------------------------

fn regions() -> DataFrame {
    DataFrame::new(vec![
        ("city", Column::from(vec![Some("Lyon"), Some("Paris"), Some("Lyon"), None])),
        ("region", Column::from(vec!["Rhône", "IdF", "Rhône-Alpes", "nowhere"])),
        ("hour", Column::from(vec![1_i64, 2, 3, 4])),
    ])
    .unwrap()
}

#[test]
fn inner_join_repeats_left_rows_per_match_and_suffixes_clashes() {
    let joined = frame().join(&regions(), &["city"], JoinKind::Inner).unwrap();
    assert_eq!(joined.column_names(), ["city", "hour", "temp", "open", "day", "region", "hour_right"]);
    assert_eq!(texts(&joined, "city"), ["Paris", "Lyon", "Lyon", "Paris", "Lyon", "Lyon"]);
    assert_eq!(texts(&joined, "region"), ["IdF", "Rhône", "Rhône-Alpes", "IdF", "Rhône", "Rhône-Alpes"]);
    assert_eq!(texts(&joined, "hour_right"), ["2", "1", "3", "2", "1", "3"]);
}

#[test]
fn left_join_keeps_every_left_row_and_null_keys_match_nothing() {
    let joined = frame().join(&regions(), &["city"], JoinKind::Left).unwrap();
    assert_eq!(joined.num_rows(), 8);
    assert_eq!(texts(&joined, "city"), ["Paris", "Lyon", "Lyon", "Paris", "", "Nice", "Lyon", "Lyon"]);
    assert_eq!(texts(&joined, "region"), ["IdF", "Rhône", "Rhône-Alpes", "IdF", "", "", "Rhône", "Rhône-Alpes"]);
    let with_empty = frame().join(&regions().head(0), &["city"], JoinKind::Left).unwrap();
    assert_eq!(with_empty.num_rows(), 6);
    assert!(with_empty.value(0, 5).is_null());
    assert_eq!(frame().join(&regions().head(0), &["city"], JoinKind::Inner).unwrap().num_rows(), 0);
}

#[test]
fn join_on_two_keys() {
    let left = DataFrame::new(vec![
        ("a", Column::from(vec![1_i64, 1, 2, 2])),
        ("b", Column::from(vec!["x", "y", "x", "y"])),
        ("v", Column::from(vec![10_i64, 11, 12, 13])),
    ])
    .unwrap();
    let right = DataFrame::new(vec![
        ("b", Column::from(vec!["y", "x"])),
        ("a", Column::from(vec![2_i64, 1])),
        ("w", Column::from(vec![0.5, 0.25])),
    ])
    .unwrap();
    let joined = left.join(&right, &["a", "b"], JoinKind::Inner).unwrap();
    assert_eq!(joined.column_names(), ["a", "b", "v", "w"]);
    assert_eq!(texts(&joined, "v"), ["10", "13"]);
    assert_eq!(texts(&joined, "w"), ["0.25", "0.5"]);
}

#[test]
fn join_errors() {
    let df = frame();
    match df.join(&regions(), &["region"], JoinKind::Inner).unwrap_err() {
        DataError::NoColumn { name, .. } => assert_eq!(name, "region"),
        other => panic!("{other:?}"),
    }
    no_column(df.join(&regions(), &["city", "zone"], JoinKind::Left).unwrap_err(), "zone");
    type_error(
        df.join(&regions().rename(&[("hour", "h"), ("city", "hour")]).unwrap(), &["hour"], JoinKind::Inner)
            .unwrap_err(),
        "hour",
        "is int on the left but text on the right",
    );
    assert!(matches!(df.join(&regions(), &[], JoinKind::Inner), Err(DataError::Shape(_))));
}

// ----- describe, value_counts, unique --------------------------------------------

#[test]
fn describe_numbers_as_pandas_does() {
    let stats = frame().describe().unwrap();
    assert_eq!(stats.column_names(), ["statistic", "hour", "temp"]);
    assert_eq!(texts(&stats, "statistic"), ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]);
    // pandas: [17, 9, 17, 20, 12].describe()
    assert_eq!(texts(&stats, "hour"), ["5", "15", "4.4159", "9", "12", "17", "17", "20"]);
    // NaN and null are skipped: [21.5, 18, 19, 22]
    assert_eq!(texts(&stats, "temp"), ["4", "20.125", "1.9311", "18", "18.75", "20.25", "21.625", "22"]);
    let empty = empty_like().describe().unwrap();
    assert_eq!(texts(&empty, "hour"), ["0", "", "", "", "", "", "", ""]);
    let text_only = frame().select(&["city"]).unwrap().describe().unwrap();
    assert_eq!(text_only.column_names(), ["statistic"]);
}

#[test]
fn value_counts_most_frequent_first_without_nulls() {
    let counts = frame().value_counts("city").unwrap();
    assert_eq!(counts.column_names(), ["city", "count"]);
    assert_eq!(texts(&counts, "city"), ["Lyon", "Paris", "Nice"]);
    assert_eq!(texts(&counts, "count"), ["2", "2", "1"]);
    assert_eq!(texts(&frame().value_counts("open").unwrap(), "open"), ["true", "false"]);
    assert_eq!(empty_like().value_counts("hour").unwrap().shape(), (0, 2));
    no_column(frame().value_counts("town").unwrap_err(), "town");
}

#[test]
fn unique_keeps_first_rows_in_order() {
    let df = frame().select(&["city", "open"]).unwrap();
    let unique = df.unique();
    assert_eq!(texts(&unique, "city"), ["Paris", "Lyon", "", "Nice", "Lyon"]);
    assert_eq!(texts(&unique, "open"), ["true", "false", "true", "false", "true"]);
    assert_eq!(empty_like().unique().num_rows(), 0);
    assert_eq!(DataFrame::empty().unique(), DataFrame::empty());
}

// ----- with_column and arithmetic -------------------------------------------------

#[test]
fn with_column_appends_replaces_and_computes() {
    let df = frame();
    let out = df.with_column("next", col("hour") + 1).unwrap();
    assert_eq!(texts(&out, "next"), ["18", "10", "", "18", "21", "13"]);
    let out = df.with_column("hour", col("hour") * 2.5).unwrap();
    assert_eq!(out.column_names(), df.column_names());
    assert_eq!(texts(&out, "hour")[..2], ["42.5", "22.5"]);
    let out = df.with_column("ratio", col("hour") / col("temp")).unwrap();
    assert_eq!(out.cell_text(1, 5), "0.5");
    let out = df.with_column("diff", col("hour") - col("hour")).unwrap();
    assert_eq!(
        out.column_values("diff").unwrap(),
        Column::from(vec![Some(0_i64), Some(0), None, Some(0), Some(0), Some(0)])
    );
    let out = df.with_column("late", col("hour").gt(16)).unwrap();
    assert_eq!(texts(&out, "late"), ["true", "false", "", "true", "true", "false"]);
    let out = df.with_column("id", Column::from((0..6_i64).collect::<Vec<_>>())).unwrap();
    assert_eq!(out.cell_text(5, 5), "5");
    let out = df.with_column("unit", lit("°C")).unwrap();
    assert_eq!(texts(&out, "unit")[5], "°C");
    let zero = DataFrame::new(vec![("x", Column::from(vec![1.0]))]).unwrap().with_column("y", col("x") / 0).unwrap();
    assert_eq!(zero.cell_text(0, 1), "∞");
    let first = DataFrame::empty().with_column("a", Column::from(vec![1_i64, 2])).unwrap();
    assert_eq!(first.shape(), (2, 1));
}

#[test]
fn with_column_errors() {
    let df = frame();
    assert!(matches!(df.with_column("x", Column::from(vec![1_i64])), Err(DataError::Shape(_))));
    no_column(df.with_column("x", col("nope") + 1).unwrap_err(), "nope");
    type_error(df.with_column("x", col("city") + 1).unwrap_err(), "city", "arithmetic needs numbers, but it is text");
    type_error(df.with_column("x", col("hour") * col("day")).unwrap_err(), "day", "arithmetic needs numbers");
    let big = DataFrame::new(vec![("x", Column::from(vec![i64::MAX]))]).unwrap();
    type_error(big.with_column("y", col("x") + 1).unwrap_err(), "x", "overflow");
}

#[test]
fn expressions_show_as_code_in_errors() {
    let expr = col("hour").ge(17).and(col("city").is_in(["Paris", "Nice"]).or(col("temp").is_null().not()));
    assert_eq!(expr.to_string(), r#"((hour >= 17) and (city.is_in(["Paris", "Nice"]) or not temp.is_null()))"#);
    let error = frame().filter(&(col("hour") + 1)).unwrap_err();
    assert_eq!(error.to_string(), "column `(hour + 1)`: is int, not a true/false condition");
}

// ----- properties ---------------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;
    use wasmlit::data::{col, size, sum, Column, DataFrame, Nulls, SortOrder, Value};

    fn frame(keys: Vec<Option<i64>>, values: Vec<Option<i64>>) -> DataFrame {
        let n = keys.len().min(values.len());
        let row: Vec<i64> = (0..n as i64).collect();
        DataFrame::new(vec![
            ("k", Column::from(keys[..n].to_vec())),
            ("v", Column::from(values[..n].to_vec())),
            ("row", Column::from(row)),
        ])
        .unwrap()
    }

    fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
        match df.column_values(name).unwrap() {
            Column::Int(v) => v,
            other => panic!("{other:?}"),
        }
    }

    fn small() -> impl Strategy<Value = Vec<Option<i64>>> {
        prop::collection::vec(prop::option::weighted(0.8, -5_i64..5), 0..60)
    }

    proptest! {
        #[test]
        fn sort_is_a_stable_ordered_permutation(keys in small(), values in small(), descending: bool, first: bool) {
            let df = frame(keys, values);
            let order = if descending { SortOrder::Descending } else { SortOrder::Ascending };
            let nulls = if first { Nulls::First } else { Nulls::Last };
            let sorted = df.sort_with(&[("k", order), ("v", SortOrder::Ascending)], nulls).unwrap();
            let mut rows: Vec<i64> = ints(&sorted, "row").into_iter().flatten().collect();
            let (k, v, r) = (ints(&sorted, "k"), ints(&sorted, "v"), ints(&sorted, "row"));
            for i in 1..k.len() {
                let rank = |x: Option<i64>| match (x, first) {
                    (None, true) => (0, 0),
                    (None, false) => (2, 0),
                    (Some(x), _) => (1, if descending { -x } else { x }),
                };
                let vrank = |x: Option<i64>| match (x, first) {
                    (None, true) => (0, 0),
                    (None, false) => (2, 0),
                    (Some(x), _) => (1, x),
                };
                let (a, b) = ((rank(k[i - 1]), vrank(v[i - 1])), (rank(k[i]), vrank(v[i])));
                prop_assert!(a <= b, "rows {} and {} out of order", i - 1, i);
                if a == b {
                    prop_assert!(r[i - 1] < r[i], "tie not stable at {}", i);
                }
            }
            rows.sort_unstable();
            prop_assert_eq!(rows, (0..df.num_rows() as i64).collect::<Vec<_>>());
        }

        #[test]
        fn group_sums_add_up_to_the_column_sum(keys in small(), values in small()) {
            let df = frame(keys, values);
            let groups = df.group_by(&["k"]).unwrap().agg(&[sum("v"), size()]).unwrap();
            let total: i64 = ints(&groups, "v_sum").into_iter().flatten().sum();
            prop_assert_eq!(Value::Int(total), df.column_sum("v").unwrap());
            let rows: i64 = ints(&groups, "size").into_iter().flatten().sum();
            prop_assert_eq!(rows, df.num_rows() as i64);
            let distinct: std::collections::HashSet<Option<i64>> = ints(&df, "k").into_iter().collect();
            prop_assert_eq!(groups.num_rows(), distinct.len());
        }

        #[test]
        fn filter_keeps_exactly_the_rows_the_predicate_holds_for(keys in small(), values in small(), low in -5_i64..5) {
            let df = frame(keys, values);
            let expected = ints(&df, "k").iter().zip(ints(&df, "v"))
                .filter(|(k, v)| k.is_some_and(|k| k >= low) && v.is_none_or(|v| v < low))
                .count();
            let by_expr = df.filter(&col("k").ge(low).and(col("v").lt(low).or(col("v").is_null()))).unwrap();
            prop_assert_eq!(by_expr.num_rows(), expected);
            let by_rows = df
                .filter_rows(|row| row.int("k").is_some_and(|k| k >= low) && row.int("v").is_none_or(|v| v < low))
                .unwrap();
            prop_assert_eq!(by_rows, by_expr);
        }
    }
}
