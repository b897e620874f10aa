//! Renders `feedback` as a group of icon buttons with `aria-label`s ("thumbs up", "3 stars")
//! and `aria-pressed` on the chosen one. Stars up to the chosen one are drawn filled.

use leptos::prelude::*;

use super::{draft, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::feedback::{FeedbackOptions, FeedbackProps};

/// The icon of option `index`.
fn icon(options: FeedbackOptions, index: usize) -> &'static str {
    match options {
        FeedbackOptions::Thumbs => ["👎", "👍"][index.min(1)],
        FeedbackOptions::Faces => ["😞", "🙁", "😐", "🙂", "😀"][index.min(4)],
        FeedbackOptions::Stars => "★",
    }
}

pub(crate) fn render(cell: WidgetCell<FeedbackProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::FEEDBACK);
    let props = cell.props;
    let tip = crate::web::help::tip_id(&cell.dom_id);
    let described = tip.clone();
    let options = cell.first.options;
    let labels = cell.first.labels.clone();
    // Streamlit draws thumbs up (index 1) before thumbs down (index 0).
    let order: Vec<usize> = match options {
        FeedbackOptions::Thumbs => vec![1, 0],
        _ => (0..labels.len()).collect(),
    };
    let echo = cell.echo.clone();
    // A click the engine has not confirmed yet (a form holds it until its submit).
    let pending = draft::<Option<usize>, _>(props, cell.echo.clone());
    let sink = cell.sink;
    let buttons = order
        .into_iter()
        .map(|index| {
            let echo = echo.clone();
            let chosen = move || {
                echo.track();
                pending.get().unwrap_or_else(|| props.with(|p| p.index))
            };
            let chosen_too = chosen.clone();
            let lit = move || match (options, chosen_too()) {
                (FeedbackOptions::Stars, Some(c)) => index <= c,
                (_, c) => c == Some(index),
            };
            view! {
                <button
                    type="button"
                    class="wl-feedback-icon"
                    class:wl-lit=lit
                    aria-label=labels[index].clone()
                    aria-pressed=move || (chosen() == Some(index)).to_string()
                    disabled=move || props.with(|p| p.common.disabled)
                    on:click=move |_| {
                        let now = pending.get_untracked().unwrap_or_else(|| props.with_untracked(|p| p.index));
                        let next = if now == Some(index) { None } else { Some(index) };
                        pending.set(Some(next));
                        sink.send(WidgetValue::Index(next));
                    }
                >
                    {icon(options, index)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            class="wl-feedback"
            class:wl-feedback-stars=options == FeedbackOptions::Stars
            role="group"
            aria-label=format!("Feedback ({})", options.name())
            aria-describedby=move || props.with(|p| crate::web::help::described_by(p.common.help.is_some(), &described))
        >
            {buttons}
        </div>
        {move || props.with(|p| p.common.help.clone()).map(|help| crate::web::help::tip(help, tip.clone()))}
    }
    .into_any()
}
