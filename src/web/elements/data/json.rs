//! Renders `json` as a tree: every object and array has a caret that opens and closes it;
//! keys, strings, numbers, booleans and null are coloured like Streamlit's viewer. Everything
//! is text nodes, never HTML.

use leptos::prelude::*;
use serde_json::Value;

use crate::elements::data::json::{JsonExpanded, JsonProps};
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<JsonProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::JSON);
    let props = cell.props;
    view! {
        <div class="wl-json-tree" role="tree">
            {move || props.with(|p| node(None, &p.body, 0, p.expanded))}
        </div>
    }
    .into_any()
}

/// What stands before a value: an object's key or an array's index.
enum Name {
    Key(String),
    Index(usize),
}

fn name_view(name: Option<Name>) -> Option<AnyView> {
    name.map(|name| match name {
        Name::Key(key) => {
            view! { <span class="wl-json-key">{format!("\"{key}\"")}</span><span class="wl-json-colon">" : "</span> }
                .into_any()
        }
        Name::Index(index) => {
            view! { <span class="wl-json-index">{index.to_string()}</span><span class="wl-json-colon">" : "</span> }
                .into_any()
        }
    })
}

fn node(name: Option<Name>, value: &Value, depth: u32, expanded: JsonExpanded) -> AnyView {
    let (open_mark, close_mark, children): (&str, &str, Vec<(Name, Value)>) = match value {
        Value::Object(map) => ("{", "}", map.iter().map(|(k, v)| (Name::Key(k.clone()), v.clone())).collect()),
        Value::Array(items) => {
            ("[", "]", items.iter().cloned().enumerate().map(|(i, v)| (Name::Index(i), v)).collect())
        }
        scalar => {
            return view! { <div class="wl-json-row" role="treeitem">{name_view(name)}{scalar_view(scalar)}</div> }
                .into_any()
        }
    };
    let open = RwSignal::new(expanded.opens(depth));
    let count = children.len();
    let items = if count == 1 { "1 item".to_string() } else { format!("{count} items") };
    let body = children.into_iter().map(|(name, child)| node(Some(name), &child, depth + 1, expanded)).collect_view();
    view! {
        <div class="wl-json-node" role="treeitem" aria-expanded=move || open.get().to_string()>
            <div class="wl-json-row">
                <button
                    class="wl-json-toggle"
                    aria-label=move || if open.get() { "Collapse" } else { "Expand" }
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    <span class="wl-json-caret" class:wl-json-caret-closed=move || !open.get() aria-hidden="true"></span>
                </button>
                {name_view(name)}
                <span class="wl-json-brace">{open_mark}</span>
                <span class="wl-json-collapsed" style:display=move || if open.get() { "none" } else { "inline" }>
                    <span class="wl-json-ellipsis">"…"</span>
                    <span class="wl-json-brace">{close_mark}</span>
                    <span class="wl-json-count">{items}</span>
                </span>
            </div>
            <div class="wl-json-children" role="group" style:display=move || if open.get() { "block" } else { "none" }>
                {body}
            </div>
            <div class="wl-json-brace wl-json-close" style:display=move || if open.get() { "block" } else { "none" }>
                {close_mark}
            </div>
        </div>
    }
    .into_any()
}

fn scalar_view(value: &Value) -> AnyView {
    match value {
        Value::String(text) => view! { <span class="wl-json-string">{format!("\"{text}\"")}</span> }.into_any(),
        Value::Number(number) => {
            let class = if number.is_f64() { "wl-json-float" } else { "wl-json-int" };
            view! { <span class=class>{number.to_string()}</span> }.into_any()
        }
        Value::Bool(flag) => view! { <span class="wl-json-bool">{flag.to_string()}</span> }.into_any(),
        // Objects and arrays never get here: `node` draws them.
        Value::Null | Value::Object(_) | Value::Array(_) => {
            view! { <span class="wl-json-null">"NULL"</span> }.into_any()
        }
    }
}
