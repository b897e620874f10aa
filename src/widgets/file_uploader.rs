//! `file_uploader`: files the viewer picks or drops, as name, MIME type and bytes.
//!
//! **Where the bytes live.** The page reads a picked file once (in chunks, with the File API)
//! into one [`SharedBytes`]: an `Arc<[u8]>`. That `Arc` *is* the small handle the widget's
//! wire value holds ([`WidgetValue::Files`]): the session's widget record, the element the
//! page draws, a form's held values and the [`UploadedFile`]s the script gets all share the
//! same allocation, so a rerun clones pointers, never bytes, and the bytes are freed when the
//! last of them lets go (the file is removed, or the widget leaves the page). Equality on
//! [`SharedBytes`] checks the pointer first, so comparing an unchanged value is O(1).
//!
//! **Rules.** Types and the size limit are checked by [`FileUploaderProps::check`], the one
//! rule the page (which refuses a file with a message under the widget and keeps the value)
//! and `AppTest` both apply; the engine checks the value again when it arrives and refuses a
//! value that breaks it (the previous one stays). As in Streamlit, the value survives reruns
//! and cannot be set through session state.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::{TestValue, WidgetRef};
use crate::element::make;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// Streamlit's default upload limit (`server.maxUploadSize`), in megabytes.
pub const DEFAULT_MAX_UPLOAD_SIZE_MB: u32 = 200;

/// Bytes shared by reference: cloning one clones a pointer.
///
/// ```
/// use wasmlit::prelude::*;
/// let bytes = SharedBytes::from("a,b\n1,2\n");
/// let copy = bytes.clone();
/// assert_eq!(copy.len(), 8);
/// assert_eq!(&copy[..3], b"a,b");
/// assert_eq!(format!("{copy:?}"), "SharedBytes(8 bytes)");
/// ```
#[derive(Clone, Default)]
pub struct SharedBytes(Arc<[u8]>);

impl SharedBytes {
    /// The bytes as an `Arc`, for keeping them beyond the run.
    pub fn to_arc(&self) -> Arc<[u8]> {
        self.0.clone()
    }
}

impl Deref for SharedBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl PartialEq for SharedBytes {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0[..] == other.0[..]
    }
}

impl Eq for SharedBytes {}

/// Only the length: a tree printed in a failing test must not dump a file.
impl fmt::Debug for SharedBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedBytes({} bytes)", self.0.len())
    }
}

impl From<Arc<[u8]>> for SharedBytes {
    fn from(bytes: Arc<[u8]>) -> Self {
        SharedBytes(bytes)
    }
}

impl From<Vec<u8>> for SharedBytes {
    fn from(bytes: Vec<u8>) -> Self {
        SharedBytes(bytes.into())
    }
}

impl From<&[u8]> for SharedBytes {
    fn from(bytes: &[u8]) -> Self {
        SharedBytes(bytes.into())
    }
}

impl<const N: usize> From<&[u8; N]> for SharedBytes {
    fn from(bytes: &[u8; N]) -> Self {
        SharedBytes(bytes[..].into())
    }
}

impl From<&str> for SharedBytes {
    fn from(text: &str) -> Self {
        SharedBytes(text.as_bytes().into())
    }
}

impl From<String> for SharedBytes {
    fn from(text: String) -> Self {
        SharedBytes::from(text.into_bytes())
    }
}

