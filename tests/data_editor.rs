//! `data_editor` scenarios: edits as widget state (reruns, session state, callbacks, forms),
//! the rules (types, fixed rows, disabled columns) and the frame the script gets back.
#![cfg(feature = "data")]

use std::cell::RefCell;
use std::rc::Rc;

use wasmlit::data::Value;
use wasmlit::prelude::*;
use wasmlit::widgets::data_editor::EditError;

fn frame(rows: usize) -> DataFrame {
    let names = ["Ada", "Linus", "Grace", "Ken", "Barbara"];
    DataFrame::new(vec![
        ("name", Column::from(names.iter().cycle().take(rows).copied().collect::<Vec<_>>())),
        ("score", Column::from((0..rows).map(|i| Some(i as f64 + 0.5)).collect::<Vec<_>>())),
        ("active", Column::from((0..rows).map(|i| i % 2 == 0).collect::<Vec<_>>())),
        ("joined", Column::from(vec![NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(); rows])),
    ])
    .unwrap()
}

/// The frame as `name score active joined` lines, nulls as `-`.
fn lines(df: &DataFrame) -> String {
    (0..df.num_rows())
        .map(|r| {
            (0..df.num_columns())
                .map(|c| if df.value(r, c).is_null() { "-".to_string() } else { df.cell_text(r, c) })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn edits_survive_reruns_and_are_read_by_key() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let edited = ui.add(DataEditor::new(frame(3)).num_rows(NumRows::Dynamic).key("team"));
        ui.write(lines(&edited));
        let edits: EditState = ui.session_state().get("team")?;
        ui.write(format!(
            "edited {:?} added {} deleted {:?}",
            edits.edited_rows.keys().collect::<Vec<_>>(),
            edits.added_rows.len(),
            edits.deleted_rows
        ));
        ui.button("Rerun");
        Ok(())
    });
    at.run();
    assert_eq!(at.markdown(1).text(), "edited [] added 0 deleted []");
    at.data_editor(key("team")).edit_cell(0, "score", 9.25).edit_cell(2, "active", false).run();
    at.data_editor(0).delete_rows([1]).add_row([("name", "Ken")]).run();
    let expected = "Ada 9.25 true 2024-01-01 | Grace 2.5 false 2024-01-01 | Ken - - -";
    assert_eq!(at.markdown(0).text(), expected);
    assert_eq!(at.markdown(1).text(), "edited [0, 2] added 1 deleted [1]");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), expected, "edits survive a rerun from another widget");
    let edits: EditState = at.session_state().get("team").unwrap();
    assert_eq!(edits.edited_rows[&0]["score"], Value::Float(9.25));
    assert_eq!(edits.added_rows[0]["name"], Value::Text("Ken".into()));
}

#[test]
fn the_returned_frame_keeps_column_types_and_nulls() {
    let mut at = AppTest::new(|ui: &Ui| {
        let edited = ui.add(DataEditor::new(frame(2)).num_rows(NumRows::Dynamic));
        let types: Vec<&str> = (0..edited.num_columns()).map(|c| edited.dtype(c).name()).collect();
        ui.write(format!("{} / {}", types.join(","), lines(&edited)));
    });
    at.run();
    at.data_editor(0)
        .edit_cell(0, "score", 3) // an integer in a float column
        .edit_cell(1, "joined", None::<NaiveDate>)
        .add_row([("active", Value::Bool(true)), ("joined", Value::Date(NaiveDate::from_ymd_opt(2025, 5, 6).unwrap()))])
        .run();
    assert_eq!(
        at.markdown(0).text(),
        "text,float,bool,date / Ada 3 true 2024-01-01 | Linus 1.5 false - | - - true 2025-05-06"
    );
}

