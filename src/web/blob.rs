//! Blob URLs for bytes the app generated (media, downloads), and their release.

/// A `blob:` URL for `data` with the MIME type `mime` (empty if the browser refuses).
pub(crate) fn blob_url(data: &[u8], mime: &str) -> String {
    let bytes = js_sys::Uint8Array::from(data);
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
}

/// Releases a URL made by [`blob_url`] (other URLs are left alone).
pub(crate) fn revoke(url: &str) {
    if url.starts_with("blob:") {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}
