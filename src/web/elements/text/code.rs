//! Renders `code` as `<pre><code class="language-…">`, with an optional line-number gutter,
//! optional wrapping and a copy button (the Clipboard API; "Copied" for two seconds).
//!
//! A block with a language is highlighted by Prism, loaded through [`vendor::load`] the first
//! time such a block is drawn (the glue is installed by the script's first such block, so an
//! app without one does not carry it): the plain text shows at once, and Prism's token spans replace it
//! when it has loaded (a language Prism does not know stays plain, as does every block if Prism
//! cannot load). Prism was chosen over highlight.js because Streamlit highlights with Prism (its
//! token classes are the ones Streamlit's theme colours) and its core with the 13 languages we
//! bundle is 40 kB minified, against highlight.js's 120 kB common build. The gutter, wrapping
//! and the copy button (which copies the props' plain text) do not depend on it.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::elements::text::code::{line_numbers, CodeProps};
use crate::web::elements::DisplayCell;
use crate::web::vendor::{self, Library};

#[wasm_bindgen(inline_js = r#"
export function highlight(code, language) {
  const prism = window.Prism;
  const grammar = prism.languages[language];
  return grammar ? prism.highlight(code, grammar, language) : undefined;
}
"#)]
extern "C" {
    /// Prism's HTML for `code` (text escaped, tokens in `<span class="token …">`), or `None`
    /// for a language Prism does not know. Prism must be loaded.
    #[wasm_bindgen(catch)]
    fn highlight(code: &str, language: &str) -> Result<Option<String>, JsValue>;
}

/// Prism's HTML for `body` in `language`, once Prism has loaded; `None` if it cannot load or
/// does not know the language (the block stays plain).
async fn highlighted(body: &str, language: &str) -> Option<String> {
    vendor::load(Library::Prism).await.ok()?;
    highlight(body, &language.to_ascii_lowercase()).ok().flatten()
}

/// Keeps `tokens` the Prism HTML of the block's current body (see [`install`]).
type Highlighter = fn(Memo<CodeProps>, RwSignal<Option<String>>);

thread_local! {
    static HIGHLIGHTER: Cell<Option<Highlighter>> = const { Cell::new(None) };
}

/// Turns highlighting on (called by a script's first code block with a language), so an app
/// without one does not link the Prism glue.
pub(crate) fn install() {
    HIGHLIGHTER.with(|h| h.set(Some(highlight_with_prism)));
}

fn highlight_with_prism(props: Memo<CodeProps>, tokens: RwSignal<Option<String>>) {
    Effect::new(move || {
        let (body, language) = props.with(|p| (p.body.clone(), p.language.clone()));
        tokens.set(None);
        let Some(language) = language else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let html = highlighted(&body, &language).await;
            // The block may have changed (or gone) while Prism loaded.
            if props.try_with_untracked(|p| p.body == body && p.language.as_deref() == Some(&language)) == Some(true) {
                tokens.try_set(html);
            }
        });
    });
}

/// How long the button says "Copied" after a copy.
const COPIED_FOR: Duration = Duration::from_secs(2);

pub(crate) fn render(cell: DisplayCell<CodeProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::CODE);
    let props = cell.props;
    let class = move || props.with(|p| p.language.as_ref().map(|l| format!("language-{l}")).unwrap_or_default());
    let pre_class = move || props.with(|p| if p.wrap_lines { "wl-code-block wl-code-wrap" } else { "wl-code-block" });
    // Prism's HTML for the current body, or `None` while the plain text shows.
    let tokens = RwSignal::new(None::<String>);
    if let Some(highlight) = HIGHLIGHTER.with(Cell::get) {
        highlight(props, tokens);
    }
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
            // A block that scrolls sideways is reached by Tab, so keys can scroll it.
            <pre class=pre_class tabindex=move || props.with(|p| (!p.wrap_lines).then_some("0"))>
                <Show when=move || props.with(|p| p.line_numbers)>
                    <span class="wl-code-gutter" aria-hidden="true">{move || props.with(|p| line_numbers(&p.body))}</span>
                </Show>
                {move || match tokens.get() {
                    Some(html) => view! { <code class=class inner_html=html></code> }.into_any(),
                    None => view! { <code class=class>{move || props.with(|p| p.body.clone())}</code> }.into_any(),
                }}
            </pre>
            <button class="wl-code-copy" type="button" title="Copy to clipboard" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </div>
    }
    .into_any()
}
