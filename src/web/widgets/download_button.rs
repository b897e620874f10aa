//! Renders `download_button` as an `<a download>` styled as a button, over a Blob URL of the
//! data. The URL is made once per data (a rerun with equal bytes keeps it), revoked when the
//! data changes and when the button goes away. A click downloads (the link's own action) and
//! sends a one-run trigger unless the button ignores clicks.

use crate::web::blob::{blob_url, revoke};
use leptos::prelude::*;

use super::WidgetCell;
use crate::element::WidgetValue;
use crate::widgets::button::ButtonKind;
use crate::widgets::download_button::DownloadButtonProps;
use crate::widgets::file_uploader::SharedBytes;

pub(crate) fn render(cell: WidgetCell<DownloadButtonProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::FILES);
    let props = cell.props;
    let sink = cell.sink;
    // The Blob URL made last, with the data and type it holds.
    let made: StoredValue<Option<(SharedBytes, String, String)>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(Some((_, _, url))) = made.try_update_value(Option::take) {
            revoke(&url);
        }
    });
    let url = Memo::new(move |_| {
        let (data, mime) = props.with(|p| (p.data.clone(), p.mime.clone()));
        let previous = made.try_update_value(Option::take).flatten();
        let url = match previous {
            Some((old, old_mime, url)) if old == data && old_mime == mime => url,
            other => {
                if let Some((_, _, url)) = other {
                    revoke(&url);
                }
                blob_url(&data, &mime)
            }
        };
        made.set_value(Some((data, mime, url.clone())));
        url
    });
    let disabled = move || props.with(|p| p.common.disabled);
    let tip = crate::web::help::tip_id(&cell.dom_id);
    let described = tip.clone();
    view! {
        <a
            class="wl-btn wl-download-button"
            class:wl-primary=move || props.with(|p| p.kind == ButtonKind::Primary)
            class:wl-tertiary=move || props.with(|p| p.kind == ButtonKind::Tertiary)
            class:wl-stretch=move || props.with(|p| p.use_container_width)
            // A disabled link has no href: it saves nothing and leaves the tab order.
            href=move || (!disabled()).then(|| url.get())
            download=move || props.with(|p| p.file_name.clone())
            type=move || props.with(|p| p.mime.clone())
            role="button"
            aria-disabled=move || disabled().then_some("true")
            aria-describedby=move || props.with(|p| crate::web::help::described_by(p.common.help.is_some(), &described))
            on:click=move |_| {
                if !disabled() && props.with_untracked(|p| p.rerun_on_click) {
                    sink.send(WidgetValue::Trigger(true));
                }
            }
        >
            {move || {
                props.with(|p| p.icon.clone()).map(|icon| view! { <span class="wl-btn-icon" aria-hidden="true">{icon}</span> })
            }}
            {super::label_text(props, |p| &p.common.label)}
        </a>
        {move || props.with(|p| p.common.help.clone()).map(|help| crate::web::help::tip(help, tip.clone()))}
    }
    .into_any()
}
