//! Renders `code` as `<pre><code class="language-…">`, with an optional line-number gutter,
//! optional wrapping and a copy button (the Clipboard API; "Copied" for two seconds).

use std::time::Duration;

use leptos::prelude::*;

use crate::elements::text::code::{line_numbers, CodeProps};
use crate::web::elements::DisplayCell;

/// How long the button says "Copied" after a copy.
const COPIED_FOR: Duration = Duration::from_secs(2);

pub(crate) fn render(cell: DisplayCell<CodeProps>) -> AnyView {
    let props = cell.props;
    let class = move || props.with(|p| p.language.as_ref().map(|l| format!("language-{l}")).unwrap_or_default());
    let pre_class = move || props.with(|p| if p.wrap_lines { "wl-code-block wl-code-wrap" } else { "wl-code-block" });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let body = props.with_untracked(|p| p.body.clone());
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&body);
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
                set_timeout(
                    move || {
                        copied.try_set(false);
                    },
                    COPIED_FOR,
                );
            }
        });
    };
    view! {
        <div class="wl-code-wrapper">
            <pre class=pre_class>
                <Show when=move || props.with(|p| p.line_numbers)>
                    <span class="wl-code-gutter" aria-hidden="true">{move || props.with(|p| line_numbers(&p.body))}</span>
                </Show>
                <code class=class>{move || props.with(|p| p.body.clone())}</code>
            </pre>
            <button class="wl-code-copy" type="button" title="Copy to clipboard" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </div>
    }
    .into_any()
}