impl Serialize for SharedBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SharedBytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<SharedBytes, E> {
                Ok(SharedBytes::from(bytes))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<SharedBytes, E> {
                Ok(SharedBytes::from(bytes))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SharedBytes, A::Error> {
                let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(byte) = seq.next_element::<u8>()? {
                    bytes.push(byte);
                }
                Ok(SharedBytes::from(bytes))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

/// One file the viewer uploaded: its name, MIME type and bytes (Streamlit's `UploadedFile`).
///
/// Cloning one is cheap: the bytes are shared (see [`SharedBytes`]).
///
/// ```
/// use wasmlit::prelude::*;
/// let file = UploadedFile::new("notes.txt", "text/plain", "hello");
/// assert_eq!((file.name.as_str(), file.mime.as_str(), file.size()), ("notes.txt", "text/plain", 5));
/// assert_eq!(file.text().unwrap(), "hello");
/// assert!(UploadedFile::new("x.bin", "", vec![0xff, 0xfe]).text().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    /// The file's name, without a path.
    pub name: String,
    /// Its MIME type as the browser guessed it (`"text/csv"`); empty if the browser did not know.
    pub mime: String,
    bytes: SharedBytes,
}

impl UploadedFile {
    /// A file named `name` of type `mime` holding `bytes`.
    pub fn new(name: impl Into<String>, mime: impl Into<String>, bytes: impl Into<SharedBytes>) -> Self {
        UploadedFile { name: name.into(), mime: mime.into(), bytes: bytes.into() }
    }

    /// Its size in bytes.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// Its content.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Its content, shared (a pointer copy): to keep it, or to offer it in a `download_button`.
    pub fn shared_bytes(&self) -> SharedBytes {
        self.bytes.clone()
    }

    /// Its content as UTF-8 text; an error names the file and where the text stops being UTF-8.
    pub fn text(&self) -> Result<&str, crate::Error> {
        std::str::from_utf8(&self.bytes).map_err(|error| {
            crate::Error::msg(format!(
                "The file \"{}\" is not UTF-8 text: invalid bytes at byte {}.",
                self.name,
                error.valid_up_to()
            ))
        })
    }
}

/// What the page shows for a file uploader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileUploaderProps {
    pub common: WidgetCommon,
    /// The files uploaded so far: at most one unless `multiple`.
    pub files: Vec<UploadedFile>,
    /// The extensions allowed, as given (lower case, with a dot: `".csv"`); empty for any.
    pub types: Vec<String>,
    /// Whether it takes more than one file (Streamlit's `accept_multiple_files`).
    pub multiple: bool,
    /// The largest file it takes, in megabytes (of 1024 × 1024 bytes).
    pub max_upload_size_mb: u32,
}

impl FileUploaderProps {
    /// Why the uploader refuses a file named `name` of `size` bytes, or `Ok`: the one rule
    /// the page and `AppTest` apply before sending a file (and the engine when it arrives).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.add(FileUploader::new("Data").types(["csv", ".TSV"]).max_upload_size_mb(1));
    /// });
    /// at.run();
    /// let wasmlit::Element::FileUploader(props) = at.file_uploader(0).element().clone() else { unreachable!() };
    /// assert!(props.check("a.CSV", 10).is_ok());
    /// assert_eq!(props.check("a.txt", 10).unwrap_err(), "a.txt: .txt files are not allowed (allowed: .csv, .tsv).");
    /// assert_eq!(props.check("b.csv", 2 << 20).unwrap_err(), "b.csv: the file must be 1MB or smaller.");
    /// ```
    pub fn check(&self, name: &str, size: u64) -> Result<(), String> {
        check_file(&self.types, self.max_upload_size_mb, name, size)
    }

    /// The line under the button: `"200MB per file • CSV, TSV"`.
    pub fn hint(&self) -> String {
        let mut hint = format!("{}MB per file", self.max_upload_size_mb);
        if !self.types.is_empty() {
            let names: Vec<String> =
                self.types.iter().map(|t| t.trim_start_matches('.').to_ascii_uppercase()).collect();
            hint.push_str(" • ");
            hint.push_str(&names.join(", "));
        }
        hint
    }