#[test]
fn an_edit_of_the_wrong_type_is_refused_and_the_state_is_unchanged() {
    let mut at = AppTest::new(|ui: &Ui| {
        let edited = ui.add(DataEditor::new(frame(2)).key("e"));
        ui.write(lines(&edited));
    });
    at.run();
    at.data_editor(0).edit_cell(1, "name", "Linux").run();
    let before = at.data_editor(0).value::<EditState>();
    let error =
        at.data_editor(0).try_edit(Edit::Cell { row: 0, column: "score".into(), value: Value::Text("high".into()) });
    assert_eq!(
        error.err().map(|e| e.to_string()).as_deref(),
        Some("column `score` holds float values: \"high\" is not one")
    );
    let error = at.data_editor(0).try_edit(Edit::Cell { row: 5, column: "score".into(), value: Value::Float(1.0) });
    assert_eq!(error.err(), Some(EditError::NoRow { row: 5, rows: 2 }));
    // A page that sent such a state anyway: the engine refuses it; the edits stay.
    let mut bad = before.clone();
    bad.edited_rows.entry(0).or_default().insert("active".into(), Value::Int(1));
    at.data_editor(0).set_edits(bad).run();
    assert_eq!(at.data_editor(0).value::<EditState>(), before);
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01 | Linux 1.5 false 2024-01-01");
}

#[test]
fn fixed_rows_refuse_adds_and_deletes() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.write(ui.data_editor(&frame(2)).num_rows().to_string());
    });
    at.run();
    let add = at.data_editor(0).try_edit(Edit::AddRow(Default::default()));
    assert_eq!(
        add.err().map(|e| e.to_string()).as_deref(),
        Some("rows cannot be added or deleted: this editor has a fixed number of rows")
    );
    assert!(at.data_editor(0).try_edit(Edit::DeleteRows(vec![0])).is_err());
    let sneaky = EditState { added_rows: vec![Default::default()], ..EditState::default() };
    at.data_editor(0).set_edits(sneaky).run();
    assert_eq!(at.markdown(0).text(), "2");
}

#[test]
fn deleting_an_added_row_removes_it_from_added_rows() {
    let mut at = AppTest::new(|ui: &Ui| {
        let edited = ui.add(DataEditor::new(frame(1)).num_rows(NumRows::Dynamic));
        ui.write(lines(&edited));
    });
    at.run();
    at.data_editor(0).add_row([("name", "one")]).add_row([("name", "two")]).run();
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01 | one - - - | two - - -");
    // Shown row 1 is the first added row.
    at.data_editor(0).delete_rows([1]).run();
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01 | two - - -");
    let edits = at.data_editor(0).value::<EditState>();
    assert!(edits.deleted_rows.is_empty());
    assert_eq!(edits.added_rows.len(), 1);
    at.data_editor(0).delete_rows([0, 1]).run();
    assert_eq!(at.markdown(0).text(), "");
    assert_eq!(at.data_editor(0).value::<EditState>().deleted_rows, vec![0]);
}

#[test]
fn with_a_key_edits_are_positional_and_kept_while_the_data_change() {
    let mut at = AppTest::new(|ui: &Ui| {
        let rows = if ui.checkbox("Fewer rows") { 1 } else { 3 };
        let more = ui.checkbox("Other names");
        let mut df = frame(rows);
        if more {
            df = DataFrame::new(vec![
                ("name", Column::from(vec!["X", "Y", "Z"])),
                ("score", Column::from(vec![1.0, 2.0, 3.0])),
                ("active", Column::from(vec![true; 3])),
                ("joined", Column::from(vec![NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(); 3])),
            ])
            .unwrap();
        }
        let keyed = ui.add(DataEditor::new(df.clone()).key("keyed"));
        let keyless = ui.add(DataEditor::new(df));
        ui.write(lines(&keyed));
        ui.write(lines(&keyless));
    });
    at.run();
    at.data_editor(0).edit_cell(1, "name", "edited").run();
    at.data_editor(1).edit_cell(1, "name", "edited").run();
    assert!(at.markdown(0).text().contains("edited 1.5"));
    assert!(at.markdown(1).text().contains("edited 1.5"));
    at.checkbox(1).check().run();
    assert_eq!(
        at.markdown(0).text(),
        "X 1 true 2020-01-01 | edited 2 true 2020-01-01 | Z 3 true 2020-01-01",
        "kept by position"
    );
    assert_eq!(
        at.markdown(1).text(),
        "X 1 true 2020-01-01 | Y 2 true 2020-01-01 | Z 3 true 2020-01-01",
        "other data, another widget"
    );
    at.checkbox(1).uncheck().run();
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01", "an edit of a row that is gone no longer fits: reset");
    assert_eq!(at.data_editor(key("keyed")).value::<EditState>(), EditState::default());
    assert!(at.get("exception").is_empty());
}

