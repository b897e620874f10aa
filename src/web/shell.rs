//! The page shell: top bar (run status, menu), collapsible sidebar, main column.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::layout::cells;
use super::view_model::Cell;
use super::Sender;
use crate::page_config::{PageConfig, PageIcon, PageLayout, SidebarState};

/// The colour scheme: the system's preference unless the viewer picks one, or the app's
/// custom theme (src/theme.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
    Custom,
}

/// Where the viewer's choice is kept across reloads (`localStorage`, per origin). The loader
/// (www/loader.js) reads it too, so the loading screen already has the right colours.
const THEME_KEY: &str = "wasmlit-theme";

impl Theme {
    /// The theme the page starts with: `?theme=dark|light|system|custom` in the URL, else the
    /// viewer's last choice, else the app's custom theme (`has_custom`), else the system's.
    pub fn initial(has_custom: bool) -> Theme {
        Theme::initial_for(has_custom, None)
    }

    /// [`Theme::initial`] for the app `embed_id` of a page (`Session::embedded`): the URL is
    /// the host page's, so only the viewer's choice for this app counts.
    fn initial_for(has_custom: bool, embed_id: Option<&str>) -> Theme {
        let search = window().location().search().unwrap_or_default();
        let query = search.trim_start_matches('?');
        let asked = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("theme="))
            .and_then(Theme::parse)
            .filter(|_| embed_id.is_none());
        let stored = || storage()?.get_item(&theme_key(embed_id)).ok().flatten().as_deref().and_then(Theme::parse);
        let usable = |theme: &Theme| *theme != Theme::Custom || has_custom;
        asked.filter(usable).or_else(|| stored().filter(usable)).unwrap_or(if has_custom {
            Theme::Custom
        } else {
            Theme::System
        })
    }

    fn parse(name: &str) -> Option<Theme> {
        [Theme::System, Theme::Light, Theme::Dark, Theme::Custom].into_iter().find(|t| t.attribute() == name)
    }

    fn attribute(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Custom => "custom",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Use system setting",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Custom => "Custom theme",
        }
    }

    /// Keeps the viewer's choice for the next visit (best effort: storage may be off).
    fn remember(self, embed_id: Option<&str>) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(&theme_key(embed_id), self.attribute());
        }
    }
}

