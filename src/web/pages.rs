//! Pages and query params in the browser: the address bar and the session kept in step
//! through the History API, and the navigation menu's renderer.
//!
//! - On start, the path below the app's base (`/<public-url>/<page>`) asks for a page and
//!   the query string becomes the session's query params. A deep link served by a static
//!   host's `404.html` (which keeps the path in sessionStorage under `wasmlit-redirect` and
//!   goes up to the app) is restored first.
//! - After every run the address bar shows the page's path and the query params:
//!   `pushState` when the viewer moved by a link or `switch_page`, `replaceState` otherwise.
//! - Back and forward (`popstate`) rerun the app on the page and query of the entry.
//! - A `#section` in the URL scrolls to its heading after the first run.
//! - With hash routing (`Session::with_routing(Routing::Hash)`, and always from a `file:` URL)
//!   the page is the fragment (`#/plotting`) and the path never changes; the URL maths of both
//!   are in `src/routing.rs`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::elements::DisplayCell;
use super::Driver;
use crate::pages::{NavPosition, NavigationProps};
use crate::request::RerunRequest;
use crate::routing::{Address, Routing};
use crate::runtime::Session;

/// The key `404.html` keeps a deep link's path under before it goes up to the app.
const REDIRECT_KEY: &str = "wasmlit-redirect";

thread_local! {
    /// The driver of the app that owns the address bar (the last mounted).
    static DRIVER: RefCell<Weak<Driver>> = const { RefCell::new(Weak::new()) };
    /// Whether the first run's `#section` still has to be scrolled to.
    static SCROLL_PENDING: Cell<bool> = const { Cell::new(true) };
    /// Pages in the path or in the fragment.
    static ROUTING: Cell<Routing> = const { Cell::new(Routing::Path) };
}

/// The app's base path, ending in `/`: a `<base href>` if the page has one, else the folder
/// of trunk's module preload (`--public-url`), else `/`.
pub(crate) fn base_path() -> String {
    let document = document();
    let from_base = document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|base| base.get_attribute("href"))
        .filter(|href| href.starts_with('/'));
    let from_preload = || {
        let link = document.query_selector("link[rel=modulepreload][href], script[type=module][src]").ok().flatten()?;
        let url = link.get_attribute("href").or_else(|| link.get_attribute("src"))?;
        let path = url.split(['?', '#']).next().unwrap_or("").to_string();
        path.starts_with('/').then(|| path[..=path.rfind('/').unwrap_or(0)].to_string())
    };
    let mut base = from_base.or_else(from_preload).unwrap_or_else(|| "/".into());
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}

/// Where this page's app keeps its page in the address bar (`file:` URLs always use the hash).
fn routing() -> Routing {
    ROUTING.with(Cell::get)
}

