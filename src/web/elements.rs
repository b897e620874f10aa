//! Renderers of the display elements, and the dispatcher every element goes through.

use leptos::prelude::*;

use super::view_model::ElementCell;
use super::{widgets, Sender};
use crate::element::{AlertLevel, Element};
use crate::markdown::to_html;

/// Renders one element inside its wrapper `<div class="wl-element wl-<kind>">`.
///
/// A cell's element variant never changes, so the renderer is chosen once.
pub(crate) fn element(cell: ElementCell, sender: Sender) -> AnyView {
    let initial = cell.props.get_untracked();
    let kind = initial.kind();
    let key_class =
        initial.widget().and_then(|w| w.key.as_ref()).map(|key| format!(" st-key-{key}")).unwrap_or_default();
    let class = format!("wl-element wl-{kind}{key_class}");
    let props = cell.props.clone();
    let stale = cell.stale.clone();
    let body = match initial {
        Element::Title { .. } => {
            let anchor = props.clone();
            view! { <h1 id=move || anchor.with(|e| crate::markdown::anchor(&e.text()))>{move || props.with(Element::text)}</h1> }
                .into_any()
        }
        Element::Header { .. } => heading(props, 2),
        Element::Subheader { .. } => heading(props, 3),
        Element::Markdown { .. } => {
            let html = Memo::new(move |_| {
                props.with(|element| match element {
                    Element::Markdown { body, allow_html } => to_html(body, *allow_html),
                    _ => String::new(),
                })
            });
            view! { <div class="wl-md" inner_html=move || html.get()></div> }.into_any()
        }
        Element::Text { .. } => view! { <pre class="wl-pre">{move || props.with(Element::text)}</pre> }.into_any(),
        Element::Caption { .. } => {
            let html = Memo::new(move |_| props.with(|element| to_html(&element.text(), false)));
            view! { <div class="wl-caption-body wl-md" inner_html=move || html.get()></div> }.into_any()
        }
        Element::Code { .. } => {
            let language = props.clone();
            let class = move || {
                language.with(|element| match element {
                    Element::Code { language: Some(language), .. } => format!("language-{language}"),
                    _ => String::new(),
                })
            };
            view! { <pre class="wl-code-block"><code class=class>{move || props.with(Element::text)}</code></pre> }
                .into_any()
        }
        Element::Divider => view! { <hr class="wl-rule" /> }.into_any(),
        Element::Alert { .. } => alert(props),
        Element::Exception { .. } => {
            let message = props.clone();
            let kind = move || {
                props.with(|element| match element {
                    Element::Exception { kind, .. } => kind.clone(),
                    _ => String::new(),
                })
            };
            let message = move || {
                message.with(|element| match element {
                    Element::Exception { message, .. } => message.clone(),
                    _ => String::new(),
                })
            };
            view! {
                <div class="wl-exception-box" role="alert">
                    <div class="wl-exception-kind">{kind}</div>
                    <pre class="wl-exception-message">{message}</pre>
                </div>
            }
            .into_any()
        }
        Element::Progress { .. } => progress(props),
        Element::Empty => ().into_any(),
        Element::Spinner { .. } => view! {
            <div class="wl-spinner" role="status">
                <span class="wl-spinner-icon" aria-hidden="true"></span>
                <span>{move || props.with(Element::text)}</span>
            </div>
        }
        .into_any(),
        _ => widgets::widget(cell, sender),
    };
    view! { <div class=class data-kind=kind class:wl-stale=move || stale.get()>{body}</div> }.into_any()
}

fn heading(props: ArcRwSignal<Element>, level: u8) -> AnyView {
    let divider = props.clone();
    let has_divider = move || {
        matches!(divider.get(), Element::Header { divider: true, .. } | Element::Subheader { divider: true, .. })
    };
    let anchor = props.clone();
    let id = move || anchor.with(|e| crate::markdown::anchor(&e.text()));
    let text = move || props.with(Element::text);
    let heading = if level == 2 {
        view! { <h2 id=id>{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}</h3> }.into_any()
    };
    view! {
        {heading}
        <Show when=has_divider>
            <hr class="wl-heading-divider" />
        </Show>
    }
    .into_any()
}

fn alert(props: ArcRwSignal<Element>) -> AnyView {
    let level = props.with_untracked(|element| match element {
        Element::Alert { level, .. } => *level,
        _ => AlertLevel::Info,
    });
    let (class, icon) = match level {
        AlertLevel::Success => ("wl-alert wl-alert-success", "✓"),
        AlertLevel::Info => ("wl-alert wl-alert-info", "ℹ"),
        AlertLevel::Warning => ("wl-alert wl-alert-warning", "⚠"),
        AlertLevel::Error => ("wl-alert wl-alert-error", "✕"),
    };
    let html = Memo::new(move |_| props.with(|element| to_html(&element.text(), false)));
    view! {
        <div class=class role="alert">
            <span class="wl-alert-icon" aria-hidden="true">{icon}</span>
            <div class="wl-alert-body wl-md" inner_html=move || html.get()></div>
        </div>
    }
    .into_any()
}

fn progress(props: ArcRwSignal<Element>) -> AnyView {
    let value = {
        let props = props.clone();
        Memo::new(move |_| match props.get() {
            Element::Progress { value, .. } => value,
            _ => 0.0,
        })
    };
    let text = move || match props.get() {
        Element::Progress { text, .. } => text,
        _ => None,
    };
    view! {
        <div class="wl-progress-text">{text}</div>
        <div
            class="wl-progress-track"
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || format!("{:.0}", value.get() * 100.0)
        >
            <div class="wl-progress-fill" style:width=move || format!("{:.2}%", value.get() * 100.0)></div>
        </div>
    }
    .into_any()
}
