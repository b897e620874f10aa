//! Renders `selectbox` as a combobox (`combobox.rs`): type to filter, arrows and Enter or a
//! click to choose; a selectbox made by `.no_default()` has a ✕ that clears it.

use std::sync::Arc;

use leptos::prelude::*;

use super::combobox::{combobox, Combobox, Pick};
use super::{draft, label, WidgetCell};
use crate::element::WidgetValue;
use crate::widgets::selectbox::SelectboxProps;

pub(crate) fn render(cell: WidgetCell<SelectboxProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::COMBOBOX);
    let props = cell.props;
    let echo = cell.echo.clone();
    // Options are part of the widget's identity: new options make a new widget.
    let options: Arc<Vec<String>> = Arc::new(cell.first.options.clone());
    let sink = cell.sink;
    // The choice just sent, shown until the engine's value replaces it (or a form submits it).
    let held = draft::<Option<Pick>, _>(props, echo.clone());
    let current = Signal::derive(move || {
        echo.track();
        held.get().unwrap_or_else(|| {
            props.with(|p| match (&p.new_value, p.index) {
                (Some(text), _) => Some(Pick::New(text.clone())),
                (None, index) => index.map(Pick::Option),
            })
        })
    });
    let shown_options = options.clone();
    let shown =
        Signal::derive(move || current.with(|c| c.as_ref().map(|c| c.label(&shown_options)).unwrap_or_default()));
    let choose = move |pick: Option<Pick>| {
        held.set(Some(pick.clone()));
        sink.send(match pick {
            Some(Pick::Option(index)) => WidgetValue::Index(Some(index)),
            Some(Pick::New(text)) => WidgetValue::Text(text),
            None => WidgetValue::Index(None),
        });
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let optional = cell.first.optional;
    let clear = move |_| {
        choose(None);
        if let Some(field) = input.get_untracked() {
            let _ = field.focus();
        }
    };
    let field = combobox(
        Combobox {
            dom_id: cell.dom_id.clone(),
            options,
            taken: Signal::stored(Vec::new()),
            current,
            shown,
            placeholder: Signal::derive(move || props.with(|p| p.placeholder.clone())),
            disabled: Signal::derive(move || props.with(|p| p.common.disabled)),
            accept_new: cell.first.accept_new_options,
            blocked: Signal::stored(None),
            multi: false,
            input,
        },
        move |pick| choose(Some(pick)),
        || {},
    );
    view! {
        {label(props, |p| &p.common, cell.dom_id.clone())}
        <div class="wl-selectbox-field">
            {field}
            <button
                class="wl-combobox-clear"
                aria-label="Clear"
                hidden=move || !optional || current.with(Option::is_none) || props.with(|p| p.common.disabled)
                on:click=clear
            >
                "×"
            </button>
        </div>
    }
    .into_any()
}