/// The address bar as `window.location` splits it.
fn address_parts() -> (String, String, String) {
    let location = window().location();
    (
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

/// Reads the address bar into the session before its first run, and listens for back and
/// forward.
pub(crate) fn start(driver: &Rc<Driver>) {
    let window = window();
    let from_file = window.location().protocol().is_ok_and(|p| p == "file:");
    let routing = if from_file { Routing::Hash } else { driver.session.borrow().routing() };
    ROUTING.with(|slot| slot.set(routing));
    // A deep link the static host's 404.html sent up to the app: put its path back.
    if let Ok(Some(storage)) = window.session_storage() {
        if let Ok(Some(target)) = storage.get_item(REDIRECT_KEY) {
            let _ = storage.remove_item(REDIRECT_KEY);
            if target.starts_with(&base_path()) {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
                }
            }
        }
    }
    read_address(&mut driver.session.borrow_mut());
    DRIVER.with(|slot| *slot.borrow_mut() = Rc::downgrade(driver));
    SCROLL_PENDING.with(|pending| pending.set(true));
    let weak = Rc::downgrade(driver);
    let on_popstate = Closure::<dyn Fn()>::new(move || {
        if let Some(driver) = weak.upgrade() {
            read_address(&mut driver.session.borrow_mut());
            driver.request(RerunRequest::full());
        }
    });
    let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();
}

fn read_address(session: &mut Session) {
    let (pathname, search, hash) = address_parts();
    let address = Address { pathname: &pathname, search: &search, hash: &hash };
    session.request_page(&routing().page(&base_path(), &address));
    session.load_query_string(&search);
}

/// After a run: console notes about the URL, then the address bar made to show the page and
/// the query params.
pub(crate) fn after_run(session: &mut Session) {
    for note in session.take_console_notes() {
        web_sys::console::warn_1(&note.into());
    }
    let window = window();
    let (pathname, search, hash) = address_parts();
    let address = Address { pathname: &pathname, search: &search, hash: &hash };
    let page = session.take_address();
    let push = page.as_ref().is_some_and(|(_, push)| *push);
    let query = session.query_string();
    if let Some((url, new_page)) = routing().url(&base_path(), &address, page.as_ref().map(|(p, _)| p.as_str()), &query)
    {
        if let Ok(history) = window.history() {
            let state = wasm_bindgen::JsValue::NULL;
            let _ = if push && new_page {
                history.push_state_with_url(&state, "", Some(&url))
            } else {
                history.replace_state_with_url(&state, "", Some(&url))
            };
        }
        if push && new_page {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
    // In hash routing a `#/page` fragment is not a section.
    let hash = if routing() == Routing::Hash && hash.starts_with("#/") { String::new() } else { hash };
    if SCROLL_PENDING.with(|pending| pending.replace(false)) && hash.len() > 1 {
        scroll_to_hash(hash[1..].to_string());
    }
}

/// After a run of an embedded app (`Session::embedded`): its console notes, and nothing in
/// the address bar, which is the host page's (a `switch_page` is dropped).
pub(crate) fn after_embedded_run(session: &mut Session) {
    for note in session.take_console_notes() {
        web_sys::console::warn_1(&note.into());
    }
    let _ = session.take_address();
}

/// Scrolls to the element whose id is `id` once the page has drawn it.
fn scroll_to_hash(id: String) {
    set_timeout(
        move || {
            let id = js_sys::decode_uri_component(&id).ok().and_then(|s| s.as_string()).unwrap_or(id);
            if let Some(target) = document().get_element_by_id(&id) {
                target.scroll_into_view();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Follows a page link: a new history entry, and a run on that page.
pub(crate) fn navigate(path: &str) {
    let Some(driver) = DRIVER.with(|slot| slot.borrow().upgrade()) else { return };
    crate::pages::follow_link(&mut driver.session.borrow_mut(), path);
    driver.request(RerunRequest::full());
}

/// The `href` of a page link (`""`: the default page, at the base).
pub(crate) fn href(path: &str) -> String {
    routing().href(&base_path(), path)
}

/// A plain left click (no modifier key) on a page link: handled in the app. Other clicks
/// (a new tab, a new window) go to the `href`.
pub(crate) fn on_link_click(event: web_sys::MouseEvent, path: String) {
    if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
        return;
    }
    event.prevent_default();
    close_sidebar_on_phones();
    navigate(&path);
}

/// On a narrow screen the sidebar covers the page: a tapped link closes it.
fn close_sidebar_on_phones() {
    let narrow = window().match_media("(max-width: 640px)").ok().flatten().is_some_and(|m| m.matches());
    if !narrow {
        return;
    }
    if let Some(close) = document().query_selector(".wl-sidebar .wl-sidebar-close").ok().flatten() {
        if let Some(button) = close.dyn_ref::<web_sys::HtmlElement>() {
            button.click();
        }
    }
}

/// Renders the navigation menu: sections of page links, in the sidebar or as a top bar.
pub(crate) fn render(cell: DisplayCell<NavigationProps>) -> AnyView {
    let props = cell.props;
    let sections = move || {
        props.with(|p| {
            p.sections
                .iter()
                .map(|section| {
                    let title = section.title.clone().map(|t| view! { <div class="wl-nav-section">{t}</div> });
                    let links = section
                        .pages
                        .iter()
                        .map(|page| {
                            let path = page.url_path.clone();
                            let icon = page
                                .icon
                                .clone()
                                .map(|i| view! { <span class="wl-nav-icon" aria-hidden="true">{i}</span> });
                            view! {
                                <li>
                                    <a
                                        class="wl-nav-link"
                                        class:wl-active=page.active
                                        aria-current=page.active.then_some("page")
                                        href=href(&path)
                                        on:click=move |event| on_link_click(event, path.clone())
                                    >
                                        {icon}
                                        <span>{page.title.clone()}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { {title} <ul class="wl-nav-list">{links}</ul> }
                })
                .collect_view()
        })
    };
    view! {
        <nav
            class="wl-navigation"
            class:wl-nav-top=move || props.with(|p| p.position == NavPosition::Top)
            aria-label="Pages"
        >
            {sections}
        </nav>
    }
    .into_any()
}
