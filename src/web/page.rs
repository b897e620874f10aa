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

/// The whole app: header bar, collapsible sidebar (when it has content), main column.
pub(crate) fn page(
    main: ArcRwSignal<Vec<Cell>>,
    sidebar: ArcRwSignal<Vec<Cell>>,
    sender: Sender,
    initial_theme: Theme,
) -> impl IntoView {
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
                <div class="wl-menu">
                    <button class="wl-icon-button" aria-label="Main menu" on:click=move |_| menu_open.update(|o| *o = !*o)>
                        "⋮"
                    </button>
                    <Show when=move || menu_open.get()>
                        <div class="wl-menu-panel" role="menu">
                            <div class="wl-menu-title">"Theme"</div>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::System).to_string() on:click=move |_| pick_theme(Theme::System)>"Use system setting"</button>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::Light).to_string() on:click=move |_| pick_theme(Theme::Light)>"Light"</button>
                            <button role="menuitemradio" aria-checked=move || (theme.get() == Theme::Dark).to_string() on:click=move |_| pick_theme(Theme::Dark)>"Dark"</button>
                        </div>
                    </Show>
                </div>
            </header>
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
    let BlockCell { kind, children, .. } = cell;
    let initial = kind.get_untracked();
    match initial {
        BlockKind::Vertical => view! { <div class="wl-block wl-vertical">{cells(children, sender)}</div> }.into_any(),
        BlockKind::Container { .. } => {
            let border_kind = kind.clone();
            let border = move || matches!(border_kind.get(), BlockKind::Container { border: true, .. });
            let height = move || match kind.get() {
                BlockKind::Container { height: Some(px), .. } => Some(format!("{px}px")),
                _ => None,
            };
            let scroll = height.clone();
            view! {
                <div class="wl-block wl-container" class:wl-bordered=border style:height=height class:wl-scroll=move || scroll().is_some()>
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
            view! { <div class=class>{cells(children, sender)}</div> }.into_any()
        }
        BlockKind::Column { .. } => {
            let flex = move || match kind.get() {
                BlockKind::Column { weight } => format!("{weight} 1 0%"),
                _ => "1 1 0%".to_string(),
            };
            view! { <div class="wl-column" style:flex=flex>{cells(children, sender)}</div> }.into_any()
        }
        BlockKind::Tabs { .. } => tabs(kind, children, sender),
        BlockKind::Expander { label, expanded } => {
            let label_kind = kind.clone();
            let label = move || match label_kind.get() {
                BlockKind::Expander { label, .. } => label,
                _ => label.clone(),
            };
            view! {
                <details class="wl-expander" open=expanded>
                    <summary>{label}</summary>
                    <div class="wl-expander-body">{cells(children, sender)}</div>
                </details>
            }
            .into_any()
        }
    }
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
