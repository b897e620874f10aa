//! `download_button`: a button that saves bytes, text or a `DataFrame` (as CSV) as a file.
//!
//! It is a button: true for exactly the run its click caused, not allowed in a form, and its
//! value cannot be set through session state. The page draws it as an `<a download>` over a
//! Blob URL of the data, made once per data and revoked when the data changes or the button
//! goes away. With [`DownloadButton::on_click_ignore`] (Streamlit's `on_click="ignore"`) a
//! click only downloads: no rerun.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::button::{check_icon, ButtonKind};
use super::file_uploader::SharedBytes;
use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::error::IntoScriptResult;
use crate::ui::{Command, Ui};

/// What the page shows for a download button.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownloadButtonProps {
    pub common: WidgetCommon,
    /// What the download saves.
    pub data: SharedBytes,
    /// The name the browser saves it under.
    pub file_name: String,
    /// Its MIME type.
    pub mime: String,
    pub kind: ButtonKind,
    /// An emoji or short text shown before the label.
    pub icon: Option<String>,
    /// Whether this run was caused by a click on it.
    pub clicked: bool,
    /// Whether a click reruns the app (false: Streamlit's `on_click="ignore"`).
    pub rerun_on_click: bool,
    /// Stretched to its container's width.
    pub use_container_width: bool,
}

impl WidgetProps for DownloadButtonProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Trigger(self.clicked)
    }
    fn set_value(&mut self, _: &WidgetValue) {
        // A press lasts one run; there is nothing to show.
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Bool(_) if !self.rerun_on_click => Err(format!(
                "the download button \"{}\" ignores clicks (`on_click_ignore`): a click only downloads",
                self.common.label
            )),
            TestValue::Bool(pressed) => Ok(WidgetValue::Trigger(pressed)),
            other => Err(format!("a download button cannot take {other:?}")),
        }
    }
}

/// What a download button saves: bytes, text, or (feature `data`) a `DataFrame` as CSV.
///
/// Each kind has its default MIME type and file name: bytes `application/octet-stream` and
/// `download`, text `text/plain` and `download.txt`, a `DataFrame` `text/csv` and
/// `download.csv`.
#[derive(Clone, Debug)]
pub enum DownloadData {
    Bytes(SharedBytes),
    Text(String),
    #[cfg(feature = "data")]
    Frame(crate::data::DataFrame),
}

impl DownloadData {
    /// The bytes, MIME type and file name it saves as by default; a frame's CSV may fail.
    fn resolve(self) -> Result<(SharedBytes, &'static str, &'static str), String> {
        match self {
            DownloadData::Bytes(bytes) => Ok((bytes, "application/octet-stream", "download")),
            DownloadData::Text(text) => Ok((text.into(), "text/plain", "download.txt")),
            #[cfg(feature = "data")]
            DownloadData::Frame(frame) => frame
                .to_csv()
                .map(|csv| (csv.into(), "text/csv", "download.csv"))
                .map_err(|error| format!("The data frame could not be written as CSV: {error}")),
        }
    }
}

impl From<Vec<u8>> for DownloadData {
    fn from(bytes: Vec<u8>) -> Self {
        DownloadData::Bytes(bytes.into())
    }
}

impl From<&[u8]> for DownloadData {
    fn from(bytes: &[u8]) -> Self {
        DownloadData::Bytes(bytes.into())
    }
}

impl From<SharedBytes> for DownloadData {
    fn from(bytes: SharedBytes) -> Self {
        DownloadData::Bytes(bytes)
    }
}

impl From<String> for DownloadData {
    fn from(text: String) -> Self {
        DownloadData::Text(text)
    }
}

impl From<&str> for DownloadData {
    fn from(text: &str) -> Self {
        DownloadData::Text(text.to_string())
    }
}

#[cfg(feature = "data")]
impl From<crate::data::DataFrame> for DownloadData {
    fn from(frame: crate::data::DataFrame) -> Self {
        DownloadData::Frame(frame)
    }
}

#[cfg(feature = "data")]
impl From<&crate::data::DataFrame> for DownloadData {
    fn from(frame: &crate::data::DataFrame) -> Self {
        DownloadData::Frame(frame.clone())
    }
}

