//! Renders `toast`: the element itself draws nothing in place; it puts its toast in the
//! page's toast stack (bottom right, [`stack`]) once per run that drew it, and takes it
//! out after [`SHOWN_FOR`] (or when the viewer closes it). A later patch of the same run
//! (the handle's `.toast(..)`) updates the toast already shown.

use std::time::Duration;

use leptos::prelude::*;

use crate::elements::status::toast::ToastProps;
use crate::markdown::to_html;
use crate::web::elements::DisplayCell;

/// How long a toast stays.
const SHOWN_FOR: Duration = Duration::from_secs(4);

/// One toast in the stack.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    id: u64,
    props: ToastProps,
}

/// The toast stack the shell provides as context: toasts outlive the element that drew them
/// (a rerun within four seconds does not take one away).
#[derive(Clone, Copy)]
pub(crate) struct Toasts {
    shown: RwSignal<Vec<Shown>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub(crate) fn new() -> Self {
        Toasts { shown: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) }
    }

    fn show(self, props: ToastProps) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| shown.push(Shown { id, props }));
        set_timeout(move || self.close(id), SHOWN_FOR);
        id
    }

    fn update(self, id: u64, props: ToastProps) {
        self.shown.update(|shown| {
            if let Some(toast) = shown.iter_mut().find(|t| t.id == id) {
                toast.props = props;
            }
        });
    }

    fn close(self, id: u64) {
        self.shown.update(|shown| shown.retain(|t| t.id != id));
    }
}

/// The stack itself, drawn once by the shell.
pub(crate) fn stack(toasts: Toasts) -> impl IntoView {
    view! {
        <div class="wl-toasts" role="status" aria-live="polite">
            <For each=move || toasts.shown.get() key=|t| (t.id, t.props.body.clone(), t.props.icon.clone()) let:toast>
                <div class="wl-toast-box">
                    {toast.props.icon.clone().map(|icon| view! { <span class="wl-toast-icon" aria-hidden="true">{icon}</span> })}
                    <div class="wl-md wl-toast-body" inner_html=to_html(&toast.props.body, false)></div>
                    <button class="wl-toast-close" aria-label="Close" on:click=move |_| toasts.close(toast.id)>"✕"</button>
                </div>
            </For>
        </div>
    }
}

pub(crate) fn render(cell: DisplayCell<ToastProps>) -> AnyView {
    let props = cell.props;
    let Some(toasts) = use_context::<Toasts>() else {
        // No shell (a bare cell): show it in place.
        return view! { <div class="wl-toast-box wl-toast-inline">{move || props.with(|p| p.body.clone())}</div> }
            .into_any();
    };
    // (run, id in the stack) of the toast this element put there last.
    let mine = StoredValue::new(None::<(u64, u64)>);
    Effect::new(move |_| {
        let current = props.get();
        match mine.get_value() {
            Some((run, id)) if run == current.run => toasts.update(id, current),
            _ => {
                let run = current.run;
                let id = toasts.show(current);
                mine.set_value(Some((run, id)));
            }
        }
    });
    ().into_any()
}
