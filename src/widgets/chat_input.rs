//! `chat_input`: a message box, pinned to the bottom of the main area, whose value is the
//! submitted text for exactly the one run the submission causes. With
//! [`ChatInput::accept_file`] it also takes attached files, and its value is a
//! [`ChatInputValue`] (text and files), as Streamlit's `accept_file=True | "multiple"`.

use std::any::Any;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::file_uploader::{check_file, normalize_types, with_aliases, UploadedFile, DEFAULT_MAX_UPLOAD_SIZE_MB};
use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::{TestValue, WidgetRef};
use crate::element::make;
use crate::element::{Element, Root, WidgetCommon, WidgetProps, WidgetValue};
use crate::error::IntoScriptResult;
use crate::ui::{Command, Ui};

/// How many files a chat input takes (Streamlit's `accept_file=True` and `"multiple"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcceptFile {
    /// At most one file a message.
    Single,
    /// Any number of files a message.
    Multiple,
}

/// What a chat input that accepts files returns: the text and the files sent with it
/// (Streamlit's dict-like value with `.text` and `.files`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatInputValue {
    /// The message; may be empty when only files were sent.
    pub text: String,
    /// The files attached to it, in the order they were attached.
    pub files: Vec<UploadedFile>,
}

/// What the page shows for a chat input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChatInputProps {
    /// Its label is the placeholder (a chat input shows no label).
    pub common: WidgetCommon,
    pub placeholder: String,
    pub max_chars: Option<usize>,
    /// Drawn straight into the main area: pinned to the bottom of the page. Inside a
    /// container or the sidebar it is drawn in place.
    pub pinned: bool,
    /// The text submitted for this run, if this run was caused by a submission.
    pub value: Option<String>,
    /// Whether it takes files, and how many; `None` for text only.
    #[serde(default)]
    pub accept_file: Option<AcceptFile>,
    /// The extensions attached files may have (lower case, with a dot); empty for any.
    #[serde(default)]
    pub file_types: Vec<String>,
    /// The files submitted with `value` for this run.
    #[serde(default)]
    pub files: Vec<UploadedFile>,
}

impl ChatInputProps {
    /// Why the input refuses to attach a file named `name` of `size` bytes, or `Ok`: the rule
    /// the page applies when a file is picked or dropped, and the engine when it arrives.
    pub fn check(&self, name: &str, size: u64) -> Result<(), String> {
        if self.accept_file.is_none() {
            return Err(format!("{name}: this chat input does not accept files."));
        }
        check_file(&self.file_types, DEFAULT_MAX_UPLOAD_SIZE_MB, name, size)
    }

    /// The `accept` attribute of the page's `<input type="file">`: `".png,.jpg,.jpeg"`.
    pub fn accept(&self) -> String {
        with_aliases(&self.file_types).join(",")
    }
}

/// Why the files sent with a message break the input's rules (count, type, size), or `Ok`.
fn check_files(accept: Option<AcceptFile>, types: &[String], files: &[UploadedFile]) -> Result<(), String> {
    match accept {
        _ if files.is_empty() => Ok(()),
        None => Err("this chat input does not accept files.".into()),
        Some(AcceptFile::Single) if files.len() > 1 => {
            Err(format!("only one file can be attached here; {} were sent.", files.len()))
        }
        Some(_) => {
            files.iter().try_for_each(|f| check_file(types, DEFAULT_MAX_UPLOAD_SIZE_MB, &f.name, f.size() as u64))
        }
    }
}

impl WidgetProps for ChatInputProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        match self.accept_file {
            None => WidgetValue::TextTrigger(self.value.clone()),
            Some(_) => WidgetValue::ChatTrigger(
                self.value.clone().map(|text| ChatInputValue { text, files: self.files.clone() }),
            ),
        }
    }
    fn set_value(&mut self, _: &WidgetValue) {
        // A submission lasts one run; the box is cleared once sent.
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Text(text) if self.accept_file.is_some() => {
                Ok(WidgetValue::ChatTrigger(Some(ChatInputValue { text, files: Vec::new() })))
            }
            TestValue::Text(text) => Ok(WidgetValue::TextTrigger(Some(text))),
            other => Err(format!("a chat input cannot take {other:?}")),
        }
    }
}