    /// The `accept` attribute of the page's `<input type="file">`: `".csv,.jpg,.jpeg"`.
    pub fn accept(&self) -> String {
        with_aliases(&self.types).join(",")
    }
}

/// A file size as the uploader shows it: `"512 B"`, `"1.5 KB"`, `"200.0 MB"` (units of 1024).
///
/// ```
/// use wasmlit::widgets::file_uploader::format_size;
/// assert_eq!(format_size(512), "512 B");
/// assert_eq!(format_size(1536), "1.5 KB");
/// assert_eq!(format_size(200 * 1024 * 1024), "200.0 MB");
/// ```
pub fn format_size(bytes: u64) -> String {
    let mut size = bytes as f64;
    for unit in ["B", "KB", "MB", "GB"] {
        if size < 1024.0 || unit == "GB" {
            return if unit == "B" { format!("{bytes} B") } else { format!("{size:.1} {unit}") };
        }
        size /= 1024.0;
    }
    format!("{size:.1} TB")
}

/// The pairs of extensions Streamlit treats as one (`type="jpg"` also takes `.jpeg`).
const ALIASES: [(&str, &str); 5] =
    [(".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"), (".htm", ".html")];

pub(crate) fn with_aliases(types: &[String]) -> Vec<String> {
    let mut all = types.to_vec();
    for (a, b) in ALIASES {
        for (have, add) in [(a, b), (b, a)] {
            if all.iter().any(|t| t == have) && !all.iter().any(|t| t == add) {
                all.push(add.to_string());
            }
        }
    }
    all
}

pub(crate) fn check_file(types: &[String], max_mb: u32, name: &str, size: u64) -> Result<(), String> {
    if !types.is_empty() {
        let extension = name.rfind('.').map(|dot| name[dot..].to_ascii_lowercase());
        let allowed = with_aliases(types);
        if !extension.as_ref().is_some_and(|ext| allowed.contains(ext)) {
            let what = extension
                .map_or_else(|| "Files without an extension are".to_string(), |ext| format!("{ext} files are"));
            return Err(format!("{name}: {what} not allowed (allowed: {}).", types.join(", ")));
        }
    }
    if size > u64::from(max_mb) * 1024 * 1024 {
        return Err(format!("{name}: the file must be {max_mb}MB or smaller."));
    }
    Ok(())
}

/// Normalizes `type` as Streamlit does: lower case with a leading dot; an empty one is an error.
pub(crate) fn normalize_types(types: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for t in types {
        let t = t.trim().to_ascii_lowercase();
        if t.is_empty() || t == "." {
            return Err("A file type is empty: pass extensions like \"csv\" or \".png\".".into());
        }
        let t = if t.starts_with('.') { t } else { format!(".{t}") };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

impl WidgetProps for FileUploaderProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Files(self.files.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Files(files) = value {
            self.files = files.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Empty => Ok(WidgetValue::Files(Vec::new())),
            other => Err(format!(
                "a file_uploader cannot take {other:?}: use `.upload(name, mime, bytes)`, `.remove_file(name)` or `.clear_files()`"
            )),
        }
    }
}

/// A file uploader: a drop zone with a button; returns the file, or `None` until there is one.
///
/// `.types([..])` limits the extensions, `.max_upload_size_mb(..)` the size (200 MB by
/// default, Streamlit's); the page refuses other files with a message under the widget and
/// keeps the value. [`.multiple()`](FileUploader::multiple) takes many files and returns a
/// `Vec`. Each file shows as a row with its name, size and an ✕ that removes it. The value
/// survives reruns; setting it through session state is an error, as in Streamlit.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| -> Result {
///     if let Some(file) = ui.add(FileUploader::new("Choose a CSV file").types(["csv"])) {
///         ui.write(format!("{} ({} bytes): {}", file.name, file.size(), file.text()?.lines().count()));
///     }
///     Ok(())
/// });
/// at.run();
/// assert!(at.get("markdown").is_empty());
/// at.file_uploader(0).upload("a.csv", "text/csv", "x,y\n1,2\n").run();
/// assert_eq!(at.markdown(0).text(), "a.csv (8 bytes): 2");
/// at.run();
/// assert_eq!(at.markdown(0).text(), "a.csv (8 bytes): 2", "the file stays across reruns");
/// at.file_uploader(0).remove_file("a.csv").run();
/// assert!(at.get("markdown").is_empty());
/// ```
#[must_use = "a file uploader is drawn by `ui.add(..)`"]
pub struct FileUploader {
    label: String,
    types: Vec<String>,
    max_upload_size_mb: u32,
    options: CommonOptions,
}

impl FileUploader {
    /// A file uploader taking one file of any type up to 200 MB.
    pub fn new(label: impl Into<String>) -> Self {
        FileUploader {
            label: label.into(),
            types: Vec::new(),
            max_upload_size_mb: DEFAULT_MAX_UPLOAD_SIZE_MB,
            options: CommonOptions::default(),
        }
    }

    /// The extensions it takes (`["csv"]`, `[".png", "jpg"]`; case does not matter). `jpg`
    /// takes `.jpeg` too, as in Streamlit; an empty type is an error drawn in its place.
    pub fn types<S: Into<String>>(mut self, types: impl IntoIterator<Item = S>) -> Self {
        self.types = types.into_iter().map(Into::into).collect();
        self
    }

    /// The largest file it takes, in megabytes (200 by default; 0 is an error).
    pub fn max_upload_size_mb(mut self, megabytes: u32) -> Self {
        self.max_upload_size_mb = megabytes;
        self
    }

    /// Takes any number of files and returns them all (Streamlit's `accept_multiple_files`).
    pub fn multiple(self) -> MultiFileUploader {
        MultiFileUploader(self)
    }

    /// Draws it; `multiple` picks the wire rule, `shape` turns the files into the return type.
    fn show_dyn<T: Clone + 'static>(self, ui: &Ui, multiple: bool, shape: fn(&[UploadedFile]) -> T) -> Option<T> {
        let FileUploader { label, types, max_upload_size_mb, options } = self;
        let types = match normalize_types(&types) {
            Ok(types) if max_upload_size_mb > 0 => types,
            Ok(_) => {
                show_error(ui, api(format!("The file uploader \"{label}\" needs a size limit of 1MB or more.")));
                return None;
            }
            Err(message) => {
                show_error(ui, api(format!("{message} (the file uploader \"{label}\")")));
                return None;
            }
        };
        let check_types = types.clone();
        let spec = Spec {
            kind: "file_uploader",
            identity: identity(
                "file_uploader",
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .text("type", &types.join(","))
                        .text("accept_multiple_files", if multiple { "true" } else { "false" })
                        .opt_text("help", options.help.as_deref())
                },
                |id| {
                    id.text("type", &types.join(","))
                        .text("accept_multiple_files", if multiple { "true" } else { "false" })
                },
            ),
            default: WidgetValue::Files(Vec::new()),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Files(files)
                    if (multiple || files.len() <= 1)
                        && files.iter().all(|f| {
                            check_file(&check_types, max_upload_size_mb, &f.name, f.size() as u64).is_ok()
                        }) =>
                {
                    Some(shape(files))
                }
                _ => None,
            }),
            encode: Box::new(|_| Err("a file uploader's value cannot be set".into())),
            explicit_default: false,
        };
        let element_types = types.clone();
        Some(show(
            ui,
            &label,
            &options,
            Ok(spec),
            || shape(&[]),
            |registered| {
                // The wire value decoded, so it is `Files`.
                let files = match &registered.wire {
                    WidgetValue::Files(files) => files.clone(),
                    _ => Vec::new(),
                };
                make::file_uploader(FileUploaderProps {
                    common: registered.common.clone(),
                    files,
                    types: element_types,
                    multiple,
                    max_upload_size_mb,
                })
            },
        ))
    }
}

