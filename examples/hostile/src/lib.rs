//! An app that attacks itself, for the end-to-end tests (`tests/e2e.rs`, "Hostile text" and
//! "Crashes"):
//!
//! - every payload of the XSS corpus (`tests/corpus/xss.txt`) goes through every text surface:
//!   Markdown and `write`, titles, captions, alerts, toasts, code, JSON, metrics, widget labels,
//!   help tooltips, placeholders and options, tab and expander labels, data-frame cells and
//!   headers, chart fields and titles, page titles, the `?q=` query parameter, and the names of
//!   uploaded files;
//! - the "Crashes" page panics in a callback, a cached function, a fragment, a renderer and an
//!   async run, and counts clicks in a persisted key that a restart must bring back.
//!
//! The page catches every `alert`/`confirm`/`prompt`/`print` a payload would call
//! (`sentinel.js`), so the test can tell that none ran.

#[cfg(target_arch = "wasm32")]
pub mod bomb;

use std::time::Duration;

use wasmlit::data::{Column, DataFrame};
use wasmlit::prelude::*;
use wasmlit::serde_json::{json, Map, Value};

/// The corpus, compiled in: one payload per line, comments start with `-- `.
pub const CORPUS: &str = include_str!("../../../tests/corpus/xss.txt");

/// The name the renderer-panic component is drawn by.
pub const BOMB: &str = "bomb";

/// The crash page's title.
pub const CRASHES: &str = "Crashes";

/// The payloads of [`CORPUS`].
pub fn payloads() -> Vec<&'static str> {
    CORPUS.lines().filter(|line| !line.is_empty() && !line.starts_with("-- ")).collect()
}

/// The app: a navigation whose last pages are titled with payloads.
pub async fn app(ui: Ui) -> Result {
    let ui = &ui;
    let hostile = payloads();
    ui.set_page_config(PageConfig::new().title(hostile[0]));
    let mut pages = vec![
        Page::new("Text", text_page).url_path("text"),
        Page::new("Widgets", widgets_page).url_path("widgets"),
        Page::new("Data", data_page).url_path("data"),
        Page::new("Query and files", query_and_files_page).url_path("query"),
        Page::new(CRASHES, crashes_page).url_path("crashes"),
    ];
    for (i, title) in hostile.iter().take(8).enumerate() {
        let title = title.to_string();
        pages.push(
            Page::new(title.clone(), move |ui: &Ui| {
                ui.title(&title);
            })
            .url_path(format!("hostile-{i}")),
        );
    }
    let page = ui.navigation(pages);
    page.run(ui)?;
    if page.title() == CRASHES {
        async_run_panic(ui).await;
    }
    Ok(())
}

/// Every display element, once per payload.
fn text_page(ui: &Ui) {
    ui.title("Hostile text");
    for (i, payload) in payloads().into_iter().enumerate() {
        ui.markdown(payload);
        ui.write(payload);
        ui.add(Header::new(payload).help(payload));
        ui.caption(payload);
        ui.text(payload);
        ui.code(payload, "html");
        ui.badge(payload);
        match i % 4 {
            0 => ui.error(payload),
            1 => ui.warning(payload),
            2 => ui.info(payload),
            _ => ui.success(payload),
        };
        ui.add(Metric::new(payload, payload).delta(payload).help(payload));
        ui.add(Expander::new(payload)).markdown(payload);
        ui.chat_message(payload).markdown(payload);
        ui.toast(payload);
    }
    let object: Map<String, Value> =
        payloads().into_iter().map(|p| (p.to_string(), json!([p, { "nested": p }]))).collect();
    ui.json(&object);
    ui.add(Tabs::new(payloads().into_iter().take(12).collect::<Vec<_>>()));
}

