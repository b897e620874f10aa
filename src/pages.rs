//! Multipage apps: Streamlit's `st.Page` and `st.navigation`.
//!
//! The script is the *entry script*: what it draws is the frame common to every page. It
//! calls [`Ui::navigation`] once with its pages, which returns the page to show, and runs
//! it. Session state is shared by all pages; widgets are not (the page enters a widget's
//! identity, and the old page's widgets go when the viewer switches); query parameters are
//! cleared on a switch. A page not in the navigation cannot be reached, and an unknown path
//! shows "Page not found" with the default page.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn home(ui: &Ui) {
//!     ui.title("Home");
//!     ui.text_input_keyed("Name", "name");
//! }
//! fn about(ui: &Ui) {
//!     ui.title("About");
//! }
//! fn app(ui: &Ui) -> Result {
//!     let page = ui.navigation(vec![Page::new("Home", home).icon("🏠"), Page::new("About", about)]);
//!     ui.sidebar().caption("Shown on every page");
//!     page.run(ui)
//! }
//!
//! let mut at = AppTest::new(app);
//! at.run();
//! assert_eq!(at.title(0).text(), "Home");
//! at.text_input(0).input("Ada").run();
//! at.switch_page("about").run();
//! assert_eq!(at.title(0).text(), "About");
//! assert_eq!(at.current_page().as_deref(), Some("about"));
//! assert!(!at.session_state().contains("name"), "the Home page's widget went with its page");
//! assert_eq!(at.page_config().title.as_deref(), Some("About"));
//! ```

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::error::{Error, IntoScriptResult, Result};
use crate::ui::{Command, Ui};

/// Where the page list is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NavPosition {
    /// At the top of the sidebar (Streamlit's default).
    #[default]
    Sidebar,
    /// A bar of links above the page.
    Top,
    /// Not shown: build your own with [`Ui::page_link`].
    Hidden,
}

/// One page of a multipage app: a function with a title, an icon and a URL path.
#[derive(Clone)]
pub struct Page {
    title: String,
    icon: Option<String>,
    url_path: String,
    default: bool,
    body: Rc<dyn Fn(&Ui) -> Result>,
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Page").field("title", &self.title).field("url_path", &self.url_path).finish()
    }
}

impl PartialEq for Page {
    fn eq(&self, other: &Self) -> bool {
        self.url_path == other.url_path && self.title == other.title
    }
}

impl Page {
    /// A page titled `title` that draws with `body`. Its URL path is made from the title
    /// (`"Plotting demo"` → `plotting_demo`); see [`url_path`](Self::url_path).
    pub fn new<F, R>(title: impl Into<String>, body: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        let title = title.into();
        Page {
            url_path: slug(&title),
            title,
            icon: None,
            default: false,
            body: Rc::new(move |ui: &Ui| body(ui).into_script_result()),
        }
    }

    /// An emoji (or `:material/name:`) shown in the navigation and as the tab's icon.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// The page's path in the URL (`/app/<url_path>`); leading and trailing `/` are dropped.
    /// The default page is at the app's root whatever its path.
    pub fn url_path(mut self, path: impl Into<String>) -> Self {
        self.url_path = path.into().trim_matches('/').to_string();
        self
    }

    /// Makes this the page shown at the app's root (else the first page is).
    pub fn default(mut self, default: bool) -> Self {
        self.default = default;
        self
    }

    /// The page's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The page's URL path (without slashes).
    pub fn path(&self) -> &str {
        &self.url_path
    }

    /// Draws the page's body at `ui`. Only the page [`Ui::navigation`] returned in this run
    /// may run; widgets it draws belong to it.
    pub fn run(&self, ui: &Ui) -> Result {
        {
            let runtime = ui.runtime.borrow();
            if runtime.pages.current.as_deref() != Some(self.url_path.as_str()) {
                return Err(Error::api(format!(
                    "The page \"{}\" cannot run: only the page returned by `ui.navigation(..)` in this run can.",
                    self.title
                )));
            }
        }
        let previous = ui.runtime.borrow_mut().pages.running.replace(Rc::from(self.url_path.as_str()));
        let result = (self.body)(ui);
        ui.runtime.borrow_mut().pages.running = previous;
        result
    }
}