/// A chat input: `Some(text)` on the run its submission caused, `None` on every other run
/// (Streamlit's `st.chat_input`). Enter submits, Shift+Enter starts a new line.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if let Some(prompt) = ui.chat_input("Say something") {
///         ui.chat_message("user").write(prompt);
///     }
/// });
/// at.run();
/// assert!(at.get("markdown").is_empty());
/// at.chat_input(0).input("Hello").run();
/// assert_eq!(at.chat_message(0).markdown(0).text(), "Hello");
/// at.run();
/// assert!(at.get("markdown").is_empty(), "the submission lasts one run");
/// ```
pub struct ChatInput {
    placeholder: String,
    max_chars: Option<usize>,
    options: CommonOptions,
}

impl ChatInput {
    /// A chat input showing `placeholder` while empty (Streamlit's default is "Your message").
    pub fn new(placeholder: impl Into<String>) -> Self {
        ChatInput { placeholder: placeholder.into(), max_chars: None, options: CommonOptions::default() }
    }

    /// At most this many characters; the page stops typing there, and a longer submission
    /// is refused.
    pub fn max_chars(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }

    /// Runs `callback` before the run a submission causes (Streamlit's `on_submit`).
    pub fn on_submit<F, R>(self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.on_change(callback)
    }

    /// Lets the viewer attach files (a paperclip button, or dropping them on the input): the
    /// input then returns a [`ChatInputValue`] with the text and the files. A separate type,
    /// so that `ui.chat_input(..)` and `ui.add(ChatInput::new(..))` keep returning text.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let sent = ui.add(ChatInput::new("Say").accept_file(AcceptFile::Multiple).file_type(["png"]));
    ///     if let Some(ChatInputValue { text, files }) = sent {
    ///         let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    ///         ui.write(format!("{text} + {}", names.join(", ")));
    ///     }
    /// });
    /// at.run();
    /// let cat = UploadedFile::new("cat.png", "image/png", vec![1, 2, 3]);
    /// at.chat_input(0).submit_with_files("look", vec![cat]).run();
    /// assert_eq!(at.markdown(0).text(), "look + cat.png");
    /// ```
    pub fn accept_file(self, accept: AcceptFile) -> ChatInputWithFiles {
        ChatInputWithFiles { input: self, accept, types: Vec::new() }
    }
}

impl WidgetOptions for ChatInput {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

/// A chat input that takes files: see [`ChatInput::accept_file`].
#[must_use = "a chat input is drawn by `ui.add(..)`"]
pub struct ChatInputWithFiles {
    input: ChatInput,
    accept: AcceptFile,
    types: Vec<String>,
}

impl ChatInputWithFiles {
    /// The extensions attached files may have (`["png", ".JPG"]`; `jpg` takes `.jpeg` too),
    /// as Streamlit's `file_type`. Files of another type are refused; an empty type is an
    /// error drawn in the input's place.
    pub fn file_type<S: Into<String>>(mut self, types: impl IntoIterator<Item = S>) -> Self {
        self.types = types.into_iter().map(Into::into).collect();
        self
    }
}

impl WidgetOptions for ChatInputWithFiles {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.input.options
    }
}

/// The file rules of a chat input that takes files.
struct FileRules {
    accept: AcceptFile,
    types: Vec<String>,
}

