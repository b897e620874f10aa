//! Renders `html`: the body sanitized by DOMPurify (loaded on the first `html` element through
//! [`vendor::load`]) and set as the inner HTML of a `<div>`, as Streamlit's `st.html` does.
//!
//! Nothing of the body reaches the DOM before it is sanitized: until DOMPurify has loaded the
//! element is empty, and if it cannot load an error box says so. DOMPurify's options are
//! Streamlit's (`USE_PROFILES: {html: true}`, `FORCE_BODY: true`, so a leading `<style>` is
//! kept); links that open a new tab get `rel="noopener noreferrer"`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::elements::text::html::HtmlProps;
use crate::web::elements::DisplayCell;
use crate::web::vendor::{self, Library};

#[wasm_bindgen(inline_js = r#"
let hooked = false;
export function sanitize(body) {
  const purify = window.DOMPurify;
  if (!hooked) {
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.getAttribute && node.getAttribute('target')) node.setAttribute('rel', 'noopener noreferrer');
    });
    hooked = true;
  }
  return purify.sanitize(body, { USE_PROFILES: { html: true }, FORCE_BODY: true });
}
"#)]
extern "C" {
    /// DOMPurify's clean copy of `body` (DOMPurify must be loaded).
    #[wasm_bindgen(catch)]
    fn sanitize(body: &str) -> Result<String, JsValue>;
}

/// The body, sanitized once DOMPurify has loaded (or why it could not be).
async fn sanitized(body: &str) -> Result<String, String> {
    vendor::load(Library::DomPurify).await?;
    sanitize(body).map_err(|error| error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

/// Draws an `html` element. Its kind's renderer slot is filled only by the script's `html`
/// calls (`element::make`), so an app without `html` does not link the DOMPurify glue.
pub(crate) fn render(cell: DisplayCell<HtmlProps>) -> AnyView {
    let props = cell.props;
    let shown = RwSignal::new(None::<Result<String, String>>);
    Effect::new(move || {
        let body = props.with(|p| p.body.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = sanitized(&body).await;
            // A newer body may have arrived while DOMPurify loaded: only the current one shows.
            if props.try_with_untracked(|p| p.body == body) == Some(true) {
                shown.try_set(Some(result));
            }
        });
    });
    let class = move || props.with(|p| if p.style_only { "wl-html-body wl-html-style-only" } else { "wl-html-body" });
    view! {
        {move || match shown.get() {
            Some(Err(message)) => view! {
                <div class="wl-exception-box" role="alert">
                    <div class="wl-exception-kind">"The HTML could not be shown"</div>
                    <pre class="wl-exception-message">{message}</pre>
                </div>
            }
            .into_any(),
            Some(Ok(html)) => view! { <div class=class inner_html=html></div> }.into_any(),
            None => ().into_any(),
        }}
    }
    .into_any()
}
