//! Renders `spinner` as a spinning ring and its text (CSS shows it after 0.5 s).

use leptos::prelude::*;

use crate::elements::status::spinner::SpinnerProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<SpinnerProps>) -> AnyView {
    let props = cell.props;
    view! {
        <div class="wl-spinner" role="status">
            <span class="wl-spinner-icon" aria-hidden="true"></span>
            <span>{move || props.with(|p| p.text.clone())}</span>
        </div>
    }
    .into_any()
}