/// `"Plotting demo"` → `plotting_demo`: letters and digits kept (lower-cased), runs of
/// anything else one `_`.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// What the engine keeps about pages between runs.
#[derive(Default)]
pub(crate) struct PageStore {
    /// The path the viewer asked for (address bar, link, `switch_page`); `None`: the default page.
    pub requested: Option<String>,
    /// The page the last `navigation` call picked.
    pub current: Option<String>,
    /// The pages of the last navigation, the only ones reachable.
    pub entries: Vec<KnownPage>,
    /// The page whose body is running now: it enters widget identity.
    pub running: Option<Rc<str>>,
    /// A path that matched no page, shown until the viewer picks a page.
    pub not_found: Option<String>,
    /// The default page's url path (shown at the app's root).
    pub default: Option<String>,
    /// The run that called `navigation` last (it may be called once per run).
    pub navigated_in: u64,
    /// The viewer moved to another page by a link or `switch_page`: the address bar gets a
    /// new history entry (else it is corrected in place).
    pub push: bool,
}

/// Drops the widgets `page` drew, with their session-state keys (Streamlit 1.46+: at the
/// start of a run on a new page).
fn remove_widgets_of_page(store: &mut crate::session_state::StateStore, page: Option<&str>) {
    let Some(page) = page else { return };
    let gone: Vec<_> =
        store.widgets.iter().filter(|(_, r)| r.page.as_deref() == Some(page)).map(|(id, _)| *id).collect();
    for id in gone {
        if let Some(record) = store.widgets.remove(&id) {
            if let Some(key) = record.key {
                if store.keys.get(&key) == Some(&id) {
                    store.keys.remove(&key);
                }
            }
        }
    }
}

/// The path the address bar shows for the current page: `""` for the default page.
pub(crate) fn address_path(store: &PageStore) -> Option<String> {
    let current = store.current.as_ref()?;
    Some(if store.default.as_ref() == Some(current) { String::new() } else { current.clone() })
}

/// A page of the last navigation, for links and `switch_page`.
pub(crate) struct KnownPage {
    pub url_path: String,
    pub title: String,
    pub icon: Option<String>,
    pub is_default: bool,
}

/// A page link was followed: the page at `path` for the next run, in a new history entry.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn follow_link(session: &mut crate::runtime::Session, path: &str) {
    session.request_page(path);
    session.runtime().borrow_mut().pages.push = true;
}

/// Whether a page was asked for that the last run did not show yet.
pub(crate) fn switch_pending(store: &PageStore) -> bool {
    match (&store.requested, &store.current) {
        (Some(requested), Some(current)) if requested.is_empty() => store.default.as_ref() != Some(current),
        (Some(requested), Some(current)) => requested != current,
        _ => false,
    }
}

/// The url path of the page whose body is running, if any.
pub(crate) fn running_page(ui: &Ui) -> Option<Rc<str>> {
    ui.runtime.borrow().pages.running.clone()
}

/// One link of the navigation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NavEntry {
    pub title: String,
    pub icon: Option<String>,
    /// The page's path; `""` for the default page.
    pub url_path: String,
    /// The page shown now.
    pub active: bool,
}

/// A titled group of links (or the untitled list).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NavSection {
    pub title: Option<String>,
    pub pages: Vec<NavEntry>,
}

/// What the page shows for the navigation menu.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NavigationProps {
    pub sections: Vec<NavSection>,
    pub position: NavPosition,
    /// Whether a long list starts expanded.
    pub expanded: bool,
}

impl DisplayProps for NavigationProps {
    fn text(&self) -> String {
        let titles: Vec<&str> = self.sections.iter().flat_map(|s| s.pages.iter().map(|p| p.title.as_str())).collect();
        titles.join(", ")
    }
}

/// The navigation of a multipage app: its pages, in sections or not, and where the menu goes.
#[must_use = "a navigation is drawn by `ui.add(..)`, which returns the page to run"]
pub struct Navigation {
    sections: Vec<(Option<String>, Vec<Page>)>,
    position: NavPosition,
    expanded: bool,
}

impl Navigation {
    /// A navigation over `pages`, in order.
    pub fn new(pages: Vec<Page>) -> Self {
        Navigation { sections: vec![(None, pages)], position: NavPosition::Sidebar, expanded: false }
    }

    /// A navigation in titled sections (Streamlit's dict of lists).
    pub fn sections<S: Into<String>>(sections: impl IntoIterator<Item = (S, Vec<Page>)>) -> Self {
        Navigation {
            sections: sections.into_iter().map(|(title, pages)| (Some(title.into()), pages)).collect(),
            position: NavPosition::Sidebar,
            expanded: false,
        }
    }