/// The `localStorage` key of the theme choice: an embedded app's is its own.
fn theme_key(embed_id: Option<&str>) -> String {
    match embed_id {
        Some(id) => format!("{THEME_KEY}:{id}"),
        None => THEME_KEY.to_string(),
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Adds the custom theme's stylesheet to `<head>` (once; a later app's replaces it). An
/// embedded app's has its own stylesheet, scoped to its root (`[data-wasmlit-app="<id>"]`).
fn inject_custom_theme(css: &str, embed_id: Option<&str>) {
    let (id, css) = match embed_id {
        Some(app) => {
            (format!("wasmlit-custom-theme-{app}"), format!("@scope ([data-wasmlit-app=\"{app}\"]) {{\n{css}}}\n"))
        }
        None => ("wasmlit-custom-theme".to_string(), css.to_string()),
    };
    let style = match document().get_element_by_id(&id) {
        Some(style) => style,
        None => {
            let Ok(style) = document().create_element("style") else { return };
            style.set_id(&id);
            if let Some(head) = document().head() {
                let _ = head.append_child(&style);
            }
            style
        }
    };
    style.set_text_content(Some(&css));
}

/// What the page shell shows: the two areas, the run status, the theme.
pub(crate) struct Shell {
    pub main: ArcRwSignal<Vec<Cell>>,
    pub sidebar: ArcRwSignal<Vec<Cell>>,
    pub running: ArcRwSignal<bool>,
    /// The last finished run's `set_page_config`.
    pub page_config: ArcRwSignal<PageConfig>,
    pub sender: Sender,
    /// The app's custom theme as CSS, when it has one.
    pub custom_theme: Option<String>,
    /// Why the app's theme file was refused.
    pub theme_error: Option<String>,
    /// The app's id when it is embedded in a host page (`Session::embedded`): it then leaves
    /// the page's title, icon, colour scheme and keyboard alone.
    pub embed_id: Option<String>,
    /// Set once a run asked to persist something in an app built without `persist`.
    #[cfg(not(feature = "persist"))]
    pub persist_missing: ArcRwSignal<bool>,
}

/// The whole app: top bar (run status, menu), collapsible sidebar (when it
/// has content), main column.
pub(crate) fn page(shell: Shell) -> impl IntoView {
    let Shell {
        main,
        sidebar,
        running,
        page_config,
        sender,
        custom_theme,
        theme_error,
        embed_id,
        #[cfg(not(feature = "persist"))]
        persist_missing,
    } = shell;
    // Without the `persist` feature, an app that persists says so once, as a warning.
    #[cfg(not(feature = "persist"))]
    let persist_notice = move || {
        persist_missing
            .get()
            .then(|| view! { <div class="wl-theme-error" role="alert">{super::persistence::NOT_BUILT}</div> })
    };
    #[cfg(feature = "persist")]
    let persist_notice = ();
    if let Some(css) = &custom_theme {
        inject_custom_theme(css, embed_id.as_deref());
    }
    let embedded = embed_id.is_some();
    if let Some(error) = &theme_error {
        web_sys::console::warn_1(&error.into());
    }
    let has_custom = custom_theme.is_some();
    let theme = RwSignal::new(Theme::initial_for(has_custom, embed_id.as_deref()));
    let themes: Vec<Theme> =
        [Theme::System, Theme::Light, Theme::Dark].into_iter().chain(has_custom.then_some(Theme::Custom)).collect();
    let settings_open = RwSignal::new(false);
    // The page around the app (overscroll, the loader's early style) follows the pick.
    Effect::new(move |_| {
        if embedded {
            return; // the host page's colours are its own
        }
        let scheme = match theme.get() {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System | Theme::Custom => "light dark",
        };
        if let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = root.style().set_property("color-scheme", scheme);
        }
    });
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
    let embed_key = StoredValue::new(embed_id);
    let pick_theme = move |picked: Theme| {
        theme.set(picked);
        embed_key.with_value(|id| picked.remember(id.as_deref()));
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
            if !embedded && document().title() != title {
                document().set_title(&title);
            }
        }
        if let (Some(icon), false) = (icon, embedded) {
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
        if embedded {
            return; // R and C belong to the host page (and there may be other apps)
        }
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
        if event.key() == "Escape" && settings_open.get_untracked() {
            settings_open.set(false);
        }
        if event.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    // The menu's dialogs take focus when they open, keep Tab inside, and give focus back to
    // the menu's button when they close.
    let about_panel = NodeRef::<leptos::html::Div>::new();
    let settings_panel = NodeRef::<leptos::html::Div>::new();
    for (open, panel) in [(about_open, about_panel), (settings_open, settings_panel)] {
        Effect::new(move |was: Option<bool>| {
            let now = open.get();
            match (now, panel.get()) {
                (true, Some(panel)) => {
                    let _ = panel.focus();
                }
                (false, _) if was == Some(true) => {
                    if let Some(button) = menu_button.get_untracked() {
                        let _ = button.focus();
                    }
                }
                _ => {}
            }
            now
        });
    }
    let trap = move |panel: NodeRef<leptos::html::Div>| {
        move |event: leptos::ev::KeyboardEvent| {
            if let Some(panel) = panel.get_untracked() {
                super::layout::dialog::trap_tab(&panel, &event);
            }
        }
    };
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
        <div class="wl-app" class:wl-embedded=embedded data-theme=move || theme.get().attribute()>
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
                            {super::reload::menu_items(move || menu_open.set(false), move || sender.rerun())}
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                let _ = window().print();
                            }>"Print"</button>
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                settings_open.set(true);
                            }>"Settings"</button>
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                about_open.set(true);
                            }>"About"</button>
                        </div>
                    </Show>
                </div>
            </header>
            <Show when=move || has_sidebar.get() && sidebar_open.get()>
                // On narrow screens the sidebar covers the page: a tap beside it closes it.
                <div class="wl-sidebar-backdrop" on:click=move |_| toggle_sidebar(false)></div>
            </Show>
            <Show when=move || has_sidebar.get()>
                <aside class="wl-sidebar" aria-label="Sidebar" class:wl-collapsed=move || !sidebar_open.get()>
                    <button
                        class="wl-icon-button wl-sidebar-close"
                        aria-label="Close sidebar"
                        node_ref=close_button
                        on:click=move |_| toggle_sidebar(false)
                    >
                        "«"
                    </button>
                    <div class="wl-sidebar-inner">{cells(sidebar.clone(), sender)}</div>
                </aside>
            </Show>
            <Show when=move || about_open.get()>
                {move || {
                    let title = page_title.with(|title| title.clone()).unwrap_or_else(|| document().title());
                    let [name, made] = crate::app_menu::about_lines(&title);
                    view! {
                        <div class="wl-dialog-backdrop" on:click=move |_| about_open.set(false)></div>
                        <div class="wl-dialog wl-about" role="dialog" aria-modal="true" aria-label="About" tabindex="-1" node_ref=about_panel on:keydown=trap(about_panel)>
                            <div class="wl-dialog-head">
                                <h2>{name}</h2>
                                <button class="wl-icon-button" aria-label="Close" on:click=move |_| about_open.set(false)>"×"</button>
                            </div>
                            <p class="wl-about-made">{made}</p>
                        </div>
                    }
                }}
            </Show>
            <Show when=move || settings_open.get()>
                {
                    let themes = themes.clone();
                    view! {
                        <div class="wl-dialog-backdrop" on:click=move |_| settings_open.set(false)></div>
                        <div class="wl-dialog wl-settings" role="dialog" aria-modal="true" aria-label="Settings" tabindex="-1" node_ref=settings_panel on:keydown=trap(settings_panel)>
                            <div class="wl-dialog-head">
                                <h2>"Settings"</h2>
                                <button class="wl-icon-button" aria-label="Close" on:click=move |_| settings_open.set(false)>"×"</button>
                            </div>
                            <h3>"Appearance"</h3>
                            <label>
                                <input type="checkbox" prop:checked=move || wide.get() on:change=move |event| wide.set(event_target_checked(&event))/>
                                "Wide mode"
                            </label>
                            <label for="wl-settings-theme">"Choose app theme, colors and fonts"</label>
                            <select id="wl-settings-theme" on:change=move |event| {
                                if let Some(picked) = Theme::parse(&event_target_value(&event)) {
                                    pick_theme(picked);
                                }
                            }>
                                {themes
                                    .into_iter()
                                    .map(|t| view! { <option value=t.attribute() selected=move || theme.get() == t>{t.label()}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                }
            </Show>
            {super::elements::status::toast::stack(toasts)}
            <main class="wl-main" class:wl-wide=move || wide.get() class:wl-with-sidebar=move || has_sidebar.get() && sidebar_open.get()>
                // Notices about the build sit above the app's column, beside an open sidebar.
                {theme_error.map(|error| view! { <div class="wl-theme-error" role="alert">{error}" The app uses the default theme."</div> })}
                {persist_notice}
                <div class="wl-main-inner">{cells(main.clone(), sender)}</div>
            </main>
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