/// Draws a chat input; `decode` reads the wire value as `T`, `parts` gives back its text and files.
fn show_chat<T: Any + Clone>(
    ui: &Ui,
    input: ChatInput,
    files: Option<FileRules>,
    decode: fn(&WidgetValue) -> Option<Option<T>>,
    parts: fn(&T) -> (String, Vec<UploadedFile>),
) -> Option<T> {
    let ChatInput { placeholder, max_chars, options } = input;
    if ui.form_key().is_some() {
        show_error(ui, api("`chat_input()` can't be used in a `form()`.".into()));
        return None;
    }
    // Straight into the main area (not into a container there): pinned to the bottom.
    let pinned = match ui.target() {
        (Root::Main, path, false) => path.is_empty(),
        (Root::Main, path, true) => path.len() == 1,
        (Root::Sidebar, _, _) => false,
    };
    let accept_file = files.as_ref().map(|rules| rules.accept);
    let accept_name = match accept_file {
        None => "false",
        Some(AcceptFile::Single) => "true",
        Some(AcceptFile::Multiple) => "multiple",
    };
    let file_types = files.map(|rules| rules.types).unwrap_or_default();
    let max = max_chars.map_or(-1.0, |m| m as f64);
    let fits = move |text: &str| max_chars.is_none_or(|max| text.chars().count() <= max);
    let spec = Spec {
        kind: "chat_input",
        identity: identity(
            "chat_input",
            options.key.as_deref(),
            |id| {
                id.text("placeholder", &placeholder)
                    .number("max_chars", max)
                    .text("accept_file", accept_name)
                    .texts("file_type", &file_types)
            },
            |id| id.number("max_chars", max).text("accept_file", accept_name).texts("file_type", &file_types),
        ),
        default: if accept_file.is_some() { WidgetValue::ChatTrigger(None) } else { WidgetValue::TextTrigger(None) },
        decode: Rc::new(move |wire| decode(wire).filter(|value| value.as_ref().is_none_or(|v| fits(&parts(v).0)))),
        encode: Box::new(|_| Err("a chat input's value cannot be set".into())),
        explicit_default: false,
    };
    let mut sent = Vec::new();
    let value = show(
        ui,
        &placeholder,
        &options,
        Ok(spec),
        || None,
        |registered| {
            let (text, files) = registered.value.as_ref().map(parts).unzip();
            sent = files.clone().unwrap_or_default();
            make::chat_input(ChatInputProps {
                common: registered.common.clone(),
                placeholder: placeholder.clone(),
                max_chars,
                pinned,
                value: text,
                accept_file,
                file_types: file_types.clone(),
                files: files.unwrap_or_default(),
            })
        },
    );
    // A page that skipped the file check: the message is refused with an error, the app runs on.
    if let Err(message) = check_files(accept_file, &file_types, &sent) {
        show_error(ui, api(format!("The chat input \"{placeholder}\" refused a message: {message}")));
        return None;
    }
    value
}

impl Command for ChatInput {
    type Output = Option<String>;

    fn show(self, ui: &Ui) -> Option<String> {
        show_chat(
            ui,
            self,
            None,
            |wire| match wire {
                WidgetValue::TextTrigger(text) => Some(text.clone()),
                _ => None,
            },
            |text: &String| (text.clone(), Vec::new()),
        )
    }
}

impl Command for ChatInputWithFiles {
    type Output = Option<ChatInputValue>;

    fn show(self, ui: &Ui) -> Option<ChatInputValue> {
        let ChatInputWithFiles { input, accept, types } = self;
        let types = match normalize_types(&types) {
            Ok(types) => types,
            Err(message) => {
                show_error(ui, api(format!("{message} (the chat input \"{}\")", input.placeholder)));
                return None;
            }
        };
        show_chat(
            ui,
            input,
            Some(FileRules { accept, types }),
            |wire| match wire {
                WidgetValue::ChatTrigger(value) => Some(value.clone()),
                _ => None,
            },
            |value: &ChatInputValue| (value.text.clone(), value.files.clone()),
        )
    }
}

impl Ui {
    /// A chat input showing `placeholder`; see [`ChatInput`].
    pub fn chat_input(&self, placeholder: impl Into<String>) -> Option<String> {
        self.add(ChatInput::new(placeholder))
    }
}

