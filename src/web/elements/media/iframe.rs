//! Renders `iframe`: a sandboxed `<iframe>` on a URL, or on an HTML document through
//! `srcdoc`.
//!
//! Both frames may run scripts, open forms, pop-ups and downloads, as Streamlit's component
//! frames may. A URL's page keeps its own origin (`allow-same-origin`), so a site works as it
//! does in a tab of its own; an HTML document's origin is opaque (no `allow-same-origin`), so
//! its scripts cannot reach this page, its storage or the visitor's session.

use leptos::prelude::*;

use crate::elements::media::iframe::{FrameContent, IFrameProps};
use crate::web::elements::DisplayCell;

/// What every frame may do.
const SANDBOX: &str =
    "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";

pub(crate) fn render(cell: DisplayCell<IFrameProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MEDIA);
    let props = cell.props;
    let src = move || props.with(|p| if let FrameContent::Url(url) = &p.content { Some(url.clone()) } else { None });
    let srcdoc =
        move || props.with(|p| if let FrameContent::Html(body) = &p.content { Some(body.clone()) } else { None });
    let sandbox = move || {
        props.with(|p| match p.content {
            FrameContent::Url(_) => format!("{SANDBOX} allow-same-origin"),
            FrameContent::Html(_) => SANDBOX.to_string(),
        })
    };
    let style = move || {
        props.with(|p| match p.width {
            Some(width) => format!("width: {width}px; height: {}px", p.height),
            None => format!("height: {}px", p.height),
        })
    };
    let scrolling = move || props.with(|p| if p.scrolling { "auto" } else { "no" });
    let title = move || props.with(|p| p.title.clone());
    // `scrolling` is not among the attributes `view!` knows for an `<iframe>`.
    let frame = NodeRef::<leptos::html::Iframe>::new();
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            let _ = frame.set_attribute("scrolling", scrolling());
        }
    });
    view! {
        <iframe
            class="wl-iframe-frame"
            title=title
            src=src
            srcdoc=srcdoc
            sandbox=sandbox
            style=style
            node_ref=frame
        ></iframe>
    }
    .into_any()
}
