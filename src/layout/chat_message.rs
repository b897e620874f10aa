//! `chat_message`: a chat bubble, an avatar beside a container for the message's body.

use crate::element::{Avatar, BlockKind};
use crate::ui::{Command, Ui};

impl Ui {
    /// A chat message from `name`: a container whose body sits beside an avatar.
    ///
    /// `"user"` and `"human"` get Streamlit's user avatar, `"assistant"` and `"ai"` its
    /// assistant avatar, and any other name shows its initial; [`ChatMessage::avatar`] sets
    /// an emoji or text instead. Write the message into the returned handle.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.chat_message("user").write("Hello 👋");
    ///     let answer = ui.chat_message("assistant");
    ///     answer.write("Hi! How can I help?");
    /// });
    /// at.run();
    /// assert_eq!(at.chat_message(0).markdown(0).text(), "Hello 👋");
    /// assert_eq!(at.chat_message(1).markdown(0).text(), "Hi! How can I help?");
    /// ```
    pub fn chat_message(&self, name: impl Into<String>) -> Ui {
        self.add(ChatMessage::new(name))
    }
}

/// A chat message with options: `ui.add(ChatMessage::new("Ada").avatar("🦖"))`.
#[must_use = "a chat message is drawn by `ui.add(..)`"]
pub struct ChatMessage {
    name: String,
    avatar: Option<String>,
}

impl ChatMessage {
    /// A message from `name` (see [`Ui::chat_message`] for the default avatars).
    pub fn new(name: impl Into<String>) -> Self {
        ChatMessage { name: name.into(), avatar: None }
    }

    /// Shows `avatar` (an emoji or a short text) instead of the default one.
    pub fn avatar(mut self, avatar: impl Into<String>) -> Self {
        self.avatar = Some(avatar.into());
        self
    }
}

/// The avatar Streamlit shows for `name` when the script gives none.
pub(crate) fn default_avatar(name: &str) -> Avatar {
    match name.to_lowercase().as_str() {
        "user" | "human" => Avatar::User,
        "assistant" | "ai" => Avatar::Assistant,
        _ => Avatar::Text(name.chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default()),
    }
}

impl Command for ChatMessage {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let ChatMessage { name, avatar } = self;
        if name.trim().is_empty() {
            // Streamlit refuses a message without an author; the body still gets a place.
            ui.push_exception(
                "StreamlitAPIException".into(),
                "The author name is required for a chat message, please set it via the parameter `name`.".into(),
            );
        }
        let avatar = match avatar {
            Some(text) if !text.trim().is_empty() => Avatar::Text(text),
            _ => default_avatar(&name),
        };
        crate::layout::install_block!(chat_message);
        ui.push_block(BlockKind::ChatMessage { name, avatar }, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use crate::element::{Avatar, BlockKind, Node};
    use crate::prelude::*;

    fn messages(at: &AppTest) -> Vec<(String, Avatar)> {
        at.tree()
            .main
            .blocks()
            .into_iter()
            .filter_map(|block| match &block.kind {
                BlockKind::ChatMessage { name, avatar } => Some((name.clone(), avatar.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn names_pick_streamlits_default_avatars_and_other_names_show_their_initial() {
        let mut at = AppTest::new(|ui: &Ui| {
            for name in ["user", "Human", "assistant", "AI", "bob", "émile"] {
                ui.chat_message(name).write(name);
            }
        });
        at.run();
        let avatars: Vec<Avatar> = messages(&at).into_iter().map(|(_, avatar)| avatar).collect();
        assert_eq!(
            avatars,
            [
                Avatar::User,
                Avatar::User,
                Avatar::Assistant,
                Avatar::Assistant,
                Avatar::Text("B".into()),
                Avatar::Text("É".into())
            ]
        );
    }

    #[test]
    fn a_custom_avatar_replaces_the_default_and_the_name_is_kept() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(ChatMessage::new("assistant").avatar("🦖")).write("Rawr");
        });
        at.run();
        assert_eq!(messages(&at), [("assistant".to_string(), Avatar::Text("🦖".into()))]);
        assert_eq!(at.chat_message(0).markdown(0).text(), "Rawr");
    }

    #[test]
    fn a_message_is_a_container_written_out_of_order() {
        let mut at = AppTest::new(|ui: &Ui| {
            let message = ui.chat_message("assistant");
            ui.write("after the message");
            message.write("first line");
            message.write("second line");
        });
        at.run();
        let tree = at.tree();
        assert!(matches!(&tree.main.children[0], Node::Block(b) if b.children.len() == 2));
        assert_eq!(at.chat_message(0).get("markdown").len(), 2);
        assert_eq!(at.markdown(2).text(), "after the message");
    }

    #[test]
    fn a_message_without_a_name_is_an_error_and_its_body_still_shows() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.chat_message("").write("anonymous");
        });
        at.run();
        assert!(at.exception(0).text().contains("author name is required"));
        assert_eq!(at.chat_message(0).markdown(0).text(), "anonymous");
    }
}