impl WidgetRef<'_> {
    /// Submits `text` with `files` attached to a chat input that accepts files, as a viewer
    /// attaching them and pressing Enter does. The engine checks the files' types and count
    /// (a refused message is an error element in the page). Panics on a text-only input.
    pub fn submit_with_files(self, text: &str, files: Vec<UploadedFile>) -> Self {
        match self.element() {
            Element::ChatInput(props) if props.accept_file.is_some() => {}
            Element::ChatInput(_) => panic!("this chat input does not accept files"),
            other => panic!("a {} is not a chat_input", other.kind()),
        }
        self.send(WidgetValue::ChatTrigger(Some(ChatInputValue { text: text.to_string(), files })))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{AcceptFile, ChatInputValue};
    use crate::element::WidgetValue;
    use crate::prelude::*;
    use crate::request::RerunRequest;
    use crate::WidgetEvent;

    fn echo(ui: &Ui) {
        let said = ui.add(ChatInput::new("Say").max_chars(5));
        ui.write(format!("{said:?}"));
    }

    fn props(at: &AppTest) -> crate::widgets::chat_input::ChatInputProps {
        match at.get("chat_input").first() {
            Some(Element::ChatInput(props)) => props.clone(),
            other => panic!("no chat input: {other:?}"),
        }
    }

    #[test]
    fn a_submission_is_some_for_one_run_then_none() {
        let mut at = AppTest::new(echo);
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.chat_input(0).input("hi").run();
        assert_eq!(at.markdown(0).text(), "Some(\"hi\")");
        assert_eq!(at.chat_input(0).value::<Option<String>>(), Some("hi".to_string()));
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.chat_input(0).input("hi").run();
        assert_eq!(at.markdown(0).text(), "Some(\"hi\")", "the same text again is a new submission");
    }

    #[test]
    fn a_submission_longer_than_max_chars_is_refused() {
        let mut at = AppTest::new(echo);
        at.run();
        at.chat_input(0).input("too long").run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn on_submit_runs_before_the_script_once_per_submission() {
        let mut at = AppTest::new(|ui: &Ui| {
            let state = ui.session_state();
            state.get_or_insert_with("sent", || 0)?;
            ui.add(ChatInput::new("Say").key("chat").on_submit(|ui: &Ui| {
                ui.session_state().update("sent", |n: &mut i64| *n += 1)?;
                Ok::<_, Error>(())
            }));
            ui.write(format!("sent {}", state.get::<i64>("sent")?));
            Ok::<_, Error>(())
        });
        at.run();
        at.chat_input(key("chat")).input("a").run();
        at.run();
        at.chat_input(key("chat")).input("a").run();
        assert_eq!(at.markdown(0).text(), "sent 2");
    }

    #[test]
    fn its_value_cannot_be_set_through_session_state_nor_can_it_go_in_a_form() {
        let mut at = AppTest::new(|ui: &Ui| {
            if !ui.session_state().contains("chat") {
                ui.session_state().set("chat", Some("x".to_string()))?;
            }
            ui.add(ChatInput::new("Say").key("chat"));
            let form = ui.form("f");
            form.chat_input("In a form");
            form.form_submit_button("Send");
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("cannot be set using st.session_state"));
        assert!(at.exception(1).text().contains("can't be used in a `form()`"));
    }

    #[test]
    fn only_an_input_drawn_straight_into_the_main_area_is_pinned() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.chat_input("main");
        });
        at.run();
        assert!(props(&at).pinned);
        let mut at = AppTest::new(|ui: &Ui| {
            ui.container().chat_input("inline");
            ui.sidebar().chat_input("side");
        });
        at.run();
        assert!(at.get("chat_input").iter().all(|e| matches!(e, Element::ChatInput(p) if !p.pinned)));
    }

    #[test]
    fn a_newer_release_does_not_drop_a_pending_submission() {
        let id = crate::identity::WidgetId(7);
        let mut pending = RerunRequest::default();
        pending.push(WidgetEvent { id, value: WidgetValue::TextTrigger(Some("hi".into())) });
        pending.merge(RerunRequest::from_event(WidgetEvent { id, value: WidgetValue::TextTrigger(None) }));
        assert_eq!(pending.value(id), Some(&WidgetValue::TextTrigger(Some("hi".into()))));
    }

    #[test]
    fn a_submission_an_interrupted_run_had_not_reached_is_carried_to_the_next_run() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            let slow = ui.checkbox("slow");
            if slow {
                ui.sleep(Duration::from_secs(5)).await;
            }
            if let Some(text) = ui.chat_input("Say") {
                ui.success(text);
            }
        });
        at.run();
        // The run the submission causes sleeps before reaching the chat input ...
        at.chat_input(0).input("kept");
        at.checkbox(0).check();
        at.run_for(Duration::from_secs(1));
        assert!(at.is_running());
        // ... and a newer change interrupts it: the submission goes on to the next run.
        at.checkbox(0).uncheck().run();
        assert_eq!(at.success(0).text(), "kept");
    }

    fn attach(accept: AcceptFile) -> impl Fn(&Ui) {
        move |ui: &Ui| match ui.add(ChatInput::new("Say").accept_file(accept).file_type(["png", "csv"])) {
            Some(ChatInputValue { text, files }) => {
                let files: Vec<String> = files.iter().map(|f| format!("{} {}", f.name, f.size())).collect();
                ui.write(format!("{text:?} {files:?}"));
            }
            None => {
                ui.write("nothing");
            }
        }
    }

    fn file(name: &str) -> UploadedFile {
        UploadedFile::new(name, "", vec![7u8; 3])
    }

    #[test]
    fn text_and_files_round_trip_for_one_run() {
        let mut at = AppTest::new(attach(AcceptFile::Multiple));
        at.run();
        assert_eq!(at.markdown(0).text(), "nothing");
        at.chat_input(0).submit_with_files("look", vec![file("a.png"), file("b.CSV")]).run();
        assert_eq!(at.markdown(0).text(), r#""look" ["a.png 3", "b.CSV 3"]"#);
        let value = at.chat_input(0).value::<Option<ChatInputValue>>().unwrap();
        assert_eq!(value.files[1].bytes(), [7, 7, 7]);
        assert_eq!(props(&at).files.len(), 2, "the page's element holds them for the run");
        at.run();
        assert_eq!(at.markdown(0).text(), "nothing", "the submission lasts one run");
        at.chat_input(0).input("just text").run();
        assert_eq!(at.markdown(0).text(), r#""just text" []"#);
        at.chat_input(0).submit_with_files("", vec![file("only.png")]).run();
        assert_eq!(at.markdown(0).text(), r#""" ["only.png 3"]"#, "files alone are a message");
    }

    #[test]
    fn a_file_of_a_type_not_accepted_is_an_error_and_the_app_runs_on() {
        let mut at = AppTest::new(attach(AcceptFile::Multiple));
        at.run();
        at.chat_input(0).submit_with_files("see", vec![file("a.png"), file("notes.txt")]).run();
        assert_eq!(at.markdown(0).text(), "nothing");
        let error = at.exception(0).text();
        assert!(error.contains("notes.txt: .txt files are not allowed (allowed: .png, .csv)"), "{error}");
        at.chat_input(0).submit_with_files("ok", vec![file("a.png")]).run();
        assert_eq!(at.markdown(0).text(), r#""ok" ["a.png 3"]"#);
        assert!(at.get("exception").is_empty());
    }

    #[test]
    fn a_single_file_input_refuses_two_and_takes_one() {
        let mut at = AppTest::new(attach(AcceptFile::Single));
        at.run();
        at.chat_input(0).submit_with_files("two", vec![file("a.png"), file("b.png")]).run();
        assert_eq!(at.markdown(0).text(), "nothing");
        assert!(at.exception(0).text().contains("only one file can be attached here; 2 were sent"));
        at.chat_input(0).submit_with_files("one", vec![file("a.png")]).run();
        assert_eq!(at.markdown(0).text(), r#""one" ["a.png 3"]"#);
        assert_eq!((props(&at).accept_file, props(&at).accept()), (Some(AcceptFile::Single), ".png,.csv".into()));
    }

    #[test]
    fn a_text_only_input_takes_no_files_and_an_empty_type_is_an_error() {
        let mut at = AppTest::new(echo);
        at.run();
        at.chat_input(0).send(WidgetValue::ChatTrigger(Some(ChatInputValue { text: "x".into(), files: vec![] }))).run();
        assert_eq!(at.markdown(0).text(), "None", "a text-only input ignores a value with files");
        let props = props(&at);
        assert_eq!(props.accept_file, None);
        assert!(props.check("a.png", 1).is_err());
        let mut at = AppTest::new(|ui: &Ui| {
            let sent = ui.add(ChatInput::new("Say").accept_file(AcceptFile::Single).file_type([" "]));
            ui.write(format!("{sent:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("A file type is empty"));
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    #[should_panic(expected = "does not accept files")]
    fn submit_with_files_needs_an_input_that_accepts_files() {
        let mut at = AppTest::new(echo);
        at.run();
        at.chat_input(0).submit_with_files("x", vec![file("a.png")]);
    }

    #[test]
    fn a_pending_submission_with_files_survives_a_newer_release() {
        let id = crate::identity::WidgetId(7);
        let sent = WidgetValue::ChatTrigger(Some(ChatInputValue { text: "hi".into(), files: vec![file("a.png")] }));
        let mut pending = RerunRequest::default();
        pending.push(WidgetEvent { id, value: sent.clone() });
        pending.merge(RerunRequest::from_event(WidgetEvent { id, value: WidgetValue::ChatTrigger(None) }));
        assert_eq!(pending.value(id), Some(&sent));
    }
}
