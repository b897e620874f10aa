//! Renders `chat_message`: an avatar beside the message's body; the user's messages get a
//! tinted background, as in Streamlit.

use leptos::prelude::*;

use super::cells;
use crate::element::{Avatar, BlockKind};
use crate::web::view_model::BlockCell;
use crate::web::Sender;

/// A person's head and shoulders (the user's default avatar).
const USER_ICON: &str = "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5Z";
/// A robot's head (the assistant's default avatar).
const ASSISTANT_ICON: &str = "M11 2h2v3h4a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V8a3 3 0 0 1 3-3h4V2Zm-2 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3ZM9 16v1.5h6V16H9Z";

fn avatar_view(avatar: Avatar) -> AnyView {
    let icon = |class: &'static str, path: &'static str, label: &'static str| {
        view! {
            <div class=format!("wl-chat-avatar {class}") role="img" aria-label=label>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d=path /></svg>
            </div>
        }
        .into_any()
    };
    match avatar {
        Avatar::User => icon("wl-chat-avatar-user", USER_ICON, "user avatar"),
        Avatar::Assistant => icon("wl-chat-avatar-assistant", ASSISTANT_ICON, "assistant avatar"),
        Avatar::Text(text) => {
            view! { <div class="wl-chat-avatar wl-chat-avatar-text" aria-hidden="true">{text}</div> }.into_any()
        }
    }
}

pub(crate) fn render(cell: BlockCell, sender: Sender) -> AnyView {
    crate::web::style::require(&crate::web::style::CHAT);
    let BlockCell { kind, children, stale, .. } = cell;
    let message = Memo::new(move |_| match kind.get() {
        BlockKind::ChatMessage { name, avatar } => (name, avatar),
        _ => (String::new(), Avatar::Text(String::new())),
    });
    let is_user = move || message.with(|(_, avatar)| *avatar == Avatar::User);
    view! {
        <div
            class="wl-block wl-chat-message"
            class:wl-chat-message-user=is_user
            class:wl-stale=move || stale.get()
            aria-label=move || message.with(|(name, _)| format!("Chat message from {name}"))
            role="group"
        >
            {move || avatar_view(message.with(|(_, avatar)| avatar.clone()))}
            <div class="wl-chat-body">{cells(children, sender)}</div>
        </div>
    }
    .into_any()
}
