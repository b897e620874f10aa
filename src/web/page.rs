//! The page shell (header, sidebar, main column) and the containers.

use leptos::prelude::*;

use super::view_model::{BlockCell, Cell};
use super::{elements, Sender};
use crate::element::{BlockKind, Gap};

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
    pub sender: Sender,
    pub theme: Theme,
}

/// The whole app: top bar (run status, menu), collapsible sidebar (when it
/// has content), main column.
pub(crate) fn page(shell: Shell) -> impl IntoView {
    let Shell { main, sidebar, running, sender, theme: initial_theme } = shell;
    let theme = RwSignal::new(initial_theme);
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
    view! {
        <div class="wl-app" data-theme=move || theme.get().attribute()>
            <header class="wl-topbar">
                <Show when=move || has_sidebar.get() && !sidebar_open.get()>
                    <button class="wl-icon-button" aria-label="Open sidebar" on:click=move |_| sidebar_open.set(true)>
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
                <div class="wl-menu">
                    <button class="wl-icon-button" aria-label="Main menu" on:click=move |_| menu_open.update(|o| *o = !*o)>
                        "⋮"
                    </button>
                    <Show when=move || menu_open.get()>
                        <div class="wl-menu-panel" role="menu">
                            <button role="menuitem" on:click=move |_| {
                                menu_open.set(false);
                                sender.rerun();
                            }>"Rerun"</button>
                            {super::persistence::menu_items(move || menu_open.set(false), move || sender.rerun())}
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
                <div class="wl-sidebar-backdrop" on:click=move |_| sidebar_open.set(false)></div>
            </Show>
            <Show when=move || has_sidebar.get()>
                <section class="wl-sidebar" class:wl-collapsed=move || !sidebar_open.get()>
                    <button class="wl-icon-button wl-sidebar-close" aria-label="Close sidebar" on:click=move |_| sidebar_open.set(false)>
                        "«"
                    </button>
                    <div class="wl-sidebar-inner">{cells(sidebar.clone(), sender)}</div>
                </section>
            </Show>
            <section class="wl-main" class:wl-with-sidebar=move || has_sidebar.get() && sidebar_open.get()>
                <div class="wl-main-inner">{cells(main.clone(), sender)}</div>
            </section>
        </div>
    }
}

/// A list of cells, keyed so reused cells keep their DOM nodes.
pub(crate) fn cells(list: ArcRwSignal<Vec<Cell>>, sender: Sender) -> AnyView {
    view! { <For each=move || list.get() key=Cell::uid children=move |cell| cell_view(cell, sender) /> }.into_any()
}

fn cell_view(cell: Cell, sender: Sender) -> AnyView {
    match cell {
        Cell::Element(cell) => elements::element(cell, sender),
        Cell::Block(cell) => block(cell, sender),
    }
}

fn gap_class(gap: Gap) -> &'static str {
    match gap {
        Gap::Small => "wl-columns wl-gap-small",
        Gap::Medium => "wl-columns wl-gap-medium",
        Gap::Large => "wl-columns wl-gap-large",
    }
}

