//! Streamlit's "Build a basic LLM chat app" tutorial, ported to wasmlit.
//!
//! <https://docs.streamlit.io/develop/tutorials/chat-and-llm-apps/build-conversational-apps>:
//! the chat history lives in session state and is redrawn on every run, the chat input is
//! pinned to the bottom of the page, and the bot streams its answer word by word with
//! `write_stream`. The bot is the tutorial's echo bot (no network, no model): it answers
//! `Echo: <your message>`, one word every [`WORD_DELAY`]. The input also takes files
//! (Streamlit's `accept_file="multiple"`): a message names the files sent with it.
//!
//! Run it in the browser with `trunk serve` in this folder.

use std::time::Duration;

use wasmlit::prelude::*;

/// How long the bot "thinks" before each word of its answer.
pub const WORD_DELAY: Duration = Duration::from_millis(50);

/// The session-state key of the chat history.
pub const HISTORY: &str = "messages";

/// Who wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    User,
    Assistant,
}

impl Role {
    /// The name `chat_message` takes, which picks the avatar.
    pub fn name(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

/// One message of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub role: Role,
    pub content: String,
}

/// The echo bot's answer to `prompt`, as the chunks it streams: one word (and the space
/// after it) at a time, each after [`WORD_DELAY`].
pub fn response_generator(ui: &Ui, prompt: &str) -> impl Iterator<Item = impl std::future::Future<Output = String>> {
    let response = format!("Echo: {prompt}");
    let words: Vec<String> = response.split_whitespace().map(|word| format!("{word} ")).collect();
    let ui = ui.clone();
    words.into_iter().map(move |word| {
        let ui = ui.clone();
        async move {
            ui.sleep(WORD_DELAY).await;
            word
        }
    })
}

/// What a message says: its text, then the names of the files sent with it.
///
/// ```
/// use wasmlit::prelude::*;
/// let sent = ChatInputValue { text: "look".into(), files: vec![UploadedFile::new("cat.png", "image/png", vec![1])] };
/// assert_eq!(chat::prompt(&sent), "look (files: cat.png)");
/// assert_eq!(chat::prompt(&ChatInputValue { text: "hi".into(), files: vec![] }), "hi");
/// ```
pub fn prompt(sent: &ChatInputValue) -> String {
    if sent.files.is_empty() {
        return sent.text.clone();
    }
    let names: Vec<&str> = sent.files.iter().map(|file| file.name.as_str()).collect();
    format!("{} (files: {})", sent.text, names.join(", ")).trim_start().to_string()
}

/// The app script.
pub async fn app(ui: Ui) -> Result {
    let ui = &ui;
    ui.title("Simple chat");
    let state = ui.session_state();

    // Initialize chat history.
    let history: Vec<Message> = state.get_or_insert_with(HISTORY, Vec::new)?;

    // Display chat messages from history on app rerun.
    for message in &history {
        ui.chat_message(message.role.name()).markdown(&message.content);
    }

    // Accept user input, with any number of files attached.
    if let Some(sent) = ui.add(ChatInput::new("What is up?").accept_file(AcceptFile::Multiple)) {
        let prompt = prompt(&sent);
        // Add the user's message to the history and display it.
        state.update(HISTORY, |messages: &mut Vec<Message>| {
            messages.push(Message { role: Role::User, content: prompt.clone() })
        })?;
        ui.chat_message("user").markdown(&prompt);

        // Display the assistant's answer as it streams in, then add it to the history.
        let response = ui.chat_message("assistant").write_stream(response_generator(ui, &prompt)).await;
        state.update(HISTORY, |messages: &mut Vec<Message>| {
            messages.push(Message { role: Role::Assistant, content: response })
        })?;
    }
    Ok(())
}