#[test]
fn edits_cannot_be_set_through_session_state() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let edited = ui.add(DataEditor::new(frame(1)).key("grid"));
        ui.write(lines(&edited));
        if ui.button("Set after") {
            let refused = ui.session_state().set("grid", EditState::default());
            ui.write(refused.map_or_else(|e| e.to_string(), |_| "set".into()));
        }
        Ok(())
    });
    at.run();
    at.data_editor(0).edit_cell(0, "name", "Lovelace").run();
    // Between runs (as a callback would), the key belongs to a data editor: refused.
    let refused = at.session_state().set("grid", EditState::default()).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The value of the data_editor with key \"grid\" cannot be set using st.session_state."
    );
    at.button(0).click().run();
    assert_eq!(
        at.markdown(1).text(),
        "`st.session_state.grid` cannot be modified after the widget with key `grid` is instantiated."
    );
    assert_eq!(at.markdown(0).text(), "Lovelace 0.5 true 2024-01-01");
}

#[test]
fn a_value_set_before_the_editor_first_appears_is_an_error_in_its_place() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.session_state().set("grid", EditState::default())?;
        let edited = ui.add(DataEditor::new(frame(1)).key("grid"));
        ui.write(lines(&edited));
        Ok(())
    });
    at.run();
    assert_eq!(
        at.exception(0).text(),
        "StreamlitAPIException: The value of the data_editor with key \"grid\" cannot be set using st.session_state."
    );
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01");
}

#[test]
fn on_change_runs_before_the_script_with_the_new_edits() {
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = log.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let seen = seen.clone();
        let edited = ui.add(DataEditor::new(frame(2)).key("k").on_change(move |ui: &Ui| -> Result {
            let edits: EditState = ui.session_state().get("k")?;
            seen.borrow_mut().push(format!("callback sees {} edited rows", edits.edited_rows.len()));
            Ok(())
        }));
        ui.write(lines(&edited));
    });
    at.run();
    at.run();
    assert!(log.borrow().is_empty(), "no change, no callback");
    at.data_editor(0).edit_cell(0, "active", false).run();
    assert_eq!(*log.borrow(), ["callback sees 1 edited rows"]);
    at.run();
    assert_eq!(log.borrow().len(), 1);
}

#[test]
fn in_a_form_edits_wait_for_the_submit_button() {
    let mut at = AppTest::new(|ui: &Ui| {
        let form = ui.form("f");
        let edited = form.add(DataEditor::new(frame(2)));
        form.form_submit_button("Save");
        ui.write(lines(&edited));
    });
    at.run();
    at.data_editor(0).edit_cell(0, "name", "A").edit_cell(1, "name", "B");
    at.run();
    assert_eq!(at.markdown(0).text(), "Ada 0.5 true 2024-01-01 | Linus 1.5 false 2024-01-01");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "A 0.5 true 2024-01-01 | B 1.5 false 2024-01-01", "both held edits arrive");
}

#[test]
fn two_keyless_editors_of_the_same_data_are_a_duplicate() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.data_editor(&frame(2));
        ui.data_editor(&frame(2));
        ui.data_editor(&frame(3));
    });
    at.run();
    assert!(at.exception(0).text().starts_with("DuplicateWidgetID"), "{}", at.exception(0).text());
    assert_eq!(at.get("data_editor").len(), 2);
}

/// Times a rerun of an editor of 100,000 rows (`-- --ignored --nocapture`): the keyless
/// identity hashes the data, one edit rebuilds one column, a delete takes the others.
#[test]
#[ignore]
fn timing_of_a_large_editor() {
    let rows = 100_000;
    let df = frame(rows);
    let mut at = AppTest::new(move |ui: &Ui| {
        let edited = ui.add(DataEditor::new(df.clone()).num_rows(NumRows::Dynamic));
        ui.write(edited.num_rows().to_string());
    });
    let time = |at: &mut AppTest, what: &str| {
        let start = std::time::Instant::now();
        at.run();
        eprintln!("{what}: {:?}", start.elapsed());
    };
    time(&mut at, "first run");
    time(&mut at, "rerun, no edits");
    at.data_editor(0).edit_cell(5, "score", 1.0);
    time(&mut at, "rerun after one edit");
    at.data_editor(0).delete_rows([0]);
    time(&mut at, "rerun after a delete too (untouched columns through take)");
    assert_eq!(at.markdown(0).text(), (rows - 1).to_string());
}
