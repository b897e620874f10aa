//! The page shell: top bar (run status, menu), collapsible sidebar, main column.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::layout::cells;
use super::view_model::Cell;
use super::Sender;
use crate::page_config::{PageConfig, PageIcon, PageLayout, SidebarState};

/// The colour scheme: the system's preference unless the viewer picks one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    /// `?theme=dark` or `?theme=light` in the URL forces a theme.
    pub fn from_query() -> Theme {
        let search = window().location().search().unwrap_or_default();
        let query = search.trim_start_matches('?');
        match query.split('&').find_map(|pair| pair.strip_prefix("theme=")) {
            Some("dark") => Theme::Dark,
            Some("light") => Theme::Light,
            _ => Theme::System,
        }
    }

    fn attribute(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What the page shell shows: the two areas, the run status, the theme.
pub(crate) struct Shell {
    pub main: ArcRwSignal<Vec<Cell>>,
    pub sidebar: ArcRwSignal<Vec<Cell>>,
    pub running: ArcRwSignal<bool>,
    /// The last finished run's `set_page_config`.
    pub page_config: ArcRwSignal<PageConfig>,
    pub sender: Sender,
    pub theme: Theme,
}

/// The whole app: top bar (run status, menu), collapsible sidebar (when it
/// has content), main column.
pub(crate) fn page(shell: Shell) -> impl IntoView {
    let Shell { main, sidebar, running, page_config, sender, theme: initial_theme } = shell;
    let theme = RwSignal::new(initial_theme);
    // Charts follow the theme (web/elements/charts.rs).
    provide_context(theme);
    // Toasts are drawn in one stack, whatever cell drew them.
    let toasts = super::elements::status::toast::Toasts::new();
    provide_context(toasts);
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 768.0);
    let sidebar_open = RwSignal::new(!narrow);
    let has_sidebar = {
        let sidebar = sidebar.clone();
        Memo::new(move |_| sidebar.with(|cells| !cells.is_empty()))
    };
    let menu_open = RwSignal::new(false);
    let pick_theme = move |picked: Theme| {
        theme.set(picked);
        menu_open.set(false);
    };
    // Focus follows the sidebar's toggle: the button that opened or closed it disappears, so
    // the one that undoes it takes focus (never `<body>`).
    let open_button = NodeRef::<leptos::html::Button>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let toggled = StoredValue::new(false);
    let toggle_sidebar = move |open: bool| {
        toggled.set_value(true);
        sidebar_open.set(open);
    };
    // `set_page_config`: a field a run sets is applied; one no run sets keeps its last value.
    // The initial sidebar state counts only until the viewer opens or closes the sidebar.
    let wide = RwSignal::new(false);
    // The title the app set last, for the About box.
    let page_title = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let PageConfig { title, icon, layout, sidebar: state } = page_config.get();
        if let Some(title) = title {
            if page_title.get_untracked().as_ref() != Some(&title) {
                page_title.set(Some(title.clone()));
            }
            if document().title() != title {
                document().set_title(&title);
            }
        }
        if let Some(icon) = icon {
            set_favicon(&icon);
        }
        if let Some(layout) = layout {
            wide.set(layout == PageLayout::Wide);
        }
        if let (Some(state), false) = (state, toggled.get_value()) {
            let open = match state {
                SidebarState::Expanded => true,
                SidebarState::Collapsed => false,
                SidebarState::Auto => !narrow,
            };
            if sidebar_open.get_untracked() != open {
                sidebar_open.set(open);
            }
        }
    });
    Effect::new(move |_| {
        let open = sidebar_open.get();
        let target = if open { close_button.get() } else { open_button.get() };
        if let (true, Some(button)) = (toggled.get_value(), target) {
            let _ = button.focus();
        }
    });
    // The menu closes on Esc (focus back on its button) and on a click outside it.
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let about_open = RwSignal::new(false);
    // R reruns and C clears the caches, unless focus is in a field (app_menu::shortcut).
    let shortcuts = window_event_listener(leptos::ev::keydown, move |event| {
        let typing = document().active_element().is_some_and(|element| {
            let tag = element.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || element.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable())
        });
        let modifier = event.ctrl_key() || event.meta_key() || event.alt_key() || event.repeat();
        match crate::app_menu::shortcut(&event.key(), modifier, typing) {
            Some(crate::app_menu::MenuShortcut::Rerun) => sender.rerun(),
            Some(crate::app_menu::MenuShortcut::ClearCache) => {
                super::persistence::clear_cache();
                sender.rerun();
            }
            None => {}
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && about_open.get_untracked() {
            about_open.set(false);
        }
        if event.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    let menu = NodeRef::<leptos::html::Div>::new();
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = menu.get_untracked().is_some_and(|menu| menu.contains(target.as_ref()));
        if menu_open.get_untracked() && !inside {
            menu_open.set(false);
        }
    });
    on_cleanup(move || {
        shortcuts.remove();
        escape.remove();
        outside.remove();
    });
    view! {
        <div class="wl-app" data-theme=move || theme.get().attribute()>
            <header class="wl-topbar">
                <Show when=move || has_sidebar.get() && !sidebar_open.get()>
                    <button class="wl-icon-button" aria-label="Open sidebar" node_ref=open_button on:click=move |_| toggle_sidebar(true)>
                        "☰"
                    </button>
                </Show>
                <div class="wl-topbar-spacer"></div>
                <Show when=move || running.get()>
                    <div class="wl-status" role="status">
                        <span class="wl-status-spinner" aria-hidden="true"></span>
                        "Running..."
                        <button class="wl-status-stop" on:click=move |_| sender.stop()>"Stop"</button>
                    </div>
                </Show>
                <div class="wl-menu" node_ref=menu>
                    <button
                        class="wl-icon-button"
                        aria-label="Main menu"
                        aria-haspopup="menu"
                        aria-expanded=move || menu_open.get().to_string()
                        node_ref=menu_button
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        "⋮"
                    </button>
                    <Show when=move || menu_open.get()>
                        <div class="wl-menu-panel" role="menu">
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                sender.rerun();
                            }>"Rerun"</button>
                            {super::persistence::menu_items(move || menu_open.set(false), move || sender.rerun())}
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                let _ = window().print();
                            }>"Print"</button>
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                about_open.set(true);
                            }>"About"</button>
                            <div class="wl-menu-title">"Theme"</div>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::System).to_string() on:click=move |_| pick_theme(Theme::System)>"Use system setting"</button>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::Light).to_string() on:click=move |_| pick_theme(Theme::Light)>"Light"</button>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::Dark).to_string() on:click=move |_| pick_theme(Theme::Dark)>"Dark"</button>
                        </div>
                    </Show>
                </div>
            </header>
            <Show when=move || has_sidebar.get() && sidebar_open.get()>
                // On narrow screens the sidebar covers the page: a tap beside it closes it.
                <div class="wl-sidebar-backdrop" on:click=move |_| toggle_sidebar(false)></div>
            </Show>
            <Show when=move || has_sidebar.get()>
                <section class="wl-sidebar" class:wl-collapsed=move || !sidebar_open.get()>
                    <button
                        class="wl-icon-button wl-sidebar-close"
                        aria-label="Close sidebar"
                        node_ref=close_button
                        on:click=move |_| toggle_sidebar(false)
                    >
                        "«"
                    </button>
                    <div class="wl-sidebar-inner">{cells(sidebar.clone(), sender)}</div>
                </section>
            </Show>
            <Show when=move || about_open.get()>
                {move || {
                    let title = page_title.with(|title| title.clone()).unwrap_or_else(|| document().title());
                    let [name, made] = crate::app_menu::about_lines(&title);
                    view! {
                        <div class="wl-dialog-backdrop" on:click=move |_| about_open.set(false)></div>
                        <div class="wl-dialog wl-about" role="dialog" aria-modal="true" aria-label="About">
                            <div class="wl-dialog-head">
                                <h2>{name}</h2>
                                <button class="wl-icon-button" aria-label="Close" on:click=move |_| about_open.set(false)>"×"</button>
                            </div>
                            <p class="wl-about-made">{made}</p>
                        </div>
                    }
                }}
            </Show>
            {super::elements::status::toast::stack(toasts)}
            <section class="wl-main" class:wl-wide=move || wide.get() class:wl-with-sidebar=move || has_sidebar.get() && sidebar_open.get()>
                <div class="wl-main-inner">{cells(main.clone(), sender)}</div>
            </section>
        </div>
    }
}

/// Points the page's favicon at `icon` (our own `<link rel="icon">`, last in `<head>`, so it
/// wins over one the HTML page declares).
fn set_favicon(icon: &PageIcon) {
    const ID: &str = "wasmlit-favicon";
    let href = icon.href();
    let link = match document().get_element_by_id(ID) {
        Some(link) => link,
        None => {
            let Ok(link) = document().create_element("link") else { return };
            link.set_id(ID);
            let _ = link.set_attribute("rel", "icon");
            if let Some(head) = document().head() {
                let _ = head.append_child(&link);
            }
            link
        }
    };
    if link.get_attribute("href").as_deref() != Some(href.as_str()) {
        let _ = link.set_attribute("href", &href);
    }
}
