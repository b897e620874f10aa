//! Renders `video` as a `<video controls>` player.

use leptos::prelude::*;

use super::{seek_on_load, source_url};
use crate::elements::media::PlayerProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<PlayerProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MEDIA);
    let props = cell.props;
    let src = source_url(move || props.with(|p| p.source.clone()));
    let start = move || props.with(|p| p.start_time);
    view! {
        <video
            controls
            playsinline
            src=src
            loop=move || props.with(|p| p.looping)
            autoplay=move || props.with(|p| p.autoplay)
            prop:muted=move || props.with(|p| p.muted)
            data-start-time=start
            on:loadedmetadata=move |event| seek_on_load(event, start())
        ></video>
    }
    .into_any()
}