/// Every widget, labelled, helped and optioned with payloads.
fn widgets_page(ui: &Ui) {
    ui.title("Hostile widgets");
    let hostile = payloads();
    ui.add(Selectbox::new(hostile[1], hostile.clone()).help(hostile[2]));
    ui.add(Radio::new(hostile[3], hostile.clone()).captions(hostile.clone()).help(hostile[4]));
    ui.add(Multiselect::new(hostile[5], hostile.clone()).default(hostile.clone()).help(hostile[6]));
    ui.add(Pills::new(hostile[7], hostile.iter().take(20).copied()).help(hostile[8]));
    ui.add(SelectSlider::new(hostile[9], hostile.clone()).help(hostile[10]));
    for payload in &hostile {
        ui.add(TextInput::new(*payload).value(*payload).placeholder(*payload).help(*payload));
        ui.add(Checkbox::new(*payload).help(*payload));
        ui.add(Button::new(*payload).help(*payload));
    }
    ui.add(TextArea::new(hostile[11]).value(hostile.join("\n")).help(hostile[12]));
    ui.add(Popover::new(hostile[13]).help(hostile[14])).markdown(hostile[15]);
}

/// Payloads as cells, column names and chart fields and titles.
fn data_page(ui: &Ui) -> Result {
    ui.title("Hostile data");
    let hostile = payloads();
    let frame = DataFrame::new(vec![
        ("payload", Column::from(hostile.iter().map(|p| p.to_string()).collect::<Vec<_>>())),
        ("n", Column::from((0..hostile.len() as i64).collect::<Vec<_>>())),
    ])?;
    ui.dataframe(&frame);
    ui.table(&frame.slice(0, 20));
    let wide = DataFrame::new(
        hostile
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, p)| (p.to_string(), Column::from(vec![i as f64, i as f64 + 1.0, 0.5])))
            .collect(),
    )?;
    ui.dataframe(&wide);
    ui.line_chart(&wide);
    ui.vega_lite_chart(
        &frame,
        json!({
            "title": hostile[16],
            "mark": {"type": "point", "tooltip": true},
            "encoding": {
                "x": {"field": "n", "type": "quantitative", "title": hostile[17]},
                "y": {"field": "payload", "type": "nominal", "title": hostile[18]},
                "tooltip": [{"field": "payload", "type": "nominal"}]
            }
        }),
    );
    Ok(())
}

/// The `?q=` parameter, echoed everywhere it can go, and the names of uploaded files.
fn query_and_files_page(ui: &Ui) {
    ui.title("Query and files");
    let q = ui.query_params().get("q").unwrap_or_default();
    ui.markdown(format!("q = {q}"));
    ui.add(TextInput::new("Query").key("q").bind(Bind::QueryParams));
    ui.caption(&q);
    ui.info(&q);
    for file in ui.add(FileUploader::new("Upload anything").key("files").multiple()) {
        ui.markdown(format!("Uploaded: {}", file.name));
        ui.write(&file.name);
        ui.caption(&file.name);
    }
}

#[cache_data]
fn cached_panic(armed: bool) -> u32 {
    if armed {
        panic!("a panic in a cached function");
    }
    0
}

/// Five ways to panic, and a persisted click count a restart brings back.
fn crashes_page(ui: &Ui) -> Result {
    ui.title(CRASHES);
    let state = ui.session_state();
    state.persisted("clicks", || 0_u64)?;
    ui.add(
        Button::new("Add one")
            .on_click(|ui: &Ui| ui.session_state().update_or("clicks", 0_u64, |c| *c += 1).map(|_| ())),
    );
    ui.markdown(format!("clicks: {}", state.get::<u64>("clicks")?));
    ui.add(Button::new("Panic in a callback").on_click(|_: &Ui| -> Result { panic!("a panic in a callback") }));
    let armed = ui.button("Panic in a cached function");
    ui.write(format!("cached: {}", cached_panic(armed)));
    ui.fragment(|ui: &Ui| -> Result {
        if ui.button("Panic in a fragment") {
            panic!("a panic in a fragment");
        }
        Ok(())
    })?;
    let explode = ui.button("Panic in a renderer");
    ui.add(ui.component(&Component::leptos(BOMB)).data(json!(explode)).key("bomb"));
    Ok(())
}

/// The async part of the crash page: a panic after an await, in a run that is suspended.
async fn async_run_panic(ui: &Ui) {
    if ui.button("Panic in an async run") {
        ui.sleep(Duration::from_millis(50)).await;
        panic!("a panic in an async run");
    }
}