/// A button that downloads `data` as a file; returns true on the run its click caused.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let csv = "name,score\nAda,36\n";
///     if ui.add(DownloadButton::new("Download CSV", csv).file_name("scores.csv").mime("text/csv")) {
///         ui.success("Thanks for downloading!");
///     }
/// });
/// at.run();
/// at.download_button(0).click().run();
/// assert_eq!(at.success(0).text(), "Thanks for downloading!");
/// at.run();
/// assert!(at.get("success").is_empty(), "true for one run only");
/// ```
#[must_use = "a download button is drawn by `ui.add(..)`"]
pub struct DownloadButton {
    label: String,
    data: DownloadData,
    file_name: Option<String>,
    mime: Option<String>,
    kind: ButtonKind,
    icon: Option<String>,
    rerun_on_click: bool,
    use_container_width: bool,
    options: CommonOptions,
}

impl DownloadButton {
    /// A download button saving `data`: bytes (`Vec<u8>`, `&[u8]`, [`SharedBytes`]), text, or
    /// (feature `data`) a `DataFrame`, saved as CSV.
    pub fn new(label: impl Into<String>, data: impl Into<DownloadData>) -> Self {
        DownloadButton {
            label: label.into(),
            data: data.into(),
            file_name: None,
            mime: None,
            kind: ButtonKind::default(),
            icon: None,
            rerun_on_click: true,
            use_container_width: false,
            options: CommonOptions::default(),
        }
    }

    /// The name the file is saved under (by default `download`, `download.txt` or
    /// `download.csv`, after the data).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// The file's MIME type (by default after the data: see [`DownloadData`]).
    pub fn mime(mut self, mime: impl Into<String>) -> Self {
        self.mime = Some(mime.into());
        self
    }

    /// `ButtonKind::Primary` for the main action, `ButtonKind::Tertiary` for a plain text button.
    pub fn kind(mut self, kind: ButtonKind) -> Self {
        self.kind = kind;
        self
    }

    /// An emoji or short text (`"📥"`) shown before the label.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// Stretches the button to its container's width.
    pub fn use_container_width(mut self, stretch: bool) -> Self {
        self.use_container_width = stretch;
        self
    }

    /// Runs `callback` before the run the click causes.
    pub fn on_click<F, R>(mut self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.rerun_on_click = true;
        self.on_change(callback)
    }

    /// A click only downloads: the app does not rerun and the button stays false
    /// (Streamlit's `on_click="ignore"`). Drops a callback set before.
    pub fn on_click_ignore(mut self) -> Self {
        self.rerun_on_click = false;
        self.options.callback = None;
        self
    }
}

impl WidgetOptions for DownloadButton {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for DownloadButton {
    type Output = bool;

    fn show(self, ui: &Ui) -> bool {
        let DownloadButton { label, data, file_name, mime, kind, icon, rerun_on_click, use_container_width, options } =
            self;
        if let Err(error) = check_icon(&label, icon.as_deref()) {
            show_error(ui, error);
            return false;
        }
        if ui.form_key().is_some() {
            show_error(
                ui,
                api(format!(
                    "`download_button()` can't be used in a `form()` (the download button \"{label}\"): \
                     put it outside the form."
                )),
            );
            return false;
        }
        let (data, default_mime, default_name) = match data.resolve() {
            Ok(resolved) => resolved,
            Err(message) => {
                show_error(ui, api(format!("{message} (the download button \"{label}\")")));
                return false;
            }
        };
        let file_name = file_name.unwrap_or_else(|| default_name.to_string());
        let mime = mime.unwrap_or_else(|| default_mime.to_string());
        let spec = Spec {
            kind: "download_button",
            // As in Streamlit, the data is not part of the identity: new data keeps the button.
            identity: identity(
                "download_button",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .text("type", kind.name())
                        .opt_text("icon", icon.as_deref())
                        .text("file_name", &file_name)
                        .text("mime", &mime)
                        .opt_text("help", options.help.as_deref())
                },
                |id| id,
            ),
            default: WidgetValue::Trigger(false),
            decode: Rc::new(|wire| match wire {
                WidgetValue::Trigger(pressed) => Some(*pressed),
                _ => None,
            }),
            encode: Box::new(|_| Err("a download button's value cannot be set".into())),
            explicit_default: false,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || false,
            |registered| {
                make::download_button(DownloadButtonProps {
                    common: registered.common.clone(),
                    data,
                    file_name,
                    mime,
                    kind,
                    icon,
                    clicked: registered.value,
                    rerun_on_click,
                    use_container_width,
                })
            },
        )
    }
}

