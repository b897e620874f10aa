//! Renders `pdf` in the browser's own PDF viewer: an `<iframe>` on the document's URL (bytes
//! become a Blob URL, revoked when the element goes away). A browser without a viewer
//! (`navigator.pdfViewerEnabled` false, as on most phones) gets a download link instead.

use leptos::prelude::*;

use super::source_url;
use crate::elements::media::pdf::PdfProps;
use crate::web::elements::DisplayCell;

/// Whether the browser shows PDFs itself (true where it does not say).
fn viewer_enabled() -> bool {
    let Some(window) = web_sys::window() else { return true };
    let value = js_sys::Reflect::get(&window.navigator(), &"pdfViewerEnabled".into()).ok();
    value.and_then(|v| v.as_bool()).unwrap_or(true)
}

pub(crate) fn render(cell: DisplayCell<PdfProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MEDIA);
    let props = cell.props;
    let src = source_url(move || props.with(|p| p.source.clone()));
    let style = move || props.with(|p| format!("height: {}px", p.height));
    if viewer_enabled() {
        view! { <iframe class="wl-pdf-frame" title="PDF document" src=src style=style></iframe> }.into_any()
    } else {
        view! {
            <div class="wl-pdf-fallback">
                "This browser cannot show PDF documents here. "
                <a href=src download="document.pdf" target="_blank" rel="noopener">"Download the PDF"</a>
            </div>
        }
        .into_any()
    }
}
