//! Renders `exception` as a red box with the error's kind and message, and a "Caused by"
//! line for each error in its source chain.

use leptos::prelude::*;

use crate::elements::status::exception::ExceptionProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<ExceptionProps>) -> AnyView {
    let props = cell.props;
    view! {
        <div class="wl-exception-box" class:wl-exception-warning=move || props.with(|p| p.is_warning) role="alert">
            <div class="wl-exception-kind">{move || props.with(|p| p.kind.clone())}</div>
            <pre class="wl-exception-message">{move || props.with(|p| p.message.clone())}</pre>
            <For each=move || props.with(|p| p.causes.clone()).into_iter().enumerate() key=|(i, cause)| (*i, cause.clone()) let:cause>
                <pre class="wl-exception-cause">"Caused by: "{cause.1}</pre>
            </For>
        </div>
    }
    .into_any()
}