impl WidgetOptions for FileUploader {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for FileUploader {
    type Output = Option<UploadedFile>;

    fn show(self, ui: &Ui) -> Option<UploadedFile> {
        self.show_dyn(ui, false, |files| files.first().cloned()).flatten()
    }
}

/// A file uploader that takes many files: see [`FileUploader::multiple`].
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let files = ui.add(FileUploader::new("Images").types(["png", "jpg"]).multiple());
///     ui.write(files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", "));
/// });
/// at.run();
/// at.file_uploader(0).upload("a.png", "image/png", vec![1, 2]).upload("b.jpeg", "image/jpeg", vec![3]).run();
/// assert_eq!(at.markdown(0).text(), "a.png, b.jpeg");
/// ```
#[must_use = "a file uploader is drawn by `ui.add(..)`"]
pub struct MultiFileUploader(FileUploader);

impl WidgetOptions for MultiFileUploader {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.0.options
    }
}

impl Command for MultiFileUploader {
    type Output = Vec<UploadedFile>;

    fn show(self, ui: &Ui) -> Vec<UploadedFile> {
        self.0.show_dyn(ui, true, <[UploadedFile]>::to_vec).unwrap_or_default()
    }
}

impl Ui {
    /// A file uploader taking one file of any type; `None` until the viewer uploads one.
    pub fn file_uploader(&self, label: impl Into<String>) -> Option<UploadedFile> {
        self.add(FileUploader::new(label))
    }
}