/// A container. Its kind's variant never changes for a given cell (the
/// patcher makes a new cell instead), but its fields may.
fn block(cell: BlockCell, sender: Sender) -> AnyView {
    let BlockCell { kind, children, stale, .. } = cell;
    let initial = kind.get_untracked();
    let stale = move || stale.get();
    match initial {
        BlockKind::Vertical => view! { <div class="wl-block wl-vertical" class:wl-stale=stale>{cells(children, sender)}</div> }.into_any(),
        BlockKind::Fragment { .. } => view! { <div class="wl-block wl-fragment" class:wl-stale=stale>{cells(children, sender)}</div> }.into_any(),
        BlockKind::Form { border, .. } => {
            view! { <div class="wl-block wl-form" class:wl-bordered=border class:wl-stale=stale>{cells(children, sender)}</div> }.into_any()
        }
        BlockKind::Dialog { title, wide, .. } => dialog(title, wide, children, sender),
        BlockKind::Container { .. } => {
            let border_kind = kind.clone();
            let border = move || matches!(border_kind.get(), BlockKind::Container { border: true, .. });
            let height = move || match kind.get() {
                BlockKind::Container { height: Some(px), .. } => Some(format!("{px}px")),
                _ => None,
            };
            let scroll = height.clone();
            view! {
                <div class="wl-block wl-container" class:wl-stale=stale class:wl-bordered=border style:height=height class:wl-scroll=move || scroll().is_some()>
                    {cells(children, sender)}
                </div>
            }
            .into_any()
        }
        BlockKind::Columns { .. } => {
            let class = move || match kind.get() {
                BlockKind::Columns { gap } => gap_class(gap),
                _ => gap_class(Gap::Small),
            };
            view! { <div class=class class:wl-stale=stale>{cells(children, sender)}</div> }.into_any()
        }
        BlockKind::Column { .. } => {
            let flex = move || match kind.get() {
                BlockKind::Column { weight } => format!("{weight} 1 0%"),
                _ => "1 1 0%".to_string(),
            };
            view! { <div class="wl-column" style:flex=flex class:wl-stale=stale>{cells(children, sender)}</div> }.into_any()
        }
        BlockKind::Tabs { .. } => view! { <div class:wl-stale=stale>{tabs(kind, children, sender)}</div> }.into_any(),
        BlockKind::Expander { label, expanded } => {
            let label_kind = kind.clone();
            let label = move || match label_kind.get() {
                BlockKind::Expander { label, .. } => label,
                _ => label.clone(),
            };
            view! {
                <details class="wl-expander" open=expanded class:wl-stale=stale>
                    <summary>{label}</summary>
                    <div class="wl-expander-body">{cells(children, sender)}</div>
                </details>
            }
            .into_any()
        }
    }
}

/// A modal over the page. Dismissing it (×, Esc, a click outside) hides it
/// without a rerun; the next run that opens it shows it again (a new cell).
fn dialog(title: String, wide: bool, children: ArcRwSignal<Vec<Cell>>, sender: Sender) -> AnyView {
    let open = RwSignal::new(true);
    let close = move |_| open.set(false);
    view! {
        <Show when=move || open.get()>
            <div class="wl-dialog-backdrop" on:click=close></div>
            <div
                class="wl-dialog"
                class:wl-dialog-wide=wide
                role="dialog"
                aria-modal="true"
                aria-label=title.clone()
                tabindex="-1"
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <div class="wl-dialog-head">
                    <h2>{title.clone()}</h2>
                    <button class="wl-icon-button" aria-label="Close" on:click=close>"×"</button>
                </div>
                <div class="wl-block wl-dialog-body">{cells(children.clone(), sender)}</div>
            </div>
        </Show>
    }
    .into_any()
}

fn tabs(kind: ArcRwSignal<BlockKind>, children: ArcRwSignal<Vec<Cell>>, sender: Sender) -> AnyView {
    let active = RwSignal::new(0usize);
    let labels = move || match kind.get() {
        BlockKind::Tabs { labels } => labels,
        _ => Vec::new(),
    };
    let bodies = move || children.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <div class="wl-tabs">
            <div class="wl-tab-list" role="tablist">
                {move || {
                    labels()
                        .into_iter()
                        .enumerate()
                        .map(|(index, label)| {
                            view! {
                                <button
                                    role="tab"
                                    class="wl-tab"
                                    aria-selected=move || (active.get() == index).to_string()
                                    on:click=move |_| active.set(index)
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <For
                each=bodies
                key=|(index, cell)| (*index, cell.uid())
                children=move |(index, cell)| {
                    view! {
                        <div class="wl-tab-panel" role="tabpanel" hidden=move || active.get() != index>
                            {cell_view(cell, sender)}
                        </div>
                    }
                }
            />
        </div>
    }
    .into_any()
}
