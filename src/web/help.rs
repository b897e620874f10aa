//! Help text (`.help(..)`): a tooltip shown on hover and on keyboard focus, which also
//! describes its control to screen readers (`aria-describedby`), never a `title` alone.

use leptos::prelude::*;

use std::sync::atomic::{AtomicU64, Ordering};

/// The id of the tooltip of the control `owner` (its DOM id).
pub(crate) fn tip_id(owner: &str) -> String {
    format!("{owner}-help")
}

/// A tooltip id for help that belongs to no control (headings, metrics).
pub(crate) fn fresh_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!("wl-help-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A focusable "?" and its tooltip `id` (labels, headings, metrics); nothing without `text`.
pub(crate) fn icon(text: impl Fn() -> Option<String> + Send + Sync + 'static, id: String) -> impl IntoView {
    move || {
        text().map(|text| {
            view! {
                <span class="wl-help-box">
                    <button type="button" class="wl-help" aria-label="Help" aria-describedby=id.clone()>
                        "?"
                    </button>
                    {tip(text, id.clone())}
                </span>
            }
        })
    }
}

/// The tooltip of a control that shows it itself (a button, a checkbox): the control names it
/// in `aria-describedby` and stands right before it (`.wl-help-tip` shows on its hover/focus).
pub(crate) fn tip(text: String, id: String) -> impl IntoView {
    view! { <span class="wl-help-tip" role="tooltip" id=id>{text}</span> }
}

/// `aria-describedby` of a control whose help (`has_help`) shows in tooltip `id`.
pub(crate) fn described_by(has_help: bool, id: &str) -> Option<String> {
    has_help.then(|| id.to_string())
}