impl WidgetRef<'_> {
    fn uploader_props(&self) -> FileUploaderProps {
        match self.element() {
            Element::FileUploader(props) => props.clone(),
            other => panic!("a {} is not a file_uploader", other.kind()),
        }
    }

    fn uploaded_so_far(&self) -> Vec<UploadedFile> {
        match self.next_wire() {
            WidgetValue::Files(files) => files,
            other => panic!("a file_uploader cannot hold {other:?}"),
        }
    }

    /// Uploads a file to a file uploader, as a viewer picking it does: a single-file uploader
    /// replaces its file, a multi-file one adds it to what was uploaded so far (this run's
    /// uploads included). A file the uploader refuses (type, size) panics with the message
    /// the page shows.
    pub fn upload(self, name: &str, mime: &str, bytes: impl Into<SharedBytes>) -> Self {
        let props = self.uploader_props();
        let file = UploadedFile::new(name, mime, bytes);
        if let Err(message) = props.check(name, file.size() as u64) {
            panic!("{message}");
        }
        let mut files = if props.multiple { self.uploaded_so_far() } else { Vec::new() };
        files.push(file);
        self.send(WidgetValue::Files(files))
    }

    /// Removes the uploaded file named `name` (its ✕ in the page); panics if there is none.
    pub fn remove_file(self, name: &str) -> Self {
        let mut files = self.uploaded_so_far();
        let Some(at) = files.iter().position(|f| f.name == name) else { panic!("no uploaded file named \"{name}\"") };
        files.remove(at);
        self.send(WidgetValue::Files(files))
    }

    /// Removes every uploaded file.
    pub fn clear_files(self) -> Self {
        self.uploader_props();
        self.send(WidgetValue::Files(Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn types_are_normalized_and_jpg_takes_jpeg() {
        assert_eq!(normalize_types(&["CSV".into(), ".png".into(), "csv".into()]).unwrap(), [".csv", ".png"]);
        assert!(normalize_types(&[" ".into()]).is_err());
        let types = vec![".jpg".to_string()];
        assert!(check_file(&types, 1, "cat.JPEG", 1).is_ok());
        assert_eq!(
            check_file(&types, 1, "README", 1).unwrap_err(),
            "README: Files without an extension are not allowed (allowed: .jpg)."
        );
        assert!(check_file(&[], 1, "anything", 1 << 20).is_ok());
        assert!(check_file(&[], 1, "anything", (1 << 20) + 1).is_err());
    }

    #[test]
    fn the_value_survives_reruns_and_a_new_upload_replaces_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            let file = ui.file_uploader("File");
            ui.write(file.map_or("none".to_string(), |f| format!("{} {}", f.name, f.size())));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "none");
        at.file_uploader(0).upload("a.txt", "text/plain", "abc").run();
        at.run().run();
        assert_eq!(at.markdown(0).text(), "a.txt 3");
        at.file_uploader(0).upload("b.txt", "text/plain", "abcdef").run();
        assert_eq!(at.markdown(0).text(), "b.txt 6");
        at.file_uploader(0).clear_files().run();
        assert_eq!(at.markdown(0).text(), "none");
    }

    #[test]
    fn reruns_share_the_bytes_instead_of_copying_them() {
        let mut at = AppTest::new(|ui: &Ui| {
            if let Some(file) = ui.file_uploader("File") {
                ui.session_state().set("seen", file.shared_bytes().to_arc())?;
            }
            Ok::<_, Error>(())
        });
        at.run();
        at.file_uploader(0).upload("a.bin", "", vec![7u8; 4096]).run();
        let first: Arc<[u8]> = at.session_state().get("seen").unwrap();
        at.run();
        let second: Arc<[u8]> = at.session_state().get("seen").unwrap();
        assert!(Arc::ptr_eq(&first, &second), "the same allocation on every run");
        let Element::FileUploader(props) = at.file_uploader(0).element().clone() else { panic!("not an uploader") };
        assert!(Arc::ptr_eq(&props.files[0].shared_bytes().to_arc(), &second), "the page shares it too");
    }

    #[test]
    fn multiple_files_add_up_and_one_is_removed_by_name() {
        let mut at = AppTest::new(|ui: &Ui| {
            let files = ui.add(FileUploader::new("Files").multiple());
            ui.write(format!("{:?}", files.iter().map(|f| f.name.clone()).collect::<Vec<_>>()));
        });
        at.run();
        at.file_uploader(0).upload("a", "", "1").run();
        at.file_uploader(0).upload("b", "", "2").upload("c", "", "3").run();
        assert_eq!(at.markdown(0).text(), r#"["a", "b", "c"]"#);
        at.file_uploader(0).remove_file("b").run();
        assert_eq!(at.markdown(0).text(), r#"["a", "c"]"#);
    }

    #[test]
    fn a_value_breaking_the_rules_is_refused_and_the_previous_one_stays() {
        let mut at = AppTest::new(|ui: &Ui| {
            let file = ui.add(FileUploader::new("CSV").types(["csv"]).max_upload_size_mb(1));
            ui.write(file.map_or("none".to_string(), |f| f.name));
        });
        at.run();
        at.file_uploader(0).upload("good.csv", "text/csv", "a").run();
        // What a page that skipped the check would send: the engine refuses it.
        for bad in [
            vec![UploadedFile::new("bad.txt", "text/plain", "a")],
            vec![UploadedFile::new("big.csv", "text/csv", vec![0u8; (1 << 20) + 1])],
            vec![UploadedFile::new("a.csv", "", "a"), UploadedFile::new("b.csv", "", "b")],
        ] {
            at.file_uploader(0).send(WidgetValue::Files(bad)).run();
            assert_eq!(at.markdown(0).text(), "good.csv");
        }
    }

    #[test]
    #[should_panic(expected = "notes.txt: .txt files are not allowed (allowed: .csv).")]
    fn app_test_refuses_what_the_page_refuses() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(FileUploader::new("CSV").types(["csv"]));
        });
        at.run();
        at.file_uploader(0).upload("notes.txt", "text/plain", "x");
    }

    #[test]
    fn the_value_cannot_be_set_through_session_state() {
        let mut at = AppTest::new(|ui: &Ui| {
            if !ui.session_state().contains("up") {
                ui.session_state().set("up", None::<UploadedFile>)?;
            }
            let file = ui.add(FileUploader::new("Up").key("up"));
            ui.write(format!("{}", file.is_some()));
            Ok::<_, Error>(())
        });
        at.run();
        let error = at.exception(0).text();
        assert!(
            error.contains("The value of the file_uploader with key \"up\" cannot be set using st.session_state"),
            "{error}"
        );
        assert_eq!(at.markdown(0).text(), "false");
    }

    #[test]
    fn bad_arguments_are_error_elements() {
        let mut at = AppTest::new(|ui: &Ui| {
            let a = ui.add(FileUploader::new("A").types([""]));
            let b = ui.add(FileUploader::new("B").max_upload_size_mb(0).multiple());
            ui.write(format!("{a:?} {b:?}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert!(errors[0].contains("A file type is empty") && errors[0].contains("\"A\""), "{errors:?}");
        assert!(errors[1].contains("size limit of 1MB or more"), "{errors:?}");
        assert_eq!(at.markdown(0).text(), "None []");
    }

    #[test]
    fn the_key_and_the_rules_are_the_identity() {
        let mut at = AppTest::new(|ui: &Ui| {
            let csv = ui.session_state().get::<bool>("csv").unwrap_or(true);
            let types: Vec<&str> = if csv { vec!["csv"] } else { vec!["tsv"] };
            let label = if csv { "A" } else { "B" };
            ui.add(FileUploader::new(label).key("k").types(types.clone()));
            ui.add(FileUploader::new(label).types(types));
        });
        at.run();
        let ids = |at: &AppTest| at.get("file_uploader").iter().map(|e| e.widget().unwrap().id).collect::<Vec<_>>();
        let before = ids(&at);
        at.session_state().set("csv", false).unwrap();
        at.run();
        let after = ids(&at);
        assert_ne!(before[0], after[0], "types are part of a keyed uploader's identity");
        assert_ne!(before[1], after[1]);
    }

    #[test]
    fn hint_and_accept_follow_the_types() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(FileUploader::new("Any"));
            ui.add(FileUploader::new("Images").types(["png", "JPG"]).max_upload_size_mb(5));
        });
        at.run();
        let props: Vec<FileUploaderProps> = at
            .get("file_uploader")
            .into_iter()
            .filter_map(|e| if let Element::FileUploader(p) = e { Some(p) } else { None })
            .collect();
        assert_eq!((props[0].hint(), props[0].accept()), ("200MB per file".to_string(), String::new()));
        assert_eq!(
            (props[1].hint(), props[1].accept()),
            ("5MB per file • PNG, JPG".to_string(), ".png,.jpg,.jpeg".to_string())
        );
    }

    #[test]
    fn shared_bytes_round_trip_through_serde() {
        let file = UploadedFile::new("a", "b", vec![1u8, 2, 255]);
        let bytes = postcard::to_allocvec(&file).unwrap();
        assert_eq!(postcard::from_bytes::<UploadedFile>(&bytes).unwrap(), file);
    }
}
