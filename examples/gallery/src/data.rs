//! The gallery's "Data elements" section: `dataframe` with a column config of each type,
//! a selection that the script reads back, styled cells, `data_editor`, a million rows on
//! request, and `table`.

use std::rc::Rc;

use wasmlit::chrono::NaiveDate;
use wasmlit::data::Value;
use wasmlit::prelude::*;

const CITIES: [&str; 8] = ["Berlin", "Quito", "Pune", "Osaka", "Lagos", "Tunis", "Lima", "Oslo"];
const NAMES: [&str; 10] = ["Ada", "Linus", "Grace", "Ken", "Barbara", "Dennis", "Margaret", "Guido", "Bjarne", "Radia"];

/// A small deterministic random stream (a 64-bit LCG), so every run draws the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1_u64 << 53) as f64
    }
}

/// Ten people, with a column for each kind of column config.
pub fn people() -> DataFrame {
    let mut rng = Lcg(7);
    let day = |offset: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono_days(offset);
    let mut rows = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        let trend: Vec<String> = (0..16).map(|_| format!("{:.1}", rng.next() * 10.0)).collect();
        let sales: Vec<String> = (0..8).map(|_| format!("{:.0}", rng.next() * 100.0)).collect();
        rows.push((
            format!("{name} #{i}"),
            (i != 4).then(|| CITIES[i % CITIES.len()].to_string()),
            day((rng.next() * 600.0) as i64),
            i % 3 == 1,
            (i != 2 && i != 7).then(|| 40.0 + rng.next() * 60.0),
            (i != 6).then(|| rng.next() * 100.0),
            format!("[{}]", trend.join(", ")),
            sales.join(","),
            format!("https://example.com/people/{i}"),
            ["rust", "wasm", "data", "ui"][i % 4..].iter().take(2).copied().collect::<Vec<_>>().join(", "),
        ));
    }
    DataFrame::new(vec![
        ("name", Column::from(rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>())),
        ("city", Column::from(rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>())),
        ("joined", Column::from(rows.iter().map(|r| r.2).collect::<Vec<_>>())),
        ("active", Column::from(rows.iter().map(|r| r.3).collect::<Vec<_>>())),
        ("score", Column::from(rows.iter().map(|r| r.4).collect::<Vec<_>>())),
        ("progress", Column::from(rows.iter().map(|r| r.5).collect::<Vec<_>>())),
        ("trend", Column::from(rows.iter().map(|r| r.6.clone()).collect::<Vec<_>>())),
        ("sales", Column::from(rows.iter().map(|r| r.7.clone()).collect::<Vec<_>>())),
        ("homepage", Column::from(rows.iter().map(|r| r.8.clone()).collect::<Vec<_>>())),
        ("tags", Column::from(rows.iter().map(|r| r.9.clone()).collect::<Vec<_>>())),
    ])
    .unwrap_or_default()
}

fn chrono_days(days: i64) -> wasmlit::chrono::Days {
    wasmlit::chrono::Days::new(days.max(0) as u64)
}

/// A million rows × ten columns, the same on every call: `row` counts up, the rest is
/// drawn from a seeded stream.
pub fn million_rows(rows: usize) -> DataFrame {
    let mut rng = Lcg(42);
    let mut ids = Vec::with_capacity(rows);
    let mut cities = Vec::with_capacity(rows);
    let mut labels = Vec::with_capacity(rows);
    let mut values = Vec::with_capacity(rows);
    let mut scores = Vec::with_capacity(rows);
    let mut counts = Vec::with_capacity(rows);
    let mut flags = Vec::with_capacity(rows);
    let mut dates = Vec::with_capacity(rows);
    let mut ratios = Vec::with_capacity(rows);
    let mut grades = Vec::with_capacity(rows);
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for i in 0..rows {
        ids.push(i as i64);
        cities.push(CITIES[(rng.next() * 8.0) as usize % 8]);
        labels.push(format!("item-{i:07}"));
        values.push((rng.next() * 1_000_000.0).round() / 100.0);
        scores.push((rng.next() < 0.97).then(|| (rng.next() * 1000.0).round() / 10.0));
        counts.push((rng.next() * 500.0) as i64);
        flags.push(rng.next() < 0.5);
        dates.push(start + chrono_days((rng.next() * 2000.0) as i64));
        ratios.push(rng.next());
        grades.push(["A", "B", "C", "D", "E"][(rng.next() * 5.0) as usize % 5]);
    }
    DataFrame::new(vec![
        ("row", Column::from(ids)),
        ("city", Column::from(cities)),
        ("label", Column::from(labels)),
        ("value", Column::from(values)),
        ("score", Column::from(scores)),
        ("count", Column::from(counts)),
        ("flag", Column::from(flags)),
        ("date", Column::from(dates)),
        ("ratio", Column::from(ratios)),
        ("grade", Column::from(grades)),
    ])
    .unwrap_or_default()
}

/// The million-row frame, made once per tab and shared by every run.
#[cache_resource]
fn million() -> Rc<DataFrame> {
    million_rows(1_000_000)
}

