//! `page_link`: a link to a page of the app (or to another site), Streamlit's `st.page_link`.
//! Like `link_button` it holds no value: following it is a navigation, not a widget event.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::markdown::safe_url;
use crate::pages::PageTarget;
use crate::ui::{Command, Ui};

/// Where a page link goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LinkTarget {
    /// A page of the app, by URL path (`""`: the default page).
    Page(String),
    /// Another site, opened in a new tab.
    External(String),
}

/// What the page shows for a page link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageLinkProps {
    pub label: String,
    pub icon: Option<String>,
    pub target: LinkTarget,
    pub help: Option<String>,
    pub disabled: bool,
    /// It links to the page shown now.
    pub active: bool,
    pub use_container_width: bool,
}

impl DisplayProps for PageLinkProps {
    fn text(&self) -> String {
        self.label.clone()
    }
}

/// A link to a page of the navigation, or to a URL.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| -> Result {
///     let home = Page::new("Home", |ui: &Ui| { ui.write("home"); });
///     let more = Page::new("More", |ui: &Ui| { ui.write("more"); });
///     let page = ui.add(Navigation::new(vec![home, more.clone()]).position(NavPosition::Hidden));
///     ui.page_link(&more);
///     ui.add(PageLink::url("https://streamlit.io", "Streamlit").icon("🌎"));
///     ui.page_link("nowhere");
///     page.run(ui)
/// });
/// at.run();
/// assert_eq!(at.page_link(0).text(), "More");
/// assert!(at.exception(0).text().contains("nowhere"));
/// ```
#[must_use = "a page link is drawn by `ui.add(..)`"]
pub struct PageLink {
    target: Result<(String, Option<String>, LinkTarget), String>,
    label: Option<String>,
    icon: Option<String>,
    help: Option<String>,
    disabled: bool,
    use_container_width: bool,
}

impl PageLink {
    /// A link to `page` (a [`Page`](crate::pages::Page) or its URL path), labelled with its title.
    pub fn new(page: impl PageTarget) -> Self {
        let path = page.page_path();
        PageLink::with(Ok((path.clone(), None, LinkTarget::Page(path))))
    }

    /// A link to another site, opened in a new tab.
    pub fn url(url: impl Into<String>, label: impl Into<String>) -> Self {
        let url = url.into();
        let target = if !url.trim().is_empty() && safe_url(&url, false) {
            Ok((String::new(), None, LinkTarget::External(url)))
        } else {
            Err(format!("The page link URL \"{url}\" is not a safe URL."))
        };
        PageLink::with(target).label(label)
    }

    fn with(target: Result<(String, Option<String>, LinkTarget), String>) -> Self {
        PageLink { target, label: None, icon: None, help: None, disabled: false, use_container_width: false }
    }

    /// The link's text (default: the page's title).
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// An emoji or `:material/name:` before the text (default: the page's icon).
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// A tooltip.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Greyed out, going nowhere.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// Stretched to its container's width.
    pub fn use_container_width(mut self, stretch: bool) -> Self {
        self.use_container_width = stretch;
        self
    }
}

impl Command for PageLink {
    type Output = ();

    fn show(self, ui: &Ui) {
        let (label, icon, target, active) = match self.target {
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                return;
            }
            Ok((_, _, LinkTarget::External(url))) => (String::new(), None, LinkTarget::External(url), false),
            Ok((path, _, LinkTarget::Page(_))) => {
                let runtime = ui.runtime.borrow();
                let pages = &runtime.pages;
                let Some(entry) = pages.entries.iter().find(|e| e.url_path == path || path.is_empty() && e.is_default)
                else {
                    drop(runtime);
                    ui.push_exception(
                        "StreamlitAPIException".into(),
                        format!("Could not find page: `{path}`. A page link must name a page given to `navigation`."),
                    );
                    return;
                };
                let shown = if entry.is_default { String::new() } else { entry.url_path.clone() };
                let active = pages.current.as_deref() == Some(entry.url_path.as_str());
                (entry.title.clone(), entry.icon.clone(), LinkTarget::Page(shown), active)
            }
        };
        ui.push_element(make::page_link(PageLinkProps {
            label: self.label.unwrap_or(label),
            icon: self.icon.or(icon),
            target,
            help: self.help,
            disabled: self.disabled,
            active,
            use_container_width: self.use_container_width,
        }));
    }
}

impl Ui {
    /// A link to `page` of the navigation (a [`Page`](crate::pages::Page) or its URL path),
    /// labelled with its title and icon; see [`PageLink`] for the options.
    pub fn page_link(&self, page: impl PageTarget) {
        self.add(PageLink::new(page));
    }
}
