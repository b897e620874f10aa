//! The `data_editor` renderer in headless Chromium: typed cells, refused edits, rows added
//! and deleted, read-only columns, a frame of 100,000 rows drawn a window at a time.
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_data_editor`

#![cfg(all(target_arch = "wasm32", feature = "data"))]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

fn shown(root: &HtmlElement) -> String {
    find(root, ".wl-markdown").text_content().unwrap_or_default().trim().to_string()
}

/// The drawn rows (the two spacers above and below them are not rows).
const ROWS: &str = "tbody tr:not(.wl-data-editor-spacer)";

fn commit(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

fn app(ui: &Ui) -> Result {
    let df = DataFrame::new(vec![
        ("name", Column::from(vec!["Ada", "Linus"])),
        ("age", Column::from(vec![36_i64, 28])),
        ("active", Column::from(vec![true, false])),
        ("id", Column::from(vec![1_i64, 2])),
    ])?;
    let edited = ui.add(DataEditor::new(df).num_rows(NumRows::Dynamic).disabled_columns(["id"]).key("people"));
    let rows: Vec<String> = (0..edited.num_rows())
        .map(|r| (0..edited.num_columns()).map(|c| edited.cell_text(r, c)).collect::<Vec<_>>().join(" "))
        .collect();
    ui.write(rows.join("; "));
    Ok(())
}

#[wasm_bindgen_test]
async fn cells_commit_typed_values_and_a_refused_edit_shows_why() {
    let (root, _mounted) = mount(app).await;
    assert_eq!(shown(&root), "Ada 36 true 1; Linus 28 false 2");
    // Three editable columns (plus the row pickers); `id` is read-only text.
    let inputs = all(&root, ".wl-data-editor-input");
    assert_eq!(inputs.len(), 4, "name and age in two rows");
    assert_eq!(all(&root, "td.wl-data-editor-readonly").len(), 2);
    let age: HtmlInputElement = inputs[1].clone().unchecked_into();
    assert_eq!(age.type_(), "number");
    commit(&age, "37");
    settle().await;
    assert_eq!(shown(&root), "Ada 37 true 1; Linus 28 false 2");
    assert!(age.is_connected(), "an edit patches the cell; the table is not redrawn");
    commit(&age, "37.5");
    settle().await;
    assert_eq!(shown(&root), "Ada 37 true 1; Linus 28 false 2", "refused: nothing was sent");
    assert_eq!(age.value(), "37", "the cell goes back to the value the editor holds");
    let error = find(&root, ".wl-data-editor-error");
    assert!(!error.hidden());
    assert_eq!(error.text_content().unwrap(), "column `age` holds int values: \"37.5\" is not one");
    // A checkbox cell, then a good edit clears the error.
    let active: HtmlInputElement = find(&root, ".wl-data-editor-bool input").unchecked_into();
    active.click();
    settle().await;
    assert_eq!(shown(&root), "Ada 37 false 1; Linus 28 false 2");
    assert!(find(&root, ".wl-data-editor-error").hidden());
}

#[wasm_bindgen_test]
async fn rows_are_added_and_the_picked_ones_deleted() {
    let (root, _mounted) = mount(app).await;
    find(&root, ".wl-data-editor-add").click();
    settle().await;
    assert_eq!(all(&root, ROWS).len(), 3);
    assert_eq!(shown(&root), "Ada 36 true 1; Linus 28 false 2;", "an added row is all nulls");
    let name: HtmlInputElement = all(&root, ".wl-data-editor-input")[4].clone().unchecked_into();
    commit(&name, "Grace");
    settle().await;
    assert_eq!(shown(&root), "Ada 36 true 1; Linus 28 false 2; Grace");
    let delete = find(&root, ".wl-data-editor-delete");
    assert!(delete.get_attribute("disabled").is_some(), "nothing picked yet");
    let pickers = all(&root, ".wl-data-editor-pick input");
    pickers[0].click();
    pickers[2].click();
    settle().await;
    delete.click();
    settle().await;
    assert_eq!(shown(&root), "Linus 28 false 2");
    assert_eq!(all(&root, ROWS).len(), 1);
}

fn big(ui: &Ui) -> Result {
    let df = DataFrame::new(vec![("n", Column::from((0..100_000_i64).collect::<Vec<_>>()))])?;
    let edited = ui.add(DataEditor::new(df).key("big"));
    ui.write(format!("last {}", edited.cell_text(99_999, 0)));
    Ok(())
}

#[wasm_bindgen_test]
async fn a_hundred_thousand_rows_draw_a_window_and_the_last_one_is_edited() {
    let (root, _mounted) = mount(big).await;
    let drawn = all(&root, ROWS).len();
    assert!((5..=40).contains(&drawn), "{drawn} rows in the DOM for 100,000");
    let first_index = || find(&root, "tbody .wl-data-editor-index").text_content().unwrap();
    assert_eq!(first_index(), "0");
    let scroller = find(&root, ".wl-data-editor-box");
    assert!(scroller.client_height() < 500, "ten rows high, not 100,000");
    scroller.set_scroll_top(scroller.scroll_height());
    scroller.dispatch_event(&web_sys::Event::new("scroll").unwrap()).unwrap();
    settle().await;
    let rows = all(&root, ROWS);
    assert!(rows.len() <= 40, "{} rows after the scroll", rows.len());
    let last = rows.last().unwrap();
    assert_eq!(find(last, ".wl-data-editor-index").text_content().as_deref(), Some("99999"));
    // The last row sits inside the box's visible area.
    let (bottom, box_bottom) = (last.get_bounding_client_rect().bottom(), scroller.get_bounding_client_rect().bottom());
    assert!(bottom <= box_bottom + 1.0 && bottom > box_bottom - 80.0, "row bottom {bottom}, box bottom {box_bottom}");
    let input: HtmlInputElement = find(last, ".wl-data-editor-input").unchecked_into();
    commit(&input, "7");
    settle().await;
    assert_eq!(shown(&root), "last 7");
}
