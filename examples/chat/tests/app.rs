//! The chat app, driven headless with `AppTest`.

use std::time::Duration;

use chat::{Message, Role, HISTORY, WORD_DELAY};
use wasmlit::element::{Avatar, BlockKind};
use wasmlit::prelude::*;

fn started() -> AppTest {
    let mut at = AppTest::new_async(chat::app);
    at.run();
    at
}

/// (author name, avatar, text) of every chat message on the page.
fn conversation(at: &AppTest) -> Vec<(String, Avatar, String)> {
    at.tree()
        .main
        .blocks()
        .into_iter()
        .filter_map(|block| match &block.kind {
            BlockKind::ChatMessage { name, avatar } => {
                let text = block.elements().iter().map(|e| e.text()).collect::<Vec<_>>().join("\n");
                Some((name.clone(), avatar.clone(), text))
            }
            _ => None,
        })
        .collect()
}

fn history(at: &AppTest) -> Vec<Message> {
    at.session_state().get(HISTORY).expect("the history is initialised on the first run")
}

#[test]
fn the_first_run_shows_the_title_an_empty_history_and_a_pinned_input() {
    let mut at = started();
    assert_eq!(at.title(0).text(), "Simple chat");
    assert!(conversation(&at).is_empty());
    assert!(history(&at).is_empty());
    let input = at.chat_input(0);
    assert_eq!(input.label(), "What is up?");
    assert!(matches!(input.element(), Element::ChatInput(p) if p.pinned));
    assert!(at.get("exception").is_empty());
}

#[test]
fn the_bot_streams_its_echo_word_by_word() {
    let mut at = started();
    at.chat_input(0).input("Hello bot");
    at.run_for(WORD_DELAY * 2 + WORD_DELAY / 2);
    assert!(at.is_running(), "still streaming");
    let so_far = conversation(&at);
    assert_eq!(so_far[0], ("user".into(), Avatar::User, "Hello bot".into()));
    assert_eq!(so_far[1], ("assistant".into(), Avatar::Assistant, "Echo: Hello ".into()));
    at.wait();
    assert_eq!(conversation(&at)[1].2, "Echo: Hello bot ");
}

#[test]
fn the_history_survives_reruns_and_grows_with_each_exchange() {
    let mut at = started();
    at.chat_input(0).input("one").run();
    at.chat_input(0).input("two").run();
    at.run();
    let shown: Vec<(String, String)> = conversation(&at).into_iter().map(|(name, _, text)| (name, text)).collect();
    assert_eq!(
        shown,
        [
            ("user".to_string(), "one".to_string()),
            ("assistant".to_string(), "Echo: one ".to_string()),
            ("user".to_string(), "two".to_string()),
            ("assistant".to_string(), "Echo: two ".to_string()),
        ]
    );
    assert_eq!(history(&at)[3], Message { role: Role::Assistant, content: "Echo: two ".into() });
    assert_eq!(at.chat_input(0).value::<Option<ChatInputValue>>(), None, "a plain rerun submits nothing");
}

#[test]
fn a_new_message_during_a_stream_interrupts_it_as_in_streamlit() {
    let mut at = started();
    at.chat_input(0).input("first");
    at.run_for(Duration::from_millis(60));
    at.chat_input(0).input("second").run();
    // The first answer was cut off before it was saved; both questions are kept.
    let roles: Vec<Role> = history(&at).iter().map(|m| m.role).collect();
    assert_eq!(roles, [Role::User, Role::User, Role::Assistant]);
    assert_eq!(conversation(&at).last().map(|m| m.2.clone()), Some("Echo: second ".into()));
}

#[test]
fn the_apps_theme_file_is_valid() {
    let theme = wasmlit::theme::ThemeConfig::from_toml(include_str!("../wasmlit.toml")).expect("a valid wasmlit.toml");
    assert_eq!(theme.primary_color.as_deref(), Some("#6d28d9"));
}

#[test]
fn files_sent_with_a_message_are_named_and_echoed() {
    let mut at = started();
    let files =
        vec![UploadedFile::new("notes.txt", "text/plain", "hi"), UploadedFile::new("cat.png", "image/png", vec![1])];
    at.chat_input(0).submit_with_files("see these", files).run();
    let shown: Vec<String> = conversation(&at).into_iter().map(|(_, _, text)| text).collect();
    assert_eq!(shown, ["see these (files: notes.txt, cat.png)", "Echo: see these (files: notes.txt, cat.png) "]);
    at.chat_input(0).submit_with_files("", vec![UploadedFile::new("a.csv", "", "x")]).run();
    assert_eq!(conversation(&at)[2].2, "(files: a.csv)", "files alone are a message");
}
