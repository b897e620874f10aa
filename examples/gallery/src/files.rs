//! The gallery's files and JSON: an uploader whose file is shown and offered back by a
//! download button, a multi-file uploader, downloads of text and a `DataFrame`, and `json`.

use wasmlit::prelude::*;

/// Upload and download (drawn in the "Input widgets" section).
pub fn upload_and_download(ui: &Ui) -> Result {
    ui.subheader("File uploader and download button");
    let csv = ui.add(
        FileUploader::new("Upload a CSV")
            .types(["csv"])
            .key("gallery_csv")
            .help("Pick a .csv file, or drop one here. It is read in the browser and never leaves it."),
    );
    match &csv {
        Some(file) => {
            ui.markdown(format!("Uploaded `{}`: {} bytes, type `{}`.", file.name, file.size(), file.mime));
            if let Ok(text) = file.text() {
                ui.caption(format!(
                    "{} lines; it starts with: {}",
                    text.lines().count(),
                    text.lines().next().unwrap_or("")
                ));
            }
            let downloaded = ui.add(
                DownloadButton::new("Download it back", file.shared_bytes())
                    .file_name(file.name.clone())
                    .mime(file.mime.clone())
                    .icon("📥")
                    .key("gallery_download_back"),
            );
            if downloaded {
                ui.caption("download_button returned true for this run.");
            }
        }
        None => {
            ui.caption("No CSV uploaded yet.");
        }
    }

    let images = ui.add(
        FileUploader::new("Upload images (many at once, up to 1MB each)")
            .types(["png", "jpg"])
            .max_upload_size_mb(1)
            .multiple()
            .key("gallery_images"),
    );
    let names: Vec<String> = images.iter().map(|f| format!("{} ({} bytes)", f.name, f.size())).collect();
    ui.caption(format!(
        "{} image(s): {}",
        images.len(),
        if names.is_empty() { "none".into() } else { names.join(", ") }
    ));

    ui.add(DownloadButton::new("Download a text file", "Hello from wasmlit!\n").file_name("hello.txt"));
    let scores = DataFrame::new(vec![
        ("name", Column::from(vec!["Ada", "Grace", "Linus"])),
        ("score", Column::from(vec![36i64, 85, 60])),
    ])?;
    ui.add(
        DownloadButton::new("Download a DataFrame as CSV", &scores)
            .file_name("scores.csv")
            .kind(ButtonKind::Primary)
            .on_click_ignore(),
    );
    ui.caption("The second button ignores clicks (`on_click_ignore`): it downloads without a rerun.");
    Ok(())
}

/// A person, shown by `json` with its fields in order.
#[derive(serde::Serialize)]
struct Person {
    name: &'static str,
    id: u32,
    active: bool,
    score: f64,
    missing: Option<u8>,
    tags: Vec<&'static str>,
    address: Address,
}

#[derive(serde::Serialize)]
struct Address {
    city: &'static str,
    zip: &'static str,
}

/// `json` (drawn in the "Text elements" section, after the metrics).
pub fn json(ui: &Ui) {
    ui.subheader("JSON");
    let ada = Person {
        name: "Ada",
        id: 1815,
        active: true,
        score: 97.5,
        missing: None,
        tags: vec!["math", "engines", "notes"],
        address: Address { city: "London", zip: "W1" },
    };
    ui.json(&ada);
    ui.caption("`.expanded(1)`: only the root starts open; click a caret to open the rest.");
    ui.add(
        Json::new(r#"{"a string": "parsed as JSON", "list": [1, 2, {"deep": true}], "nested": {"x": null}}"#)
            .expanded(1),
    );
}
