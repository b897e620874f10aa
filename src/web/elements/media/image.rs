//! Renders `image`: a row of `<figure>`s, each an `<img>` and its caption.

use leptos::prelude::*;

use super::source_urls;
use crate::elements::media::image::{ImageProps, ImageWidth};
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<ImageProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MEDIA);
    let props = cell.props;
    let urls = source_urls(move || props.with(|p| p.images.iter().map(|i| i.source.clone()).collect()));
    let width = move || match props.with(|p| p.width) {
        ImageWidth::Content => None,
        ImageWidth::Stretch => Some("100%".to_string()),
        ImageWidth::Pixels(px) => Some(format!("{px}px")),
    };
    let figures = move || {
        let urls = urls.get();
        props.with(|p| {
            p.images
                .iter()
                .zip(urls)
                .map(|(item, url)| {
                    let caption = item.caption.clone();
                    let alt = caption.clone().unwrap_or_default();
                    view! {
                        <figure class="wl-image-figure" style:width=width>
                            <img src=url alt=alt style:width=width/>
                            {caption.map(|c| view! { <figcaption class="wl-image-caption">{c}</figcaption> })}
                        </figure>
                    }
                })
                .collect_view()
        })
    };
    view! { <div class="wl-image-row">{figures}</div> }.into_any()
}
