//! The combobox that `selectbox` and `multiselect` share, as Streamlit draws them: a text field
//! that filters the options as the viewer types (case-insensitive substring), a listbox under
//! it, arrow keys to move the highlight, Enter or a click to choose, Escape or a click outside
//! to close without choosing. ARIA: `combobox` + `listbox` + `option`, with
//! `aria-activedescendant` on the field, so focus never leaves it.
//!
//! The list is virtualized: rows have one fixed height ([`ROW_PX`], long text is cut with an
//! ellipsis and shown whole in its tooltip), and only the rows in view and a few around them
//! are in the page, so a selectbox of 100,000 options opens and scrolls at once. Nothing of the
//! list is drawn while it is closed.

use std::sync::Arc;

use leptos::html::{Input, Ul};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, KeyboardEvent, Node};

/// The height of one row of the open list, in CSS pixels (`.wl-combobox-option` in theme.css).
const ROW_PX: i32 = 36;
/// The list's inner padding above the first row, in CSS pixels (`.wl-combobox-list`).
const LIST_PAD_PX: i32 = 4;
/// Rows drawn above and below the ones in view, so a fast scroll shows no gap.
const OVERSCAN: usize = 6;
/// Rows in view at most (`max-height: 18rem` of the list).
const ROWS_IN_VIEW: usize = 8;

/// The rows to draw, `start..end` of `count`, when the list is scrolled `scroll_top` pixels.
fn window(count: usize, scroll_top: i32) -> std::ops::Range<usize> {
    let first = usize::try_from((scroll_top - LIST_PAD_PX).max(0) / ROW_PX).unwrap_or(0);
    let start = first.saturating_sub(OVERSCAN).min(count);
    let end = (first + ROWS_IN_VIEW + OVERSCAN).min(count);
    start..end
}

/// What the viewer chose.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Pick {
    /// The option at this index.
    Option(usize),
    /// Typed text that is not an option (`accept_new_options`).
    New(String),
}

impl Pick {
    /// The text the viewer sees for this pick.
    pub(crate) fn label(&self, options: &[String]) -> String {
        match self {
            Pick::Option(i) => options.get(*i).cloned().unwrap_or_default(),
            Pick::New(text) => text.clone(),
        }
    }
}

/// The rows of the open list for `query` (`None`: the viewer has not typed): the options that
/// contain it, ignoring case, and are not `taken`, then, with `accept_new`, an "Add" row for a
/// query that is not an option's exact text.
pub(crate) fn rows(options: &[String], query: Option<&str>, taken: &[Pick], accept_new: bool) -> Vec<Pick> {
    let query = query.map(str::trim).unwrap_or_default();
    let needle = query.to_lowercase();
    let mut rows: Vec<Pick> = options
        .iter()
        .enumerate()
        .filter(|(i, option)| !taken.contains(&Pick::Option(*i)) && option.to_lowercase().contains(&needle))
        .map(|(i, _)| Pick::Option(i))
        .collect();
    let known = options.iter().any(|o| o == query) || taken.iter().any(|p| p.label(options) == query);
    if accept_new && !query.is_empty() && !known {
        rows.push(Pick::New(query.to_string()));
    }
    rows
}

/// How one combobox behaves; the widget gives the signals it derives from its props.
pub(crate) struct Combobox {
    /// The field's DOM id (the widget label's `for`).
    pub dom_id: String,
    pub options: Arc<Vec<String>>,
    /// Picks not offered again (a multiselect's chosen ones).
    pub taken: Signal<Vec<Pick>>,
    /// The current pick, highlighted when the list opens (a selectbox's value).
    pub current: Signal<Option<Pick>>,
    /// The field's text while the viewer is not typing.
    pub shown: Signal<String>,
    pub placeholder: Signal<String>,
    pub disabled: Signal<bool>,
    /// Offers typed text as a new option.
    pub accept_new: bool,
    /// Shown in the list instead of the options (a full multiselect).
    pub blocked: Signal<Option<String>>,
    /// Stays open after a pick (a multiselect picks several).
    pub multi: bool,
    pub input: NodeRef<Input>,
}