impl Ui {
    /// A download button saving `data` (bytes, text or a `DataFrame`) under a default name;
    /// returns true on the run its click caused.
    pub fn download_button(&self, label: impl Into<String>, data: impl Into<DownloadData>) -> bool {
        self.add(DownloadButton::new(label, data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn props(at: &mut AppTest, index: usize) -> DownloadButtonProps {
        match at.download_button(index).element().clone() {
            Element::DownloadButton(props) => props,
            other => panic!("not a download button: {other:?}"),
        }
    }

    #[test]
    fn defaults_follow_the_data() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.download_button("Bytes", vec![1u8, 2, 3]);
            ui.download_button("Text", "hello");
            ui.add(DownloadButton::new("Named", "a,b").file_name("x.csv").mime("text/csv"));
        });
        at.run();
        let bytes = props(&mut at, 0);
        assert_eq!(
            (bytes.file_name.as_str(), bytes.mime.as_str(), &bytes.data[..]),
            ("download", "application/octet-stream", &[1u8, 2, 3][..])
        );
        let text = props(&mut at, 1);
        assert_eq!(
            (text.file_name.as_str(), text.mime.as_str(), &text.data[..]),
            ("download.txt", "text/plain", &b"hello"[..])
        );
        let named = props(&mut at, 2);
        assert_eq!((named.file_name.as_str(), named.mime.as_str()), ("x.csv", "text/csv"));
    }

    #[cfg(feature = "data")]
    #[test]
    fn a_data_frame_downloads_as_csv() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            let frame = DataFrame::new(vec![
                ("name", Column::from(vec!["Ada", "Grace"])),
                ("score", Column::from(vec![36i64, 85])),
            ])?;
            ui.download_button("Frame", &frame);
            Ok(())
        });
        at.run();
        let frame = props(&mut at, 0);
        assert_eq!((frame.file_name.as_str(), frame.mime.as_str()), ("download.csv", "text/csv"));
        assert_eq!(std::str::from_utf8(&frame.data).unwrap(), "name,score\nAda,36\nGrace,85\n");
    }

    #[test]
    fn a_click_is_true_for_one_run_and_runs_the_callback_first() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            ui.session_state().get_or_insert_with("n", || 0)?;
            let clicked = ui.add(
                DownloadButton::new("Save", "x")
                    .on_click(|ui: &Ui| ui.session_state().update_or("n", 0, |n: &mut i32| *n += 1).map(|_| ())),
            );
            ui.write(format!("{clicked} {}", ui.session_state().get::<i32>("n")?));
            Ok(())
        });
        at.run();
        at.download_button(0).click().run();
        assert_eq!(at.markdown(0).text(), "true 1");
        at.run();
        assert_eq!(at.markdown(0).text(), "false 1");
    }

    #[test]
    fn on_click_ignore_reaches_the_page_and_refuses_test_clicks() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(DownloadButton::new("Quiet", "x").on_click(|_: &Ui| ()).on_click_ignore());
        });
        at.run();
        assert!(!props(&mut at, 0).rerun_on_click);
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.download_button(0).click();
        }));
        assert!(refused.is_err(), "a click that only downloads sends nothing");
    }

    #[test]
    fn not_in_a_form_and_not_settable_through_session_state() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            let form = ui.form("f");
            let in_form = form.download_button("In form", "x");
            form.form_submit_button("Send");
            if !ui.session_state().contains("dl") {
                ui.session_state().set("dl", true)?;
            }
            let keyed = ui.add(DownloadButton::new("Keyed", "x").key("dl"));
            ui.write(format!("{in_form} {keyed}"));
            Ok(())
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert!(errors[0].contains("can't be used in a `form()`"), "{errors:?}");
        assert!(errors[1].contains("cannot be set using st.session_state"), "{errors:?}");
        assert_eq!(at.markdown(0).text(), "false false");
    }

    #[test]
    fn new_data_keeps_the_button_and_a_new_file_name_makes_a_new_one() {
        let mut at = AppTest::new(|ui: &Ui| {
            let n = ui.session_state().get::<i32>("n").unwrap_or(0);
            ui.add(DownloadButton::new("Save", format!("data {n}")).file_name(if n < 2 { "a.txt" } else { "b.txt" }));
        });
        at.run();
        let first = at.download_button(0).element().widget().unwrap().id;
        at.session_state().set("n", 1).unwrap();
        at.run();
        assert_eq!(at.download_button(0).element().widget().unwrap().id, first);
        assert_eq!(&props(&mut at, 0).data[..], b"data 1");
        at.session_state().set("n", 2).unwrap();
        at.run();
        assert_ne!(at.download_button(0).element().widget().unwrap().id, first);
    }
}