    /// Sidebar (default), top, or hidden.
    pub fn position(mut self, position: NavPosition) -> Self {
        self.position = position;
        self
    }

    /// Shows every page of a long list at once.
    pub fn expanded(mut self, expanded: bool) -> Self {
        self.expanded = expanded;
        self
    }
}

impl Command for Navigation {
    type Output = Page;

    fn show(self, ui: &Ui) -> Page {
        let Navigation { sections, position, expanded } = self;
        let mut errors = Vec::new();
        // Duplicate paths: the first page keeps its path.
        let mut seen: Vec<String> = Vec::new();
        let sections: Vec<(Option<String>, Vec<Page>)> = sections
            .into_iter()
            .map(|(title, pages)| {
                let pages = pages
                    .into_iter()
                    .filter(|page| {
                        if seen.contains(&page.url_path) {
                            errors.push(format!(
                                "Multiple pages have the URL path \"{}\"; the page \"{}\" is left out. Give each page \
                                 its own `url_path`.",
                                page.url_path, page.title
                            ));
                            return false;
                        }
                        seen.push(page.url_path.clone());
                        true
                    })
                    .collect();
                (title, pages)
            })
            .collect();
        let all: Vec<&Page> = sections.iter().flat_map(|(_, pages)| pages.iter()).collect();
        let Some(default) = all.iter().find(|p| p.default).or(all.first()).map(|p| (*p).clone()) else {
            ui.push_exception("StreamlitAPIException".into(), "`navigation` needs at least one page.".into());
            // An empty page that may run, so the script goes on without a second error.
            ui.runtime.borrow_mut().pages.current = Some(String::new());
            return Page::new("", |_: &Ui| {});
        };
        if all.iter().filter(|p| p.default).count() > 1 {
            errors.push("More than one page is marked `default`; the first one is.".into());
        }
        let selected = {
            let mut runtime = ui.runtime.borrow_mut();
            let runtime = &mut *runtime;
            if runtime.pages.navigated_in == runtime.run_id {
                errors.push("`navigation` may be called only once per run.".into());
            }
            runtime.pages.navigated_in = runtime.run_id;
            let requested = runtime.pages.requested.clone();
            let selected = match requested.as_deref() {
                None => default.clone(),
                Some("") => {
                    runtime.pages.not_found = None;
                    default.clone()
                }
                Some(path) => match all.iter().find(|p| p.url_path == path) {
                    Some(page) => {
                        runtime.pages.not_found = None;
                        (*page).clone()
                    }
                    None => {
                        runtime.pages.not_found = Some(path.to_string());
                        runtime.pages.requested = None;
                        default.clone()
                    }
                },
            };
            let previous = runtime.pages.current.replace(selected.url_path.clone());
            if previous.as_ref().is_some_and(|p| *p != selected.url_path) {
                // A page switch: the old page's widgets and keys go, and so do query parameters
                // not bound to a widget.
                remove_widgets_of_page(&mut runtime.store, previous.as_deref());
                runtime.query.clear();
            }
            runtime.pages.entries = all
                .iter()
                .map(|p| KnownPage {
                    url_path: p.url_path.clone(),
                    title: p.title.clone(),
                    icon: p.icon.clone(),
                    is_default: **p == default,
                })
                .collect();
            runtime.pages.default = Some(default.url_path.clone());
            let config = &mut runtime.tree.page_config;
            if config.title.is_none() {
                config.title = Some(selected.title.clone());
            }
            if config.icon.is_none() {
                if let Some(icon) = selected.icon.as_ref().filter(|i| !i.starts_with(':')) {
                    let icon = crate::page_config::PageConfig::new().icon(icon.clone()).icon;
                    config.icon = icon.filter(|i| i.check().is_ok());
                }
            }
            selected
        };
        for message in errors {
            ui.push_exception("StreamlitAPIException".into(), message);
        }
        let missing = ui.runtime.borrow().pages.not_found.clone();
        if let Some(path) = missing {
            ui.error(format!(
                "**Page not found.** You have requested page `/{path}`, but this app has no such page. \
                 Showing the app's main page instead."
            ));
        }
        if position != NavPosition::Hidden {
            let props = NavigationProps {
                sections: sections
                    .iter()
                    .map(|(title, pages)| NavSection {
                        title: title.clone(),
                        pages: pages
                            .iter()
                            .map(|page| NavEntry {
                                title: page.title.clone(),
                                icon: page.icon.clone(),
                                url_path: if *page == default { String::new() } else { page.url_path.clone() },
                                active: *page == selected,
                            })
                            .collect(),
                    })
                    .collect(),
                position,
                expanded,
            };
            let target = if position == NavPosition::Sidebar { ui.sidebar() } else { ui.clone() };
            target.push_element(make::navigation(props));
        }
        selected
    }
}

