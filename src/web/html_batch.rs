//! Markdown's HTML into the DOM in one parse per task: the fragments that renderers set while
//! the page is built or updated are joined and parsed by one `<template>`, then moved into
//! their elements (an `innerHTML` each cost ~0.1 ms, 45 ms for the 1,000-element page).
//!
//! Only markup that the engine writes balanced joins the parse (Markdown with raw HTML escaped,
//! labels): a fragment's tags cannot close its neighbour's. Other markup (Markdown with raw
//! HTML allowed) gets its own `innerHTML`, in the same order, and so does every fragment when
//! the parse does not give one part per fragment. The HTML
//! is the same string either way, so the sanitizing in `crate::markdown` is unchanged, and a
//! template's content is inert: nothing in it runs or loads until it is in the page.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `HTMLTemplateElement`, for its `content` (bound here: web-sys's needs two more features).
    #[wasm_bindgen(extends = web_sys::Element)]
    type Template;

    #[wasm_bindgen(method, getter)]
    fn content(this: &Template) -> web_sys::Node;
}

thread_local! {
    /// Fragments waiting for the flush, in order.
    static PENDING: RefCell<Vec<Fragment>> = const { RefCell::new(Vec::new()) };
}

/// One element's new inner HTML.
struct Fragment {
    el: web_sys::Element,
    html: String,
    /// The engine wrote it balanced: it may join the shared parse.
    balanced: bool,
}

/// The directive `use:batched_html=move || (html, balanced)`: sets the element's inner HTML
/// now and whenever it changes, through the batch.
pub(crate) fn batched_html<F>(el: web_sys::Element, html: F)
where
    F: Fn() -> (String, bool) + Clone + 'static,
{
    let effect = RenderEffect::new(move |_| {
        let (html, balanced) = html();
        set(Fragment { el: el.clone(), html, balanced });
    });
    on_cleanup(move || drop(effect));
}

/// Queues a fragment; the first one of a task schedules the flush after it.
fn set(fragment: Fragment) {
    let first = PENDING.with(|pending| {
        let mut pending = pending.borrow_mut();
        pending.push(fragment);
        pending.len() == 1
    });
    if first {
        let flush = Closure::once_into_js(flush);
        window().queue_microtask(flush.unchecked_ref());
    }
}

/// Parses every balanced fragment queued at once and moves each part into its element.
fn flush() {
    let pending = PENDING.with(|pending| std::mem::take(&mut *pending.borrow_mut()));
    let balanced = pending.iter().filter(|f| f.balanced).count();
    let mut parts = if balanced > 1 { parse(&pending, balanced) } else { None }.unwrap_or_default().into_iter();
    for fragment in &pending {
        let part = if fragment.balanced { parts.next() } else { None };
        match part {
            Some(part) => {
                fragment.el.set_text_content(None);
                while let Some(child) = part.first_child() {
                    // Moving a node from a template's content into the page cannot fail.
                    let _ = fragment.el.append_child(&child);
                }
            }
            None => fragment.el.set_inner_html(&fragment.html),
        }
    }
}

/// The balanced fragments parsed by one `<template>`, one part each (`None` if the parse did
/// not give one part per fragment).
fn parse(pending: &[Fragment], balanced: usize) -> Option<Vec<web_sys::Node>> {
    let mut joined = String::with_capacity(pending.iter().map(|f| f.html.len() + 11).sum());
    for fragment in pending.iter().filter(|f| f.balanced) {
        joined.push_str("<div>");
        joined.push_str(&fragment.html);
        joined.push_str("</div>");
    }
    let template: Template = document().create_element("template").ok()?.unchecked_into();
    template.set_inner_html(&joined);
    let mut parts = Vec::with_capacity(balanced);
    let mut part = template.content().first_child();
    while let Some(node) = part {
        part = node.next_sibling();
        parts.push(node);
    }
    (parts.len() == balanced).then_some(parts)
}
