//! wasmlit's stylesheet, in parts: the base (theme variables, shell, layout, text, status,
//! the widgets' common rules, exceptions) goes into `<head>` when an app mounts; each kind
//! or family of kinds that not every app shows (chat, data grids, files, JSON, media,
//! balloons and snow, maps, charts, custom components, code, metric, color picker, date and
//! time inputs, pills, link button, feedback, the selectbox's and multiselect's combobox,
//! camera and audio input) brings its rules with its renderer,
//! which its kind's install call links: an app carries and injects only the rules of the
//! kinds it can make. Family rules follow the base in the cascade, as they did when the
//! stylesheet was one file.

use std::cell::RefCell;

use leptos::prelude::document;

/// One family's rules, injected once per page.
pub(crate) struct Sheet {
    id: &'static str,
    css: &'static str,
}

macro_rules! sheets {
    ($($(#[$meta:meta])* $name:ident => $file:literal),* $(,)?) => {
        $($(#[$meta])* pub(crate) const $name: Sheet = Sheet { id: concat!("wasmlit-theme-", $file), css: include_str!(concat!("style/", $file, ".css")) };)*
    };
}

sheets! {
    CHAT => "chat",
    #[cfg(feature = "media")]
    MEDIA => "media",
    CELEBRATION => "celebration",
    #[cfg(feature = "data")]
    DATA => "data",
    FILES => "files",
    #[cfg(feature = "data")]
    JSON => "json",
    #[cfg(feature = "maps")]
    MAP => "map",
    #[cfg(feature = "charts")]
    CHART => "chart",
    #[cfg(feature = "components")]
    COMPONENT => "component",
    CODE => "code",
    METRIC => "metric",
    COLOR_PICKER => "color_picker",
    TEMPORAL => "temporal",
    PILLS => "pills",
    LINK_BUTTON => "link_button",
    FEEDBACK => "feedback",
    COMBOBOX => "combobox",
    CAPTURE => "capture",
}

const BASE_ID: &str = "wasmlit-theme";

thread_local! {
    /// The ids of the family sheets in `<head>`, in the order they were added.
    static INJECTED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Adds the base stylesheet to `<head>` once.
pub(crate) fn base() {
    if document().get_element_by_id(BASE_ID).is_some() {
        return;
    }
    if let Some(style) = style_element(BASE_ID, include_str!("theme.css")) {
        if let Some(head) = document().head() {
            let _ = head.append_child(&style);
        }
    }
}

/// Adds `sheet` to `<head>` once, after the base and the sheets added before it (so before
/// an app's custom theme, as when the stylesheet was one file).
pub(crate) fn require(sheet: &Sheet) {
    if INJECTED.with(|injected| injected.borrow().contains(&sheet.id)) {
        return;
    }
    INJECTED.with(|injected| injected.borrow_mut().push(sheet.id));
    if document().get_element_by_id(sheet.id).is_some() {
        return;
    }
    let Some(style) = style_element(sheet.id, sheet.css) else { return };
    let previous = INJECTED
        .with(|injected| injected.borrow().iter().rev().skip(1).find_map(|id| document().get_element_by_id(id)));
    match previous.or_else(|| document().get_element_by_id(BASE_ID)) {
        Some(anchor) => {
            let _ = anchor.after_with_node_1(&style);
        }
        None => {
            if let Some(head) = document().head() {
                let _ = head.append_child(&style);
            }
        }
    }
}

fn style_element(id: &str, css: &str) -> Option<web_sys::Element> {
    let style = document().create_element("style").ok()?;
    style.set_id(id);
    style.set_text_content(Some(css));
    Some(style)
}