pub fn data_elements(ui: &Ui, index: usize) -> Result {
    super::section(ui, index);
    let people = people();

    ui.subheader("dataframe: an interactive grid");
    ui.caption("Click a header to sort, drag its edge to resize; hover for search, download and full screen. Click a cell, shift-click another, and press Ctrl+C to copy the range.");
    ui.add(
        DataFrameView::new(people.clone())
            .column_config("name", ColumnConfig::text().label("Name"))
            .column_config("joined", ColumnConfig::date().format("%d %b %Y").map_err(Error::msg)?.label("Joined"))
            .column_config("active", ColumnConfig::checkbox().label("Active"))
            .column_config("score", ColumnConfig::number().format("%.1f pts").map_err(Error::msg)?.label("Score"))
            .column_config(
                "progress",
                ColumnConfig::progress(0.0, 100.0).format("%.0f%%").map_err(Error::msg)?.label("Progress"),
            )
            .column_config("trend", ColumnConfig::line_chart().label("Trend").width(ColumnWidth::Medium))
            .column_config("sales", ColumnConfig::bar_chart().label("Sales").y_range(0.0, 100.0))
            .column_config("homepage", ColumnConfig::link(None).label("Homepage").help("Each person's page"))
            .column_config("tags", ColumnConfig::list().label("Tags")),
    );

    ui.subheader("Selecting rows");
    let picked = ui.add(
        DataFrameView::new(people.clone())
            .column_order(["name", "city", "score"])
            .hide_index(false)
            .selection_mode(SelectionMode::MultiRow)
            .key("gallery_people"),
    );
    let names: Vec<String> = picked.rows.iter().map(|row| people.cell_text(*row, 0)).collect();
    ui.write(format!(
        "Selected rows: {:?} {}",
        picked.rows,
        if names.is_empty() { String::new() } else { format!("({})", names.join(", ")) }
    ));

    ui.subheader("Styled cells");
    ui.caption("pandas' `df.style.highlight_max(axis=0)`: each column's largest value, and a colour per value.");
    let scores = people.select(&["name", "score", "progress"])?;
    ui.add(
        DataFrameView::new(scores)
            .hide_index(true)
            .highlight_max(Axis::Columns)
            .map_background("score", |v| matches!(v, Value::Float(x) if *x < 60.0).then(|| "#ffcdd2".to_string())),
    );

    ui.subheader("data_editor: edit cells, add and delete rows");
    ui.caption("Type in a cell and press Enter; “+ Add row” appends one, the boxes on the left pick rows to delete. Names are read-only.");
    let team = people.select(&["name", "city", "active", "score"])?;
    let edited =
        ui.add(DataEditor::new(team).num_rows(NumRows::Dynamic).disabled_columns(["name"]).key("gallery_editor"));
    let active = (0..edited.num_rows()).filter(|r| matches!(edited.value(*r, 2), Value::Bool(true))).count();
    ui.write(format!("The edited frame has **{} rows**, {active} of them active.", edited.num_rows()));

    ui.subheader("A million rows");
    if ui.toggle("Load a million rows") {
        let df = million();
        ui.caption(format!(
            "{} rows × {} columns, made once per tab (cache_resource); only the visible window is in the page.",
            df.num_rows(),
            df.num_columns()
        ));
        ui.add(
            DataFrameView::new((*df).clone())
                .height(420)
                .column_config("value", ColumnConfig::number().format("dollar").map_err(Error::msg)?)
                .column_config("ratio", ColumnConfig::progress(0.0, 1.0).format("percent").map_err(Error::msg)?),
        );
    }

    ui.subheader("table: a static table");
    ui.table(&people.select_first(6));
    Ok(())
}

/// The first rows of a frame, for the static table.
trait Head {
    fn select_first(&self, rows: usize) -> DataFrame;
}

impl Head for DataFrame {
    fn select_first(&self, rows: usize) -> DataFrame {
        let names = ["name", "city", "joined", "active", "score"];
        let columns =
            names.iter().filter_map(|name| self.column_values(name).ok().map(|c| (*name, truncate(c, rows)))).collect();
        DataFrame::new(columns).unwrap_or_default()
    }
}

fn truncate(column: Column, rows: usize) -> Column {
    match column {
        Column::Int(mut v) => {
            v.truncate(rows);
            Column::Int(v)
        }
        Column::Float(mut v) => {
            v.truncate(rows);
            Column::Float(v)
        }
        Column::Bool(mut v) => {
            v.truncate(rows);
            Column::Bool(v)
        }
        Column::Text(mut v) => {
            v.truncate(rows);
            Column::Text(v)
        }
        Column::Date(mut v) => {
            v.truncate(rows);
            Column::Date(v)
        }
        Column::Datetime(mut v) => {
            v.truncate(rows);
            Column::Datetime(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_frames_are_deterministic_and_the_section_draws() {
        let a = million_rows(1000);
        assert_eq!(a.shape(), (1000, 10));
        assert_eq!(a, million_rows(1000));
        assert_eq!(a.cell_text(999, 0), "999");
        assert_eq!(people().shape(), (10, 10));
        let mut at = AppTest::new(|ui: &Ui| data_elements(ui, 0));
        at.run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(at.get("dataframe").len(), 3);
        assert_eq!(at.get("table").len(), 1);
        at.dataframe(1).set_value(DataFrameSelection { rows: vec![3], columns: vec![] }).run();
        assert!(at.markdown(0).text().starts_with("Selected rows: [3] (Ken #3)"), "{}", at.markdown(0).text());
        let styled = at.dataframe(2);
        let Element::Dataframe(props) = styled.element() else { panic!("not a dataframe") };
        assert!(props.styles.len() >= 2, "two maxima and the low scores");
        assert_eq!(at.markdown(1).text(), "The edited frame has **10 rows**, 3 of them active.");
        at.data_editor(0).add_row([("city", "Delft")]).run();
        assert_eq!(at.markdown(1).text(), "The edited frame has **11 rows**, 3 of them active.");
    }
}