/// Draws the field and its list. `pick` commits a choice; `backspace` runs on Backspace in an
/// empty field (a multiselect removes its last chip).
pub(crate) fn combobox(
    config: Combobox,
    pick: impl Fn(Pick) + Copy + Send + Sync + 'static,
    backspace: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Combobox { dom_id, options, taken, current, shown, placeholder, disabled, accept_new, blocked, multi, input } =
        config;
    let list_id = format!("{dom_id}-listbox");
    let base = dom_id.clone();
    let option_id = Arc::new(move |pos: usize| format!("{base}-opt-{pos}"));
    let open = RwSignal::new(false);
    // What the viewer typed since the list opened (`None`: nothing, all options show).
    let query = RwSignal::new(None::<String>);
    // The highlighted row: a position in `rows`.
    let active = RwSignal::new(None::<usize>);
    let list = NodeRef::<Ul>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    let row_options = options.clone();
    let rows = Memo::new(move |_| {
        let query = query.get();
        taken.with(|taken| rows(&row_options, query.as_deref(), taken, accept_new))
    });
    let blocked_now = move || blocked.with_untracked(Option::is_some);

    // How far the list is scrolled: which rows are drawn. The page follows it once the list
    // shows (a hidden list cannot be scrolled).
    let scroll_top = RwSignal::new(0);
    Effect::new(move |_| {
        if let (true, Some(list)) = (open.get(), list.get()) {
            list.set_scroll_top(scroll_top.get_untracked());
        }
    });
    // Scrolls the list so that the row at `pos` shows.
    let reveal = move |pos: usize| {
        let Some(list) = list.get_untracked() else { return };
        let top = LIST_PAD_PX + i32::try_from(pos).unwrap_or(i32::MAX / ROW_PX - 1) * ROW_PX;
        let bottom = top + ROW_PX;
        let height = match list.client_height() {
            0 => ROW_PX * ROWS_IN_VIEW as i32,
            shown => shown,
        };
        let now = scroll_top.get_untracked();
        let wanted = if top < now {
            top
        } else if bottom > now + height {
            bottom - height
        } else {
            now
        };
        scroll_top.set(wanted);
        list.set_scroll_top(wanted);
    };
    let close = move || {
        open.set(false);
        query.set(None);
        active.set(None);
        scroll_top.set(0);
        if let Some(list) = list.get_untracked() {
            list.set_scroll_top(0);
        }
    };
    let open_list = move || {
        if disabled.get_untracked() {
            return;
        }
        open.set(true);
        let found = current
            .get_untracked()
            .and_then(|current| rows.with_untracked(|rows| rows.iter().position(|r| *r == current)));
        let first = rows.with_untracked(|rows| (!rows.is_empty()).then_some(0));
        active.set(if blocked_now() { None } else { found.or(first) });
        if let Some(pos) = active.get_untracked() {
            reveal(pos);
        }
    };
    let choose = move |pos: usize| {
        let Some(row) = rows.with_untracked(|rows| rows.get(pos).cloned()) else { return };
        query.set(None);
        if multi {
            active.set(None);
        } else {
            close();
        }
        if let Some(field) = input.get_untracked().filter(|_| multi) {
            field.set_value("");
        }
        pick(row);
    };

    let on_keydown = {
        move |event: KeyboardEvent| {
            let key = event.key();
            match key.as_str() {
                "ArrowDown" | "ArrowUp" => {
                    event.prevent_default();
                    if !open.get_untracked() {
                        open_list();
                        return;
                    }
                    let count = rows.with_untracked(Vec::len);
                    if count == 0 || blocked_now() {
                        return;
                    }
                    let next = match (active.get_untracked(), key == "ArrowDown") {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(at), true) => (at + 1).min(count - 1),
                        (Some(at), false) => at.saturating_sub(1),
                    };
                    active.set(Some(next));
                    reveal(next);
                }
                "Enter" => {
                    if let (true, Some(at)) = (open.get_untracked(), active.get_untracked()) {
                        event.prevent_default();
                        choose(at);
                    }
                }
                "Escape" if open.get_untracked() => {
                    // Only the list closes, not a dialog around it.
                    event.prevent_default();
                    event.stop_propagation();
                    close();
                }
                "Tab" => close(),
                "Backspace" if multi && input.get_untracked().is_some_and(|i| i.value().is_empty()) => backspace(),
                _ => {}
            }
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        query.set(Some(event_target_value(&event)));
        open.set(true);
        let any = rows.with_untracked(|rows| !rows.is_empty());
        active.set((any && !blocked_now()).then_some(0));
        reveal(0);
    };
    let on_click = move |_| {
        if open.get_untracked() {
            return;
        }
        open_list();
        // The field shows the current choice: typing replaces it.
        if let Some(field) = input.get_untracked() {
            field.select();
        }
    };
    // A click or Tab outside closes without choosing; clicks in the list keep focus in the field.
    let on_focusout = move |event: FocusEvent| {
        let to = event.related_target().and_then(|t| t.dyn_into::<Node>().ok());
        let inside = root.get_untracked().is_some_and(|root| to.is_some_and(|to| root.contains(Some(&to))));
        if !inside {
            close();
        }
    };
    let toggle = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if open.get_untracked() {
            close();
        } else if let Some(field) = input.get_untracked() {
            let _ = field.focus();
            open_list();
        }
    };

    let active_id = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| open.get()).map(|pos| option_id(pos))
    };
    let list_options = options.clone();
    let items = move || {
        if !open.get() {
            return ().into_any();
        }
        if let Some(note) = blocked.get() {
            return view! { <li class="wl-combobox-note" role="option" aria-disabled="true">{note}</li> }.into_any();
        }
        rows.with(|rows| {
            if rows.is_empty() {
                return view! { <li class="wl-combobox-note" role="option" aria-disabled="true">"No results"</li> }
                    .into_any();
            }
            let count = rows.len();
            let shown = window(count, scroll_top.get());
            let spacer = |rows: usize| {
                let px = i32::try_from(rows).unwrap_or(i32::MAX / ROW_PX - 1) * ROW_PX;
                (rows > 0)
                    .then(|| view! { <li role="presentation" aria-hidden="true" style:height=format!("{px}px")></li> })
            };
            let (above, below) = (spacer(shown.start), spacer(count - shown.end));
            let drawn = rows[shown.clone()]
                .iter()
                .zip(shown)
                .map(|(row, pos)| {
                    let text = match row {
                        Pick::Option(_) => row.label(&list_options),
                        Pick::New(text) => format!("Add: {text}"),
                    };
                    let chosen = current.with_untracked(|c| c.as_ref() == Some(row));
                    let tooltip = text.clone();
                    view! {
                        <li
                            role="option"
                            id=option_id(pos)
                            class="wl-combobox-option"
                            class:wl-combobox-new=matches!(row, Pick::New(_))
                            class:wl-active=move || active.get() == Some(pos)
                            aria-selected=move || (active.get() == Some(pos)).to_string()
                            aria-setsize=count
                            aria-posinset=pos + 1
                            class:wl-chosen=chosen
                            title=tooltip
                            on:mousedown=|event| event.prevent_default()
                            on:mousemove=move |_| {
                                if active.get_untracked() != Some(pos) {
                                    active.set(Some(pos));
                                }
                            }
                            on:click=move |_| choose(pos)
                        >
                            {text}
                        </li>
                    }
                })
                .collect_view();
            view! { {above} {drawn} {below} }.into_any()
        })
    };
    view! {
        <div class="wl-combobox" class:wl-open=move || open.get() node_ref=root on:focusout=on_focusout>
            <input
                id=dom_id.clone()
                node_ref=input
                class="wl-input wl-combobox-input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_id
                placeholder=move || placeholder.get()
                disabled=move || disabled.get()
                prop:value=move || query.get().unwrap_or_else(|| shown.get())
                on:input=on_input
                on:keydown=on_keydown
                on:click=on_click
            />
            <span class="wl-combobox-chevron" aria-hidden="true" on:mousedown=toggle>"⌄"</span>
            <ul
                id=list_id
                role="listbox"
                class="wl-combobox-list"
                node_ref=list
                hidden=move || !open.get()
                on:scroll=move |_| {
                    if let Some(list) = list.get_untracked() {
                        scroll_top.set(list.scroll_top());
                    }
                }
            >
                {items}
            </ul>
        </div>
    }
}
