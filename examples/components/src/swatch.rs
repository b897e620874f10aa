//! A colour swatch picker written in Leptos: the colours come in as props, the colour picked
//! goes back as the state value `colour`.

use leptos::prelude::*;
use serde::Deserialize;
use wasmlit::web::{ComponentHandle, LeptosComponent};

/// The swatch picker.
pub struct Swatch;

/// What the script sends: `{"colours": [..]}`.
#[derive(Clone, Deserialize)]
pub struct SwatchProps {
    pub colours: Vec<String>,
}

impl LeptosComponent for Swatch {
    const NAME: &'static str = crate::SWATCH;
    type Props = SwatchProps;

    fn view(props: Signal<SwatchProps>, handle: ComponentHandle) -> AnyView {
        let picked = move || handle.state::<String>("colour");
        view! {
            <div class="swatches" role="group" aria-label="Colours" style="display: flex; gap: 0.5rem;">
                {move || {
                    props
                        .get()
                        .colours
                        .into_iter()
                        .map(|colour| {
                            let style = format!(
                                "width: 2rem; height: 2rem; border-radius: var(--st-base-radius); cursor: pointer; \
                                 background: {colour}; border: 2px solid var(--st-background-color);"
                            );
                            let (pressed, outlined, clicked) = (colour.clone(), colour.clone(), colour.clone());
                            view! {
                                <button
                                    type="button"
                                    style=style
                                    aria-label=colour
                                    aria-pressed=move || (picked().as_deref() == Some(pressed.as_str())).to_string()
                                    style:outline=move || {
                                        if picked().as_deref() == Some(outlined.as_str()) { "2px solid var(--st-text-color)" } else { "none" }
                                    }
                                    on:click=move |_| handle.set_state("colour", &clicked)
                                ></button>
                            }
                        })
                        .collect_view()
                }}
            </div>
        }
        .into_any()
    }
}