/// What [`Ui::switch_page`] and [`Ui::page_link`] accept: a page, or its URL path.
pub trait PageTarget {
    /// The URL path it names.
    fn page_path(&self) -> String;
}

impl PageTarget for Page {
    fn page_path(&self) -> String {
        self.url_path.clone()
    }
}

impl PageTarget for &Page {
    fn page_path(&self) -> String {
        self.url_path.clone()
    }
}

impl PageTarget for &str {
    fn page_path(&self) -> String {
        self.trim_matches('/').to_string()
    }
}

impl Ui {
    /// Streamlit's `st.navigation`: picks the page the viewer asked for among `pages` (the
    /// first, or the one made [`default`](Page::default), at the app's root), draws the menu
    /// in the sidebar and returns the page; call [`Page::run`] on it. For sections, a top
    /// bar or no menu, use `ui.add(Navigation::sections(..).position(..))`.
    pub fn navigation(&self, pages: Vec<Page>) -> Page {
        self.add(Navigation::new(pages))
    }

    /// Streamlit's `st.switch_page`: ends this run and runs the app again on `page`, as if
    /// the viewer had clicked its link. A page not in the navigation is an error.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| -> Result {
    ///     let page = ui.navigation(vec![
    ///         Page::new("One", |ui: &Ui| -> Result {
    ///             if ui.button("Next") {
    ///                 ui.switch_page("two")?;
    ///             }
    ///             Ok(())
    ///         }),
    ///         Page::new("Two", |ui: &Ui| { ui.write("page two"); }),
    ///     ]);
    ///     page.run(ui)
    /// });
    /// at.run();
    /// at.button(0).click().run();
    /// assert_eq!(at.markdown(0).text(), "page two");
    /// ```
    pub fn switch_page(&self, page: impl PageTarget) -> Result {
        let path = page.page_path();
        let mut runtime = self.runtime.borrow_mut();
        let known: Vec<&str> = runtime.pages.entries.iter().map(|e| e.url_path.as_str()).collect();
        // The default page answers to its own path and to the root.
        if !(known.contains(&path.as_str()) || path.is_empty() && !known.is_empty()) {
            return Err(Error::api(format!(
                "Could not find page: `{path}`. It must be one of the pages given to `navigation`: {known:?}."
            )));
        }
        runtime.pages.requested = Some(path);
        runtime.pages.push = true;
        Err(Error::rerun())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_follows_the_page_shown_and_a_switch_is_one_new_entry() {
        use crate::request::RerunRequest;
        use crate::runtime::Session;
        let mut session = Session::new(|ui: &Ui| -> Result {
            let page = ui.navigation(vec![
                Page::new("Home", |ui: &Ui| -> Result {
                    if ui.session_state().contains("go") {
                        ui.session_state().remove("go");
                        ui.switch_page("two")?;
                    }
                    Ok(())
                }),
                Page::new("Two", |_: &Ui| {}),
            ]);
            page.run(ui)
        });
        session.run(RerunRequest::default());
        assert_eq!(session.take_address(), Some((String::new(), false)), "the default page is at the root");
        session.session_state().set("go", true).unwrap();
        session.run(RerunRequest::default());
        assert_eq!(session.take_address(), None, "the switch is not made yet: the address waits");
        let follow_up = session.take_follow_up().unwrap();
        session.run(follow_up);
        assert_eq!(session.take_address(), Some(("two".into(), true)));
        session.request_page("nowhere");
        session.run(RerunRequest::default());
        assert_eq!(session.take_address(), Some((String::new(), false)), "not found: corrected in place");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Plotting demo"), "plotting_demo");
        assert_eq!(slug("  DataFrame  Demo!! "), "dataframe_demo");
        assert_eq!(slug("Über"), "über");
    }
}
